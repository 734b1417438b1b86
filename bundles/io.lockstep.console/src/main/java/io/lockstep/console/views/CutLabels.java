package io.lockstep.console.views;

import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/**
 * Tooltips with the whole text of a cell or tree label that is cut — by its column's width or by the edge of the
 * view — so no label is cut without a way to read it. Worked out when the pointer rests (one measurement), not per row.
 */
public final class CutLabels {

    /** Room the toolkit takes around a cell's text (padding, the cell's margins). */
    private static final int PADDING = 12;

    private CutLabels() {
    }

    /** Table cells: the cell's text as tooltip when it does not fit its column. */
    public static void install(Table table) {
        table.addListener(SWT.MouseHover, e -> table.setToolTipText(cutText(table, new Point(e.x, e.y))));
        table.addListener(SWT.MouseExit, e -> table.setToolTipText(null));
    }

    /**
     * Tree labels: {@code whole} gives the tooltip of an item whose label should always show whole (null: only when
     * cut); otherwise an item's label is its tooltip when it runs past the column or the view's right edge.
     */
    public static void install(Tree tree, Function<TreeItem, String> whole) {
        tree.addListener(SWT.MouseHover, e -> tree.setToolTipText(tooltip(tree, new Point(e.x, e.y), whole)));
        tree.addListener(SWT.MouseExit, e -> tree.setToolTipText(null));
    }

    /** The tooltip the tree shows for the item at {@code p} (null: none). */
    public static String tooltip(Tree tree, Point p, Function<TreeItem, String> whole) {
        TreeItem item = tree.getItem(p);
        if (item == null) {
            return null;
        }
        String always = whole == null ? null : whole.apply(item);
        if (always != null) {
            return always;
        }
        return isCut(tree, item) ? item.getText() : null;
    }

    /** Whether {@code item}'s label runs past the edge of what the tree shows (or past its column). */
    public static boolean isCut(Tree tree, TreeItem item) {
        Rectangle text = item.getBounds();
        int right = tree.getClientArea().x + tree.getClientArea().width;
        if (tree.getColumnCount() > 0) {
            right = Math.min(right, tree.getColumn(0).getWidth());
        }
        return text.x + width(tree, item.getText()) + PADDING / 2 > right;
    }

    /** The text of the cell at {@code p} when it is cut, else null. */
    public static String cutText(Table table, Point p) {
        TableItem item = table.getItem(p);
        if (item == null) {
            return null;
        }
        for (int c = 0; c < Math.max(1, table.getColumnCount()); c++) {
            Rectangle cell = item.getBounds(c);
            if (cell.contains(p)) {
                String t = item.getText(c);
                return !t.isEmpty() && width(table, t) + PADDING > cell.width ? t : null;
            }
        }
        return null;
    }

    /** Whether the cell of {@code item} in column {@code c} is cut. */
    public static boolean isCut(Table table, TableItem item, int c) {
        String t = item.getText(c);
        return !t.isEmpty() && width(table, t) + PADDING > item.getBounds(c).width;
    }

    /** The width {@code text} takes in {@code control}'s font. */
    public static int width(Control control, String text) {
        GC gc = new GC(control);
        try {
            gc.setFont(control.getFont());
            return gc.textExtent(text).x;
        } finally {
            gc.dispose();
        }
    }
}
