package io.lockstep.console.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lockstep.console.handlers.ExportHandler;
import io.lockstep.console.live.Connector;
import io.lockstep.console.live.Live;
import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.console.tests.bots.LocalDatacenter;
import io.lockstep.console.tests.bots.WorkbenchBot;
import io.lockstep.console.views.AlarmsView;
import io.lockstep.console.views.CheckpointsView;
import io.lockstep.console.views.FtView;
import io.lockstep.console.views.InventoryView;
import io.lockstep.console.views.LeasesView;
import io.lockstep.console.views.DatastoreFilesView;
import io.lockstep.console.views.ReservationsView;
import io.lockstep.console.views.TasksView;
import io.lockstep.model.FtPair;
import io.lockstep.model.FtState;
import io.lockstep.model.Host;
import io.lockstep.model.Lease;
import io.lockstep.model.PowerState;
import io.lockstep.model.VirtualMachine;

/**
 * The console on a real local datacenter (agent processes started by `lockstep up`): it connects, the inventory
 * and the leases show what the agents report; dragging vm1 onto host-2 in the inventory makes the agents protect
 * it (FT stats charted); a SIGKILLed agent's lock is shown expiring and then expired, its host not heartbeating.
 * Screenshots of every view.
 */
class LiveConsoleUITest {

    private WorkbenchBot bot;
    private LocalDatacenter dc;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void up() throws Exception {
        bot = new WorkbenchBot();
        bot.waitUntil("the workbench window is open", () -> bot.shell().isVisible());
        dc = new LocalDatacenter(Files.createTempDirectory("console-live"));
        // io 500 ms: a killed holder's lock is "expiring" from 1.5 s (1.5 heartbeats) to 4 s (T) after its last renewal —
        // long enough for the console's polls to show that state on a busy machine, before it turns EXPIRED
        dc.run("up", "--hosts", "2", "--io-timeout", "500");
        dc.run("vm", "create", "vm1", "--host", "host-1");
        dc.run("vm", "start", "vm1", "--host", "host-1");
        dc.run("vm", "checkpoint", "vm1", "--host", "host-1", "--name", "first");
        dc.run("vm", "create", "vm2", "--host", "host-2");
        dc.run("vm", "start", "vm2", "--host", "host-2");
    }

    @AfterEach
    void down() {
        Live.set(null);
        dc.close();
    }

    private LiveDatacenter live() {
        return Live.current();
    }

    private VirtualMachine vm(String name) {
        return live().model().getVms().stream().filter(v -> v.getName().equals(name)).findFirst().orElse(null);
    }

    private Lease lease(String entity) {
        return live().model().getDatastores().stream().flatMap(d -> d.getLeases().stream()).filter(l -> l.getEntity().equals(entity)).findFirst()
                .orElse(null);
    }

