package io.lockstep.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Saves what a shell shows on screen as a PNG, for headless runs and UI-test artifacts. */
public final class Screenshots {

    private Screenshots() {
    }

    /**
     * Captures {@code shell} as it is on the screen (copying the display area under it, so native widgets
     * and decorations appear as the X server draws them) and writes a PNG. Must run on the UI thread.
     *
     * @return the image size that was written
     */
    public static Rectangle capture(Shell shell, Path file) throws IOException {
        Display display = shell.getDisplay();
        while (display.readAndDispatch()) {
            // let pending paints land before copying the screen
        }
        Rectangle bounds = shell.getBounds();
        Rectangle screen = display.getBounds();
        Rectangle area = bounds.intersection(screen);
        if (area.isEmpty()) {
            throw new IOException("shell " + bounds + " is outside the screen " + screen + ": nothing to capture");
        }
        Image image = new Image(display, area.width, area.height);
        try {
            GC gc = new GC(display);
            try {
                gc.copyArea(image, area.x, area.y);
            } finally {
                gc.dispose();
            }
            ImageData data = image.getImageData();
            if (isBlank(data)) {
                // Some X servers (or a compositor) give nothing back from the root window: let the widgets paint themselves.
                GC shellGc = new GC(image);
                try {
                    shell.print(shellGc);
                } finally {
                    shellGc.dispose();
                }
                data = image.getImageData();
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            loader.save(tmp.toString(), SWT.IMAGE_PNG);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Rectangle(0, 0, data.width, data.height);
        } finally {
            image.dispose();
        }
    }

    /** True when every sampled pixel has one value: the copy produced no picture. */
    public static boolean isBlank(ImageData data) {
        int first = data.getPixel(0, 0);
        for (int y = 0; y < data.height; y += Math.max(1, data.height / 32)) {
            for (int x = 0; x < data.width; x += Math.max(1, data.width / 32)) {
                if (data.getPixel(x, y) != first) {
                    return false;
                }
            }
        }
        return true;
    }
}
