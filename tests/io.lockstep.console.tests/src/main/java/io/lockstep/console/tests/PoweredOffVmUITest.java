package io.lockstep.console.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lockstep.console.live.Connector;
import io.lockstep.console.live.Live;
import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.console.tests.bots.LocalDatacenter;
import io.lockstep.console.tests.bots.WorkbenchBot;
import io.lockstep.console.views.InventoryView;
import io.lockstep.model.PowerState;
import io.lockstep.model.VirtualMachine;

/**
 * A VM created and never started, on a real local datacenter (`lockstep up --hosts 2`, agent processes): `lockstep vm
 * ls` lists it, and so does the console — under Not running in the inventory; the operator powers it on from the
 * inventory's context menu on host-2, and it moves under host-2, running. Screenshots {@code inventory-not-running-live.png},
 * {@code inventory-powered-on-from-console.png}.
 */
class PoweredOffVmUITest {

    private WorkbenchBot bot;
    private LocalDatacenter dc;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void up() throws Exception {
        bot = new WorkbenchBot();
        bot.waitUntil("the workbench window is open", () -> bot.shell().isVisible());
        dc = new LocalDatacenter(Files.createTempDirectory("console-off"));
        dc.run("up", "--hosts", "2");
        dc.run("vm", "create", "off1", "--host", "host-1");
    }

    @AfterEach
    void down() {
        Live.set(null);
        dc.close();
        LocalDatacenter.deleteTree(dc.work());
    }

    private static LiveDatacenter live() {
        return Live.current();
    }

    private static VirtualMachine vm(String name) {
        return live() == null ? null : live().model().getVms().stream().filter(v -> v.getName().equals(name)).findFirst().orElse(null);
    }

    private static TreeItem find(TreeItem[] items, java.util.function.Predicate<TreeItem> p) {
        for (TreeItem i : items) {
            i.getText();
            if (p.test(i)) {
                return i;
            }
            TreeItem f = i.getExpanded() ? find(i.getItems(), p) : null;
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    @Test
    void aVmNeverStartedIsInTheInventoryAndIsStartedFromIt() throws Exception {
        assertTrue(dc.run("vm", "ls").lines().anyMatch(l -> l.startsWith("off1") && l.contains("poweredOff")), "lockstep vm ls lists off1 powered off");
        Connector.local(bot.display(), dc.datacenterJson(), errors::add);
        bot.waitUntil("connected, off1 seen", () -> vm("off1") != null, Duration.ofSeconds(30));
        assertEquals(List.of(), errors);
        VirtualMachine off1 = vm("off1");
        assertEquals(PowerState.POWERED_OFF, off1.getPowerState());

        InventoryView inv = bot.showView(InventoryView.ID, InventoryView.class);
        Tree tree = inv.viewer().getTree();
        bot.waitUntil("off1 under Not running", () -> {
            TreeItem group = find(tree.getItems(), i -> i.getText().startsWith("Not running · 1 VM"));
            return group != null && group.getExpanded() && group.getItemCount() == 1 && group.getItem(0).getText().startsWith("off1  [poweredOff]");
        }, Duration.ofSeconds(20));
        bot.screenshot("inventory-not-running-live");

        // the operator: right-click on off1, Power On off1 on ▸ host-2
        inv.select(List.of(off1));
        Menu menu = tree.getMenu();
        menu.notifyListeners(SWT.Show, new Event()); // the context menu fills itself for the selection, as when it opens
        MenuItem on = item(menu, "Power On off1 on");
        assertNotNull(on.getMenu(), "a submenu of hosts");
        on.getMenu().notifyListeners(SWT.Show, new Event());
        MenuItem host2 = item(on.getMenu(), "host-2");
        host2.notifyListeners(SWT.Selection, new Event());
        menu.notifyListeners(SWT.Hide, new Event());

        bot.waitUntil("off1 running on host-2", () -> vm("off1") != null && vm("off1").getPowerState() == PowerState.POWERED_ON
                && vm("off1").getCurrentHost() != null && vm("off1").getCurrentHost().getName().equals("host-2"), Duration.ofSeconds(30));
        bot.waitUntil("the inventory shows off1 under host-2 and no Not running group", () -> {
            TreeItem h2 = find(tree.getItems(), i -> i.getData() == live().host("host-2"));
            if (h2 == null) {
                return false;
            }
            h2.setExpanded(true);
            return find(h2.getItems(), i -> i.getText().startsWith("off1  [poweredOn]")) != null
                    && find(tree.getItems(), i -> i.getText().startsWith("Not running")) == null;
        }, Duration.ofSeconds(20));
        assertEquals("Powering on off1 on host-2…", inv.banner());
        assertTrue(dc.run("vm", "ls").lines().anyMatch(l -> l.startsWith("off1") && l.contains("poweredOn") && l.contains("host-2")),
                "lockstep vm ls: off1 runs on host-2");
        bot.screenshot("inventory-powered-on-from-console");
    }

    private static MenuItem item(Menu menu, String text) {
        List<String> seen = new ArrayList<>();
        for (MenuItem i : menu.getItems()) {
            if (i.getText().replace("&", "").equals(text)) {
                return i;
            }
            seen.add(i.getText());
        }
        throw new AssertionError("no menu item '" + text + "' in " + seen);
    }
}
