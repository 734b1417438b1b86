package io.lockstep.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.api.CheckpointRequest;
import io.lockstep.agent.api.CheckpointView;
import io.lockstep.agent.api.CreateVmRequest;
import io.lockstep.agent.api.FailoverRequest;
import io.lockstep.agent.api.FtStatsView;
import io.lockstep.agent.api.FtView;
import io.lockstep.agent.api.ProtectRequest;
import io.lockstep.agent.api.TaskView;
import io.lockstep.agent.api.VmView;
import io.lockstep.agent.client.AgentClient;
import io.lockstep.cli.DcCommands.Common;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep vm …} and {@code lockstep ft …}: VMs and FT pairs through the agents. */
final class VmCommands {

    private VmCommands() {
    }

    static void printVm(Common c, VmView vm) throws java.io.IOException {
        if (c.json) {
            c.print(vm);
            return;
        }
        String role = role(vm.ft());
        System.out.printf("%s: %s%s, guest %s, %d MiB memory, %d MiB disk, address %s:%d, FT %s%s%n", vm.name(), vm.powerState(),
                vm.host() != null ? " on " + vm.host() : "", vm.guest(), vm.memoryMiB(), vm.diskMiB(),
                vm.address() == null ? "127.0.0.1" : vm.address(), vm.port(), role,
                role.equals("none") ? "" : " (" + vm.ft().state() + peerOf(vm.ft()) + ")");
        if (vm.cpuShare() != null && vm.cpuShare() < 1.0) {
            System.out.printf(java.util.Locale.ROOT, "  CPU share %.2f of its vCPUs%n", vm.cpuShare());
        }
        if (vm.sharedDisks() != null) {
            System.out.println("  shared disks: " + String.join(", ", vm.sharedDisks()));
        }
        if (vm.note() != null) {
            System.out.println("  note: " + vm.note());
        }
    }

    /** A number of a task's result (0 when it is not there). */
    static Number number(Map<String, Object> result, String key) {
        return result != null && result.get(key) instanceof Number n ? n : 0;
    }

    static String role(FtView ft) {
        return ft == null || ft.role() == null ? "none" : ft.role();
    }

    static String peerOf(FtView ft) {
        if (ft != null && ft.backup() != null) {
            return ", backup on " + ft.backup();
        }
        if (ft != null && ft.primary() != null) {
            return ", primary on " + ft.primary();
        }
        return "";
    }

    @Command(name = "vm", mixinStandardHelpOptions = true, description = "Virtual machines: create, start, stop, checkpoint, revert.",
            subcommands = {Ls.class, Create.class, Start.class, Stop.class, Suspend.class, Resume.class, Rm.class, Checkpoint.class,
                Checkpoints.class, Revert.class, CheckpointDelete.class, Console.class, Machine.class, CpuShare.class,
                SharedDiskCommands.Attach.class, SharedDiskCommands.Detach.class})
    static final class VmCmd {
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "Every VM on the datastore and where it runs.")
    static final class Ls implements Callable<Integer> {
        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            List<VmView> vms = common.client().list("/v1/vms", VmView.class);
            if (common.json) {
                common.print(vms);
                return 0;
            }
            Table t = new Table("VM", "GUEST", "POWER", "HOST", "ADDRESS", "FT", "NOTE");
            for (VmView v : vms) {
                t.row(v.name(), v.guest(), v.powerState(), DcCommands.text(v.host()), (v.address() == null ? "127.0.0.1" : v.address()) + ":" + v.port(),
                        role(v.ft()).equals("none") ? "-" : role(v.ft()) + " " + v.ft().state() + peerOf(v.ft()), v.note() == null ? "" : v.note());
            }
            t.print(System.out);
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a VM: its folder, vm.json and VMDK on the datastore.")
    static final class Create extends OnVm {
        @Option(names = "--guest", defaultValue = "kv", description = "the guest: a Java guest (kv, churn:…, disk:…; default kv), or a QEMU "
                + "guest: qemu (the default Linux image with redis), qemu:kernel=PATH,initrd=PATH[,append=…], qemu:image=PATH")
        String guest;

