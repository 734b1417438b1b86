package io.lockstep.model.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import io.lockstep.model.io.ModelIO;
import io.lockstep.model.io.Samples;

/** File › New Sample Datacenter: a small generated datacenter (3 hosts, 6 VMs) saved in the workspace and opened. */
public final class NewSampleHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        var window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        try {
            Path dir = Path.of(Platform.getInstanceLocation().getURL().toURI());
            Files.createDirectories(dir);
            Path file = dir.resolve("sample.lockstep");
            for (int i = 2; Files.exists(file); i++) {
                file = dir.resolve("sample-" + i + ".lockstep");
            }
            ModelIO.save(Samples.large(3, 6), file);
            DatacenterEditor.open(window.getActivePage(), file);
        } catch (IOException | java.net.URISyntaxException | PartInitException e) {
            throw new ExecutionException("cannot create a sample datacenter: " + e.getMessage(), e);
        }
        return null;
    }
}
