package io.lockstep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.Credentials;
import io.lockstep.agent.api.CheckpointRequest;
import io.lockstep.agent.api.CreateVmRequest;
import io.lockstep.agent.api.HostHeartbeat;
import io.lockstep.agent.api.LockOwner;
import io.lockstep.agent.api.LockView;
import io.lockstep.agent.api.ProtectRequest;
import io.lockstep.agent.api.TaskView;
import io.lockstep.agent.api.VmView;
import io.lockstep.agent.client.AgentClient;
import io.lockstep.cluster.Cluster;
import io.lockstep.storage.file.FileMedium;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The datacenter commands: up, down, host, vm, ft, leases, tasks, events — all through the agents' API. */
final class DcCommands {

    private DcCommands() {
    }

    /** Options every datacenter command takes. */
    static final class Common {
        @Option(names = "--dc", description = "the datacenter's work directory (default: $LOCKSTEP_WORK/dc or work/dc)")
        Path dir;

        @Option(names = "--host", description = "the host whose agent to ask (default: the first whose agent runs)")
        String host;

        @Option(names = "--json", description = "print the agent's JSON answer (for scripts)")
        boolean json;

        LocalDatacenter dc() throws IOException {
            return LocalDatacenter.load(dir == null ? LocalDatacenter.defaultDir() : dir);
        }

        AgentClient client() throws IOException {
            return dc().pick(host).client();
        }

        /** An answer of the agents' (a record of io.lockstep.agent.api, or a list of them) as JSON. */
        void print(Object value) throws IOException {
            System.out.println(AgentClient.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        }
    }

    static String age(long millis) {
        return millis < 60_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : millis < 7_200_000 ? millis / 60_000 + " min " + millis / 1000 % 60 + " s"
                : millis / 3_600_000 + " h";
    }

    static String text(Object v) {
        return v == null ? "-" : v.toString();
    }

    /** Follows a task to its end with a progress bar on standard error; returns the finished task, or fails with its message. */
    static TaskView follow(AgentClient c, TaskView task, boolean quiet) throws IOException, InterruptedException {
        String id = task.id();
        boolean tty = System.console() != null;
        PrintStream err = System.err;
        int lastTenth = -1;
        String lastMessage = "";
        TaskView t = task;
        long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            String state = t.state();
            double p = t.progress();
            String msg = t.message() == null ? "" : t.message();
            if (!quiet) {
                if (tty) {
                    int width = 30;
                    int filled = (int) Math.round(p * width);
                    err.printf(Locale.ROOT, "\r[%s%s] %3.0f%% %-60.60s", "#".repeat(filled), ".".repeat(width - filled), p * 100, msg);
                    err.flush();
                } else if ((int) (p * 10) != lastTenth || !msg.equals(lastMessage) && !state.equals("running")) {
                    err.printf(Locale.ROOT, "%s %3.0f%% %s%n", id, p * 100, msg);
                    lastTenth = (int) (p * 10);
                    lastMessage = msg;
                }
            }
            if (!state.equals("running")) {
                if (tty && !quiet) {
                    err.println();
                }
                if (!state.equals("succeeded")) {
                    throw new IOException("task " + id + " " + state + ": " + msg);
                }
                return t;
            }
            if (System.nanoTime() > end) {
                throw new IOException("task " + id + " is still running after 10 minutes: " + msg + " (lockstep tasks shows it)");
            }
            Thread.sleep(100);
            t = c.get("/v1/tasks/" + id, TaskView.class);
        }
    }

    // --- up and down ------------------------------------------------------------------------------------------

    @Command(name = "up", mixinStandardHelpOptions = true, description = {
        "Start a local datacenter of N hosts sharing one LUN. As root (with tgt, iptables and arping): each host in its own network "
                + "namespace with its own address on a datacenter bridge, the LUN on an iSCSI target (tgtd) every host reaches over the "
                + "network, each VM with its own address that moves with it. Otherwise every agent on loopback in one network stack.",
        "Reuses the work directory when it exists (its VMs and host identities survive); starts only agents that are not running."})
    static final class Up implements Callable<Integer> {
        @Option(names = "--hosts", defaultValue = "3", description = "how many hosts (default 3)")
        int hosts;

        @Option(names = "--dc", description = "the work directory (default: $LOCKSTEP_WORK/dc or work/dc)")
        Path dir;

        @Option(names = "--io-timeout", defaultValue = "250", description = "the medium's I/O timeout in ms when formatting it (heartbeat 2x, lease timeout 8x; default 250)")
        long ioTimeout;