        @Option(names = "--memory", description = "memory in MiB (default 64 for a Java guest, 256 for a QEMU guest)")
        Long memory;

        @Option(names = "--disk", defaultValue = "64", description = "disk in MiB (default 64)")
        long disk;

        @Option(names = "--port", defaultValue = "0", description = "the guest NIC's loopback port (default: a free one)")
        int port;

        @Override
        public Integer call() throws Exception {
            printVm(common, common.client().post("/v1/vms", new CreateVmRequest(name, guest, memory, disk, port, null, null), VmView.class));
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Power a VM on, on --host (default: the first running agent).")
    static final class Start extends OnVm {
        @Override
        public Integer call() throws Exception {
            printVm(common, common.client().post("/v1/vms/" + name + "/power-on", null, VmView.class));
            return 0;
        }
    }

    /** Calls {@code POST /v1/vms/NAME/<action>} on the host that runs the VM. */
    /** A command about one VM, named first, on the datacenter's agents. */
    abstract static class OnVm implements Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(paramLabel = "NAME")
        String name;
    }

    /** A command the agent that runs the VM answers. */
    abstract static class OnRunner extends OnVm {
        AgentClient runner() throws java.io.IOException {
            return common.host != null ? common.client() : common.dc().runnerOf(name).client();
        }
    }

    /** A power operation on the VM's host: {@code POST /v1/vms/NAME/<action>}, then the VM as it is now. */
    abstract static class PowerAction extends OnRunner {
        private final String action;

        PowerAction(String action) {
            this.action = action;
        }

