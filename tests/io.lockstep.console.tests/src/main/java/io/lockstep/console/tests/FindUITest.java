package io.lockstep.console.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lockstep.console.live.Live;
import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.console.tests.bots.FindBot;
import io.lockstep.console.tests.bots.WorkbenchBot;
import io.lockstep.console.views.AlarmsView;
import io.lockstep.console.views.ColumnLayouts;
import io.lockstep.console.views.CutLabels;
import io.lockstep.console.views.FindBar;
import io.lockstep.console.views.InventoryView;
import io.lockstep.console.views.LeasesView;
import io.lockstep.model.Alarm;
import io.lockstep.model.Datacenter;
import io.lockstep.model.Lease;
import io.lockstep.model.LockstepFactory;
import io.lockstep.model.PowerState;
import io.lockstep.model.Severity;
import io.lockstep.model.VirtualMachine;
import io.lockstep.model.io.Samples;

/**
 * Finding things in the console, on a generated datacenter of 4 hosts and 40 VMs (two of them running nowhere, one
 * with an alarm, FT pairs): every VM is in the inventory whatever its power state; the find box narrows the inventory
 * and the tables as the operator types (keys through the window system); a saved filter is kept in the preferences and
 * offered again by a view opened later; a label cut by the view's edge or its column shows whole as a tooltip; column
 * widths and order are kept. Screenshots {@code find-*.png}.
 */
class FindUITest {

    /** A VM name long enough that its backup host's label ("⇄ backup of …") runs past the inventory's edge at 1280 px. */
    static final String LONG = "accounting-database-primary-west-with-a-long-name";
    static final String LONG_ALARM = "vm7 stopped answering its heartbeat on host-3: the agent saw no epoch for 12 s; the lease of vm7/vm.json "
            + "expires in 4 s unless the host renews it, after which another host may break it and power the VM on";

    private WorkbenchBot bot;
    private Datacenter model;
    private final List<String> opened = new ArrayList<>();

    @BeforeEach
    void open() {
        bot = new WorkbenchBot();
        bot.waitUntil("the workbench window is open", () -> bot.shell().isVisible());
        bot.shell().setSize(1280, 800);
        FindBar.forgetAll();
        ColumnLayouts.forgetAll();
        model = Samples.busy(4, 40, 0);
        vm("vm20").setName(LONG);
        for (String n : List.of("vm5", "vm6")) { // created and never started, or stopped: the agents name no host
            vm(n).setCurrentHost(null);
            vm(n).setPowerState(PowerState.POWERED_OFF);
        }
        Alarm a = LockstepFactory.eINSTANCE.createAlarm();
        a.setId("a-1");
        a.setSubject("vm7");
        a.setSeverity(Severity.WARNING);
        a.setText(LONG_ALARM);
        a.setActive(true);
        model.getAlarms().add(a);
        Live.set(new LiveDatacenter(bot.display(), model));
    }

    @AfterEach
    void close() {
        for (String id : opened) {
            IViewPart v = bot.page().findView(id);
            if (v != null) {
                bot.page().hideView(v);
            }
        }
        Live.set(null);
        FindBar.forgetAll();
        ColumnLayouts.forgetAll();
        bot.spin(100);
    }

    private <T extends IViewPart> T show(String id, Class<T> type) {
        opened.add(id);
        return bot.showView(id, type);
    }

    private VirtualMachine vm(String name) {
        return model.getVms().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }

    /** Every item the tree shows (opened so far), by its element. */
    private static List<TreeItem> items(Tree tree) {
        List<TreeItem> out = new ArrayList<>();
        for (TreeItem i : tree.getItems()) {
            items(i, out);
        }
        return out;
    }

    private static void items(TreeItem item, List<TreeItem> out) {
        item.getText(); // a virtual item gets its element when first asked
        out.add(item);
        if (item.getExpanded()) {
            for (TreeItem c : item.getItems()) {
                items(c, out);
            }
        }
    }

    private static Set<String> vmsShown(Tree tree) {
        Set<String> out = new TreeSet<>();
        for (TreeItem i : items(tree)) {
            if (i.getData() instanceof VirtualMachine vm) {
                out.add(vm.getName());
            }
        }
        return out;
    }

