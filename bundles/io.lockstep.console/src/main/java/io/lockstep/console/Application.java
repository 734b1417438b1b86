package io.lockstep.console;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/** The console's entry point: creates the display and runs the workbench until the operator quits. */
public class Application implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        // charts are drawn by JFreeChart into images: AWT must not start a toolkit of its own beside SWT's GTK
        System.setProperty("java.awt.headless", "true");
        Display display = PlatformUI.createDisplay();
        try {
            int code = PlatformUI.createAndRunWorkbench(display,
                    new ConsoleWorkbenchAdvisor(HeadlessRun.fromSystemProperties()));
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