        @Override
        public Integer call() throws Exception {
            printVm(common, runner().post("/v1/vms/" + name + "/" + action, null, VmView.class));
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Power a VM off (an FT pair is unprotected first).")
    static final class Stop extends PowerAction {
        Stop() {
            super("power-off");
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Suspend a VM (its vCPU stops; memory stays).")
    static final class Suspend extends PowerAction {
        Suspend() {
            super("suspend");
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a suspended VM.")
    static final class Resume extends PowerAction {
        Resume() {
            super("resume");
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete a powered-off VM and its files.")
    static final class Rm extends OnVm {
        @Override
        public Integer call() throws Exception {
            JsonNode r = common.client().delete("/v1/vms/" + name);
            if (common.json) {
                common.print(r);
            } else {
                System.out.println("deleted " + name);
            }
            return 0;
        }
    }

    @Command(name = "console", mixinStandardHelpOptions = true, description = "A QEMU VM's serial console: what it printed last; with --type, type a "
            + "line first; with --follow, keep printing what comes.")
    static final class Console extends OnRunner {
        @Option(names = "--type", description = "a line to type on the console (Enter is added)")
        String line;

        @Option(names = "--follow", description = "keep printing what the console prints (until interrupted)")
        boolean follow;

        @Override
        public Integer call() throws Exception {
            AgentClient c = runner();
            io.lockstep.agent.api.ConsoleView v = line != null
                    ? c.post("/v1/vms/" + name + "/console", new io.lockstep.agent.api.ConsoleInput(line + "\n"), io.lockstep.agent.api.ConsoleView.class)
                    : c.get("/v1/vms/" + name + "/console", io.lockstep.agent.api.ConsoleView.class);
            if (common.json && !follow) {
                common.print(v);
                return 0;
            }
            System.out.print(v.text());
            long seen = v.bytes();
            while (follow) {
                Thread.sleep(200);
                io.lockstep.agent.api.ConsoleView n = c.get("/v1/vms/" + name + "/console", io.lockstep.agent.api.ConsoleView.class);
                long fresh = n.bytes() - seen;
                if (fresh > 0) {
                    String t = n.text();
                    System.out.print(fresh >= t.length() ? t : t.substring(t.length() - (int) fresh));
                    System.out.flush();
                    seen = n.bytes();
                }
            }
            return 0;
        }
    }

    @Command(name = "machine", mixinStandardHelpOptions = true, description = "What runs a QEMU VM: QEMU's pid, accelerator, CPU and memory, and "
            + "its disk as the agent serves it (target, portal, the initiator that may log in).")
    static final class Machine extends OnRunner {
        @Override
        public Integer call() throws Exception {
            io.lockstep.agent.api.MachineView m = runner().get("/v1/vms/" + name + "/machine", io.lockstep.agent.api.MachineView.class);
            if (common.json) {
                common.print(m);
            } else {
                System.out.printf(Locale.ROOT, "%s on %s: QEMU pid %d (%s), %.1f s of CPU, %s resident, CPU share %.2f%s%n  disk: %s on %s, for %s%n",
                        m.vm(), m.host(), m.pid(), m.accel(), m.cpuSeconds(), Units.human(m.rssBytes()), m.cpuShare(),
                        m.cpuLimit() == null ? "" : " (cgroup limit " + m.cpuLimit() + " µs in " + m.cpuGroup() + ")", m.diskTarget(), m.diskPortal(),
                        m.initiator());
            }
            return 0;
        }
    }

    @Command(name = "cpu-share", mixinStandardHelpOptions = true, description = "Set the share of its vCPUs a QEMU VM may use (0.05 to 1.0; 1.0: no "
            + "limit): applied at once where it runs, and kept for every later power-on.")
    static final class CpuShare extends OnVm {
        @Parameters(index = "1", paramLabel = "SHARE", description = "0.05 to 1.0")
        double share;

        @Override
        public Integer call() throws Exception {
            AgentClient c;
            if (common.host != null) {
                c = common.client();
            } else {
                // the host that runs it applies it; a VM that is off takes it from vm.json at its next power-on
                VmView v = common.dc().pick(null).client().get("/v1/vms/" + name, VmView.class);
                c = v.host() != null && v.powerState() != null && v.powerState().matches("poweredOn|suspended") ? common.dc().runnerOf(name).client()
                        : common.client();
            }
            printVm(common, c.put("/v1/vms/" + name + "/cpu-share", java.util.Map.of("share", share), VmView.class));
            return 0;
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true, description = "Take a checkpoint of a running VM (a task with a progress bar).")
    static final class Checkpoint extends OnRunner {
        @Option(names = "--name", defaultValue = "", description = "a label")
        String label;

        @Option(names = "--rate", defaultValue = "0", description = "limit the memory write to this many MiB/s (default: no limit)")
        long rate;

        @Override
        public Integer call() throws Exception {
            AgentClient c = runner();
            TaskView task = c.post("/v1/vms/" + name + "/checkpoints", new CheckpointRequest(label, rate), TaskView.class);
            TaskView done = DcCommands.follow(c, task, common.json);
            if (common.json) {
                common.print(done);
            } else {
                Map<String, Object> r = done.result();
                System.out.printf(Locale.ROOT, "checkpoint %d of %s: stun %.2f ms, %s written in %d ms%n", number(r, "id").intValue(), name,
                        number(r, "stunMicros").longValue() / 1000.0, Units.human(number(r, "bytes").longValue()), number(r, "writeMillis").longValue());
            }
            return 0;
        }
    }

    @Command(name = "checkpoints", mixinStandardHelpOptions = true, description = "The checkpoints of a running VM.")
    static final class Checkpoints extends OnRunner {
        @Override
        public Integer call() throws Exception {
            List<CheckpointView> list = runner().list("/v1/vms/" + name + "/checkpoints", CheckpointView.class);
            if (common.json) {
                common.print(list);
                return 0;
            }
            Table t = new Table("ID", "NAME", "PARENT", "POSITION", "SIZE", "CURRENT");
            for (CheckpointView cp : list) {
                t.row(cp.id(), cp.name(), DcCommands.text(cp.parent()), cp.position(), Units.human(cp.bytes()), cp.current() ? "*" : "");
            }
            t.print(System.out);
            return 0;
        }
    }

    @Command(name = "revert", mixinStandardHelpOptions = true, description = "Revert a running VM to a checkpoint.")
    static final class Revert extends OnRunner {
        @Parameters(index = "1", paramLabel = "ID")
        int id;

        @Override
        public Integer call() throws Exception {
            printVm(common, runner().post("/v1/vms/" + name + "/checkpoints/" + id + "/revert", null, VmView.class));
            return 0;
        }
    }

    @Command(name = "checkpoint-rm", mixinStandardHelpOptions = true, description = "Delete a checkpoint (its disk is merged; a task).")
    static final class CheckpointDelete extends OnRunner {
        @Parameters(index = "1", paramLabel = "ID")
        int id;

        @Override
        public Integer call() throws Exception {
            AgentClient c = runner();
            TaskView done = DcCommands.follow(c, c.delete("/v1/vms/" + name + "/checkpoints/" + id, TaskView.class), common.json);
            if (common.json) {
                common.print(done);
            } else {
                System.out.println(done.message());
            }
            return 0;
        }
    }

    // --- ft ---------------------------------------------------------------------------------------------------

    @Command(name = "ft", mixinStandardHelpOptions = true, description = "FT pairs: protect, unprotect, status, test failover.",
            subcommands = {Protect.class, Unprotect.class, Status.class, Failover.class})
    static final class FtCmd {
    }

    @Command(name = "protect", mixinStandardHelpOptions = true, description = "Protect a running VM with a backup on another host (waits until in sync).")
    static final class Protect extends OnRunner {
        @Option(names = "--backup", required = true, description = "the backup's host")
        String backup;

        @Option(names = "--mode", defaultValue = "checkpoint", description = "checkpoint (default) or replay")
        String mode;

        @Option(names = "--epoch", description = "epoch length in ms (checkpoint mode; default: the agent's, 25)")
        Integer epoch;

        @Override
        public Integer call() throws Exception {
            AgentClient c = runner();
            TaskView task = c.post("/v1/vms/" + name + "/ft", new ProtectRequest(backup, mode, epoch), TaskView.class);
            TaskView done = DcCommands.follow(c, task, common.json);
            if (common.json) {
                common.print(done);
            } else {
                System.out.println(done.message());
            }
            return 0;
        }
    }

    @Command(name = "unprotect", mixinStandardHelpOptions = true, description = "Stop protecting a VM; its backup stands down.")
    static final class Unprotect extends OnRunner {
        @Override
        public Integer call() throws Exception {
            printVm(common, runner().delete("/v1/vms/" + name + "/ft", VmView.class));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "FT role, state and live statistics of a VM.")
    static final class Status extends OnRunner {
        @Override
        public Integer call() throws Exception {
            FtView ft = runner().get("/v1/vms/" + name + "/ft", FtView.class);
            if (common.json) {
                common.print(ft);
                return 0;
            }
            System.out.printf("%s: %s %s%s%n", name, role(ft), ft.state(), peerOf(ft));
            FtStatsView s = ft.stats();
            if (s != null) {
                System.out.printf(Locale.ROOT, "  epochs %d (%.1f/s), pause p50 %d µs p99 %d µs, %s sent as %d pages (%d diffs; %s whole), lag %.1f ms, "
                        + "CPU share %.2f%n", s.epochs(), s.epochRate(), s.pauseP50Micros(), s.pauseP99Micros(), Units.human(s.pageBytes()), s.pagesSent(),
                        s.diffPages(), Units.human(s.pageBytesIfWhole()), s.lagMillis(), s.cpuShare());
            }
            return 0;
        }
    }

    @Command(name = "failover", mixinStandardHelpOptions = true, description = "Test failover: stop the primary as if its host failed; the backup goes live.")
    static final class Failover extends OnRunner {
        @Option(names = "--test", required = true, description = "a test failover (required: a real one happens when a host fails)")
        boolean test;

        @Override
        public Integer call() throws Exception {
            AgentClient c = runner();
            TaskView done = DcCommands.follow(c, c.post("/v1/vms/" + name + "/ft/failover", new FailoverRequest(test), TaskView.class), common.json);
            if (common.json) {
                common.print(done);
            } else {
                System.out.println(done.message());
            }
            return 0;
        }
    }
}
