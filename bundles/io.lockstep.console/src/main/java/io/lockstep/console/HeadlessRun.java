package io.lockstep.console;

import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;

/**
 * What the console does when it runs without anyone looking at it (under Xvfb): save a screenshot of the
 * workbench window (once, or every few seconds) and optionally close after a while. Configured by
 * system properties that {@code ./lockstep console --headless} sets:
 * <ul>
 * <li>{@code lockstep.screenshot} – PNG file to write;</li>
 * <li>{@code lockstep.screenshot.every} – seconds between screenshots (0: only one, after start-up);</li>
 * <li>{@code lockstep.exitAfter} – seconds after start-up to close the workbench (0: run until stopped).</li>
 * </ul>
 */
public final class HeadlessRun {

    /** Time for the first layout and paint to settle before the first screenshot. */
    static final Duration FIRST_SHOT_DELAY = Duration.ofSeconds(2);

    private final Path screenshot;
    private final Duration every;
    private final Duration exitAfter;

    public HeadlessRun(Path screenshot, Duration every, Duration exitAfter) {
        this.screenshot = screenshot;
        this.every = every;
        this.exitAfter = exitAfter;
    }

    public static HeadlessRun fromSystemProperties() {
        String file = System.getProperty("lockstep.screenshot", "").trim();
        return new HeadlessRun(file.isEmpty() ? null : Path.of(file),
                Duration.ofSeconds(seconds("lockstep.screenshot.every")),
                Duration.ofSeconds(seconds("lockstep.exitAfter")));
    }

    private static long seconds(String property) {
        String value = System.getProperty(property, "0").trim();
        try {
            long s = Long.parseLong(value);
            if (s < 0) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "system property " + property + ": expected a whole number of seconds >= 0, found '" + value + "'");
        }
    }

    public boolean isActive() {
        return screenshot != null || !exitAfter.isZero();
    }

    void schedule(IWorkbench workbench) {
        Display display = workbench.getDisplay();
        if (screenshot != null) {
            display.timerExec((int) FIRST_SHOT_DELAY.toMillis(), new Runnable() {
                @Override
                public void run() {
                    shoot(workbench);
                    if (!every.isZero() && !display.isDisposed()) {
                        display.timerExec((int) every.toMillis(), this);
                    }
                }
            });
        }
        if (!exitAfter.isZero()) {
            display.timerExec((int) exitAfter.toMillis(), () -> {
                if (screenshot != null) {
                    shoot(workbench);
                }
                workbench.close();
            });
        }
    }

    private void shoot(IWorkbench workbench) {
        IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
        if (window == null && workbench.getWorkbenchWindowCount() > 0) {
            window = workbench.getWorkbenchWindows()[0];
        }
        if (window == null) {
            return;
        }
        Shell shell = window.getShell();
        try {
            Screenshots.capture(shell, screenshot);
            System.out.println("lockstep: screenshot saved to " + screenshot.toAbsolutePath());
        } catch (Exception e) {
            System.err.println("lockstep: could not save screenshot " + screenshot + ": " + e);
        }
    }
}
