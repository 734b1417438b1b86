package io.lockstep.console.handlers;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

import io.lockstep.console.live.Live;
import io.lockstep.console.live.LiveDatacenter;

/** Small helpers the console's commands share. */
final class Handlers {

    private Handlers() {
    }

    static Shell shell() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        return w == null ? null : w.getShell();
    }

    /** The live datacenter, or null after telling the user to connect first. */
    static LiveDatacenter live() {
        LiveDatacenter l = Live.current();
        if (l == null) {
            error("Not connected to a datacenter: use File › Connect to Agent… or Connect to Local Datacenter first.");
        }
        return l;
    }

    /**
     * The selection a command acts on: the event's, or — when a popup ran it (Quick Access runs a command from its own
     * shell, whose selection is empty) — the workbench window's, that of its active view.
     */
    static org.eclipse.jface.viewers.ISelection selection(org.eclipse.core.commands.ExecutionEvent event) {
        org.eclipse.jface.viewers.ISelection s = org.eclipse.ui.handlers.HandlerUtil.getCurrentSelection(event);
        if (s == null || s.isEmpty()) {
            IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            if (w == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
                w = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
            }
            if (w != null) {
                s = w.getSelectionService().getSelection();
            }
        }
        return s;
    }

    static void error(String message) {
        status(message, true);
        if (!Boolean.getBoolean("lockstep.console.noDialogs")) {
            MessageDialog.openError(shell(), "Lockstep", message);
        }
    }

    static void status(String message, boolean error) {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (w != null && w.getActivePage() != null && w.getActivePage().getActivePart() != null) {
            var site = w.getActivePage().getActivePart().getSite();
            if (site instanceof org.eclipse.ui.IViewSite vs) {
                if (error) {
                    vs.getActionBars().getStatusLineManager().setErrorMessage(message);
                } else {
                    vs.getActionBars().getStatusLineManager().setMessage(message);
                }
            }
        }
    }
}
