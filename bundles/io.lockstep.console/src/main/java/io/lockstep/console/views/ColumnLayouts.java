package io.lockstep.console.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.viewers.CellLabelProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * A live table's column layout: each column at least as wide as its title (the title is also its tooltip), sized to
 * its content when the first rows arrive (the widest of the first {@value #SAMPLE} rows, at most {@value #MAX_WIDTH}
 * px; a cut cell shows its whole text as tooltip, {@link CutLabels}); columns can be dragged into another order.
 * What the operator makes of it — widths and order — is kept in the console's preferences under the view and table,
 * restored when the view opens again (also after a restart) and then no longer sized to content.
 */
public final class ColumnLayouts {

    static final int SAMPLE = 200;
    static final int MAX_WIDTH = 480;
    private static final int PADDING = 16;
    static final String PREFIX = "layout.";

    private final String key;
    private final TableViewer viewer;
    private final Table table;
    private boolean fitted;
    private boolean applying;
    /** The widths and order as last set here or by the operator: the toolkit's own notifications of them are not the operator's. */
    private int[] knownWidths = new int[0];
    private int[] knownOrder = new int[0];

    private ColumnLayouts(String key, TableViewer viewer) {
        this.key = key;
        this.viewer = viewer;
        this.table = viewer.getTable();
    }

    /** Lays out {@code viewer}'s columns, remembered under {@code key} (the view's id and the table's place in it). */
    public static ColumnLayouts install(String key, TableViewer viewer) {
        ColumnLayouts l = new ColumnLayouts(key, viewer);
        l.applying = true;
        try {
            for (TableColumn c : l.table.getColumns()) {
                c.setMoveable(true);
                c.setToolTipText(c.getText());
                c.setWidth(Math.max(c.getWidth(), l.titleWidth(c)));
            }
            l.fitted = l.restore();
        } finally {
            l.applying = false;
            l.remember();
        }
        for (TableColumn c : l.table.getColumns()) {
            c.addListener(SWT.Resize, e -> l.changedByOperator());
            c.addListener(SWT.Move, e -> l.changedByOperator());
        }
        CutLabels.install(l.table);
        return l;
    }

    /** Once, when the table first has rows (and no layout was kept): each column as wide as its content. */
    public void fitWhenFilled() {
        if (fitted || table.isDisposed() || viewer.getInput() == null) {
            return;
        }
        Object[] rows = viewer.getContentProvider() instanceof IStructuredContentProvider p ? p.getElements(viewer.getInput()) : new Object[0];
        if (rows.length == 0) {
            return;
        }
        fitted = true;
        applying = true;
        GC gc = new GC(table);
        try {
            gc.setFont(table.getFont());
            TableColumn[] columns = table.getColumns();
            for (int c = 0; c < columns.length; c++) {
                CellLabelProvider labels = viewer.getLabelProvider(c);
                if (!(labels instanceof ColumnLabelProvider cl)) {
                    continue; // drawn by the view (a bar): keeps its width
                }
                int w = titleWidth(columns[c]);
                for (int r = 0; r < rows.length && r < SAMPLE; r++) {
                    String t = TableFilter.text(cl, rows[r]);
                    if (t != null && !t.isEmpty()) {
                        w = Math.max(w, gc.textExtent(t).x + PADDING);
                    }
                }
                columns[c].setWidth(Math.min(w, Math.max(MAX_WIDTH, titleWidth(columns[c]))));
            }
        } finally {
            gc.dispose();
            applying = false;
            remember();
        }
    }

    private void remember() {
        knownWidths = widths();
        knownOrder = table.getColumnOrder();
    }

    /**
     * The columns' widths but the last shown one's: GTK stretches that one to the table's edge by itself, which is no
     * operator's doing (taken for one, it stopped the first fit to content).
     */
    private int[] widths() {
        TableColumn[] columns = table.getColumns();
        int[] order = table.getColumnOrder();
        int last = order.length == 0 ? -1 : order[order.length - 1];
        int[] w = new int[columns.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = i == last ? -1 : columns[i].getWidth();
        }
        return w;
    }

    private int titleWidth(TableColumn c) {
        return CutLabels.width(table, c.getText()) + 2 * PADDING;
    }

    private void changedByOperator() {
        if (applying || table.isDisposed() || (java.util.Arrays.equals(widths(), knownWidths)
                && java.util.Arrays.equals(table.getColumnOrder(), knownOrder))) {
            return;
        }
        remember();
        fitted = true;
        StringBuilder b = new StringBuilder();
        TableColumn[] columns = table.getColumns();
        for (int i : table.getColumnOrder()) {
            if (b.length() > 0) {
                b.append('|');
            }
            b.append(columns[i].getText().replace('|', '/').replace('=', '-')).append('=').append(columns[i].getWidth());
        }
        IEclipsePreferences p = prefs();
        p.put(PREFIX + key, b.toString());
        try {
            p.flush();
        } catch (Exception e) {
            // kept in memory for this run; written with the workbench's other preferences at exit
        }
    }

    /** The layout kept for this table, applied; false when none was kept (or its columns changed since). */
    private boolean restore() {
        Map<String, Integer> kept = kept(key);
        if (kept.isEmpty()) {
            return false;
        }
        TableColumn[] columns = table.getColumns();
        List<Integer> order = new ArrayList<>();
        for (var e : kept.entrySet()) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i].getText().replace('|', '/').replace('=', '-').equals(e.getKey()) && !order.contains(i)) {
                    order.add(i);
                    columns[i].setWidth(e.getValue());
                }
            }
        }
        for (int i = 0; i < columns.length; i++) {
            if (!order.contains(i)) {
                order.add(i); // a column added since: at the end, as built
            }
        }
        table.setColumnOrder(order.stream().mapToInt(Integer::intValue).toArray());
        return true;
    }

    /** The widths kept under {@code key}, in the kept order (empty: none). */
    static Map<String, Integer> kept(String key) {
        Map<String, Integer> out = new LinkedHashMap<>();
        String s = prefs().get(PREFIX + key, "");
        for (String part : s.split("\\|")) {
            int eq = part.lastIndexOf('=');
            if (eq > 0) {
                try {
                    out.put(part.substring(0, eq), Math.max(8, Integer.parseInt(part.substring(eq + 1))));
                } catch (NumberFormatException e) {
                    // a damaged entry: that column as built
                }
            }
        }
        return out;
    }

    /** Every kept layout forgotten (tests start from the layouts as built). */
    public static void forgetAll() {
        IEclipsePreferences p = prefs();
        try {
            for (String k : p.keys()) {
                if (k.startsWith(PREFIX)) {
                    p.remove(k);
                }
            }
            p.flush();
        } catch (Exception e) {
            throw new IllegalStateException("the console's preferences could not be written: " + e.getMessage(), e);
        }
    }

    private static IEclipsePreferences prefs() {
        return InstanceScope.INSTANCE.getNode(FindBar.NODE);
    }
}
