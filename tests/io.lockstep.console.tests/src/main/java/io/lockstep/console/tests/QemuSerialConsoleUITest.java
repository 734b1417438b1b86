package io.lockstep.console.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lockstep.console.live.Connector;
import io.lockstep.console.live.Live;
import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.console.tests.bots.LocalDatacenter;
import io.lockstep.console.tests.bots.WorkbenchBot;
import io.lockstep.console.views.InventoryView;
import io.lockstep.console.views.SerialConsoleView;
import io.lockstep.model.PowerState;
import io.lockstep.model.VirtualMachine;

/**
 * The console on a real QEMU VM: `lockstep up --hosts 1` (as root: the host in its network namespace), a VM with the
 * default image started on it. The inventory labels it with its address and QEMU's CPU and resident memory; its
 * Serial Console (opened from the inventory's menu) shows the guest's boot up to its Redis listening on the VM's
 * address, and a line typed in the view runs in the guest's shell. Needs root, QEMU and the default image (built by
 * {@code ./lockstep image}); skipped, saying which is missing, without them ({@code SerialConsoleUITest} covers the
 * view everywhere).
 */
class QemuSerialConsoleUITest {

    private WorkbenchBot bot;
    private LocalDatacenter dc;
    private final List<String> errors = new ArrayList<>();