    private static TreeItem item(Tree tree, Object element) {
        return items(tree).stream().filter(i -> i.getData() == element).findFirst().orElse(null);
    }

    private InventoryView inventory() {
        InventoryView inv = show(InventoryView.ID, InventoryView.class);
        bot.waitUntil("the inventory shows the datacenter", () -> inv.viewer().getTree().getItemCount() == 1);
        bot.spin(200);
        return inv;
    }

    @Test
    void everyVmIsInTheInventoryWhateverItsPowerState() {
        InventoryView inv = inventory();
        Tree tree = inv.viewer().getTree();
        bot.waitUntil("the Not running group, open", () -> items(tree).stream().anyMatch(i -> i.getText().startsWith("Not running · 2 VMs")
                && i.getExpanded()));
        Set<String> all = new TreeSet<>();
        model.getVms().forEach(v -> all.add(v.getName()));
        assertEquals(all, vmsShown(tree), "every VM of the datacenter is somewhere in the inventory");
        TreeItem group = items(tree).stream().filter(i -> i.getText().startsWith("Not running")).findFirst().orElseThrow();
        List<String> under = new ArrayList<>();
        for (TreeItem c : group.getItems()) {
            under.add(c.getText());
        }
        assertEquals(List.of("vm5  [poweredOff]", "vm6  [poweredOff]"), under, "the VMs that run nowhere, under the group");
        assertTrue(hover(tree, group).startsWith("VMs that run on no host: powered off, created and never started"), "the group says what it holds");
        // the group sits after the hosts, before the datastores
        List<String> top = new ArrayList<>();
        for (TreeItem c : tree.getItem(0).getItems()) {
            top.add(c.getText().split(" ")[0]);
        }
        assertEquals(List.of("host-0", "host-1", "host-2", "host-3", "Not", "ds0"), top);
        // and selecting one walks its path
        inv.select(List.of(vm("vm6")));
        assertEquals(vm("vm6"), inv.viewer().getStructuredSelection().getFirstElement());
        bot.screenshot("find-not-running");
    }

    @Test
    void findNarrowsTheInventoryAsTheOperatorTypes() {
        InventoryView inv = inventory();
        Tree tree = inv.viewer().getTree();
        FindBot find = new FindBot(bot, inv.findBar());

        find.type("state:off");
        bot.waitUntil("only the powered-off VMs", () -> vmsShown(tree).equals(Set.of("vm0", "vm5", "vm6")));
        List<String> top = new ArrayList<>();
        for (TreeItem c : tree.getItem(0).getItems()) {
            top.add(c.getText().split(" ")[0]);
        }
        assertEquals(List.of("host-0", "Not"), top, "only the host and the group that hold what was found");
        bot.screenshot("find-inventory-state-off");

        find.type("host:host-2 role:primary");
        bot.waitUntil("host-2's FT primaries", () -> vmsShown(tree).equals(Set.of("vm10", "vm30")));

        find.type("alarm");
        bot.waitUntil("the VM with an alarm", () -> vmsShown(tree).equals(Set.of("vm7")));

        find.type("-state:on web");
        bot.waitUntil("nothing: no powered-off VM is called web", () -> vmsShown(tree).isEmpty() && tree.getItem(0).getItemCount() == 0);

        find.type("colour:red");
        assertEquals("find: expected one of name:, host:, state:, role:, alarm or free words, found 'colour:red'", find.bar().error());
        // typed key by key, what last parsed before the ':' stays applied while "colour:red" is refused: "colour", or a
        // shorter prefix when keys came faster than the UI thread applied them (they are applied when it is free)
        String kept = inv.query().text();
        assertTrue("colour".startsWith(kept), "a query that does not parse leaves the last good one applied: '" + kept + "'");
        bot.screenshot("find-inventory-error");

        find.type("");
        bot.waitUntil("everything again", () -> vmsShown(tree).size() == 40);
        assertEquals("", find.bar().error());

        // from the keyboard: Ctrl+F in the tree goes to the find box, Escape there empties it
        bot.focus(tree);
        bot.pressCtrl('f');
        bot.waitUntil("the find box has the focus", () -> find.bar().text().isFocusControl());
        find.type("vm1");
        bot.waitUntil("vm1, vm10 … found", () -> vmsShown(tree).size() == 11);
        bot.pressKey(SWT.ESC);
        bot.waitUntil("Escape emptied the box: everything again", () -> find.bar().text().getText().isEmpty() && vmsShown(tree).size() == 40);
    }

