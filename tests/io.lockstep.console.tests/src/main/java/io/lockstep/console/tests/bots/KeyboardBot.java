package io.lockstep.console.tests.bots;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * An operator at the keyboard only: chords and key sequences ("Alt+Shift+V C"), typed text and the Quick Access
 * popup (Ctrl+3), all through the window system (XTest under Xvfb), the path a person's keys take — never a
 * widget's listeners called directly.
 */
public final class KeyboardBot {

    private final WorkbenchBot bot;
    private final Display display;

    public KeyboardBot(WorkbenchBot bot) {
        this.bot = bot;
        this.display = bot.display();
    }

    /**
     * Presses {@code key} (a character, or an SWT key code such as {@link SWT#F10}) while holding {@code modifiers}
     * ({@link SWT#CTRL}, {@link SWT#SHIFT}, {@link SWT#ALT}, or-ed), then lets everything go.
     */
    public void chord(int modifiers, int key) {
        List<Integer> held = new ArrayList<>();
        for (int m : new int[] {SWT.CTRL, SWT.ALT, SWT.SHIFT}) {
            if ((modifiers & m) != 0) {
                post(SWT.KeyDown, m, (char) 0);
                held.add(0, m);
            }
        }
        // Enter, Escape, Tab, Backspace, Delete go as key codes: posted as characters they never reached the widgets (GTK, XTest)
        boolean character = key > 0 && key < 0x10000 && "\r\n\t\u001b\b\u007f".indexOf(key) < 0;
        post(SWT.KeyDown, character ? 0 : key, character ? (char) key : 0);
        post(SWT.KeyUp, character ? 0 : key, character ? (char) key : 0);
        for (int m : held) {
            post(SWT.KeyUp, m, (char) 0);
        }
        bot.spin(150);
    }

    /** A key sequence of Eclipse's kind: {@code Alt+Shift+V} then {@code c} ("M2+M3+V C"). */
    public void sequence(int modifiers, char first, char second) {
        chord(modifiers, first);
        chord(0, second);
    }

    /** Types {@code text} character by character. */
    public void type(String text) {
        for (char c : text.toCharArray()) {
            post(SWT.KeyDown, 0, c);
            post(SWT.KeyUp, 0, c);
        }
        bot.spin(200);
    }

    public void press(int keyCode) {
        chord(0, keyCode);
    }

    /**
     * Opens Quick Access with Ctrl+3, types {@code query} into it and waits for a proposal whose text contains
     * {@code expected}; returns the popup's table (its first selected row is what Enter runs).
     */
    public Table quickAccess(String query, String expected) {
        chord(SWT.CTRL, '3');
        bot.waitUntil("the Quick Access popup (Ctrl+3) open with its filter focused (focus on " + display.getFocusControl() + ")",
                () -> display.getFocusControl() instanceof Text t && t.getShell() != bot.shell());
        Text filter = (Text) display.getFocusControl();
        type(query);
        Table[] table = new Table[1];
        bot.waitUntil("Quick Access proposes '" + expected + "' for '" + query + "' (the filter reads '" + filter.getText() + "')", () -> {
            table[0] = find(filter.getShell(), Table.class);
            if (table[0] == null) {
                return false;
            }
            for (TableItem i : table[0].getItems()) {
                for (int c = 0; c < Math.max(1, table[0].getColumnCount()); c++) {
                    if (i.getText(c).contains(expected)) {
                        return true;
                    }
                }
            }
            return false;
        });
        return table[0];
    }

    /** Every row's texts of a table, joined per row (for messages). */
    public static List<String> rows(Table t) {
        List<String> out = new ArrayList<>();
        for (TableItem i : t.getItems()) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < Math.max(1, t.getColumnCount()); c++) {
                b.append(c == 0 ? "" : " | ").append(i.getText(c));
            }
            out.add(b.toString());
        }
        return out;
    }

    /** The first control of {@code type} under {@code shell}, depth first. */
    public static <T extends Control> T find(Control root, Class<T> type) {
        if (type.isInstance(root)) {
            return type.cast(root);
        }
        if (root instanceof org.eclipse.swt.widgets.Composite c) {
            for (Control child : c.getChildren()) {
                T f = find(child, type);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /** The shells open now other than the workbench window (popups, menus' owners, dialogs). */
    public List<Shell> otherShells() {
        List<Shell> out = new ArrayList<>();
        for (Shell s : display.getShells()) {
            if (s != bot.shell() && s.isVisible()) {
                out.add(s);
            }
        }
        return out;
    }

    private void post(int type, int keyCode, char character) {
        Event e = new Event();
        e.type = type;
        e.keyCode = keyCode;
        e.character = character;
        if (!display.post(e)) {
            throw new AssertionError("the window system refused a posted key (code " + keyCode + ", character '" + character + "')");
        }
        bot.spin(30);
    }
}
