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

    /** Ctrl and a character key pressed together through the window system (XTest under Xvfb), as a person types Ctrl+C. */
    public void pressCtrl(char c) {
        key(SWT.KeyDown, SWT.CTRL);
        Event down = new Event();
        down.type = SWT.KeyDown;
        down.character = c;
        if (!display.post(down)) {
            throw new AssertionError("the window system refused a posted key press ('" + c + "')");
        }
        Event up = new Event();
        up.type = SWT.KeyUp;
        up.character = c;
        display.post(up);
        key(SWT.KeyUp, SWT.CTRL);
        spin(150);
    }

    /**
     * Drags with the mouse through the window system (XTest under Xvfb), as a person does: press on {@code from},
     * move in steps (past the toolkit's drag threshold), hover, release over {@code to}. {@code mask} is held
     * during the drag (SWT.SHIFT for a move, 0 for the default operation). Points are in {@code control}'s coordinates.
     */
    public void drag(Control control, org.eclipse.swt.graphics.Point from, org.eclipse.swt.graphics.Point to, int mask) {
        org.eclipse.swt.graphics.Point a = control.toDisplay(from);
        org.eclipse.swt.graphics.Point b = control.toDisplay(to);
        shell().forceActive();
        spin(150);
        post(SWT.MouseMove, a.x, a.y, 0);
        spin(100);
        if (mask == SWT.SHIFT) {
            key(SWT.KeyDown, SWT.SHIFT);
        }
        post(SWT.MouseDown, a.x, a.y, 1);
        spin(100);
        int steps = 20;
        for (int i = 1; i <= steps; i++) {
            post(SWT.MouseMove, a.x + (b.x - a.x) * i / steps, a.y + (b.y - a.y) * i / steps, 0);
            spin(40);
        }
        post(SWT.MouseMove, b.x + 1, b.y, 0);
        spin(300);
        post(SWT.MouseMove, b.x, b.y, 0);
        spin(300);
        post(SWT.MouseUp, b.x, b.y, 1);
        spin(300);
        if (mask == SWT.SHIFT) {
            key(SWT.KeyUp, SWT.SHIFT);
        }
        spin(200);
    }

    /**
     * A drag and drop as the toolkit delivers it to the widgets: the tree's DragSource gets DragStart and
     * DragSetData, its DropTarget DragEnter, DragOver, DropAccept and Drop on {@code target}, with the operation
     * {@code detail} (DND.DROP_DEFAULT for a plain drop, DND.DROP_MOVE for Shift). The listeners, the viewer's drop
     * adapter and everything behind them run as in a drag with the mouse; only the window system's part (the
     * pointer grab and motion, which GTK does not start from XTest events under Xvfb here) is left out.
     */
    public void dragAndDrop(Control control, org.eclipse.swt.widgets.Item target, int detail) {
        try {
            org.eclipse.swt.dnd.DragSource source = (org.eclipse.swt.dnd.DragSource) control.getData(org.eclipse.swt.dnd.DND.DRAG_SOURCE_KEY);
            org.eclipse.swt.dnd.DropTarget drop = (org.eclipse.swt.dnd.DropTarget) control.getData(org.eclipse.swt.dnd.DND.DROP_TARGET_KEY);
            if (source == null || drop == null) {
                throw new AssertionError("the control has no drag source or no drop target");
            }
            org.eclipse.swt.dnd.TransferData type = drop.getTransfer()[0].getSupportedTypes()[0];
            Event start = dndEvent(source, null, type, 0, 0);
            start.doit = true;
            source.notifyListeners(org.eclipse.swt.dnd.DND.DragStart, start);
            if (!start.doit) {
                throw new AssertionError("the drag source refused to start a drag of the selection");
            }
            Event data = dndEvent(source, null, type, 0, 0);
            source.notifyListeners(org.eclipse.swt.dnd.DND.DragSetData, data);
            org.eclipse.swt.graphics.Rectangle r = target instanceof org.eclipse.swt.widgets.TreeItem ti ? ti.getBounds()
                    : ((org.eclipse.swt.widgets.TableItem) target).getBounds();
            org.eclipse.swt.graphics.Point at = control.toDisplay(r.x + r.width / 2, r.y + r.height / 2);
            int ops = org.eclipse.swt.dnd.DND.DROP_MOVE | org.eclipse.swt.dnd.DND.DROP_COPY | org.eclipse.swt.dnd.DND.DROP_LINK;
            Event e = dndEvent(drop, target, type, at.x, at.y);
            set(e, "operations", ops);
            e.detail = detail;
            drop.notifyListeners(org.eclipse.swt.dnd.DND.DragEnter, e);
            spin(50);
            e.detail = e.detail == org.eclipse.swt.dnd.DND.DROP_NONE ? detail : e.detail;
            drop.notifyListeners(org.eclipse.swt.dnd.DND.DragOver, e);
            spin(50);
            if (e.detail == org.eclipse.swt.dnd.DND.DROP_NONE) {
                return; // the target refused while hovering
            }
            drop.notifyListeners(org.eclipse.swt.dnd.DND.DropAccept, e);
            e.data = data.data;
            drop.notifyListeners(org.eclipse.swt.dnd.DND.Drop, e);
            spin(200);
        } catch (ReflectiveOperationException ex) {
            throw new AssertionError("cannot make an SWT drag and drop event: " + ex, ex);
        }
    }

    private Event dndEvent(org.eclipse.swt.widgets.Widget widget, org.eclipse.swt.widgets.Item item, org.eclipse.swt.dnd.TransferData type, int x, int y)
            throws ReflectiveOperationException {
        Class<?> c = Class.forName("org.eclipse.swt.dnd.DNDEvent", true, org.eclipse.swt.dnd.DND.class.getClassLoader());
        java.lang.reflect.Constructor<?> k = c.getDeclaredConstructor();
        k.setAccessible(true);
        Event e = (Event) k.newInstance();
        e.widget = widget;
        e.display = display;
        e.item = item;
        e.x = x;
        e.y = y;
        e.time = (int) System.currentTimeMillis();
        set(e, "dataType", type);
        set(e, "dataTypes", new org.eclipse.swt.dnd.TransferData[] {type});
        return e;
    }

    private static void set(Event e, String field, Object value) throws ReflectiveOperationException {
        java.lang.reflect.Field f = e.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(e, value);
    }

    private void post(int type, int x, int y, int button) {
        Event e = new Event();
        e.type = type;
        e.x = x;
        e.y = y;
        e.button = button;
        if (!display.post(e)) {
            throw new AssertionError("the window system refused a posted mouse event (type " + type + ")");
        }
    }

    private void key(int type, int keyCode) {
        Event e = new Event();
        e.type = type;
        e.keyCode = keyCode;
        display.post(e);
        spin(50);
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
