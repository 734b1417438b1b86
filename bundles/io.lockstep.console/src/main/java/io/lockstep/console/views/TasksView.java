package io.lockstep.console.views;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.OwnerDrawLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import io.lockstep.model.Task;
import io.lockstep.model.TaskState;

/** Every long operation of the agents with its progress (a bar) and Cancel, and the event stream below it. */
public class TasksView extends LiveView {

    public static final String ID = "io.lockstep.console.views.tasks";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private TableViewer tasks;
    private TableViewer events;
    private Action cancel;

    @Override
    protected void create(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        tasks = table(sash);
        column(tasks, "Task", 70, Task.class, Task::getId, null);
        column(tasks, "Kind", 100, Task.class, Task::getKind, null);
        column(tasks, "Subject", 90, Task.class, Task::getSubject, null);
        column(tasks, "State", 80, Task.class, t -> t.getState().getLiteral(), null);
        TableViewerColumn progress = new TableViewerColumn(tasks, SWT.NONE);
        progress.getColumn().setText("Progress");
        progress.getColumn().setWidth(180);
        progress.setLabelProvider(new OwnerDrawLabelProvider() {
            @Override
            protected void measure(Event event, Object element) {
            }

            @Override
            protected void paint(Event event, Object element) {
                Task t = (Task) element;
                Rectangle r = ((org.eclipse.swt.widgets.TableItem) event.item).getBounds(event.index);
                GC gc = event.gc;
                int w = (int) Math.round((r.width - 56) * Math.max(0, Math.min(1, t.getProgress())));
                gc.setBackground(gc.getDevice().getSystemColor(t.getState() == TaskState.FAILED ? SWT.COLOR_RED
                        : t.getState() == TaskState.CANCELLED ? SWT.COLOR_GRAY : SWT.COLOR_DARK_GREEN));
                gc.fillRectangle(r.x + 2, r.y + 3, w, r.height - 6);
                gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_GRAY));
                gc.drawRectangle(r.x + 2, r.y + 3, r.width - 56, r.height - 6);
                gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
                gc.drawText(Math.round(t.getProgress() * 100) + " %", r.x + r.width - 50, r.y + 2, true);
            }
        });
        column(tasks, "Message", 360, Task.class, Task::getMessage, null);
        tasks.setContentProvider(ArrayContentProvider.getInstance());
        events = table(sash);
        column(events, "Time", 100, io.lockstep.model.Event.class, e -> TIME.format(Instant.ofEpochMilli(e.getTime())), null);
        column(events, "Event", 150, io.lockstep.model.Event.class, io.lockstep.model.Event::getType, null);
        column(events, "Subject", 90, io.lockstep.model.Event.class, io.lockstep.model.Event::getSubject, null);
        column(events, "Details", 560, io.lockstep.model.Event.class, io.lockstep.model.Event::getMessage, null);
        events.setContentProvider(ArrayContentProvider.getInstance());
        sash.setWeights(45, 55);
        cancel = new Action("Cancel Task") {
            @Override
            public void run() {
                // the console's own tasks (many VMs at once) through their run; an agent's task through the agent that runs it
                List<Task> chosen = new java.util.ArrayList<>();
                for (Object o : tasks.getStructuredSelection().toList()) {
                    if (o instanceof Task t && t.isCancellable()) {
                        chosen.add(t);
                    }
                }
                io.lockstep.console.live.BulkTasks.cancel(live, chosen, msg -> getViewSite().getActionBars().getStatusLineManager().setErrorMessage(msg));
            }
        };
        cancel.setActionDefinitionId("io.lockstep.console.tasks.cancel");
        cancel.setEnabled(false);
        tasks.addSelectionChangedListener(e -> cancel.setEnabled(tasks.getStructuredSelection().toList().stream().anyMatch(o -> ((Task) o).isCancellable())));
        getViewSite().getActionBars().getToolBarManager().add(cancel);
        getSite().setSelectionProvider(tasks);
        // what the last action on many VMs did, above the tasks (each failure in the agent's words)
        java.util.function.Consumer<io.lockstep.console.live.BulkRun> ended = run -> {
            if (!tasks.getControl().isDisposed()) {
                setContentDescription(run.summary());
            }
        };
        io.lockstep.console.live.BulkTasks.watch(ended);
        tasks.getControl().addDisposeListener(e -> io.lockstep.console.live.BulkTasks.unwatch(ended));
    }

    /** The summary of the last action on many VMs, as shown above the tasks ("" before any). */
    public String summary() {
        return getContentDescription();
    }

    public TableViewer tasks() {
        return tasks;
    }

    public TableViewer events() {
        return events;
    }

    @Override
    protected void refresh() {
        List<Task> t = live == null ? List.of() : List.copyOf(live.model().getTasks());
        List<io.lockstep.model.Event> e = live == null ? List.of() : List.copyOf(live.model().getEvents());
        if (!t.equals(tasks.getInput())) {
            tasks.setInput(t);
        } else {
            tasks.refresh(true);
        }
        if (!e.equals(events.getInput())) {
            events.setInput(e);
        }
    }

    @Override
    public void setFocus() {
        tasks.getControl().setFocus();
    }
}
