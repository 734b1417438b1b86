package io.lockstep.console.tests.bots;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

import io.lockstep.console.views.FindBar;

/**
 * The find box of a live view, driven as an operator does: typed into through the window system (XTest under Xvfb),
 * a saved filter saved with its button and chosen from its list; and what the view then shows, read off its widgets.
 */
public final class FindBot {

    private final WorkbenchBot bot;
    private final FindBar bar;

    public FindBot(WorkbenchBot bot, FindBar bar) {
        if (bar == null) {
            throw new AssertionError("the view has no find box");
        }
        this.bot = bot;
        this.bar = bar;
    }

    public FindBar bar() {
        return bar;
    }

    /** Clears the box and types {@code text} key by key through the window system. */
    public void type(String text) {
        bot.focus(bar.text());
        bar.text().selectAll();
        bot.pressKey(SWT.BS);
        for (char c : text.toCharArray()) {
            Event down = new Event();
            down.type = SWT.KeyDown;
            down.character = c;
            if (!bot.display().post(down)) {
                throw new AssertionError("the window system refused a posted key press ('" + c + "')");
            }
            Event up = new Event();
            up.type = SWT.KeyUp;
            up.character = c;
            bot.display().post(up);
            bot.spin(5);
        }
        bot.waitUntil("the find box says '" + text + "' (it says '" + bar.text().getText() + "')", () -> bar.text().getText().equals(text));
        bot.waitUntil("what was typed applied (or refused)", () -> !bar.pending());
    }

    /** Clicks Save (or Forget, for a saved filter). */
    public void clickSave() {
        Button save = child(bar.control(), Button.class);
        save.notifyListeners(SWT.Selection, new Event());
        bot.spin(50);
    }

    public String saveLabel() {
        return child(bar.control(), Button.class).getText();
    }

    /** The saved filters the list offers. */
    public List<String> savedOffered() {
        Combo c = child(bar.control(), Combo.class);
        return c.isEnabled() ? List.of(c.getItems()) : List.of();
    }

    /** Chooses a saved filter from the list, as a click on it. */
    public void choose(String saved) {
        Combo c = child(bar.control(), Combo.class);
        int i = List.of(c.getItems()).indexOf(saved);
        if (i < 0) {
            throw new AssertionError("'" + saved + "' is not among the saved filters " + List.of(c.getItems()));
        }
        c.select(i);
        c.notifyListeners(SWT.Selection, new Event());
        bot.spin(50);
    }

    private static <T extends Control> T child(org.eclipse.swt.widgets.Composite parent, Class<T> type) {
        for (Control c : parent.getChildren()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the find box");
    }

    /** The labels of a tree's items, every level opened so far (materialising the virtual ones), "parent/child" paths. */
    public static List<String> labels(Tree tree) {
        List<String> out = new ArrayList<>();
        for (TreeItem i : tree.getItems()) {
            labels(i, "", out);
        }
        return out;
    }

    private static void labels(TreeItem item, String prefix, List<String> out) {
        String t = item.getText();
        out.add(prefix + t);
        if (item.getExpanded()) {
            for (TreeItem c : item.getItems()) {
                labels(c, prefix + "  ", out);
            }
        }
    }

    /** The text of column {@code c} of every row of a virtual table. */
    public static List<String> column(Table table, int c) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < table.getItemCount(); r++) {
            out.add(table.getItem(r).getText(c));
        }
        return out;
    }
}
