package io.lockstep.console.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lockstep.console.live.BulkRun;
import io.lockstep.console.live.BulkTasks;
import io.lockstep.console.live.Connector;
import io.lockstep.console.live.Live;
import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.console.live.VmOperation;
import io.lockstep.console.handlers.VmCommandHandler;
import io.lockstep.console.tests.bots.LocalDatacenter;
import io.lockstep.console.tests.bots.WorkbenchBot;
import io.lockstep.console.views.FtView;
import io.lockstep.console.views.InventoryView;
import io.lockstep.console.views.TasksView;
import io.lockstep.model.FtState;
import io.lockstep.model.PowerState;
import io.lockstep.model.Task;
import io.lockstep.model.TaskState;
import io.lockstep.model.VirtualMachine;

/**
 * Acting on many VMs at once against real agents (`lockstep up --hosts 2`, vm1–vm3 running on host-1, vm3 protected
 * by host-2): three VMs selected in the inventory and checkpointed → one task per VM in Tasks and Events (the
 * agent's own task, not a second row), vm3 refused and named in the summary with the agent's words; stop two, start
 * three (vm3 runs already: named, the agent's words); protect two (the backup on the least-loaded other host, said);
 * unprotect them; cancel a queued task and a running one from the tasks dock. Screenshots under target/screenshots.
 */
class BulkActionsUITest {