    static void assumeRootQemuAndTheImage() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes()).trim();
        id.waitFor();
        Assumptions.assumeTrue(uid.equals("0"), "a QEMU VM needs its host in a network namespace: root (CI runs as root); uid is " + uid);
        for (String[] t : new String[][] {{"qemu-system-x86_64", "qemu-system-x86"}, {"ip", "iproute2"}, {"tgtd", "tgt"}, {"tgtadm", "tgt"},
                {"iptables", "iptables"}, {"arping", "iputils-arping"}}) {
            boolean found = Arrays.stream(new String[] {"/usr/sbin", "/usr/bin", "/sbin", "/bin"}).anyMatch(d -> Files.isExecutable(Path.of(d, t[0])));
            Assumptions.assumeTrue(found, t[0] + " is not installed (Debian package " + t[1] + ")");
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path image = (cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache")).resolve("lockstep/qemu-image/image");
        Assumptions.assumeTrue(Files.exists(image.resolve("vmlinuz")) && Files.exists(image.resolve("initrd.img")),
                "the default QEMU image is not built at " + image + " (./lockstep image, as root)");
    }

    @BeforeEach
    void up() throws Exception {
        assumeRootQemuAndTheImage();
        bot = new WorkbenchBot();
        bot.waitUntil("the workbench window is open", () -> bot.shell().isVisible());
        dc = new LocalDatacenter(Files.createTempDirectory("hc-serial-qemu"));
        dc.run("up", "--hosts", "1");
        dc.run("vm", "create", "q1", "--guest", "qemu", "--host", "host-1");
        dc.run("vdisk", "share", "quorum", "--size", "16M", "--host", "host-1"); // issue 24: a shared disk the guest reserves
        dc.run("vm", "attach", "q1", "--shared", "quorum", "--host", "host-1");
        dc.run("vm", "start", "q1", "--host", "host-1");
    }

    @AfterEach
    void down() {
        if (bot != null) {
            for (var ref : bot.page().getViewReferences()) {
                if (ref.getId().equals(SerialConsoleView.ID)) {
                    bot.page().hideView(ref);
                }
            }
        }
        Live.set(null);
        if (dc != null) {
            dc.close(); // lockstep down: the VM, the agent, the namespace, the bridge and tgtd
            LocalDatacenter.deleteTree(dc.work());
        }
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
    void aQemuVmsConsoleAddressAndFigures() throws Exception {
        Connector.local(bot.display(), dc.datacenterJson(), errors::add);
        bot.waitUntil("connected and q1 running", () -> Live.current() != null && Live.current().model().getVms().stream()
                .anyMatch(v -> v.getName().equals("q1") && v.getPowerState() == PowerState.POWERED_ON), Duration.ofSeconds(30));
        assertEquals(List.of(), errors);
        LiveDatacenter live = Live.current();
        VirtualMachine q1 = live.model().getVms().stream().filter(v -> v.getName().equals("q1")).findFirst().orElseThrow();
        bot.waitUntil("q1's address and QEMU's figures read", () -> live.address("q1") != null && live.machines().containsKey("q1"), Duration.ofSeconds(20));
        String address = live.address("q1");

        // the inventory: the VM's address, QEMU's CPU seconds and use, its share and resident memory
        InventoryView inventory = bot.showView(InventoryView.ID, InventoryView.class);
        inventory.select(List.of(q1));
        bot.waitUntil("q1 labelled with its address and QEMU's figures", () -> {
            TreeItem i = find(inventory.viewer().getTree().getItems(), q1);
            return i != null && i.getText().contains("q1  [poweredOn]  " + address + "  qemu · CPU ") && i.getText().contains("%), share ")
                    && i.getText().endsWith("MiB resident");
        }, Duration.ofSeconds(20));
        TreeItem item = find(inventory.viewer().getTree().getItems(), q1);
        System.out.println("inventory label: " + item.getText());
        Event hover = new Event();
        hover.x = item.getBounds().x + 5;
        hover.y = item.getBounds().y + item.getBounds().height / 2;
        inventory.viewer().getTree().notifyListeners(SWT.MouseHover, hover);
        assertEquals(item.getText(), inventory.viewer().getTree().getToolTipText(), "hovering a VM shows its whole label");
        bot.screenshot("view-inventory-qemu");

        // its serial console, from the inventory's menu
        org.eclipse.swt.widgets.Menu menu = inventory.viewer().getTree().getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        MenuItem open = Arrays.stream(menu.getItems()).filter(i -> i.getText().equals("Open Serial Console")).findFirst()
                .orElseThrow(() -> new AssertionError("no Open Serial Console on a QEMU VM"));
        open.notifyListeners(SWT.Selection, new Event());
        bot.spin(200);
        SerialConsoleView view = (SerialConsoleView) bot.page().findViewReference(SerialConsoleView.ID, "q1").getView(false);
        assertNotNull(view);
        String ready = "lockstep-guest: redis listening on " + address + ":6379";
        bot.waitUntil("the guest's boot up to its Redis shown", () -> view.text().getText().contains(ready), Duration.ofSeconds(90));
        assertTrue(view.text().getText().contains("lockstep-guest: eth0 "), view.text().getText());
        bot.waitUntil("the header with the VM's address and QEMU", () -> view.header().startsWith("q1 on host-1 · " + address + " · powered on · QEMU pid ")
                && view.header().endsWith("MiB resident"), Duration.ofSeconds(10));
        System.out.println("serial console header: " + view.header());

        // a line typed in the view runs in the guest's shell
        view.input().setText("echo SERIAL-$((40+2))");
        view.input().notifyListeners(SWT.DefaultSelection, new Event());
        bot.waitUntil("the guest's shell answered", () -> view.text().getText().contains("\nSERIAL-42"), Duration.ofSeconds(60));
        bot.screenshot("view-serial-console-qemu");

        // the guest reserves its shared disk with sg_persist, typed in the view; the Reservations view shows the
        // registration by the VM's IQN on its host and the reservation the guest holds
        view.input().setText("sg_persist --out --register --param-sark=0x42 /dev/sda && sg_persist --out --reserve --param-rk=0x42 "
                + "--prout-type=5 /dev/sda && echo RESERVED-$((40+2))");
        view.input().notifyListeners(SWT.DefaultSelection, new Event());
        bot.waitUntil("the guest reserved its shared disk", () -> view.text().getText().contains("\nRESERVED-42"), Duration.ofSeconds(60));
        String iqn = q1.getSanIdentity().getIqn().toLowerCase(java.util.Locale.ROOT);
        io.lockstep.console.views.ReservationsView reservations = bot.showView(io.lockstep.console.views.ReservationsView.ID,
                io.lockstep.console.views.ReservationsView.class);
        bot.waitUntil("the shared disk's registration and reservation shown", () -> reservations.rows().stream()
                .anyMatch(r -> r.scope().equals("disk quorum") && r.initiator().equals(iqn) && r.key().equals("0x0000000000000042")
                        && r.host().equals("host-1") && r.reservation().startsWith("Write Exclusive – Registrants Only held by q1")), Duration.ofSeconds(30));
        System.out.println("reservations: " + reservations.rows());
        bot.screenshot("view-reservations-shared-disk");
    }
}
