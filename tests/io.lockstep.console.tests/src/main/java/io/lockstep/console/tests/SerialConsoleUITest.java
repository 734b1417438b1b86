package io.lockstep.console.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lockstep.console.live.Live;
import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.console.live.SerialFeed;
import io.lockstep.console.tests.bots.ConsolePeer;
import io.lockstep.console.tests.bots.WorkbenchBot;
import io.lockstep.console.views.InventoryView;
import io.lockstep.console.views.SerialConsoleView;
import io.lockstep.model.Datacenter;
import io.lockstep.model.Host;
import io.lockstep.model.LockstepFactory;
import io.lockstep.model.PowerState;
import io.lockstep.model.VirtualMachine;

/**
 * The Serial Console view against a real local HTTPS peer answering the agent's console routes as an agent running a
 * QEMU VM does (its certificate pinned, its token checked): the console opened from the inventory's context menu
 * shows the VM's text and header; output printed in bursts between polls arrives once each (no byte twice, none lost),
 * the scrollback keeps the last {@value SerialFeed#MAX_LINES} lines; the view follows the end unless scrolled up;
 * Ctrl+C, Copy and Select All reach the clipboard; a typed line reaches the VM; a console that started again, a
 * powered-off VM and a Java guest are said. Runs everywhere (no root, no QEMU): {@code QemuSerialConsoleUITest} is the
 * same view on a real QEMU VM.
 */
class SerialConsoleUITest {

    private static final String BOOT = """
            SeaBIOS (version 1.16.2-debian-1.16.2-1)
            Booting from ROM..
            [    0.000000] Linux version 6.1.0-28-cloud-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC
            [    0.000000] Command line: console=ttyS0 panic=-1 quiet lockstep.ip=10.99.0.21/24 lockstep.gw=10.99.0.11 lockstep.name=q1
            [    1.812345] virtio_net virtio0 eth0: renamed
            lockstep image: eth0 10.99.0.21/24 via 10.99.0.11, /dev/vda mounted
            redis-server: Ready to accept connections tcp (port 6379)
            / #\s""".replace("\n", "\r\n");

    private WorkbenchBot bot;
    private ConsolePeer peer;
    private LiveDatacenter live;
    private java.nio.file.Path peerDir;

    @BeforeEach
    void up() throws Exception {
        bot = new WorkbenchBot();
        bot.waitUntil("the workbench window is open", () -> bot.shell().isVisible());
        peerDir = Files.createTempDirectory("hc-console-peer");
        peer = new ConsolePeer(peerDir, "host-1");
        peer.vm(new ConsolePeer.Vm("q1", "qemu", "poweredOn", "10.99.0.21"));
        peer.vm(new ConsolePeer.Vm("j1", "kv", "poweredOn", null));
        // the live model as a picture would make it (the peer answers only the console's routes, not the pictures')
        Datacenter dc = LockstepFactory.eINSTANCE.createDatacenter();
        dc.setName("serial");
        Host h = LockstepFactory.eINSTANCE.createHost();
        h.setName("host-1");
        h.setAddress(peer.url());
        dc.getHosts().add(h);
        for (String[] v : new String[][] {{"q1", "qemu"}, {"j1", "kv"}}) {
            VirtualMachine vm = LockstepFactory.eINSTANCE.createVirtualMachine();
            vm.setName(v[0]);
            vm.setGuest(v[1]);
            vm.setPowerState(PowerState.POWERED_ON);
            vm.setCurrentHost(h);
            dc.getVms().add(vm);
        }
        live = new LiveDatacenter(bot.display(), dc);
        live.connect(new LiveDatacenter.Endpoint("host-1", peer.url(), peer.fingerprint(), peer.token()));
        Live.set(live);
    }

    @AfterEach
    void down() {
        for (var ref : bot.page().getViewReferences()) {
            if (ref.getId().equals(SerialConsoleView.ID)) {
                bot.page().hideView(ref);
            }
        }
        Live.set(null);
        live.close();
        peer.close();
        io.lockstep.console.tests.bots.LocalDatacenter.deleteTree(peerDir);
    }

    private VirtualMachine vm(String name) {
        return live.model().getVms().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }

    /** The items of a control's context menu, as the menu shows them. */
    private static MenuItem[] menuItems(Menu menu) {
        menu.notifyListeners(SWT.Show, new Event()); // a MenuManager fills the menu when it is about to show
        return menu.getItems();
    }

