package io.lockstep.console.tests.bots;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import io.lockstep.console.Screenshots;

/**
 * Drives the running workbench the way an operator does, with real SWT events: the base of our page objects
 * (SWTBot is not on Maven Central). Every method runs on the UI thread, where tycho-surefire runs the tests.
 */
public class WorkbenchBot {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Display display;

    public WorkbenchBot() {
        display = Display.getCurrent();
        if (display == null) {
            throw new IllegalStateException("UI tests must run on the UI thread (tycho-surefire useUIThread=true)");
        }
    }

    public Display display() {
        return display;
    }

    public IWorkbenchWindow window() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null) {
            window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        return window;
    }

    public Shell shell() {
        return window().getShell();
    }

    public IWorkbenchPage page() {
        return window().getActivePage();
    }

    /** Dispatches events for {@code millis}, so posted input and async work take effect. */
    public void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            if (!display.readAndDispatch()) {
                display.timerExec(10, () -> { });
                display.sleep();
            }
        }
    }

    /** Dispatches events until {@code condition} holds; fails naming {@code what} after {@code timeout}. */
    public void waitUntil(String what, BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + what);
            }
            spin(20);
        }
    }

    public void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, condition, DEFAULT_TIMEOUT);
    }

    public <T extends IViewPart> T showView(String id, Class<T> type) {
        try {
            IViewPart part = page().showView(id);
            spin(100);
            return type.cast(part);
        } catch (PartInitException e) {
            throw new AssertionError("view " + id + " did not open: " + e.getMessage(), e);
        }
    }

    public String activePerspectiveId() {
        return page().getPerspective().getId();
    }

    /** Brings the window to the front and gives focus to {@code control}, as a click would. */
    public void focus(Control control) {
        shell().forceActive();
        control.setFocus();
        spin(200);
        waitUntil("the control has keyboard focus", control::isFocusControl);
    }

    /**
     * Presses and releases a key through the window system (XTest under Xvfb): the event travels the same path
     * as a key typed by a person, unlike {@code notifyListeners}.
     */
    public void pressKey(int keyCode) {
        Event down = new Event();
        down.type = SWT.KeyDown;
        down.keyCode = keyCode;
        if (!display.post(down)) {
            throw new AssertionError("the window system refused a posted key press (keyCode " + keyCode + ")");
        }
        Event up = new Event();
        up.type = SWT.KeyUp;
        up.keyCode = keyCode;
        display.post(up);
        spin(150);
    }

    /** Texts of the menu bar's top-level menus, mnemonics removed ("&File" → "File"). */
    public List<String> menuBarTitles() {
        List<String> titles = new ArrayList<>();
        Menu bar = shell().getMenuBar();
        if (bar != null) {
            for (MenuItem item : bar.getItems()) {
                titles.add(item.getText().replace("&", ""));
            }
        }
        return titles;
    }

    /** Finds a tool bar button by its tooltip anywhere in the window; fails when there is none. */
    public ToolItem toolItem(String tooltip) {
        ToolItem found = findToolItem(shell(), tooltip);
        if (found == null) {
            throw new AssertionError("no tool bar button with tooltip '" + tooltip + "' in the window");
        }
        return found;
    }

    private static ToolItem findToolItem(Control control, String tooltip) {
        if (control instanceof ToolBar toolBar) {
            for (ToolItem item : toolBar.getItems()) {
                if (tooltip.equals(item.getToolTipText())) {
                    return item;
                }
            }
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                ToolItem item = findToolItem(child, tooltip);
                if (item != null) {
                    return item;
                }
            }
        }
        return null;
    }

    /** Clicks a tool bar button (a selection event on the widget, as SWT sends for a click). */
    public void click(ToolItem item) {
        Event event = new Event();
        event.widget = item;
        item.notifyListeners(SWT.Selection, event);
        spin(100);
    }

    /** Where screenshots go: the test bundle's target/screenshots (set by the POM), for people to look at. */
    public static Path screenshotDir() {
        return Path.of(System.getProperty("lockstep.screenshots", "target/screenshots"));
    }

    /** Saves the workbench window as {@code name}.png under {@link #screenshotDir()} and returns the file. */
    public Path screenshot(String name) {
        Path file = screenshotDir().resolve(name + ".png");
        try {
            Screenshots.capture(shell(), file);
        } catch (IOException e) {
            throw new AssertionError("could not save screenshot " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