    @Test
    void findNarrowsATable() {
        LeasesView leases = show(LeasesView.ID, LeasesView.class);
        Table table = leases.viewer().getTable();
        bot.waitUntil("the leases listed", () -> table.getItemCount() == 80);
        FindBot find = new FindBot(bot, leases.findBar());
        long ofHost1 = model.getDatastores().stream().flatMap(d -> d.getLeases().stream())
                .filter(l -> l.getOwner() != null && l.getOwner().getName().equals("host-1")).count();
        find.type("host:=host-1");
        bot.waitUntil("host-1's leases only", () -> table.getItemCount() == ofHost1);
        assertEquals(Set.of("host-1"), new HashSet<>(FindBot.column(table, 1)));
        bot.screenshot("find-leases-host-1");
        find.type("vm7/");
        bot.waitUntil("vm7's two locks", () -> table.getItemCount() == 2);
        assertEquals(List.of("vm7/vm.json", "vm7/disk.vmdk"), FindBot.column(table, 0));
        find.type("");
        bot.waitUntil("every lease again", () -> table.getItemCount() == 80);

        AlarmsView alarms = show(AlarmsView.ID, AlarmsView.class);
        Table at = alarms.viewer().getTable();
        bot.waitUntil("the alarm listed", () -> at.getItemCount() == 1);
        FindBot af = new FindBot(bot, alarms.findBar());
        af.type("-alarm");
        bot.waitUntil("no row once active alarms are left out", () -> at.getItemCount() == 0);
        af.type("alarm host:vm7");
        bot.waitUntil("vm7's alarm", () -> at.getItemCount() == 1);
        af.type("");
    }

    @Test
    void aSavedFilterIsKeptAndOfferedAgain() throws Exception {
        InventoryView inv = inventory();
        FindBot find = new FindBot(bot, inv.findBar());
        find.type("state:off -alarm");
        assertEquals("Save", find.saveLabel());
        find.clickSave();
        assertEquals("Forget", find.saveLabel());
        assertEquals(List.of("state:off -alarm"), FindBar.savedFilters());
        // written to the workspace's preferences (what a restart reads)
        Path prefs = Path.of(Platform.getInstanceLocation().getURL().toURI()).resolve(".metadata/.plugins/org.eclipse.core.runtime/.settings/io.lockstep.console.prefs");
        assertTrue(Files.readString(prefs).contains("find.saved=state\\:off -alarm"), "the preferences file: " + Files.readString(prefs));
        find.type("");

        // the view closed and opened again: a new find box, the saved filter offered; chosen, it applies
        bot.page().hideView(inv);
        bot.spin(200);
        InventoryView again = inventory();
        FindBot find2 = new FindBot(bot, again.findBar());
        assertEquals(List.of("state:off -alarm"), find2.savedOffered());
        find2.choose("state:off -alarm");
        assertEquals("state:off -alarm", again.query().text());
        assertEquals("state:off -alarm", again.findBar().text().getText());
        bot.waitUntil("the saved filter's VMs", () -> vmsShown(again.viewer().getTree()).equals(Set.of("vm0", "vm5", "vm6")));
        bot.screenshot("find-saved-filter");
        // every view offers it
        LeasesView leases = show(LeasesView.ID, LeasesView.class);
        assertEquals(List.of("state:off -alarm"), new FindBot(bot, leases.findBar()).savedOffered());
        // forgotten
        bot.showView(InventoryView.ID, InventoryView.class);
        find2.clickSave();
        assertEquals(List.of(), FindBar.savedFilters());
        find2.type("");
    }

