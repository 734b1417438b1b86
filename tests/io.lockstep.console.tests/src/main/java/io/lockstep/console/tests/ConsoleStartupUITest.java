package io.lockstep.console.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import io.lockstep.console.ConsoleFacts;
import io.lockstep.console.Perspective;
import io.lockstep.console.Screenshots;
import io.lockstep.console.tests.bots.StatusViewBot;
import io.lockstep.console.tests.bots.WorkbenchBot;
import io.lockstep.console.views.StatusView;

/** An operator starts the console: the Lockstep perspective opens with the Status view telling what runs where. */
class ConsoleStartupUITest {

    private WorkbenchBot bot;

    @BeforeEach
    void setUp() {
        bot = new WorkbenchBot();
        bot.waitUntil("the workbench window is open", () -> bot.shell().isVisible());
    }

    @Test
    void theLockstepPerspectiveOpensWithTheStatusViewAndTheMenus() {
        assertEquals(Perspective.ID, bot.activePerspectiveId());
        assertNotNull(bot.page().findView(StatusView.ID), "the Status view is part of the perspective");
        assertEquals("Lockstep", bot.shell().getText());
        List<String> menus = bot.menuBarTitles();
        assertTrue(menus.containsAll(List.of("File", "Window", "Help")), "menu bar: " + menus);
    }

    @Test
    void theStatusViewShowsTheProductVersionAndThePlatform() throws Exception {
        StatusViewBot status = new StatusViewBot(bot);
        String bundleVersion = FrameworkUtil.getBundle(StatusView.class).getVersion().toString();

        assertEquals("Lockstep console", status.value(ConsoleFacts.PRODUCT));
        assertEquals(bundleVersion, status.value(ConsoleFacts.VERSION));
        assertTrue(status.value(ConsoleFacts.BUILT).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC"),
                "built-at comes from the build qualifier: " + status.value(ConsoleFacts.BUILT));
        assertTrue(status.value(ConsoleFacts.JAVA).startsWith(System.getProperty("java.version") + " "),
                status.value(ConsoleFacts.JAVA));
        assertTrue(status.value(ConsoleFacts.SWT_WIDGETS).startsWith(SWT.getPlatform() + " "), status.value(ConsoleFacts.SWT_WIDGETS));
        assertTrue(status.value(ConsoleFacts.OS).startsWith(System.getProperty("os.name")), status.value(ConsoleFacts.OS));
        assertFalse(status.value(ConsoleFacts.WORKBENCH).contains("not installed"), status.value(ConsoleFacts.WORKBENCH));

        Path shot = bot.screenshot("workbench-status-view");
        assertTrue(Files.size(shot) > 1000, "screenshot " + shot + " has a picture in it");
        ImageData image = new ImageLoader().load(shot.toString())[0];
        Rectangle shell = bot.shell().getBounds();
        assertEquals(Math.min(shell.width, bot.display().getBounds().width - Math.max(0, shell.x)), image.width,
                "the screenshot is the workbench window");
        assertFalse(Screenshots.isBlank(image), "the screenshot is not one flat colour");
    }

    @Test
    void theKeyboardMovesTheSelectionThroughTheProperties() {
        StatusViewBot status = new StatusViewBot(bot);
        status.select(0);
        status.press(SWT.ARROW_DOWN);
        bot.waitUntil("the selection moved down one row", () -> status.selectedRow() == 1);
        status.press(SWT.END);
        bot.waitUntil("End selected the last row", () -> status.selectedRow() == status.table().getItemCount() - 1);
    }

    @Test
    void copyAllPutsEveryPropertyOnTheClipboard() {
        StatusViewBot status = new StatusViewBot(bot);
        String text = status.clickCopyAll();
        assertNotNull(text, "the clipboard holds text after Copy All");
        Map<String, String> rows = status.rows();
        List<String> lines = text.lines().toList();
        assertEquals(rows.size(), lines.size(), "one line per property:\n" + text);
        for (Map.Entry<String, String> row : rows.entrySet()) {
            assertTrue(lines.contains(row.getKey() + ": " + row.getValue()), "clipboard lacks " + row + ":\n" + text);
        }
    }
}
