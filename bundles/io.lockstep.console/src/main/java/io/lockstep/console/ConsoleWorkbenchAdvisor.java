package io.lockstep.console;

import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Opens the Lockstep perspective and, when asked to run headless, schedules screenshots and the exit. */
public class ConsoleWorkbenchAdvisor extends WorkbenchAdvisor {

    private final HeadlessRun headless;

    public ConsoleWorkbenchAdvisor(HeadlessRun headless) {
        this.headless = headless;
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return Perspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new ConsoleWindowAdvisor(configurer);
    }

    @Override
    public void postStartup() {
        // connected to a local datacenter at start when the launcher started one for us (-Dlockstep.datacenter)
        if (System.getProperty("lockstep.datacenter") != null) {
            io.lockstep.console.live.Connector.local(org.eclipse.swt.widgets.Display.getCurrent(),
                    io.lockstep.console.handlers.ConnectLocalHandler.defaultFile(), message -> System.err.println("lockstep console: " + message));
        }
        headless.schedule(getWorkbenchConfigurer().getWorkbench());
    }
}
