package io.lockstep.console;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import io.lockstep.console.views.AlarmsView;
import io.lockstep.console.views.CheckpointsView;
import io.lockstep.console.views.FtView;
import io.lockstep.console.views.HistoryView;
import io.lockstep.console.views.InventoryView;
import io.lockstep.console.views.LeasesView;
import io.lockstep.console.views.DatastoreFilesView;
import io.lockstep.console.views.ReservationsView;
import io.lockstep.console.views.SerialConsoleView;
import io.lockstep.console.views.StatusView;
import io.lockstep.console.views.TasksView;

/**
 * The Lockstep perspective: the inventory on the left (Status behind it), the model editor in the middle (hidden
 * until a model is opened) with the FT pairs and checkpoints beside it, the protocol views (leases, reservations, tasks and events, alarms) and the VMs' serial consoles below and
 * the Properties view on the right.
 */
public class Perspective implements IPerspectiveFactory {

    public static final String ID = "io.lockstep.console.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(false); // shown when a model is opened (DatacenterEditor.open)
        IFolderLayout left = layout.createFolder("io.lockstep.console.left", IPageLayout.LEFT, 0.27f, editors);
        left.addView(InventoryView.ID);
        left.addView(StatusView.ID);
        IFolderLayout bottom = layout.createFolder("io.lockstep.console.bottom", IPageLayout.BOTTOM, 0.55f, editors);
        bottom.addView(LeasesView.ID);
        bottom.addView(ReservationsView.ID);
        bottom.addView(DatastoreFilesView.ID);
        bottom.addView(TasksView.ID);
        bottom.addView(AlarmsView.ID);
        bottom.addPlaceholder(SerialConsoleView.ID + ":*"); // a VM's serial console (inventory › Open Serial Console) opens here
        IFolderLayout right = layout.createFolder("io.lockstep.console.right", IPageLayout.RIGHT, 0.45f, editors);
        right.addView(FtView.ID);
        right.addView(CheckpointsView.ID);
        right.addView(HistoryView.ID);
        right.addView(IPageLayout.ID_PROP_SHEET);
        for (String id : new String[] {InventoryView.ID, LeasesView.ID, ReservationsView.ID, DatastoreFilesView.ID, TasksView.ID, AlarmsView.ID, FtView.ID, CheckpointsView.ID,
                StatusView.ID, SerialConsoleView.ID, IPageLayout.ID_PROP_SHEET}) {
            layout.addShowViewShortcut(id);
        }
        layout.addShowViewShortcut(HistoryView.ID);
    }
}
