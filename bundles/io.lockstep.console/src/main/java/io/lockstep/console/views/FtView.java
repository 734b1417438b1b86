package io.lockstep.console.views;

import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;

import io.lockstep.model.FtPair;
import io.lockstep.model.FtState;
import io.lockstep.model.FtStatistics;

/** FT pairs: state, mode, epoch rate, pause, lag and the backup's CPU share, charted over time; test failover and unprotect. */
public class FtView extends LiveView {

    public static final String ID = "io.lockstep.console.views.ft";

    private TableViewer viewer;
    private FtChart chart;

    @Override
    protected void create(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        viewer = table(sash);
        column(viewer, "VM", 80, FtPair.class, p -> p.getPrimary() == null ? "?" : p.getPrimary().getName(), null);
        column(viewer, "Primary", 80, FtPair.class, p -> p.getPrimaryHost() == null ? "" : p.getPrimaryHost().getName(), null);
        column(viewer, "Backup", 80, FtPair.class, p -> p.getBackupHost() == null ? "" : p.getBackupHost().getName(), null);
        column(viewer, "Mode", 80, FtPair.class, p -> p.getMode().getLiteral(), null);
        column(viewer, "State", 90, FtPair.class, p -> p.getState().getLiteral(), p -> p.getState() == FtState.PROTECTED ? null
                : parent.getDisplay().getSystemColor(SWT.COLOR_YELLOW));
        column(viewer, "Epochs/s", 70, FtPair.class, p -> stat(p, String.format("%.1f", st(p).getEpochRate())), null);
        column(viewer, "Pause p50/p99", 110, FtPair.class, p -> stat(p, st(p).getPauseP50Micros() + " / " + st(p).getPauseP99Micros() + " µs"), null);
        column(viewer, "Lag", 70, FtPair.class, p -> stat(p, String.format("%.1f ms", st(p).getLagMillis())), null);
        column(viewer, "Backup CPU", 80, FtPair.class, p -> stat(p, String.format("%.0f %%", st(p).getCpuShare() * 100)), null);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        chart = new FtChart(sash);
        sash.setWeights(35, 65);
        viewer.addSelectionChangedListener(e -> drawChart());
        getSite().setSelectionProvider(viewer);
        Action failover = new Action("Test Failover") {
            @Override
            public void run() {
                for (FtPair p : selected()) {
                    String vm = p.getPrimary().getName();
                    live.run("test failover of " + vm, () -> live.client(p.getPrimaryHost().getName()).post("/v1/vms/" + vm + "/ft/failover",
                            new io.lockstep.agent.api.FailoverRequest(true)), msg -> getViewSite().getActionBars().getStatusLineManager().setErrorMessage(msg));
                }
            }
        };
        Action unprotect = new Action("Unprotect") {
            @Override
            public void run() {
                for (FtPair p : selected()) {
                    String vm = p.getPrimary().getName();
                    live.run("unprotect " + vm, () -> live.client(p.getPrimaryHost().getName()).delete("/v1/vms/" + vm + "/ft"),
                            msg -> getViewSite().getActionBars().getStatusLineManager().setErrorMessage(msg));
                }
            }
        };
        getViewSite().getActionBars().getToolBarManager().add(failover);
        getViewSite().getActionBars().getToolBarManager().add(unprotect);
    }

    private List<FtPair> selected() {
        List<FtPair> out = new java.util.ArrayList<>();
        for (Object o : viewer.getStructuredSelection().toList()) {
            if (o instanceof FtPair p && p.getPrimary() != null && p.getPrimaryHost() != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static FtStatistics st(FtPair p) {
        return p.getStatistics();
    }

    private static String stat(FtPair p, String s) {
        return p.getStatistics() == null ? "" : s;
    }

    private void drawChart() {
        if (live == null) {
            return;
        }
        Object first = viewer.getStructuredSelection().getFirstElement();
        if (first == null && !live.model().getFtPairs().isEmpty()) {
            first = live.model().getFtPairs().get(0);
        }
        if (first instanceof FtPair p && p.getPrimary() != null) {
            chart.show(p.getPrimary().getName(), live.history(p.getPrimary().getName()));
        }
    }

    public TableViewer viewer() {
        return viewer;
    }

    /** Samples in the chart last drawn, and whose. */
    public String chartTitle() {
        return chart.title();
    }

    public int chartPoints() {
        return chart.points();
    }

    @Override
    protected void refresh() {
        List<FtPair> pairs = live == null ? List.of() : List.copyOf(live.model().getFtPairs());
        if (!pairs.equals(viewer.getInput())) {
            viewer.setInput(pairs);
        } else {
            viewer.refresh(true);
        }
        drawChart();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
