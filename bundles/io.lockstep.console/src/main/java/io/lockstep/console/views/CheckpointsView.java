package io.lockstep.console.views;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;

import io.lockstep.model.Checkpoint;
import io.lockstep.model.FtPair;
import io.lockstep.model.PowerState;
import io.lockstep.model.Task;
import io.lockstep.model.TaskState;
import io.lockstep.model.VirtualMachine;

/**
 * Checkpoints per VM: the FT epoch rate, pause and bytes per epoch of protected VMs, the progress of a checkpoint
 * being written, and the snapshot tree of the selected VM with Take, Revert and Delete (a delete merges the
 * checkpoint's disk layer: the agent's commit).
 */
public class CheckpointsView extends LiveView {

    public static final String ID = "io.lockstep.console.views.checkpoints";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private TableViewer vms;
    private TreeViewer tree;

    @Override
    protected void create(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        vms = table(sash);
        column(vms, "VM", 80, VirtualMachine.class, VirtualMachine::getName, null);
        column(vms, "Host", 70, VirtualMachine.class, v -> v.getCurrentHost() == null ? "" : v.getCurrentHost().getName(), null);
        column(vms, "Epochs/s", 70, VirtualMachine.class, v -> ft(v, p -> String.format("%.1f", p.getStatistics().getEpochRate())), null);
        column(vms, "Pause p50", 75, VirtualMachine.class, v -> ft(v, p -> p.getStatistics().getPauseP50Micros() + " µs"), null);
        column(vms, "Bytes/epoch", 85, VirtualMachine.class, v -> ft(v, p -> {
            var h = live.history(v.getName());
            return h.isEmpty() ? "" : bytes(Math.round(h.get(h.size() - 1).bytesPerEpoch()));
        }), null);
        column(vms, "Checkpoints", 80, VirtualMachine.class, v -> v.getCheckpoints().size(), null);
        column(vms, "Writing", 110, VirtualMachine.class, this::writing, null);
        vms.setContentProvider(ArrayContentProvider.getInstance());
        tree = new TreeViewer(sash, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        tree.getTree().setHeaderVisible(true);
        column(tree, "Checkpoint", 160, Checkpoint.class, c -> c.getName() + " (#" + c.getId() + ")", null);
        column(tree, "Taken", 110, Checkpoint.class, c -> TIME.format(Instant.ofEpochMilli(c.getTime())), null);
        column(tree, "Size", 80, Checkpoint.class, c -> bytes(c.getSizeBytes()), null);
        tree.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((VirtualMachine) input).getCheckpoints().stream().filter(c -> c.getParent() == null).toArray();
            }

            @Override
            public Object[] getChildren(Object parent) {
                Checkpoint p = (Checkpoint) parent;
                return ((VirtualMachine) p.eContainer()).getCheckpoints().stream().filter(c -> c.getParent() == p).toArray();
            }

            @Override
            public Object getParent(Object element) {
                return ((Checkpoint) element).getParent();
            }

            @Override
            public boolean hasChildren(Object element) {
                return getChildren(element).length > 0;
            }
        });
        sash.setWeights(55, 45);
        vms.addSelectionChangedListener(e -> {
            Object v = vms.getStructuredSelection().getFirstElement();
            tree.setInput(v);
            tree.expandAll();
        });
        getSite().setSelectionProvider(vms);
        Action take = new Action("Take Checkpoint") {
            @Override
            public void run() {
                for (Object o : vms.getStructuredSelection().toList()) {
                    VirtualMachine v = (VirtualMachine) o;
                    live.run("checkpoint " + v.getName(), () -> live.client(v.getCurrentHost().getName()).post("/v1/vms/" + v.getName() + "/checkpoints",
                            Map.of()), this::error);
                }
            }

            private void error(String m) {
                getViewSite().getActionBars().getStatusLineManager().setErrorMessage(m);
            }
        };
        Action revert = checkpointAction("Revert", (v, c) -> live.client(v.getCurrentHost().getName())
                .post("/v1/vms/" + v.getName() + "/checkpoints/" + c.getId() + "/revert", null));
        Action delete = checkpointAction("Delete (merge its disk layer)", (v, c) -> live.client(v.getCurrentHost().getName())
                .delete("/v1/vms/" + v.getName() + "/checkpoints/" + c.getId()));
        getViewSite().getActionBars().getToolBarManager().add(take);
        getViewSite().getActionBars().getToolBarManager().add(revert);
        getViewSite().getActionBars().getToolBarManager().add(delete);
    }

    private interface CpCall {
        void call(VirtualMachine vm, Checkpoint cp) throws Exception;
    }

    private Action checkpointAction(String label, CpCall call) {
        return new Action(label) {
            @Override
            public void run() {
                for (Object o : tree.getStructuredSelection().toList()) {
                    Checkpoint c = (Checkpoint) o;
                    VirtualMachine v = (VirtualMachine) c.eContainer();
                    live.run(label + " " + v.getName() + " #" + c.getId(), () -> call.call(v, c),
                            m -> getViewSite().getActionBars().getStatusLineManager().setErrorMessage(m));
                }
            }
        };
    }

    /** Each primary's pair, rebuilt at every refresh (labels ask for it once per row and column). */
    private java.util.Map<VirtualMachine, FtPair> pairOf = java.util.Map.of();

    private String ft(VirtualMachine v, java.util.function.Function<FtPair, String> f) {
        FtPair p = pairOf.get(v);
        return p == null || p.getStatistics() == null ? "" : f.apply(p);
    }

    /** The progress of a checkpoint of {@code v} being written, from the agents' tasks. */
    public String writing(VirtualMachine v) {
        if (live == null) {
            return "";
        }
        for (Task t : live.model().getTasks()) {
            if (t.getState() == TaskState.RUNNING && v.getName().equals(t.getSubject()) && t.getKind() != null && t.getKind().contains("checkpoint")) {
                return Math.round(t.getProgress() * 100) + " %";
            }
        }
        return "";
    }

    public TableViewer vms() {
        return vms;
    }

    public TreeViewer tree() {
        return tree;
    }

    @Override
    protected void refresh() {
        List<VirtualMachine> running = new ArrayList<>();
        java.util.Map<VirtualMachine, FtPair> pairs = new java.util.HashMap<>();
        if (live != null) {
            for (FtPair p : live.model().getFtPairs()) {
                if (p.getPrimary() != null) {
                    pairs.putIfAbsent(p.getPrimary(), p);
                }
            }
        }
        pairOf = pairs;
        if (live != null) {
            for (VirtualMachine v : live.model().getVms()) {
                if (v.getPowerState() == PowerState.POWERED_ON || !v.getCheckpoints().isEmpty()) {
                    running.add(v);
                }
            }
        }
        if (!running.equals(vms.getInput())) {
            vms.setInput(running);
            if (!running.isEmpty() && vms.getStructuredSelection().isEmpty()) {
                vms.setSelection(new org.eclipse.jface.viewers.StructuredSelection(running.get(0)));
            }
        } else {
            vms.refresh(true);
        }
        tree.refresh(true);
        tree.expandAll();
    }

    @Override
    public void setFocus() {
        vms.getControl().setFocus();
    }
}