    @Test
    void aCutLabelShowsWholeAsATooltip() {
        InventoryView inv = inventory();
        Tree tree = inv.viewer().getTree();
        TreeItem backup = item(tree, model.getHosts().get(1)); // host-1 backs up vm0 and the long-named VM
        assertNotNull(backup);
        bot.waitUntil("host-1's label names the VMs it backs up", () -> backup.getText().contains("⇄ backup of " + LONG));
        assertTrue(CutLabels.isCut(tree, backup), "at 1280 px the inventory cuts host-1's label (" + tree.getClientArea().width + " px wide): "
                + backup.getText());
        assertEquals(backup.getText(), hover(tree, backup), "the cut label whole, as the tooltip");
        TreeItem host3 = item(tree, model.getHosts().get(3));
        if (!CutLabels.isCut(tree, host3)) {
            assertNull(hover(tree, host3), "a label that fits has no tooltip");
        }
        TreeItem vm1 = item(tree, vm("vm1"));
        assertEquals(vm1.getText(), hover(tree, vm1), "a VM's whole label is its tooltip");
        bot.screenshot("find-cut-label-tooltip");

        // a table: every title fits its column (the Leases view's "Heartbeat age" was cut) and is its tooltip
        LeasesView leases = show(LeasesView.ID, LeasesView.class);
        Table lt = leases.viewer().getTable();
        bot.waitUntil("the leases listed", () -> lt.getItemCount() == 80);
        for (TableColumn c : lt.getColumns()) {
            assertTrue(c.getWidth() >= CutLabels.width(lt, c.getText()) + 12, "the title '" + c.getText() + "' fits its column: " + c.getWidth() + " px");
            assertEquals(c.getText(), c.getToolTipText());
        }
        // a cell cut by its column (the alarm's long text, wider than the column may grow) shows whole when hovered
        AlarmsView alarms = show(AlarmsView.ID, AlarmsView.class);
        Table at = alarms.viewer().getTable();
        bot.waitUntil("the alarm listed", () -> at.getItemCount() == 1);
        TableItem row = at.getItem(0);
        assertTrue(CutLabels.isCut(at, row, 2), "the alarm's text is wider than its column");
        Rectangle cell = row.getBounds(2);
        Event e = new Event();
        e.x = cell.x + cell.width / 2;
        e.y = cell.y + cell.height / 2;
        at.notifyListeners(SWT.MouseHover, e);
        assertEquals(LONG_ALARM, at.getToolTipText());
        Rectangle sev = row.getBounds(0);
        e.x = sev.x + 2;
        e.y = sev.y + sev.height / 2;
        at.notifyListeners(SWT.MouseHover, e);
        assertNull(at.getToolTipText(), "a cell that fits has no tooltip");
        // the columns were sized to their content: the subject column as wide as "vm7" needs, not the 110 px it was built with
        assertTrue(at.getColumn(1).getWidth() < 110, "Subject sized to its content: " + at.getColumn(1).getWidth());
        bot.screenshot("find-cut-cell-tooltip");
    }

    @Test
    void columnWidthsAndOrderAreKept() {
        LeasesView leases = show(LeasesView.ID, LeasesView.class);
        Table t = leases.viewer().getTable();
        bot.waitUntil("the leases listed", () -> t.getItemCount() == 80);
        // the operator widens Entity and drags State to the front
        t.getColumn(0).setWidth(333);
        int[] order = t.getColumnOrder();
        int state = order.length - 1;
        int[] moved = new int[order.length];
        moved[0] = state;
        System.arraycopy(order, 0, moved, 1, order.length - 1);
        t.setColumnOrder(moved);
        bot.spin(100);
        bot.page().hideView(leases);
        bot.spin(200);
        LeasesView again = show(LeasesView.ID, LeasesView.class);
        Table t2 = again.viewer().getTable();
        bot.waitUntil("the leases listed", () -> t2.getItemCount() == 80);
        assertEquals(333, t2.getColumn(0).getWidth(), "Entity as wide as the operator left it");
        assertEquals("State", t2.getColumn(t2.getColumnOrder()[0]).getText(), "State first, where the operator put it");
        assertFalse(t2.getColumn(0).getWidth() == 200, "not the width it was built with");
        bot.screenshot("find-columns-kept");
    }

    /** The tooltip the tree sets when the pointer rests on {@code item}'s label. */
    private static String hover(Tree tree, TreeItem item) {
        Rectangle b = item.getBounds();
        Event e = new Event();
        e.x = b.x + 4;
        e.y = b.y + b.height / 2;
        tree.setToolTipText(null);
        tree.notifyListeners(SWT.MouseHover, e);
        return tree.getToolTipText();
    }

    static List<Lease> leases(Datacenter dc) {
        return dc.getDatastores().stream().flatMap(d -> d.getLeases().stream()).toList();
    }
}
