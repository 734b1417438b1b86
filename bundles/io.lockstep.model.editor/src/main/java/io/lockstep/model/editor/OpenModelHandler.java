package io.lockstep.model.editor;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** File › Open Datacenter Model…: a {@code .lockstep} file in the datacenter editor. */
public final class OpenModelHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        var window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        FileDialog dialog = new FileDialog(window.getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.lockstep", "*.*"});
        dialog.setFilterNames(new String[] {"Datacenter models (*.lockstep)", "All files"});
        String chosen = dialog.open();
        if (chosen != null) {
            try {
                DatacenterEditor.open(window.getActivePage(), Path.of(chosen));
            } catch (PartInitException e) {
                throw new ExecutionException("cannot open " + chosen + ": " + e.getMessage(), e);
            }
        }
        return null;
    }
}
