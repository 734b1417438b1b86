package io.lockstep.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

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

    static void printVm(Common c, JsonNode vm) throws java.io.IOException {
        if (c.json) {
            c.print(vm);
            return;
        }
        JsonNode ft = vm.path("ft");
        System.out.printf("%s: %s%s, guest %s, %d MiB memory, %d MiB disk, port %d, FT %s%s%n", vm.path("name").asText(), vm.path("powerState").asText(),
                vm.path("host").isTextual() ? " on " + vm.path("host").asText() : "", vm.path("guest").asText(), vm.path("memoryMiB").asLong(),
                vm.path("diskMiB").asLong(), vm.path("port").asInt(), ft.path("role").asText("none"),
                ft.path("role").asText().equals("none") ? "" : " (" + ft.path("state").asText() + peerOf(ft) + ")");
        if (vm.path("note").isTextual()) {
            System.out.println("  note: " + vm.path("note").asText());
        }
    }

    static String peerOf(JsonNode ft) {
        if (ft.path("backup").isTextual()) {
            return ", backup on " + ft.path("backup").asText();
        }
        if (ft.path("primary").isTextual()) {
            return ", primary on " + ft.path("primary").asText();
        }
        return "";
    }

    @Command(name = "vm", mixinStandardHelpOptions = true, description = "Virtual machines: create, start, stop, checkpoint, revert.",
            subcommands = {Ls.class, Create.class, Start.class, Stop.class, Suspend.class, Resume.class, Rm.class, Checkpoint.class,
                Checkpoints.class, Revert.class, CheckpointDelete.class})
    static final class VmCmd {
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "Every VM on the datastore and where it runs.")
    static final class Ls implements Callable<Integer> {
        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            JsonNode vms = common.client().get("/v1/vms");
            if (common.json) {
                common.print(vms);
                return 0;
            }
            Table t = new Table("VM", "GUEST", "POWER", "HOST", "PORT", "FT", "NOTE");
            for (JsonNode v : vms) {
                JsonNode ft = v.path("ft");
                t.row(v.path("name").asText(), v.path("guest").asText(), v.path("powerState").asText(), DcCommands.text(v.get("host")),
                        v.path("port").asInt(), ft.path("role").asText().equals("none") ? "-" : ft.path("role").asText() + " " + ft.path("state").asText()
                                + peerOf(ft), v.path("note").asText(""));
            }
            t.print(System.out);
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a VM: its folder, vm.json and VMDK on the datastore.")
    static final class Create implements Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--guest", defaultValue = "kv", description = "the guest (kv, churn:…, disk:…; default kv)")
        String guest;

        @Option(names = "--memory", defaultValue = "64", description = "memory in MiB (default 64)")
        long memory;

        @Option(names = "--disk", defaultValue = "64", description = "disk in MiB (default 64)")
        long disk;

        @Option(names = "--port", defaultValue = "0", description = "the guest NIC's loopback port (default: a free one)")
        int port;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("guest", guest);
            body.put("memoryMiB", memory);
            body.put("diskMiB", disk);
            body.put("port", port);
            printVm(common, common.client().post("/v1/vms", body));
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Power a VM on, on --host (default: the first running agent).")
    static final class Start implements Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            printVm(common, common.client().post("/v1/vms/" + name + "/power-on", null));
            return 0;
        }
    }

    /** Calls {@code POST /v1/vms/NAME/<action>} on the host that runs the VM. */
    abstract static class OnRunner implements Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(paramLabel = "NAME")
        String name;

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
            printVm(common, runner().post("/v1/vms/" + name + "/" + action, null));
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
    static final class Rm implements Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(paramLabel = "NAME")
        String name;

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

    @Command(name = "checkpoint", mixinStandardHelpOptions = true, description = "Take a checkpoint of a running VM (a task with a progress bar).")
    static final class Checkpoint extends OnRunner {
        @Option(names = "--name", defaultValue = "", description = "a label")
        String label;

        @Option(names = "--rate", defaultValue = "0", description = "limit the memory write to this many MiB/s (default: no limit)")
        long rate;

        @Override
        public Integer call() throws Exception {
            AgentClient c = runner();
            JsonNode task = c.post("/v1/vms/" + name + "/checkpoints", Map.of("name", label, "rateLimitMiBps", rate));
            JsonNode done = DcCommands.follow(c, task, common.json);
            if (common.json) {
                common.print(done);
            } else {
                JsonNode r = done.path("result");
                System.out.printf(Locale.ROOT, "checkpoint %d of %s: stun %.2f ms, %s written in %d ms%n", r.path("id").asInt(), name,
                        r.path("stunMicros").asLong() / 1000.0, Units.human(r.path("bytes").asLong()), r.path("writeMillis").asLong());
            }
            return 0;
        }
    }

    @Command(name = "checkpoints", mixinStandardHelpOptions = true, description = "The checkpoints of a running VM.")
    static final class Checkpoints extends OnRunner {
        @Override
        public Integer call() throws Exception {
            JsonNode list = runner().get("/v1/vms/" + name + "/checkpoints");
            if (common.json) {
                common.print(list);
                return 0;
            }
            Table t = new Table("ID", "NAME", "PARENT", "POSITION", "SIZE", "CURRENT");
            for (JsonNode cp : list) {
                t.row(cp.path("id").asInt(), cp.path("name").asText(), DcCommands.text(cp.get("parent")), cp.path("position").asLong(),
                        Units.human(cp.path("bytes").asLong()), cp.path("current").asBoolean() ? "*" : "");
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
            printVm(common, runner().post("/v1/vms/" + name + "/checkpoints/" + id + "/revert", null));
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
            JsonNode done = DcCommands.follow(c, c.delete("/v1/vms/" + name + "/checkpoints/" + id), common.json);
            if (common.json) {
                common.print(done);
            } else {
                System.out.println(done.path("message").asText());
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
            Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("backup", backup, "mode", mode));
            if (epoch != null) {
                body.put("epochMillis", epoch);
            }
            JsonNode task = c.post("/v1/vms/" + name + "/ft", body);
            JsonNode done = DcCommands.follow(c, task, common.json);
            if (common.json) {
                common.print(done);
            } else {
                System.out.println(done.path("message").asText());
            }
            return 0;
        }
    }

    @Command(name = "unprotect", mixinStandardHelpOptions = true, description = "Stop protecting a VM; its backup stands down.")
    static final class Unprotect extends OnRunner {
        @Override
        public Integer call() throws Exception {
            printVm(common, runner().delete("/v1/vms/" + name + "/ft"));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "FT role, state and live statistics of a VM.")
    static final class Status extends OnRunner {
        @Override
        public Integer call() throws Exception {
            JsonNode ft = runner().get("/v1/vms/" + name + "/ft");
            if (common.json) {
                common.print(ft);
                return 0;
            }
            System.out.printf("%s: %s %s%s%n", name, ft.path("role").asText(), ft.path("state").asText(), peerOf(ft));
            JsonNode s = ft.path("stats");
            if (!s.isMissingNode()) {
                System.out.printf(Locale.ROOT, "  epochs %d (%.1f/s), pause p50 %d µs p99 %d µs, %s sent as %d pages (%d diffs; %s whole), lag %.1f ms, "
                        + "CPU share %.2f%n", s.path("epochs").asLong(), s.path("epochRate").asDouble(), s.path("pauseP50Micros").asLong(),
                        s.path("pauseP99Micros").asLong(), Units.human(s.path("pageBytes").asLong()), s.path("pagesSent").asLong(),
                        s.path("diffPages").asLong(), Units.human(s.path("pageBytesIfWhole").asLong()), s.path("lagMillis").asDouble(),
                        s.path("cpuShare").asDouble());
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
            JsonNode done = DcCommands.follow(c, c.post("/v1/vms/" + name + "/ft/failover", Map.of("test", test)), common.json);
            if (common.json) {
                common.print(done);
            } else {
                System.out.println(done.path("message").asText());
            }
            return 0;
        }
    }
}
