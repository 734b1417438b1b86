package io.lockstep.console.handlers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;

import io.lockstep.console.live.BulkRun;
import io.lockstep.console.live.BulkTasks;
import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.console.live.VmOperation;
import io.lockstep.model.FtPair;
import io.lockstep.model.VirtualMachine;

/**
 * Start, Stop, Suspend, Resume, Checkpoint, Protect and Unprotect of the selected VMs (inventory, FT pairs,
 * checkpoints — wherever VMs are selected): one task per VM in the tasks dock, run off the UI thread
 * ({@link BulkTasks}). The operation is the handler's initialization data in plugin.xml
 * ({@code io.lockstep.console.handlers.VmCommandHandler:checkpoint}).
 */
public class VmCommandHandler extends AbstractHandler implements IExecutableExtension {

    private VmOperation operation;

    public VmCommandHandler() {
    }

    public VmCommandHandler(VmOperation operation) {
        this.operation = operation;
    }

    @Override
    public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
        operation = VmOperation.of(String.valueOf(data));
    }

    @Override
    public Object execute(ExecutionEvent event) {
        List<VirtualMachine> vms = vms(Handlers.selection(event));
        if (vms.isEmpty()) {
            Handlers.status(operation.title() + ": select one or more VMs first (in the inventory, FT Pairs or Checkpoints; Ctrl+click or "
                    + "Shift+arrows to select many)", true);
            return null;
        }
        LiveDatacenter live = Handlers.live();
        if (live == null) {
            return null;
        }
        run(live, operation, vms);
        return null;
    }

    /** Starts the operation on the VMs and says so; the summary at the end goes to the message lines. */
    public static BulkRun run(LiveDatacenter live, VmOperation operation, List<VirtualMachine> vms) {
        BulkRun run = BulkTasks.start(live, operation, vms, BulkRun.defaultConcurrency(), 0);
        Handlers.status(operation.title() + " of " + (vms.size() == 1 ? vms.get(0).getName() : vms.size() + " VMs") + ": one task per VM in "
                + "Tasks and Events (" + run.concurrency() + " at a time)", false);
        return run;
    }

    /** The VMs in a selection: VMs themselves and the primaries of FT pairs, each once, in order. */
    public static List<VirtualMachine> vms(ISelection selection) {
        Set<VirtualMachine> out = new LinkedHashSet<>();
        if (selection instanceof IStructuredSelection s) {
            for (Object o : s.toList()) {
                if (o instanceof VirtualMachine vm) {
                    out.add(vm);
                } else if (o instanceof FtPair p && p.getPrimary() != null) {
                    out.add(p.getPrimary());
                }
            }
        }
        return new ArrayList<>(out);
    }
}