        @Option(names = "--json", description = "print the datacenter as JSON")
        boolean json;

        @Option(names = "--loopback", description = "every host on loopback in this machine's one network stack (no root needed; a hung "
                + "or partitioned host keeps its VMs' ports, so their backups cannot serve them)")
        boolean loopback;

        @Option(names = "--namespaces", description = "insist on a network namespace per host: fail, naming what is missing, when it cannot")
        boolean namespaces;

        @Option(names = "--medium", defaultValue = "iscsi", description = "with a namespace per host: the LUN on an iSCSI target (iscsi, "
                + "default) or the LUN file itself, which every host's agent opens (file; fencing and reservations in the file's own "
                + "target state)")
        String medium;

        @Option(names = "--demo", description = "and a VM demo (KV guest) running on host-1 with a checkpoint, protected by a backup on "
                + "host-2: made when missing, started and protected again when it is not (the console's embedded datacenter)")
        boolean demo;

        @Override
        public Integer call() throws Exception {
            if (hosts < 1 || hosts > 32) {
                throw new IllegalArgumentException("--hosts: expected 1 to 32, found " + hosts);
            }
            Path d = (dir == null ? LocalDatacenter.defaultDir() : dir).toAbsolutePath();
            Files.createDirectories(d);
            Path lun = d.resolve("lun.img");
            Path datastore = d.resolve("datastore");
            Files.createDirectories(datastore);
            Path secret = d.resolve("datacenter.secret");
            Credentials.secretText(secret, 32);
            if (loopback && namespaces) {
                throw new IllegalArgumentException("--loopback and --namespaces: expected one of them, found both");
            }
            if (!medium.equals("iscsi") && !medium.equals("file")) {
                throw new IllegalArgumentException("--medium: expected iscsi or file, found '" + medium + "'");
            }
            HostNamespaces net = network(d);
            boolean fileMedium = net != null && medium.equals("file");
            Path mediumKind = d.resolve("medium");
            if (net != null && Files.exists(lun)) {
                String was = Files.exists(mediumKind) ? Files.readString(mediumKind).trim() : "iscsi";
                if (!was.equals(medium)) {
                    throw new IllegalArgumentException("--medium: this datacenter's LUN (" + lun + ") was made for --medium " + was + ", found --medium "
                            + medium + " (lockstep down --purge starts afresh)");
                }
            }
            if (net != null) {
                boolean anyRunning = false;
                for (int i = 1; i <= hosts; i++) {
                    anyRunning |= running(d.resolve("host-" + i));
                }
                List<String> hostNames = new ArrayList<>();
                for (int i = 1; i <= Math.max(hosts, 32); i++) {
                    hostNames.add("host-" + i);
                }
                if (!anyRunning) {
                    List<String> left = net.existing();
                    if (!left.isEmpty()) {
                        List<String> removed = net.teardown(hostNames);
                        System.err.println("removed what an earlier run left (no agent of it runs): " + String.join(", ", removed));
                        net.tgtdPid = -1;
                    }
                }
                net.ensureBridge();
                for (int i = 1; i <= hosts; i++) {
                    net.ensureHost("host-" + i);
                }
                if (fileMedium) {
                    if (!Files.exists(lun)) {
                        FileMedium.create(lun, 512, (4L << 30) / 512); // every host's agent opens the file itself
                        try (FileMedium m = FileMedium.open(lun, "lockstep-up")) {
                            Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(Duration.ofMillis(ioTimeout)).withLabel("ds1"));
                        }
                        Files.writeString(mediumKind, "file\n");
                        System.err.println("formatted " + lun + " as datastore ds1 (I/O timeout " + ioTimeout + " ms); the hosts open the LUN file");
                    }
                } else if (!Files.exists(lun)) {
                    // the storage side's LUN: a plain sparse image tgtd serves; formatted over iSCSI like any SAN LUN
                    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(lun.toFile(), "rw")) {
                        f.setLength(4L << 30);
                    }
                    net.startTarget(lun);
                    try (io.lockstep.storage.Medium m = io.lockstep.storage.Media.open(net.mediumUri(), "lockstep-up")) {
                        Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(Duration.ofMillis(ioTimeout)).withLabel("ds1"));
                    }
                    Files.writeString(mediumKind, "iscsi\n");
                    System.err.println("formatted " + net.mediumUri() + " (" + lun + " on the target) as datastore ds1 (I/O timeout " + ioTimeout + " ms)");
                }
                if (!fileMedium) {
                    net.startTarget(lun);
                }
                net.save();
            } else if (!Files.exists(lun)) {
                FileMedium.create(lun, 512, (4L << 30) / 512); // sparse: every VM file lives on it
                try (FileMedium m = FileMedium.open(lun, "lockstep-up")) {
                    Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(Duration.ofMillis(ioTimeout)).withLabel("ds1"));
                }
                System.err.println("formatted " + lun + " as datastore ds1 (I/O timeout " + ioTimeout + " ms)");
            }
            List<Map<String, Object>> list = new ArrayList<>();
            List<String> started = new ArrayList<>();
            List<Process> spawned = new ArrayList<>();
            for (int i = 1; i <= hosts; i++) {
                String name = "host-" + i;
                Path data = d.resolve(name);
                Files.createDirectories(data);
                Path props = data.resolve("agent.properties");
                if (!Files.exists(props)) {
                    String where = net == null ? "medium=" + lun + "\nlisten=127.0.0.1:0\n"
                            : "# its own network namespace " + net.namespace(name) + ": the LUN over iSCSI, its own address, VMs' addresses\n"
                                    + "medium=" + (fileMedium ? lun.toString() : net.mediumUri()) + "\nlisten=" + net.hostAddress(name) + ":0\ninterface=eth0\nvm-addresses="
                                    + net.vmRange() + "\n";
                    Files.writeString(props, "# the agent of " + name + " (lockstep up)\nhost=" + name + "\n" + where + "datastore=" + datastore
                            + "\ndata=" + data + "\nsecret=" + secret + "\n", StandardCharsets.UTF_8);
                }
                if (running(data)) {
                    continue;
                }
                Files.deleteIfExists(data.resolve("agent.json"));
                List<String> cmd = new ArrayList<>();
                if (net != null) {
                    cmd.addAll(net.inHost(name));
                }
                if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                    cmd.add("/usr/bin/setsid"); // its own session: a Ctrl+C in this terminal does not reach the agents
                }
                int javaAt = cmd.size();
                cmd.add(ProcessHandle.current().info().command().orElse("java"));
                // thread priorities mean something: FT replication above the API (Linux: a nice value per thread)
                cmd.add("-XX:ThreadPriorityPolicy=1");
                String opts = System.getenv("LOCKSTEP_AGENT_JAVA_OPTS");
                if (opts != null && !opts.isBlank()) {
                    cmd.addAll(List.of(opts.trim().split("\\s+")));
                }
                cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.lockstep.agent.AgentMain", "--config", props.toString()));
                if (net != null) {
                    // the VMs' addresses go with the agent however it ends (a SIGKILL too): a VM dies with its host's process
                    cmd.addAll(javaAt, List.of("/bin/sh", "-c", "\"$@\"; s=$?; for a in $(ip -4 -o addr show dev eth0 | awk '$4 ~ /\\/32$/ {print $4}'); "
                            + "do ip addr del $a dev eth0; done; exit $s", "agent"));
                }
                spawned.add(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("agent.log").toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start());
                started.add(name);
            }
            long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            for (int i = 1; i <= hosts; i++) {
                Path data = d.resolve("host-" + i);
                while (!running(data)) {
                    if (System.nanoTime() > end) {
                        String log = Files.exists(data.resolve("agent.log")) ? Files.readString(data.resolve("agent.log")) : "(no log)";
                        for (Process p : spawned) { // no half-started datacenter is left running behind the error
                            p.destroy();
                        }
                        for (Process p : spawned) {
                            if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                                p.destroyForcibly();
                            }
                        }
                        throw new IOException("the agent of host-" + i + " did not come up within 90 s (the " + spawned.size()
                                + " agents this command started were stopped); its log " + data.resolve("agent.log")
                                + " ends:\n" + log.substring(Math.max(0, log.length() - 2000)));
                    }
                    if (System.console() != null) {
                        System.err.printf("\rstarting agents: %d of %d up", i - 1, hosts);
                    }
                    Thread.sleep(100);
                }
                JsonNode a = AgentClient.mapper().readTree(data.resolve("agent.json").toFile());
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("name", "host-" + i);
                h.put("url", a.path("url").asText());
                h.put("fingerprint", a.path("fingerprint").asText());
                h.put("tokenFile", data.resolve("token").toString());
                h.put("pid", a.path("pid").asLong());
                h.put("slot", a.path("slot").asInt());
                h.put("log", data.resolve("agent.log").toString());
                list.add(h);
            }
            if (System.console() != null) {
                System.err.print("\r");
            }
            Map<String, Object> dcJson = new LinkedHashMap<>();
            dcJson.put("dir", d.toString());
            dcJson.put("lun", lun.toString());
            dcJson.put("datastore", datastore.toString());
            dcJson.put("hosts", list);
            dcJson.put("network", net == null ? "loopback" : "namespaces");
            if (net != null) {
                if (!fileMedium) {
                    dcJson.put("portal", net.bridgeAddress() + ":" + HostNamespaces.PORTAL);
                }
                dcJson.put("medium", fileMedium ? lun.toString() : net.mediumUri());
                dcJson.put("vmAddresses", net.vmRange());
            }
            Path tmp = d.resolve("datacenter.json.tmp");
            AgentClient.mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), dcJson);
            Files.move(tmp, d.resolve("datacenter.json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (demo) {
                demo(LocalDatacenter.load(d));
            }
            if (json) {
                System.out.println(AgentClient.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(dcJson));
                return 0;
            }
            System.out.println("datacenter up in " + d + ": " + hosts + " hosts on one LUN (" + lun.getFileName() + "), datastore ds1"
                    + (net == null ? ", every host on loopback" : ", each host in its own network namespace, " + (fileMedium
                            ? "the LUN file opened by every host" : "the LUN on iSCSI at " + net.bridgeAddress() + ":" + HostNamespaces.PORTAL)
                            + ", VM addresses " + net.vmRange())
                    + (started.isEmpty() ? " (all agents were running already)" : " (started " + String.join(", ", started) + ")"));
            Table t = new Table("HOST", "SLOT", "API", "CERTIFICATE (SHA-256)", "TOKEN", "PID");
            for (Map<String, Object> h : list) {
                String fp = (String) h.get("fingerprint");
                t.row(h.get("name"), h.get("slot"), h.get("url"), fp.substring(0, 23) + "…", h.get("tokenFile"), h.get("pid"));
            }
            t.print(System.out);
            System.out.println(demo ? "VM demo runs protected: lockstep vm ls; lockstep ft status demo"
                    : "next: lockstep vm create vm1 && lockstep vm start vm1 && lockstep ft protect vm1 --backup host-2");
            return 0;
        }

        /**
         * The datacenter's network: its namespaces when it has them (made as root before), none when its hosts were made on
         * loopback; for a new datacenter, namespaces when this machine can (root, tgt, iptables, arping) unless --loopback,
         * else loopback with a note that says what is missing and what does not work without it.
         */
        private HostNamespaces network(Path d) throws IOException {
            boolean made = Files.exists(d.resolve("host-1").resolve("agent.properties"));
            if (made) {
                boolean own = Files.readString(d.resolve("host-1").resolve("agent.properties")).contains("\ninterface=");
                if (own && loopback) {
                    throw new IllegalArgumentException("--loopback: the datacenter in " + d + " was made with a network namespace per host; "
                            + "`lockstep down --purge` first to make it again on loopback");
                }
                if (!own && namespaces) {
                    throw new IllegalArgumentException("--namespaces: the datacenter in " + d + " was made on loopback; "
                            + "`lockstep down --purge` first to make it again with namespaces");
                }
                if (own) {
                    List<String> missing = HostNamespaces.missing();
                    if (!missing.isEmpty()) {
                        throw new IOException("the datacenter in " + d + " has a network namespace per host, which needs what is missing here: "
                                + String.join("; ", missing));
                    }
                }
                return own ? HostNamespaces.of(d) : null;
            }
            if (loopback) {
                return null;
            }
            List<String> missing = HostNamespaces.missing();
            if (missing.isEmpty()) {
                return HostNamespaces.of(d);
            }
            if (namespaces) {
                throw new IOException("--namespaces: a network namespace per host needs what is missing here: " + String.join("; ", missing));
            }
            System.err.println("every host on loopback in one network stack (a namespace per host needs: " + String.join("; ", missing) + ").\n"
                    + "  works: VMs, checkpoints, FT pairs, failover when an agent dies (SIGKILL), the console.\n"
                    + "  does not: failover from a hung or partitioned host (it keeps its VMs' ports), VM addresses, `lockstep fault`.");
            return null;
        }

        /** VM demo as the console's embedded datacenter shows it: running on host-1, checkpointed once, protected by host-2. */
        private void demo(LocalDatacenter dc) throws IOException, InterruptedException {
            if (hosts < 2) {
                throw new IllegalArgumentException("--demo: expected at least 2 hosts (its backup runs on host-2), found " + hosts);
            }
            AgentClient c = dc.pick("host-1").client();
            boolean exists = c.list("/v1/vms", VmView.class).stream().anyMatch(v -> v.name().equals("demo"));
            if (!exists) {
                System.err.println("creating VM demo (KV guest) on host-1");
                c.post("/v1/vms", new CreateVmRequest("demo", "kv", null, null, null, null, null), VmView.class);
            }
            VmView v = c.get("/v1/vms/demo", VmView.class);
            if ("poweredOff".equals(v.powerState())) {
                c.post("/v1/vms/demo/power-on", null, VmView.class);
                v = c.get("/v1/vms/demo", VmView.class);
            }
            if (v.host() == null) {
                throw new IOException("VM demo is " + v.powerState() + (v.note() == null ? "" : " (" + v.note() + ")") + "; expected it running");
            }
            AgentClient runner = dc.pick(v.host()).client();
            if (!exists) {
                follow(runner, runner.post("/v1/vms/demo/checkpoints", new CheckpointRequest("first", null), TaskView.class), true);
            }
            if (v.ft() == null || !"primary".equals(v.ft().role())) {
                String backup = v.host().equals("host-2") ? "host-1" : "host-2";
                System.err.println("protecting VM demo (on " + v.host() + ") with a backup on " + backup);
                follow(runner, runner.post("/v1/vms/demo/ft", new ProtectRequest(backup, null, null), TaskView.class), true);
            }
        }

        static boolean running(Path data) {
            Path card = data.resolve("agent.json");
            if (!Files.exists(card)) {
                return false;
            }
            try {
                long pid = AgentClient.mapper().readTree(card.toFile()).path("pid").asLong(-1);
                return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            } catch (IOException e) {
                return false;
            }
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the local datacenter's agents (SIGTERM: VMs power off, locks are released).")
    static final class Down implements Callable<Integer> {
        @Option(names = "--dc", description = "the work directory (default: $LOCKSTEP_WORK/dc or work/dc)")
        Path dir;

        @Option(names = "--purge", description = "then delete the work directory (LUN, VMs, host identities)")
        boolean purge;

        @Override
        public Integer call() throws Exception {
            Path d = (dir == null ? LocalDatacenter.defaultDir() : dir).toAbsolutePath();
            LocalDatacenter dc = LocalDatacenter.load(d);
            List<ProcessHandle> stopping = new ArrayList<>();
            for (LocalDatacenter.Host h : dc.hosts) {
                ProcessHandle.of(h.pid()).filter(ProcessHandle::isAlive).ifPresent(p -> {
                    try {
                        HostNamespaces.run(List.of("kill", "-CONT", Long.toString(p.pid()))); // a hung agent (fault hang) hears SIGTERM only once continued
                    } catch (IOException e) {
                        // not stopped, or gone: SIGTERM does it
                    }
                    p.destroy();
                    stopping.add(p);
                });
            }
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            for (ProcessHandle p : stopping) {
                while (p.isAlive() && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                if (p.isAlive()) {
                    System.err.println("agent process " + p.pid() + " did not stop within 30 s; killing it");
                    p.destroyForcibly();
                }
            }
            System.out.println("stopped " + stopping.size() + " agent" + (stopping.size() == 1 ? "" : "s") + " of the datacenter in " + d);
            if (Files.exists(d.resolve("network.json"))) {
                HostNamespaces net = HostNamespaces.of(d);
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= 32; i++) {
                    names.add("host-" + i);
                }
                List<String> removed = net.teardown(names);
                net.tgtdPid = -1;
                net.save();
                if (!removed.isEmpty()) {
                    System.out.println("removed " + String.join(", ", removed));
                }
            }
            if (purge) {
                try (var walk = Files.walk(d)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                System.out.println("deleted " + d);
            }
            return 0;
        }
    }

    // --- hosts, leases, tasks, events ---------------------------------------------------------------------------

    @Command(name = "host", mixinStandardHelpOptions = true, description = "The hosts of the datacenter.", subcommands = {HostLs.class})
    static final class HostCmd {
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = {"Every host heartbeating on the medium, as the agent asked sees it: its "
            + "address, whether it reaches the storage (its heartbeat moves) and whether the agent asked reaches it over the network."})
    static final class HostLs implements Callable<Integer> {
        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            List<HostHeartbeat> hosts = common.client().list("/v1/hosts", HostHeartbeat.class);
            if (common.json) {
                common.print(hosts);
                return 0;
            }
            Table t = new Table("HOST", "SLOT", "STATE", "ADDRESS", "STORAGE", "NETWORK", "HEARTBEAT AGE", "GENERATION", "API");
            for (HostHeartbeat h : hosts) {
                // STORAGE: its heartbeat moves on the medium (it reaches the LUN); NETWORK: the agent asked reaches its agent
                t.row(text(h.host()), h.slot(), text(h.state()), text(h.address()), h.live() ? "yes" : "NO",
                        h.reachable() == null ? "(this host)" : h.reachable() ? "yes" : "NO", h.ageMillis() + " ms", h.generation(), text(h.url()));
            }
            t.print(System.out);
            return 0;
        }
    }

    @Command(name = "leases", mixinStandardHelpOptions = true, description = "The lock table of the datastore: who holds what, in which mode, since when.")
    static final class Leases implements Callable<Integer> {
        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            List<LockView> locks = common.client().list("/v1/datastores/ds1/locks", LockView.class);
            if (common.json) {
                common.print(locks);
                return 0;
            }
            Table t = new Table("ENTITY", "MODE", "GENERATION", "OWNER", "HELD", "OWNER LIVE");
            for (LockView l : locks) {
                for (LockOwner o : l.owners()) {
                    t.row(text(l.entity()), text(l.mode()), l.generation(), text(o.host()), age(o.heldMillis()), o.live() ? "yes" : "NO (breakable)");
                }
            }
            t.print(System.out);
            return 0;
        }
    }

    @Command(name = "tasks", mixinStandardHelpOptions = true, description = "Tasks of every running agent; `tasks cancel ID` cancels one.",
            subcommands = {TaskCancel.class})
    static final class TasksCmd implements Callable<Integer> {
        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            LocalDatacenter dc = common.dc();
            List<TaskView> all = new java.util.ArrayList<>();
            for (LocalDatacenter.Host h : dc.hosts) {
                if (h.alive() && (common.host == null || common.host.equals(h.name()))) {
                    all.addAll(h.client().list("/v1/tasks", TaskView.class));
                }
            }
            if (common.json) {
                common.print(all);
                return 0;
            }
            Table t = new Table("TASK", "KIND", "SUBJECT", "STATE", "PROGRESS", "MESSAGE");
            for (TaskView k : all) {
                t.row(text(k.id()), text(k.kind()), text(k.subject()), text(k.state()), String.format(Locale.ROOT, "%.0f%%", k.progress() * 100),
                        text(k.message()));
            }
            t.print(System.out);
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a running task (its id starts with its host's name).")
    static final class TaskCancel implements Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(paramLabel = "TASK")
        String id;

        @Override
        public Integer call() throws Exception {
            int dash = id.lastIndexOf('-');
            if (dash <= 0) {
                throw new IllegalArgumentException("TASK: expected an id like host-1-7, found '" + id + "'");
            }
            TaskView t = common.dc().pick(id.substring(0, dash)).client().post("/v1/tasks/" + id + "/cancel", null, TaskView.class);
            if (common.json) {
                common.print(t);
            } else {
                System.out.println("cancelling " + id + ": " + text(t.message()));
            }
            return 0;
        }
    }

    @Command(name = "events", mixinStandardHelpOptions = true, description = "The agent's event stream (server-sent events), one line per event.")
    static final class EventsCmd implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--since", defaultValue = "0", description = "from after this event number (default: every event the agent kept)")
        long since;

        @Option(names = "--count", defaultValue = "0", description = "stop after this many events (default: follow until interrupted)")
        int count;

        @Override
        public Integer call() throws Exception {
            int[] n = {0};
            common.client().eventViews(since, e -> {
                if (common.json) {
                    try {
                        System.out.println(AgentClient.mapper().writeValueAsString(e));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                        throw new IllegalStateException(ex);
                    }
                } else {
                    System.out.printf("%d %s %-20s %-8s %s%n", e.id(), java.time.Instant.ofEpochMilli(e.time()), e.type(), e.subject(),
                            e.data() == null ? "" : e.data().toString());
                }
                System.out.flush();
                return count == 0 || ++n[0] < count;
            });
            return 0;
        }
    }
}
