package io.lockstep.console.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lockstep.console.live.BulkRun;
import io.lockstep.console.live.BulkTasks;
import io.lockstep.console.live.Connector;
import io.lockstep.console.live.Live;
import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.console.live.VmOperation;
import io.lockstep.console.tests.bots.KeyboardBot;
import io.lockstep.console.tests.bots.LocalDatacenter;
import io.lockstep.console.tests.bots.WorkbenchBot;
import io.lockstep.console.views.InventoryView;
import io.lockstep.console.views.TasksView;
import io.lockstep.model.PowerState;
import io.lockstep.model.VirtualMachine;

/**
 * The console from the keyboard alone, keys typed through the window system (XTest): every view of ours opened by its
 * Alt+Shift+Q binding; a VM reached with the arrow keys in the inventory and checkpointed with Alt+Shift+V C; the
 * inventory's context menu opened with Shift+F10 (the key shown beside each action); Quick Access (Ctrl+3) finds
 * "Suspend Selected VMs" by its name and runs it; Alt+Shift+V R resumes. Against a real agent ({@code lockstep up}).
 */
class KeyboardUITest {

    /** Our views and the letter after Alt+Shift+Q that shows each (docs/console.md). */
    static final Map<String, Character> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("io.lockstep.console.views.inventory", 'i');
        VIEWS.put("io.lockstep.console.views.status", 's');
        VIEWS.put("io.lockstep.console.views.leases", 'l');
        VIEWS.put("io.lockstep.console.views.reservations", 'r');
        VIEWS.put("io.lockstep.console.views.files", 'f');
        VIEWS.put("io.lockstep.console.views.checkpoints", 'c');
        VIEWS.put("io.lockstep.console.views.ft", 'p');
        VIEWS.put("io.lockstep.console.views.tasks", 't');
        VIEWS.put("io.lockstep.console.views.alarms", 'a');
        VIEWS.put("io.lockstep.console.views.serial", 'e');
        VIEWS.put("org.eclipse.ui.views.PropertySheet", 'y');
    }

    private WorkbenchBot bot;
    private KeyboardBot keys;
    private LocalDatacenter dc;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void up() throws Exception {
        bot = new WorkbenchBot();
        keys = new KeyboardBot(bot);
        bot.waitUntil("the workbench window is open", () -> bot.shell().isVisible());
        System.setProperty("lockstep.console.noDialogs", "true");
        dc = new LocalDatacenter(Files.createTempDirectory("console-keys"));
        dc.run("up", "--hosts", "1");
        dc.run("vm", "create", "vm1", "--host", "host-1");
        dc.run("vm", "start", "vm1", "--host", "host-1");
    }

    @AfterEach
    void down() {
        Live.set(null);
        dc.close();
        LocalDatacenter.deleteTree(dc.work());
    }

    private LiveDatacenter live() {
        return Live.current();
    }

    private VirtualMachine vm(String name) {
        return live().model().getVms().stream().filter(v -> v.getName().equals(name)).findFirst().orElse(null);
    }

    private String activeId() {
        IWorkbenchPart p = bot.page().getActivePart();
        return p == null ? null : p.getSite().getId();
    }

    private BulkRun ranToTheEnd(VmOperation op, String what) {
        bot.waitUntil(what, () -> {
            BulkRun r = BulkTasks.lastRun();
            return r != null && r.operation() == op && r.ended() && BulkTasks.row(r.items().get(0)) == null;
        }, Duration.ofSeconds(30));
        return BulkTasks.lastRun();
    }

    @Test
    void everyViewAndActionFromTheKeyboard() throws Exception {
        // every command of ours is bound and named (Quick Access lists commands by name and category)
        IBindingService bindings = bot.window().getService(IBindingService.class);
        ICommandService commands = bot.window().getService(ICommandService.class);
        Map<String, String> expected = new LinkedHashMap<>();
        for (VmOperation op : VmOperation.values()) {
            expected.put("io.lockstep.console.vm." + op.kind(), op.title() + " Selected VMs");
        }
        expected.put("io.lockstep.console.tasks.cancel", "Cancel Selected Tasks");
        for (var e : expected.entrySet()) {
            var command = commands.getCommand(e.getKey());
            assertTrue(command.isDefined(), e.getKey() + " is a defined command");
            assertEquals(e.getValue(), command.getName());
            assertEquals("Lockstep", command.getCategory().getName());
            assertTrue(bindings.getBestActiveBindingFormattedFor(e.getKey()) != null, e.getKey() + " has an active key binding");
        }
        assertEquals("Shift+Alt+V C", bindings.getBestActiveBindingFormattedFor("io.lockstep.console.vm.checkpoint"));
        assertTrue(Arrays.stream(bindings.getActiveBindingsFor("org.eclipse.ui.window.quickAccess")).anyMatch(k -> k.format().equals("Ctrl+3")),
                "Quick Access is on Ctrl+3");
        // and bound by the console itself: the product does not carry org.eclipse.ui.ide, which binds it in the IDE (and in this test runtime)
        assertTrue(Arrays.stream(org.eclipse.core.runtime.Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.ui.bindings"))
                .anyMatch(e -> "io.lockstep.console".equals(e.getContributor().getName()) && "org.eclipse.ui.window.quickAccess".equals(e.getAttribute("commandId"))
                        && "M1+3".equals(e.getAttribute("sequence"))), "io.lockstep.console binds M1+3 to Quick Access");

        Connector.local(bot.display(), dc.datacenterJson(), errors::add);
        bot.waitUntil("connected, vm1 running", () -> live() != null && vm("vm1") != null && vm("vm1").getPowerState() == PowerState.POWERED_ON,
                Duration.ofSeconds(30));
        assertEquals(List.of(), errors);

        // every view by its binding (another view active before each)
        bot.shell().forceActive();
        InventoryView inventory = bot.showView(InventoryView.ID, InventoryView.class);
        for (var v : VIEWS.entrySet()) {
            IViewPart other = bot.showView(v.getKey().equals(TasksView.ID) ? InventoryView.ID : TasksView.ID, IViewPart.class);
            bot.waitUntil("another view active", () -> activeId() != null && !activeId().equals(v.getKey()));
            ParameterizedCommand show = ParameterizedCommand.generateCommand(commands.getCommand("org.eclipse.ui.views.showView"),
                    Map.of("org.eclipse.ui.views.showView.viewId", v.getKey()));
            assertEquals("Shift+Alt+Q " + Character.toUpperCase(v.getValue()), formatted(bindings, show), v.getKey() + "'s binding");
            keys.sequence(SWT.ALT | SWT.SHIFT, 'q', v.getValue());
            bot.waitUntil(v.getKey() + " shown and active after Alt+Shift+Q " + v.getValue() + " (active: " + activeId() + ")",
                    () -> v.getKey().equals(activeId()));
            assertFalse(other == null);
        }
        bot.screenshot("keyboard-properties-by-binding");

        // to vm1 with the arrow keys, then Alt+Shift+V C
        keys.sequence(SWT.ALT | SWT.SHIFT, 'q', 'i');
        bot.waitUntil("the inventory active", () -> InventoryView.ID.equals(activeId()));
        bot.focus(inventory.viewer().getTree());
        keys.press(SWT.HOME);
        for (int i = 0; i < 10 && !(inventory.viewer().getStructuredSelection().getFirstElement() instanceof VirtualMachine); i++) {
            keys.press(SWT.ARROW_DOWN);
        }
        assertEquals(vm("vm1"), inventory.viewer().getStructuredSelection().getFirstElement(), "vm1 reached with the arrow keys");
        keys.sequence(SWT.ALT | SWT.SHIFT, 'v', 'c');
        BulkRun checkpoint = ranToTheEnd(VmOperation.CHECKPOINT, "vm1 checkpointed after Alt+Shift+V C");
        assertEquals("Checkpoint of 1 VM: 1 succeeded", checkpoint.summary());
        assertEquals("vm1", checkpoint.items().get(0).target().vm());

        // Shift+F10 opens the inventory's context menu, each action with its key
        Menu menu = inventory.viewer().getTree().getMenu();
        boolean[] shown = new boolean[1];
        List<String> items = new ArrayList<>();
        menu.addListener(SWT.Show, e -> {
            shown[0] = true;
            bot.display().asyncExec(() -> {
                for (MenuItem m : menu.getItems()) {
                    items.add(m.getText());
                }
            });
        });
        bot.focus(inventory.viewer().getTree());
        keys.chord(SWT.SHIFT, SWT.F10);
        bot.waitUntil("the context menu shown by Shift+F10", () -> shown[0] && !items.isEmpty());
        boolean[] hidden = new boolean[1];
        menu.addListener(SWT.Hide, e -> hidden[0] = true);
        bot.spin(500); // mapped and holding the keyboard
        bot.screenshot("keyboard-context-menu");
        keys.press(SWT.ESC);
        bot.waitUntil("the context menu closed by Escape", () -> hidden[0]);
        assertTrue(items.stream().anyMatch(t -> t.startsWith("Checkpoint vm1") && t.contains("Shift+Alt+V C")), "the menu: " + items);
        assertTrue(items.stream().anyMatch(t -> t.startsWith("Suspend vm1")), "the menu: " + items);

        // Quick Access: Ctrl+3, the command's name, Enter
        bot.focus(inventory.viewer().getTree());
        Table proposals = keys.quickAccess("Suspend Selected", "Suspend Selected VMs");
        bot.screenshot("keyboard-quick-access");
        System.out.println("Quick Access proposals: " + KeyboardBot.rows(proposals));
        // the proposal chosen with the arrow keys if it is not the first, then Enter
        for (int i = 0; i < 5 && !(proposals.getSelectionIndex() >= 0 && KeyboardBot.rows(proposals).get(proposals.getSelectionIndex())
                .contains("Suspend Selected VMs")); i++) {
            keys.press(SWT.ARROW_DOWN);
        }
        assertTrue(KeyboardBot.rows(proposals).get(proposals.getSelectionIndex()).contains("Suspend Selected VMs"), "chosen: "
                + proposals.getSelectionIndex());
        keys.press(SWT.CR);
        bot.waitUntil("Quick Access closed by Enter", () -> keys.otherShells().isEmpty());
        BulkRun suspend = ranToTheEnd(VmOperation.SUSPEND, "vm1 suspended from Quick Access");
        assertEquals("Suspend of 1 VM: 1 succeeded", suspend.summary());
        bot.waitUntil("vm1 suspended", () -> vm("vm1").getPowerState() == PowerState.SUSPENDED, Duration.ofSeconds(20));

        // and back with Alt+Shift+V R
        bot.focus(inventory.viewer().getTree());
        keys.sequence(SWT.ALT | SWT.SHIFT, 'v', 'r');
        BulkRun resume = ranToTheEnd(VmOperation.RESUME, "vm1 resumed after Alt+Shift+V R");
        assertEquals("Resume of 1 VM: 1 succeeded", resume.summary());
        bot.waitUntil("vm1 running again", () -> vm("vm1").getPowerState() == PowerState.POWERED_ON, Duration.ofSeconds(20));
        bot.showView(TasksView.ID, TasksView.class);
        bot.spin(300);
        bot.screenshot("keyboard-tasks");
    }

    private static String formatted(IBindingService bindings, ParameterizedCommand c) {
        var seq = bindings.getBestActiveBindingFor(c);
        return seq == null ? "(none)" : seq.format();
    }
}
