package io.lockstep.console.handlers;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.viewers.IStructuredSelection;

import io.lockstep.console.live.BulkTasks;
import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.model.Task;

/** Cancels the tasks selected in Tasks and Events ({@link BulkTasks#cancel}). */
public class CancelTasksHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<Task> tasks = new ArrayList<>();
        if (Handlers.selection(event) instanceof IStructuredSelection s) {
            for (Object o : s.toList()) {
                if (o instanceof Task t) {
                    tasks.add(t);
                }
            }
        }
        if (tasks.isEmpty()) {
            Handlers.status("Cancel Tasks: select one or more running tasks in Tasks and Events first", true);
            return null;
        }
        LiveDatacenter live = Handlers.live();
        if (live != null) {
            BulkTasks.cancel(live, tasks, m -> Handlers.status(m, true));
        }
        return null;
    }
}
