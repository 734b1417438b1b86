package io.lockstep.console;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import io.lockstep.console.views.StatusView;

/** The Lockstep perspective. Views of later issues (inventory, leases, checkpoints …) take their places here. */
public class Perspective implements IPerspectiveFactory {

    public static final String ID = "io.lockstep.console.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        layout.addView(StatusView.ID, IPageLayout.LEFT, 0.5f, layout.getEditorArea());
        layout.addShowViewShortcut(StatusView.ID);
        // the datacenter editor's Properties (opened with the first .lockstep file: Window › Show View too)
        layout.addPlaceholder(IPageLayout.ID_PROP_SHEET, IPageLayout.BOTTOM, 0.7f, layout.getEditorArea());
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
    }
}
