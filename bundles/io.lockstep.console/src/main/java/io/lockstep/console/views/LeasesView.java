package io.lockstep.console.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.OwnerDrawLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import io.lockstep.model.Datastore;
import io.lockstep.model.Lease;

/**
 * The on-disk locks of the live datacenter: entity, owner, mode, generation, the owner's heartbeat age and the
 * time left before the lock may be broken, drawn as a bar (full: the owner just heartbeated; empty: another host
 * may break it). Locks whose holder stopped heartbeating are highlighted.
 */
public class LeasesView extends LiveView {

    public static final String ID = "io.lockstep.console.views.leases";

    private TableViewer viewer;
    private Color stale;

    @Override
    protected void create(Composite parent) {
        parent.setLayout(new FillLayout());
        viewer = table(parent);
        stale = new Color(255, 220, 215);
        column(viewer, "Entity", 200, Lease.class, Lease::getEntity, this::highlight);
        column(viewer, "Owner", 90, Lease.class, l -> l.getOwner() == null ? "?" : l.getOwner().getName(), this::highlight);
        column(viewer, "Mode", 90, Lease.class, l -> l.getMode().getLiteral(), this::highlight);
        column(viewer, "Generation", 80, Lease.class, Lease::getGeneration, this::highlight);
        column(viewer, "Heartbeat age", 100, Lease.class, l -> ago(l.getHeartbeatAgeMillis()), this::highlight);
        TableViewerColumn bar = new TableViewerColumn(viewer, SWT.NONE);
        bar.getColumn().setText("Time to expiry");
        bar.getColumn().setWidth(220);
        bar.setLabelProvider(new OwnerDrawLabelProvider() {
            @Override
            protected void measure(Event event, Object element) {
            }

            @Override
            protected void paint(Event event, Object element) {
                if (element instanceof Lease l) {
                    drawBar(event.gc, ((org.eclipse.swt.widgets.TableItem) event.item).getBounds(event.index), l);
                }
            }
        });
        column(viewer, "State", 200, Lease.class, this::state, this::highlight);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        getSite().setSelectionProvider(viewer);
        viewer.getTable().addDisposeListener(e -> stale.dispose());
    }

    private Color highlight(Lease l) {
        return l.isOwnerLive() ? null : stale;
    }

    /** Milliseconds before another host may break the lock (0: it may now). */
    public long timeToExpiry(Lease l) {
        long timeout = live == null ? 8000 : live.leaseTimeoutMillis();
        return l.isOwnerLive() ? Math.max(0, timeout - l.getHeartbeatAgeMillis()) : 0;
    }

    public String state(Lease l) {
        return l.isOwnerLive() ? "held (owner heartbeating)"
                : "EXPIRED: " + (l.getOwner() == null ? "owner" : l.getOwner().getName()) + " stopped heartbeating; breakable";
    }

    private void drawBar(GC gc, Rectangle cell, Lease l) {
        long timeout = live == null ? 8000 : live.leaseTimeoutMillis();
        double left = timeout <= 0 ? 0 : (double) timeToExpiry(l) / timeout;
        int w = (int) Math.round((cell.width - 70) * left);
        Color old = gc.getBackground();
        gc.setBackground(gc.getDevice().getSystemColor(left > 0.5 ? SWT.COLOR_DARK_GREEN : left > 0 ? SWT.COLOR_DARK_YELLOW : SWT.COLOR_RED));
        gc.fillRectangle(cell.x + 2, cell.y + 3, Math.max(w, left > 0 ? 2 : 0), cell.height - 6);
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_GRAY));
        gc.drawRectangle(cell.x + 2, cell.y + 3, cell.width - 70, cell.height - 6);
        gc.setBackground(old);
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        gc.drawText(left > 0 ? ago(timeToExpiry(l)) : "expired", cell.x + cell.width - 64, cell.y + 2, true);
    }

    /** The leases shown, in table order (UI thread). */
    @SuppressWarnings("unchecked")
    public List<Lease> rows() {
        Object input = viewer.getInput();
        return input == null ? List.of() : List.copyOf((List<Lease>) input);
    }

    public TableViewer viewer() {
        return viewer;
    }

    @Override
    protected void refresh() {
        List<Lease> leases = new ArrayList<>();
        if (live != null) {
            for (Datastore ds : live.model().getDatastores()) {
                leases.addAll(ds.getLeases());
            }
        }
        if (!leases.equals(viewer.getInput())) {
            viewer.setInput(leases);
        } else {
            viewer.refresh(true);
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
