package io.lockstep.console.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.widgets.Display;

import io.lockstep.console.live.Connector;

/** File › Connect to Local Datacenter: the agents `lockstep up` started (work/dc/datacenter.json, or -Dlockstep.datacenter). */
public class ConnectLocalHandler extends AbstractHandler {

    public static Path defaultFile() {
        String p = System.getProperty("lockstep.datacenter");
        return p != null ? Path.of(p) : Path.of(System.getProperty("lockstep.work", "work"), "dc", "datacenter.json");
    }

    @Override
    public Object execute(ExecutionEvent event) {
        Connector.local(Display.getCurrent(), defaultFile(), Handlers::error);
        return null;
    }
}
