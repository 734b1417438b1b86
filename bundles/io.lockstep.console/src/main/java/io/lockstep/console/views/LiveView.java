package io.lockstep.console.views;

import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewer;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;

import io.lockstep.console.live.Live;
import io.lockstep.console.live.LiveDatacenter;

/**
 * A view of the live datacenter: attaches to each datacenter the console connects to and refreshes when the live
 * model changed — only while it is visible (a hidden view catches up when it is shown). Refreshes are timed
 * with the live datacenter's other UI-thread work.
 */
public abstract class LiveView extends ViewPart {

    protected LiveDatacenter live;
    private final Runnable onChange = this::changed;
    private final Consumer<LiveDatacenter> onLive = this::attach;
    private boolean stale;
    private IPartListener2 visibility;

    /** The key under which {@link #table} marks its viewer on the table, for the find box and column layouts. */
    static final String TABLE_VIEWER = "io.lockstep.console.tableViewer";
    private FindBar findBox;
    private final java.util.List<TableFilter> filters = new java.util.ArrayList<>();
    private final java.util.List<ColumnLayouts> layouts = new java.util.ArrayList<>();

    @Override
    public final void createPartControl(Composite parent) {
        // a find box above what the view makes, when it has something to find in (its tables, or its own find)
        org.eclipse.swt.layout.GridLayout gl = new org.eclipse.swt.layout.GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.verticalSpacing = 0;
        parent.setLayout(gl);
        findBox = new FindBar(parent, q -> {
            if (live != null) {
                live.uiTimes().time("find " + getClass().getSimpleName().replace("View", ""), () -> find(q));
            } else {
                find(q);
            }
        });
        findBox.control().setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.TOP, true, false));
        Composite content = new Composite(parent, SWT.NONE);
        content.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL, true, true));
        create(content);
        java.util.List<TableViewer> tables = new java.util.ArrayList<>();
        tablesIn(content, tables);
        for (int i = 0; i < tables.size(); i++) {
            filters.add(new TableFilter(tables.get(i)));
            layouts.add(ColumnLayouts.install(getViewSite().getId() + "/" + i, tables.get(i)));
        }
        if (tables.isEmpty() && !findsItself()) {
            findBox.control().dispose();
            findBox = null;
            parent.layout();
        } else {
            findKeys(content);
        }
        visibility = new IPartListener2() {
            @Override
            public void partVisible(IWorkbenchPartReference ref) {
                if (ref.getPart(false) == LiveView.this && stale) {
                    changed();
                }
            }
        };
        getSite().getPage().addPartListener(visibility);
        Live.watch(onLive);
    }

    protected abstract void create(Composite parent);

    /** Whether the view applies the find box's query itself ({@link #find(io.lockstep.console.live.FindQuery)}). */
    protected boolean findsItself() {
        return false;
    }

    /** Applies what the find box says (UI thread): by default to every table the view made with {@link #table}. */
    protected void find(io.lockstep.console.live.FindQuery query) {
        for (TableFilter f : filters) {
            f.set(query);
        }
    }

    /** The view's find box (null: the view has nothing to find in). */
    public FindBar findBar() {
        return findBox;
    }

    /** The layouts of the view's tables, in the order the view made them. */
    public java.util.List<ColumnLayouts> columnLayouts() {
        return java.util.List.copyOf(layouts);
    }

    /** Ctrl+F in the view's tables and trees goes to the find box. */
    private void findKeys(org.eclipse.swt.widgets.Control c) {
        if (c instanceof org.eclipse.swt.widgets.Table || c instanceof org.eclipse.swt.widgets.Tree) {
            c.addListener(SWT.KeyDown, e -> {
                if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'f' || e.keyCode == 'F')) {
                    findBox.text().setFocus();
                    findBox.text().selectAll();
                    e.doit = false;
                }
            });
        }
        if (c instanceof Composite comp) {
            for (org.eclipse.swt.widgets.Control child : comp.getChildren()) {
                findKeys(child);
            }
        }
    }

    private static void tablesIn(org.eclipse.swt.widgets.Control c, java.util.List<TableViewer> out) {
        if (c.getData(TABLE_VIEWER) instanceof TableViewer v) {
            out.add(v);
        }
        if (c instanceof Composite comp) {
            for (org.eclipse.swt.widgets.Control child : comp.getChildren()) {
                tablesIn(child, out);
            }
        }
    }

    /** Shows the live model as it is now (UI thread). */
    protected abstract void refresh();

    /** A new live datacenter (null: none). */
    protected void attached() {
    }

    private void attach(LiveDatacenter l) {
        if (live != null) {
            live.removeListener(onChange);
        }
        live = l;
        if (l != null) {
            l.addListener(onChange);
        }
        attached();
        changed();
    }

    private void changed() {
        if (getSite().getPage().isPartVisible(this)) {
            stale = false;
            if (live != null) {
                live.uiTimes().time("view " + getClass().getSimpleName().replace("View", ""), this::refresh);
            } else {
                refresh();
            }
            for (ColumnLayouts l : layouts) {
                l.fitWhenFilled();
            }
        } else {
            stale = true;
        }
    }

    @Override
    public void dispose() {
        Live.unwatch(onLive);
        if (live != null) {
            live.removeListener(onChange);
        }
        if (visibility != null) {
            getSite().getPage().removePartListener(visibility);
        }
        super.dispose();
    }

    /** A virtual table: only the rows on screen get items and labels, so 20,000 locks cost what 30 do. */
    protected static TableViewer table(Composite parent) {
        TableViewer v = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER | SWT.VIRTUAL);
        v.getTable().setHeaderVisible(true);
        v.getTable().setLinesVisible(true);
        v.setUseHashlookup(true);
        v.getTable().setData(TABLE_VIEWER, v);
        return v;
    }

    /** A text column with an optional background per row. */
    protected static <T> void column(ColumnViewer v, String title, int width, Class<T> type, Function<T, Object> text, Function<T, Color> background) {
        ColumnLabelProvider labels = new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                Object t = type.isInstance(element) ? text.apply(type.cast(element)) : "";
                return t == null ? "" : t.toString();
            }

            @Override
            public Color getBackground(Object element) {
                return background != null && type.isInstance(element) ? background.apply(type.cast(element)) : null;
            }
        };
        if (v instanceof TableViewer tv) {
            TableViewerColumn c = new TableViewerColumn(tv, SWT.NONE);
            c.getColumn().setText(title);
            c.getColumn().setWidth(width);
            c.setLabelProvider(labels);
        } else if (v instanceof TreeViewer tv) {
            TreeViewerColumn c = new TreeViewerColumn(tv, SWT.NONE);
            c.getColumn().setText(title);
            c.getColumn().setWidth(width);
            c.setLabelProvider(labels);
        }
    }

    protected static String ago(long millis) {
        return millis < 1000 ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
    }

    protected static String bytes(long b) {
        return b < 1024 ? b + " B" : b < 1 << 20 ? String.format("%.1f KiB", b / 1024.0) : String.format("%.1f MiB", b / 1048576.0);
    }
}