    private static MenuItem item(Menu menu, String text) {
        return Arrays.stream(menuItems(menu)).filter(i -> i.getText().replace("&", "").startsWith(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item '" + text + "' in " + Arrays.stream(menu.getItems()).map(MenuItem::getText).toList()));
    }

    private void click(MenuItem item) {
        item.notifyListeners(SWT.Selection, new Event());
        bot.spin(100);
    }

    private String clipboard() {
        Clipboard cb = new Clipboard(bot.display());
        try {
            return (String) cb.getContents(TextTransfer.getInstance());
        } finally {
            cb.dispose();
        }
    }

    private static boolean atEnd(StyledText t) {
        int visible = Math.max(1, t.getClientArea().height / t.getLineHeight());
        return t.getTopIndex() + visible >= t.getLineCount() - 1;
    }

    @Test
    void liveTextScrollbackCopyAndTyping() throws Exception {
        peer.print(BOOT);

        // the inventory offers the serial console on the QEMU VM only
        InventoryView inventory = bot.showView(InventoryView.ID, InventoryView.class);
        bot.waitUntil("the inventory shows both VMs", () -> inventory.viewer().getTree().getItemCount() > 0);
        inventory.select(List.of(vm("j1")));
        bot.spin(100);
        Menu treeMenu = inventory.viewer().getTree().getMenu();
        assertTrue(Arrays.stream(menuItems(treeMenu)).noneMatch(i -> i.getText().contains("Serial Console")), "a Java guest has no serial console to open");
        inventory.select(List.of(vm("q1")));
        bot.spin(100);
        click(item(treeMenu, "Open Serial Console"));
        SerialConsoleView view = (SerialConsoleView) bot.page().findViewReference(SerialConsoleView.ID, "q1").getView(false);
        assertNotNull(view, "Open Serial Console opened q1's console");
        StyledText text = view.text();
        bot.waitUntil("the boot text shown", () -> text.getText().endsWith("redis-server: Ready to accept connections tcp (port 6379)\n/ # "),
                Duration.ofSeconds(20));
        assertEquals(BOOT.replace("\r", ""), text.getText(), "the console's text as printed, carriage returns left out");
        bot.waitUntil("the header names the VM, its host, address, power state and QEMU's figures", () -> view.header().startsWith(
                "q1 on host-1 · 10.99.0.21 · powered on · QEMU pid 4242 (tcg) · CPU 12.") && view.header().contains("share 1.00 · 180.0 MiB resident"));
        assertEquals("Serial Console: q1", view.getPartName());
        assertEquals("", view.message());
        bot.screenshot("view-serial-console");

        // typing: Enter in the input line sends it with a newline; the guest's echo comes back on the console
        view.input().setText("echo hello from the console");
        view.input().notifyListeners(SWT.DefaultSelection, new Event());
        bot.waitUntil("the typed line reached the VM and its answer is shown", () -> text.getText().endsWith(
                "/ # echo hello from the console\nhello from the console\n/ # "), Duration.ofSeconds(10));
        assertEquals(List.of("echo hello from the console\n"), peer.typed());
        assertEquals("", view.input().getText(), "the input line is emptied once sent");
        bot.screenshot("view-serial-console-typed");

        // 12,000 lines in bursts between polls: each arrives once, the scrollback keeps the last 10,000 and follows the end
        int readsBefore = peer.consoleReads();
        long sentBefore = peer.consoleBytesSent();
        StringBuilder all = new StringBuilder(text.getText());
        int n = 0;
        long printedInBursts = 0;
        for (int burst = 0; burst < 40; burst++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 300; i++, n++) {
                b.append(String.format("[%5d.%06d] line %05d of the burst test\r\n", 10 + n / 1000, n % 1000, n));
            }
            peer.print(b.toString());
            printedInBursts += b.length();
            all.append(b.toString().replace("\r", ""));
            bot.spin(burst % 3 == 0 ? 250 : 60); // some bursts land in one poll, some in two or three
        }
        String last = String.format("line %05d of the burst test", n - 1);
        bot.waitUntil("the last line shown", () -> text.getText().contains(last), Duration.ofSeconds(20));
        bot.spin(2 * 200 + 100); // a poll or two more: nothing new must come
        String[] lines = all.toString().split("\n", -1);
        String expected = String.join("\n", Arrays.copyOfRange(lines, lines.length - SerialFeed.MAX_LINES, lines.length));
        assertEquals(SerialFeed.MAX_LINES, text.getLineCount(), "the scrollback's bound");
        assertEquals(expected, text.getText(), "the last 10,000 lines of what was printed, each once");
        int reads = peer.consoleReads() - readsBefore;
        long sent = peer.consoleBytesSent() - sentBefore;
        assertTrue(reads >= 10, "polled while the bursts came: " + reads + " reads");
        // only what is new is asked for (?after=N, from 64 bytes before it): what the polls carried is what was printed,
        // plus at most 64 bytes a poll (re-reading the 256 KiB kept each time would have been reads × up to 256 KiB)
        assertTrue(sent <= printedInBursts + 64L * reads, "the polls carried " + sent + " bytes for " + printedInBursts + " printed in " + reads + " reads");
        System.out.printf("bursts: %d bytes printed, %d reads carried %d bytes%n", printedInBursts, reads, sent);
        assertTrue(atEnd(text), "the view followed the end (top line " + text.getTopIndex() + " of " + text.getLineCount() + ")");

        // scrolled up, the view stays where the operator is reading
        text.setTopIndex(100);
        bot.spin(50);
        int top = text.getTopIndex();
        peer.print("one more line while scrolled up\r\n");
        bot.waitUntil("the new line shown", () -> text.getText().endsWith("one more line while scrolled up\n"));
        assertEquals(top - 1, text.getTopIndex(), "the lines being read stay in place (one line dropped at the start)");
        assertTrue(!atEnd(text), "not scrolled to the end");
        text.setTopIndex(text.getLineCount());
        bot.spin(50);
        peer.print("and one after scrolling back down\r\n");
        bot.waitUntil("the next line shown", () -> text.getText().endsWith("and one after scrolling back down\n"));
        assertTrue(atEnd(text), "back at the end, the view follows again");

        // copy: Ctrl+C typed on the text (the widget's own key binding), the context menu's Copy and Select All
        int l0 = text.getLineCount() - 4;
        text.setSelection(text.getOffsetAtLine(l0), text.getOffsetAtLine(l0 + 2));
        String selected = text.getSelectionText();
        assertEquals(lines[lines.length - 2] + "\none more line while scrolled up\n", selected);
        bot.focus(text);
        Clipboard empty = new Clipboard(bot.display());
        empty.clearContents();
        empty.dispose();
        bot.pressCtrl('c');
        bot.waitUntil("Ctrl+C put the selection on the clipboard", () -> selected.equals(clipboard()));
        text.setSelection(text.getOffsetAtLine(l0 + 1), text.getCharCount());
        click(item(text.getMenu(), "Copy"));
        assertEquals("one more line while scrolled up\nand one after scrolling back down\n", clipboard());
        click(item(text.getMenu(), "Select All"));
        assertEquals(text.getCharCount(), text.getSelectionCount(), "Select All selects the whole scrollback");
        click(item(text.getMenu(), "Copy"));
        assertEquals(text.getText(), clipboard());

        // a new QEMU (revert, power cycle): its console from its start, after a line saying so
        peer.restart();
        peer.print(BOOT);
        bot.waitUntil("the restarted console shown", () -> text.getText().endsWith(
                "── the console started again (a new QEMU: power cycle, revert or move) ──\n" + BOOT.replace("\r", "")), Duration.ofSeconds(10));
        bot.waitUntil("the header shows the new QEMU", () -> view.header().contains("QEMU pid 4243"));

        // powered off: said, the last output kept
        peer.vm(new ConsolePeer.Vm("q1", "qemu", "poweredOff", "10.99.0.21"));
        bot.waitUntil("powered off said", () -> view.message().equals("q1 is powered off: the console's last output is kept below"), Duration.ofSeconds(5));
        assertTrue(view.header().startsWith("q1 · 10.99.0.21 · powered off"), view.header());
        assertTrue(text.getText().endsWith(BOOT.replace("\r", "")));

        // a Java guest's console (a view opened on it by name): said
        SerialConsoleView j = SerialConsoleView.open(bot.page(), "j1");
        bot.waitUntil("a Java guest said", () -> j.message().equals("j1 is a java guest (kv): it has no serial console"), Duration.ofSeconds(5));
        assertEquals("", j.text().getText());
        bot.screenshot("view-serial-console-java-guest");
        assertEquals(List.of(), peer.refused(), "every call carried the operator token");
    }
}