    private WorkbenchBot bot;
    private LocalDatacenter dc;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void up() throws Exception {
        bot = new WorkbenchBot();
        bot.waitUntil("the workbench window is open", () -> bot.shell().isVisible());
        System.setProperty("lockstep.console.noDialogs", "true");
        dc = new LocalDatacenter(Files.createTempDirectory("console-bulk"));
        dc.run("up", "--hosts", "2");
        for (String vm : List.of("vm1", "vm2", "vm3")) {
            dc.run("vm", "create", vm, "--host", "host-1");
            dc.run("vm", "start", vm, "--host", "host-1");
        }
        dc.run("ft", "protect", "vm3", "--backup", "host-2");
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

    /** The rows of the tasks dock about {@code vm} of {@code kind}. */
    private List<Task> rows(String kind, String vm) {
        return live().model().getTasks().stream().filter(t -> kind.equals(t.getKind()) && vm.equals(t.getSubject())).toList();
    }

    private BulkRun ended(BulkRun run, Duration timeout) {
        bot.waitUntil(run.operation().title() + " of " + run.items().size() + " VMs ended (" + run.summary() + ")",
                () -> run.ended() && BulkTasks.lastRun() == run && BulkTasks.row(run.items().get(0)) == null, timeout);
        return run;
    }

    /** Selects the VMs in the inventory, as they show there (the tree catches up with the agents' last picture first). */
    private void select(InventoryView inventory, String... names) {
        bot.showView(InventoryView.ID, InventoryView.class);
        bot.waitUntil(String.join(", ", names) + " selected in the inventory", () -> {
            inventory.select(java.util.Arrays.stream(names).map(this::vm).toList());
            bot.spin(100);
            boolean ok = inventory.viewer().getStructuredSelection().size() == names.length;
            if (!ok) {
                System.out.println("selection " + inventory.viewer().getStructuredSelection().toList() + " host-1's VMs "
                        + live().host("host-1").getVms().stream().map(VirtualMachine::getName).toList() + "\n" + dump(inventory.viewer().getTree().getItems(), ""));
            }
            return ok;
        }, Duration.ofSeconds(20));
    }

    private static String dump(org.eclipse.swt.widgets.TreeItem[] items, String indent) {
        StringBuilder b = new StringBuilder();
        for (org.eclipse.swt.widgets.TreeItem i : items) {
            b.append(indent).append(i.getText()).append(i.getExpanded() ? " (open)" : "").append('\n').append(dump(i.getItems(), indent + "  "));
        }
        return b.toString();
    }

    private void execute(String commandId) throws Exception {
        bot.window().getService(IHandlerService.class).executeCommand(commandId, null);
        bot.spin(100);
    }

    @Test
    void checkpointStopStartProtectManyVmsAndCancel() throws Exception {
        Connector.local(bot.display(), dc.datacenterJson(), errors::add);
        bot.waitUntil("connected, vm1–vm3 running and vm3 protected", () -> live() != null && vm("vm3") != null
                && List.of("vm1", "vm2", "vm3").stream().allMatch(n -> vm(n) != null && vm(n).getPowerState() == PowerState.POWERED_ON)
                && live().model().getFtPairs().stream().anyMatch(p -> p.getPrimary() == vm("vm3") && p.getState() == FtState.PROTECTED),
                Duration.ofSeconds(60));
        assertEquals(List.of(), errors);

        // three VMs selected in the inventory; VM › Checkpoint (the command): one task each
        InventoryView inventory = bot.showView(InventoryView.ID, InventoryView.class);
        select(inventory, "vm1", "vm2", "vm3");
        execute("io.lockstep.console.vm.checkpoint");
        BulkRun checkpoint = BulkTasks.lastRun();
        assertEquals(VmOperation.CHECKPOINT, checkpoint.operation());
        TasksView tasks = bot.showView(TasksView.ID, TasksView.class);
        ended(checkpoint, Duration.ofSeconds(60));
        for (String n : List.of("vm1", "vm2", "vm3")) {
            assertEquals(1, rows("checkpoint", n).size(), "one row in the tasks dock for " + n + "'s checkpoint: " + rows("checkpoint", n));
        }
        for (String n : List.of("vm1", "vm2")) {
            Task t = rows("checkpoint", n).get(0);
            assertEquals(TaskState.SUCCEEDED, t.getState(), n + ": " + t.getMessage());
            assertTrue(t.getId().startsWith("host-1-"), "the row became the agent's own task: " + t.getId());
            assertEquals(1.0, t.getProgress());
        }
        String refusal = "vm3 is an FT primary (protected): a checkpoint is not possible while it is protected (as with VMware FT); unprotect it first";
        Task vm3 = rows("checkpoint", "vm3").get(0);
        assertEquals(TaskState.FAILED, vm3.getState());
        assertEquals(refusal, vm3.getMessage(), "the failed row says the agent's words");
        assertEquals("Checkpoint of 3 VMs: 2 succeeded, 1 failed — vm3: " + refusal, checkpoint.summary());
        bot.waitUntil("the summary above the tasks and on the inventory's message line", () -> tasks.summary().equals(checkpoint.summary())
                && inventory.banner().equals(checkpoint.summary()));
        bot.waitUntil("the tasks view lists the three rows", () -> tasks.tasks().getTable().getItemCount() >= 3);
        tasks.tasks().refresh(true);
        bot.spin(300);
        bot.screenshot("bulk-checkpoint-summary");
        bot.waitUntil("vm1's and vm2's checkpoints read back", () -> !vm("vm1").getCheckpoints().isEmpty() && !vm("vm2").getCheckpoints().isEmpty(),
                Duration.ofSeconds(20));

        // stop vm1 and vm2 (selected in the inventory)
        bot.showView(InventoryView.ID, InventoryView.class);
        select(inventory, "vm1", "vm2");
        execute("io.lockstep.console.vm.stop");
        BulkRun stop = ended(BulkTasks.lastRun(), Duration.ofSeconds(60));
        assertEquals("Stop of 2 VMs: 2 succeeded", stop.summary());
        bot.waitUntil("vm1 and vm2 powered off", () -> vm("vm1").getPowerState() == PowerState.POWERED_OFF
                && vm("vm2").getPowerState() == PowerState.POWERED_OFF, Duration.ofSeconds(20));

        // start the three: vm1 and vm2 go to the least-loaded hosts, vm3 runs already (the agent says so)
        BulkRun start = VmCommandHandler.run(live(), VmOperation.START, List.of(vm("vm1"), vm("vm2"), vm("vm3")));
        ended(start, Duration.ofSeconds(60));
        assertEquals("Start of 3 VMs: 2 succeeded, 1 failed — vm3: vm3 is powered on here already", start.summary());
        assertEquals("host-1", start.items().get(0).target().host(), "vm1 to host-1 (one VM and no backup; host-2 holds vm3's backup: a tie, by name)");
        assertEquals("host-2", start.items().get(1).target().host(), "vm2 to host-2 (host-1 has vm3 and now vm1)");
        assertTrue(rows("start", "vm2").get(0).getMessage().contains("the least-loaded host"), rows("start", "vm2").get(0).getMessage());
        bot.waitUntil("vm1 on host-1 and vm2 on host-2, running", () -> vm("vm1").getPowerState() == PowerState.POWERED_ON
                && vm("vm2").getPowerState() == PowerState.POWERED_ON && vm("vm1").getCurrentHost() == live().host("host-1")
                && vm("vm2").getCurrentHost() == live().host("host-2"), Duration.ofSeconds(30));
        // the inventory follows: vm1 and vm3 under host-1, vm2 under host-2 only
        select(inventory, "vm1", "vm3", "vm2");
        bot.showView(TasksView.ID, TasksView.class);
        bot.spin(300);
        bot.screenshot("bulk-start-summary");

        // protect vm1 (host-1): its backup on the least-loaded other host, host-2 — and said so
        bot.showView(InventoryView.ID, InventoryView.class);
        select(inventory, "vm1");
        execute("io.lockstep.console.vm.protect");
        BulkRun protect = ended(BulkTasks.lastRun(), Duration.ofSeconds(60));
        assertEquals("Protect of 1 VM: 1 succeeded", protect.summary());
        assertEquals("host-2", protect.items().get(0).target().backup());
        String said = protect.items().get(0).message();
        assertTrue(said.contains("backup on host-2, the least-loaded other host"), said);
        bot.waitUntil("vm1 protected on host-2", () -> live().model().getFtPairs().stream()
                .anyMatch(p -> p.getPrimary() == vm("vm1") && p.getBackupHost() == live().host("host-2") && p.getState() == FtState.PROTECTED),
                Duration.ofSeconds(30));
        // both pairs selected in the FT Pairs table: the command acts on their primaries
        FtView pairs = bot.showView(FtView.ID, FtView.class);
        bot.waitUntil("both pairs listed", () -> pairs.viewer().getTable().getItemCount() == 2);
        pairs.viewer().setSelection(new StructuredSelection(live().model().getFtPairs().toArray()), true);
        bot.spin(200);
        assertEquals(2, pairs.viewer().getStructuredSelection().size());
        execute("io.lockstep.console.vm.unprotect");
        BulkRun unprotect = ended(BulkTasks.lastRun(), Duration.ofSeconds(60));
        assertEquals("Unprotect of 2 VMs: 2 succeeded", unprotect.summary());
        bot.waitUntil("no FT pair left", () -> live().model().getFtPairs().isEmpty(), Duration.ofSeconds(30));

        // cancel: checkpoints of vm4 (32 MiB of its memory in use, written at 1 MiB/s), vm1 and vm3, one at a time
        dc.run("vm", "create", "vm4", "--host", "host-1", "--guest", "churn:workingSetPages=8192,prefill=1");
        dc.run("vm", "start", "vm4", "--host", "host-1");
        bot.waitUntil("vm4 running", () -> vm("vm4") != null && vm("vm4").getPowerState() == PowerState.POWERED_ON, Duration.ofSeconds(20));
        TasksView dock = bot.showView(TasksView.ID, TasksView.class);
        BulkRun slow = BulkTasks.start(live(), VmOperation.CHECKPOINT, List.of(vm("vm4"), vm("vm1"), vm("vm3")), 1, 1);
        BulkRun.Item first = slow.items().get(0);
        BulkRun.Item last = slow.items().get(2);
        // vm3's waits for vm4's and vm1's (each followed at least one poll): cancelled at once, no agent asked
        assertEquals(BulkRun.State.QUEUED, last.state());
        Task queuedRow = BulkTasks.row(last);
        dock.tasks().setSelection(new StructuredSelection(queuedRow), true);
        execute("io.lockstep.console.tasks.cancel");
        bot.waitUntil("vm3's queued checkpoint cancelled", () -> queuedRow.getState() == TaskState.CANCELLED);
        assertEquals("cancelled by the operator before it started", queuedRow.getMessage());
        bot.waitUntil("vm4's checkpoint running as the agent's task", () -> first.taskId() != null && BulkTasks.row(first) != null
                && first.taskId().equals(BulkTasks.row(first).getId()) && first.cancellable() && first.progress() > 0, Duration.ofSeconds(20));
        Task runningRow = BulkTasks.row(first);
        dock.tasks().refresh(true);
        dock.tasks().setSelection(new StructuredSelection(runningRow), true);
        bot.spin(300);
        bot.screenshot("bulk-cancel");
        // the dock's own Cancel Task button
        org.eclipse.jface.action.IAction cancel = java.util.Arrays.stream(dock.getViewSite().getActionBars().getToolBarManager().getItems())
                .filter(i -> i instanceof org.eclipse.jface.action.ActionContributionItem a && "Cancel Task".equals(a.getAction().getText()))
                .map(i -> ((org.eclipse.jface.action.ActionContributionItem) i).getAction()).findFirst().orElseThrow();
        bot.waitUntil("Cancel Task enabled for vm4's running checkpoint", cancel::isEnabled);
        cancel.run();
        ended(slow, Duration.ofSeconds(60));
        assertEquals(TaskState.CANCELLED, runningRow.getState(), "vm4's checkpoint cancelled by its agent: " + runningRow.getMessage());
        assertEquals("Checkpoint of 3 VMs: 1 succeeded, 2 cancelled", slow.summary());
        System.out.println("cancelled checkpoint: " + runningRow.getId() + " " + runningRow.getMessage() + " at " + Math.round(runningRow.getProgress() * 100)
                + " %");
        dock.tasks().refresh(true);
        bot.spin(300);
        bot.screenshot("bulk-cancelled");
        System.out.println("tasks: " + live().model().getTasks().stream().map(t -> t.getId() + " " + t.getKind() + " " + t.getSubject() + " "
                + t.getState().getLiteral()).collect(Collectors.joining("; ")));
    }
}
