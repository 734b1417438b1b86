package io.lockstep.model.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.jface.viewers.ViewerDropAdapter;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.dnd.TransferData;

import io.lockstep.model.FtPair;
import io.lockstep.model.FtState;
import io.lockstep.model.Host;
import io.lockstep.model.LockstepFactory;
import io.lockstep.model.VirtualMachine;

/**
 * Drag and drop of VMs onto hosts, for any viewer that shows both. A plain drop makes the host the VMs' FT backup;
 * a drop with Shift held (a move) moves them there. Before anything happens the request is checked with the
 * model's own validation rules (the backup on another host, both hosts mounting every disk's datastore): a
 * refused drop changes nothing and reports the rule's message. What a drop does is up to the {@link Target} —
 * an EMF command in an offline model, an agent call in the live datacenter.
 */
public final class VmDrop extends ViewerDropAdapter {

    /** What the drop does once it is allowed, and where a refusal is told. */
    public interface Target {
        void protect(List<VirtualMachine> vms, Host backup) throws Exception;

        void move(List<VirtualMachine> vms, Host to) throws Exception;

        void refused(String message);
    }

    private final Target target;
    private int operation;

    private VmDrop(StructuredViewer viewer, Target target) {
        super(viewer);
        this.target = target;
        setFeedbackEnabled(false);
    }

    /** Makes VMs in {@code viewer} draggable and hosts in it drop targets. */
    public static VmDrop install(StructuredViewer viewer, Target target) {
        Transfer[] transfers = {LocalSelectionTransfer.getTransfer()};
        viewer.addDragSupport(DND.DROP_LINK | DND.DROP_MOVE | DND.DROP_COPY, transfers, new DragSourceAdapter() {
            @Override
            public void dragStart(DragSourceEvent event) {
                IStructuredSelection s = viewer.getStructuredSelection();
                event.doit = !s.isEmpty() && s.toList().stream().allMatch(VirtualMachine.class::isInstance);
                LocalSelectionTransfer.getTransfer().setSelection(s);
            }

            @Override
            public void dragSetData(DragSourceEvent event) {
                event.data = LocalSelectionTransfer.getTransfer().getSelection();
            }
        });
        VmDrop drop = new VmDrop(viewer, target);
        viewer.addDropSupport(DND.DROP_LINK | DND.DROP_MOVE | DND.DROP_COPY | DND.DROP_DEFAULT, transfers, drop);
        return drop;
    }

    @Override
    public void dragEnter(DropTargetEvent event) {
        if (event.detail == DND.DROP_DEFAULT || event.detail == DND.DROP_COPY) {
            event.detail = (event.operations & DND.DROP_LINK) != 0 ? DND.DROP_LINK : event.detail;
        }
        super.dragEnter(event);
    }

    @Override
    public void dragOperationChanged(DropTargetEvent event) {
        if (event.detail == DND.DROP_DEFAULT || event.detail == DND.DROP_COPY) {
            event.detail = (event.operations & DND.DROP_LINK) != 0 ? DND.DROP_LINK : event.detail;
        }
        super.dragOperationChanged(event);
    }

    @Override
    public boolean validateDrop(Object on, int op, TransferData type) {
        operation = op;
        return on instanceof Host && !vms(LocalSelectionTransfer.getTransfer().getSelection()).isEmpty();
    }

    @Override
    public boolean performDrop(Object data) {
        Object on = getCurrentTarget();
        List<VirtualMachine> vms = vms(data);
        if (!(on instanceof Host host) || vms.isEmpty()) {
            return false;
        }
        return drop(vms, host, operation == DND.DROP_MOVE);
    }

    /** The drop itself (also what a keyboard or menu gesture calls): checked, then handed to the target. */
    public boolean drop(List<VirtualMachine> vms, Host host, boolean move) {
        List<String> refusals = new ArrayList<>();
        for (VirtualMachine vm : vms) {
            String why = move ? checkMove(vm, host) : checkBackup(vm, host);
            if (why != null) {
                refusals.add(why);
            }
        }
        if (!refusals.isEmpty()) {
            target.refused(String.join("\n", refusals));
            return false;
        }
        try {
            if (move) {
                target.move(vms, host);
            } else {
                target.protect(vms, host);
            }
            return true;
        } catch (Exception e) {
            target.refused(e.getMessage() == null ? e.toString() : e.getMessage());
            return false;
        }
    }

    private static List<VirtualMachine> vms(Object data) {
        List<VirtualMachine> out = new ArrayList<>();
        if (data instanceof IStructuredSelection s) {
            for (Object o : s.toList()) {
                if (o instanceof VirtualMachine vm) {
                    out.add(vm);
                }
            }
        }
        return out;
    }

    /** Why {@code backup} cannot be the FT backup of {@code vm} (the model's rules, their messages), or null. */
    public static String checkBackup(VirtualMachine vm, Host backup) {
        for (FtPair p : pairs(vm)) {
            if (p.getPrimary() == vm && p.getBackupHost() == backup) {
                return vm.getName() + " is already protected on '" + backup.getName() + "'";
            }
        }
        FtPair candidate = candidate(vm, backup);
        BasicDiagnostic d = new BasicDiagnostic();
        Diagnostician.INSTANCE.validate(candidate, d);
        List<String> errors = new ArrayList<>();
        for (Diagnostic c : d.getChildren()) {
            if (c.getSeverity() >= Diagnostic.ERROR) {
                errors.add(c.getMessage());
            }
        }
        if (vm.getCurrentHost() == null) {
            errors.add(vm.getName() + " runs on no host; place it on a host before protecting it");
        }
        return errors.isEmpty() ? null : String.join("\n", errors);
    }

    /** Why {@code vm} cannot move to {@code to}, or null. */
    public static String checkMove(VirtualMachine vm, Host to) {
        if (vm.getCurrentHost() == to) {
            return vm.getName() + " already runs on '" + to.getName() + "'";
        }
        for (FtPair p : pairs(vm)) {
            if (p.getPrimary() == vm && p.getBackupHost() == to) {
                return vm.getName() + ": '" + to.getName() + "' holds its FT backup; a primary and its backup must stay on different hosts"
                        + " (unprotect it first, or test a failover)";
            }
        }
        for (var disk : vm.getDisks()) {
            if (disk.getDatastore() != null && !to.getDatastores().contains(disk.getDatastore())) {
                return vm.getName() + ": host '" + to.getName() + "' does not mount datastore '" + disk.getDatastore().getName() + "', which holds disk '"
                        + disk.getName() + "'";
            }
        }
        return null;
    }

    /** A pair as the drop would make it, not (yet) in any model. */
    public static FtPair candidate(VirtualMachine vm, Host backup) {
        FtPair p = LockstepFactory.eINSTANCE.createFtPair();
        p.setPrimary(vm);
        p.setPrimaryHost(vm.getCurrentHost());
        p.setBackupHost(backup);
        p.setState(FtState.NONE);
        return p;
    }

    private static List<FtPair> pairs(VirtualMachine vm) {
        return vm.eContainer() instanceof io.lockstep.model.Datacenter dc ? dc.getFtPairs() : List.of();
    }
}
