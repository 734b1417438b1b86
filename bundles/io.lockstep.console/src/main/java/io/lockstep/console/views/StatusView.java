package io.lockstep.console.views;

import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import io.lockstep.console.ConsoleFacts;
import io.lockstep.console.ConsoleFacts.Fact;

/** Status: the console's version and the platform it runs on, copyable for a bug report. */
public class StatusView extends ViewPart {

    public static final String ID = "io.lockstep.console.views.status";

    private TableViewer viewer;
    private Action copy;
    private Action refresh;

    @Override
    public void createPartControl(Composite parent) {
        Composite holder = new Composite(parent, SWT.NONE);
        TableColumnLayout columns = new TableColumnLayout();
        holder.setLayout(columns);
        viewer = new TableViewer(holder, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());

        TableViewerColumn name = new TableViewerColumn(viewer, SWT.LEFT);
        name.getColumn().setText("Property");
        name.setLabelProvider(ColumnLabelProvider.createTextProvider(element -> ((Fact) element).name()));
        columns.setColumnData(name.getColumn(), new ColumnWeightData(30, 140));

        TableViewerColumn value = new TableViewerColumn(viewer, SWT.LEFT);
        value.getColumn().setText("Value");
        value.setLabelProvider(ColumnLabelProvider.createTextProvider(element -> ((Fact) element).value()));
        columns.setColumnData(value.getColumn(), new ColumnWeightData(70, 240));

        parent.setLayout(new FillLayout());
        makeActions();
        getSite().setSelectionProvider(viewer);
        reload();
    }

    private void makeActions() {
        copy = new Action("Copy All") {
            @Override
            public void run() {
                copyToClipboard();
            }
        };
        copy.setToolTipText("Copy every property to the clipboard, for a bug report");
        copy.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_TOOL_COPY));
        refresh = new Action("Refresh") {
            @Override
            public void run() {
                reload();
            }
        };
        refresh.setToolTipText("Read the facts again");
        refresh.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(refresh);
        toolbar.add(copy);
    }

    public void reload() {
        viewer.setInput(ConsoleFacts.collect());
    }

    /** Puts every fact on the clipboard as "name: value" lines and returns that text. */
    public String copyToClipboard() {
        @SuppressWarnings("unchecked")
        String text = ConsoleFacts.asText((List<Fact>) viewer.getInput());
        Clipboard clipboard = new Clipboard(viewer.getControl().getDisplay());
        try {
            clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
        getViewSite().getActionBars().getStatusLineManager().setMessage("Copied " + ((List<?>) viewer.getInput()).size() + " properties");
        return text;
    }

    public TableViewer getViewer() {
        return viewer;
    }

    public Action getCopyAction() {
        return copy;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
