package io.lockstep.console.tests.bots;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import io.lockstep.console.views.StatusView;

/** The Status view as an operator sees it: rows of property and value, a Copy All button. */
public class StatusViewBot {

    public static final String COPY_TOOLTIP = "Copy every property to the clipboard, for a bug report";

    private final WorkbenchBot bot;
    private final StatusView view;

    public StatusViewBot(WorkbenchBot bot) {
        this.bot = bot;
        this.view = bot.showView(StatusView.ID, StatusView.class);
        bot.waitUntil("the Status view has rows", () -> table().getItemCount() > 0);
    }

    public Table table() {
        return view.getViewer().getTable();
    }

    /** Property → value, read from the table's cells as displayed. */
    public Map<String, String> rows() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (TableItem item : table().getItems()) {
            rows.put(item.getText(0), item.getText(1));
        }
        return rows;
    }

    public String value(String property) {
        String value = rows().get(property);
        if (value == null) {
            throw new AssertionError("the Status view has no row '" + property + "'; rows: " + rows().keySet());
        }
        return value;
    }

    public void select(int row) {
        table().setSelection(row);
        table().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        bot.spin(50);
    }

    public int selectedRow() {
        return table().getSelectionIndex();
    }

    /** Gives the table keyboard focus and presses a key through the window system. */
    public void press(int keyCode) {
        bot.focus(table());
        bot.pressKey(keyCode);
    }

    /** Clicks "Copy All" in the view's tool bar and returns what landed on the clipboard. */
    public String clickCopyAll() {
        bot.click(bot.toolItem(COPY_TOOLTIP));
        Clipboard clipboard = new Clipboard(bot.display());
        try {
            Object contents = clipboard.getContents(TextTransfer.getInstance());
            return contents == null ? null : contents.toString();
        } finally {
            clipboard.dispose();
        }
    }
}
