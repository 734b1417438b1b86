package io.lockstep.console.live;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

/** Connects the console to agents in a background job (the first call waits for the agent) and makes the result live. */
public final class Connector {

    private Connector() {
    }

    /** Connects to every agent of the local datacenter described by {@code datacenterJson} (as `lockstep up` wrote it). */
    public static void local(Display display, Path datacenterJson, Consumer<String> onError) {
        run(display, "Connecting to the local datacenter " + datacenterJson, () -> LiveDatacenter.endpointsOf(datacenterJson), onError);
    }

    public static void endpoints(Display display, List<LiveDatacenter.Endpoint> endpoints, Consumer<String> onError) {
        run(display, "Connecting to " + endpoints.get(0).url(), () -> endpoints, onError);
    }

    private interface Source {
        List<LiveDatacenter.Endpoint> get() throws Exception;
    }

    private static void run(Display display, String title, Source source, Consumer<String> onError) {
        Job job = new Job(title) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                LiveDatacenter dc = new LiveDatacenter(display, "datacenter");
                try {
                    List<LiveDatacenter.Endpoint> eps = source.get();
                    monitor.beginTask(title, eps.size());
                    String firstError = null;
                    int connected = 0;
                    for (LiveDatacenter.Endpoint e : eps) {
                        try {
                            dc.connect(e);
                            connected++;
                        } catch (Exception ex) {
                            firstError = firstError != null ? firstError : e.name() + " (" + e.url() + "): " + ex.getMessage();
                        }
                        monitor.worked(1);
                    }
                    if (connected == 0) {
                        dc.close();
                        String why = firstError;
                        display.asyncExec(() -> onError.accept("No agent answered: " + why));
                        return Status.OK_STATUS;
                    }
                    String partial = firstError;
                    int n = connected;
                    display.asyncExec(() -> {
                        Live.set(dc);
                        // in the console's log, for operators and for the launcher's smoke test
                        System.out.println("lockstep console: connected to " + n + " of " + eps.size() + " agents (" + title + ")");
                        if (partial != null) {
                            onError.accept("Connected, but not to every agent: " + partial);
                        }
                    });
                } catch (Exception ex) {
                    dc.close();
                    display.asyncExec(() -> onError.accept(ex.getMessage()));
                }
                return Status.OK_STATUS;
            }
        };
        job.setUser(false);
        job.schedule();
    }
}