    private static TreeItem find(TreeItem[] items, Object data) {
        for (TreeItem i : items) {
            if (i.getData() == data) {
                return i;
            }
            TreeItem f = find(i.getItems(), data);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    @Test
    void connectProtectByDragAndWatchALockExpire() throws Exception {
        Connector.local(bot.display(), dc.datacenterJson(), errors::add);
        bot.waitUntil("connected, both VMs running and vm2's lock seen", () -> live() != null && vm("vm1") != null && vm("vm2") != null
                && vm("vm2").getPowerState() == PowerState.POWERED_ON && lease("vm2/vm.json") != null, Duration.ofSeconds(30));
        assertEquals(List.of(), errors);

        InventoryView inventory = bot.showView(InventoryView.ID, InventoryView.class);
        Host host2 = live().host("host-2");
        VirtualMachine vm1 = vm("vm1");
        inventory.viewer().expandAll();
        bot.spin(300);
        bot.screenshot("view-inventory");

        // drag vm1 onto host-2: the agents protect it there
        inventory.select(List.of(vm1));
        bot.spin(100);
        TreeItem target = find(inventory.viewer().getTree().getItems(), host2);
        assertTrue(target != null, "host-2 is in the inventory");
        bot.dragAndDrop(inventory.viewer().getTree(), target, DND.DROP_DEFAULT);
        bot.waitUntil("vm1 protected on host-2 by the agents", () -> live().model().getFtPairs().stream()
                .anyMatch(p -> p.getPrimary() == vm1 && p.getBackupHost() == host2 && p.getState() == FtState.PROTECTED), Duration.ofSeconds(60));
        InventoryView inv0 = inventory;
        bot.waitUntil("the inventory decorates vm1 as an FT primary and host-2 as its backup", () -> {
            TreeItem v = find(inv0.viewer().getTree().getItems(), vm1);
            TreeItem h = find(inv0.viewer().getTree().getItems(), host2);
            return v != null && v.getText().contains("FT primary → host-2 protected") && h != null && h.getText().contains("⇄ backup of vm1");
        });
        bot.waitUntil("the message line says vm1 is protected", () -> inv0.banner().equals("vm1 is protected: its backup runs on host-2."));
        bot.screenshot("view-inventory-protected");
        FtView ft = bot.showView(FtView.ID, FtView.class);
        bot.waitUntil("FT statistics charted", () -> ft.chartPoints() >= 3, Duration.ofSeconds(20));
        FtPair pair = live().model().getFtPairs().get(0);
        assertTrue(pair.getStatistics().getEpochRate() > 5, "epochs run: " + pair.getStatistics().getEpochRate());
        bot.screenshot("view-ft-pairs");
        CheckpointsView cps = bot.showView(CheckpointsView.ID, CheckpointsView.class);
        bot.waitUntil("vm1's checkpoint listed", () -> !vm1.getCheckpoints().isEmpty() && cps.vms().getTable().getItemCount() >= 1);
        cps.vms().setSelection(new StructuredSelection(vm1));
        bot.spin(300);
        assertEquals(1, cps.tree().getTree().getItemCount(), "the snapshot tree shows the checkpoint");
        bot.screenshot("view-checkpoints");
        ReservationsView res = bot.showView(ReservationsView.ID, ReservationsView.class);
        bot.waitUntil("both hosts' registrations", () -> res.rows().size() >= 2);
        bot.screenshot("view-reservations");
        DatastoreFilesView files = bot.showView(DatastoreFilesView.ID, DatastoreFilesView.class);
        bot.waitUntil("vm1's disk listed on the LUN, held by the host that runs it", () -> files.rows().stream()
                .anyMatch(r -> r.name().equals("/vm1/vm1.vmdk") && !r.heldBy().isEmpty() && r.blocks() > 0));
        assertTrue(files.rows().stream().anyMatch(r -> r.name().equals("/vm1/") && r.kind().equals("directory")), "vm1's folder: " + files.rows());
        bot.screenshot("view-datastore-files");
        TasksView tasks = bot.showView(TasksView.ID, TasksView.class);
        bot.waitUntil("tasks and events listed", () -> tasks.tasks().getTable().getItemCount() >= 1 && tasks.events().getTable().getItemCount() >= 3);
        bot.screenshot("view-tasks-events");

        // the leases: vm2's lock held by host-2, live, its bar full
        LeasesView leases = bot.showView(LeasesView.ID, LeasesView.class);
        bot.waitUntil("vm2's lock shown held by host-2", () -> leases.rows().stream()
                .anyMatch(l -> l.getEntity().equals("vm2/vm.json") && l.getOwner() == host2 && l.isOwnerLive() && leases.timeToExpiry(l) > 0));
        bot.screenshot("view-leases");

        // SIGKILL host-2's agent: its lock's time runs out and the row turns to EXPIRED; the host is marked
        long killedAt = System.nanoTime();
        dc.kill("host-2");
        // a missed heartbeat or more (the age of a live holder stays under one heartbeat interval)
        bot.waitUntil("vm2's lock expiring (heartbeat age growing)", () -> {
            Lease l = lease("vm2/vm.json");
            return l != null && l.isOwnerLive() && l.getHeartbeatAgeMillis() > live().heartbeatMillis() * 3 / 2;
        }, Duration.ofSeconds(20));
        bot.screenshot("view-leases-expiring");
        bot.waitUntil("vm2's lock shown expired", () -> {
            Lease l = lease("vm2/vm.json");
            return l != null && !l.isOwnerLive() && leases.timeToExpiry(l) == 0 && leases.state(l).startsWith("EXPIRED: host-2 stopped heartbeating");
        }, Duration.ofSeconds(40));
        System.out.printf("lock of the killed host shown expired %.1f s after the SIGKILL (lease timeout %d ms)%n", (System.nanoTime() - killedAt) / 1e9,
                live().leaseTimeoutMillis());
        leases.viewer().refresh(true);
        bot.spin(300);
        bot.screenshot("view-leases-expired");
        inventory = bot.showView(InventoryView.ID, InventoryView.class);
        InventoryView inv = inventory;
        bot.waitUntil("host-2 marked as not heartbeating", () -> {
            TreeItem h = find(inv.viewer().getTree().getItems(), live().host("host-2"));
            return h != null && h.getText().contains("not heartbeating") && h.getText().contains("unreachable from host-1");
        }, Duration.ofSeconds(20));
        TreeItem host1 = find(inv.viewer().getTree().getItems(), live().host("host-1"));
        String address1 = java.net.URI.create(live().host("host-1").getAddress()).getHost();
        assertTrue(host1.getText().contains(address1), "a host's label shows its address: " + host1.getText());
        AlarmsView alarms = bot.showView(AlarmsView.ID, AlarmsView.class);
        bot.waitUntil("an alarm about host-2", () -> live().model().getAlarms().stream().anyMatch(a -> "host-2".equals(a.getSubject())), Duration.ofSeconds(20));
        assertTrue(alarms.viewer().getTable().getItemCount() >= 1);
        bot.screenshot("view-alarms");

        // export the live datacenter: JSON, CSV tables, the printable report
        Path out = Files.createTempDirectory("export");
        ExportHandler.export(live(), "json", out.resolve("dc.json"));
        ExportHandler.export(live(), "csv", out.resolve("csv"));
        ExportHandler.export(live(), "html", out.resolve("report.html"));
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<tr class=\"bad\"><td>vm2/vm.json</td><td>host-2</td>"), "the report marks the expired lock");
        assertTrue(Files.readString(out.resolve("dc.json")).contains("\"vm1\""));
        assertTrue(Files.list(out.resolve("csv")).count() >= 3);
    }
}
