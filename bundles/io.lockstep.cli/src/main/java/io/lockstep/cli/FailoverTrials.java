package io.lockstep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lockstep.agent.api.HostInfo;
import io.lockstep.agent.api.ProtectRequest;
import io.lockstep.agent.api.TaskView;
import io.lockstep.agent.api.VmView;
import io.lockstep.agent.client.AgentClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Failover trials against the faults that happen (`lockstep fault trials`): a protected KV VM, a real client outside the
 * hosts ({@code redis-cli}, one process per SET, abandoned after 0.5 s and retried until acknowledged) writing through the VM's address,
 * then the fault on the primary's host; the trial records how long the client went unserved, then heals the fault and
 * checks what must hold: exactly one host runs the VM and exactly one namespace holds its address, every acknowledged
 * SET is there (read back with {@code redis-cli}), and the old primary, resumed, serves nothing (the target's refusals of
 * its writes are counted).
 */
@Command(name = "trials", mixinStandardHelpOptions = true, description = {
    "Failover trials: a protected VM, a redis-cli loop through its address, a fault on the primary's host, healed; checks exactly one "
            + "side live, no acknowledged SET lost, the old primary silent; prints the client's time unserved (min, p50, max).",
    "Needs a datacenter of 3 hosts with namespaces (lockstep up --hosts 3, as root)."})
public final class FailoverTrials implements Callable<Integer> {

    @Option(names = "--dc", description = "the datacenter's work directory (default: $LOCKSTEP_WORK/dc or work/dc)")
    Path dir;

    @Option(names = "--fault", defaultValue = "hang", description = "hang, partition (primary ↔ backup), storage (primary ↔ storage) or kill "
            + "(SIGKILL of the primary's agent); default hang")
    String fault;

    @Option(names = "--mode", defaultValue = "checkpoint", description = "the FT mode: checkpoint or replay (default checkpoint)")
    String mode;

    @Option(names = "--trials", defaultValue = "20", description = "how many trials (default 20)")
    int trials;

    @Option(names = "--vm", defaultValue = "trial", description = "the VM the trials use (made when missing; default trial)")
    String vm;

    @Option(names = "--guest", defaultValue = "kv", description = "the guest of the VM made when missing: kv (a Java guest) or qemu (the default "
            + "QEMU image, 128 MiB, checkpoint mode only); default kv")
    String guest;

    /** One trial's outcome. */
    public record Trial(int n, String primary, String backup, String newPrimary, long unservedMillis, int acked, int lost, int liveHosts, int addressHolders,
            long refusedWrites, String oldPrimary, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    final List<Trial> results = new ArrayList<>();

    /**
     * Runs {@code trials} trials of {@code fault} in FT mode {@code mode} against the datacenter in {@code dc} (as the
     * command does, printing each) and returns them: for benchmarks that chart them.
     */
    public static List<Trial> run(Path dc, String fault, String mode, int trials) throws Exception {
        return run(dc, fault, mode, "kv", trials);
    }

    /** As {@link #run(Path, String, String, int)} with the guest the VM is made with (kv or qemu). */
    public static List<Trial> run(Path dc, String fault, String mode, String guest, int trials) throws Exception {
        FailoverTrials t = new FailoverTrials();
        t.guest = guest;
        t.dir = dc;
        t.fault = fault;
        t.mode = mode;
        t.trials = trials;
        t.vm = guest.equals("kv") ? "trial" : "trial-" + guest;
        t.call();
        return List.copyOf(t.results);
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("hang", "partition", "storage", "kill").contains(fault)) {
            throw new IllegalArgumentException("--fault: expected hang, partition, storage or kill, found '" + fault + "'");
        }
        if (!List.of("checkpoint", "replay").contains(mode)) {
            throw new IllegalArgumentException("--mode: expected checkpoint or replay, found '" + mode + "'");
        }
        if (!List.of("kv", "qemu").contains(guest)) {
            throw new IllegalArgumentException("--guest: expected kv or qemu, found '" + guest + "'");
        }
        if (guest.equals("qemu") && !mode.equals("checkpoint")) {
            throw new IllegalArgumentException("--mode: a QEMU guest is protected by checkpoints only; expected checkpoint, found '" + mode + "'");
        }
        if (trials < 1 || trials > 200) {
            throw new IllegalArgumentException("--trials: expected 1 to 200, found " + trials);
        }
        Path d = (dir == null ? LocalDatacenter.defaultDir() : dir).toAbsolutePath();
        LocalDatacenter dc = LocalDatacenter.load(d);
        if (dc.hosts.size() < 3) {
            throw new IllegalArgumentException("the datacenter in " + d + " has " + dc.hosts.size() + " hosts; trials need 3 (the old primary is "
                    + "restarted while the new one is protected by the third)");
        }
        if (!java.nio.file.Files.exists(d.resolve("network.json"))) {
            throw new IOException("the datacenter in " + d + " runs every host on loopback: trials need a network namespace per host (lockstep up as root)");
        }
        HostNamespaces net = HostNamespaces.of(d);
        Main.run("fault", "heal", "--dc", d.toString());
        restartFenced(d, dc);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "%d trials: fault %s, FT mode %s, VM %s (" + guest + ") (lease timeout T = 2 s: served again within T + 1 s is the target)%n",
                trials, fault, mode, vm);
        for (int i = 1; i <= trials; i++) {
            Trial t = trial(d, net, i);
            results.add(t);
            out.printf(Locale.ROOT, "trial %2d: %s → %s, unserved %5d ms, %4d SETs acknowledged, %d lost, live on %d host(s), address on %d, "
                    + "old primary %s, its writes refused by the target %d%s%n", t.n(), t.primary(), t.newPrimary(), t.unservedMillis(), t.acked(), t.lost(),
                    t.liveHosts(), t.addressHolders(), t.oldPrimary(), t.refusedWrites(),
                    t.ok() ? "" : "  FAILED: " + t.problem());
        }
        List<Long> unserved = new ArrayList<>(results.stream().map(Trial::unservedMillis).toList());
        Collections.sort(unserved);
        long failed = results.stream().filter(t -> !t.ok()).count();
        out.printf(Locale.ROOT, "summary: fault %s, mode %s: %d trials, %d failed; client unserved min %d ms, p50 %d ms, max %d ms; acknowledged SETs lost %d; "
                + "trials with exactly one side live %d of %d%n", fault, mode, results.size(), failed, unserved.get(0), unserved.get(unserved.size() / 2),
                unserved.get(unserved.size() - 1), results.stream().mapToInt(Trial::lost).sum(),
                results.stream().filter(t -> t.liveHosts() == 1 && t.addressHolders() == 1).count(), results.size());
        return failed == 0 ? 0 : 1;
    }

    private Trial trial(Path d, HostNamespaces net, int n) throws Exception {
        LocalDatacenter dc = LocalDatacenter.load(d);
        VmView v = ensureProtected(dc);
        String primary = v.host();
        String backup = v.ft().backup();
        String address = v.address();
        int port = v.port();
        Client client = new Client(address, port, "t" + n + "-");
        client.timeoutMillis = guest.equals("qemu") ? 2000 : 500; // (a QEMU guest's reply waits for its epoch: tens of ms, more under TCG)
        client.start();
        try {
            client.awaitAcked(20, 20_000);
            long refusedBefore = dc.host(primary).client().get("/v1/host", HostInfo.class).refusedWrites();
            long faultAt = System.nanoTime();
            inject(d, net, dc, primary, backup);
            // served again: the first SET acknowledged after the fault (the client retries each until it is)
            long servedAgain = client.awaitAckAfter(faultAt, 60_000);
            client.awaitAcked(client.acked() + 20, 20_000);
            // what the client saw: the longest it waited between two acknowledged SETs from its last one before the fault on
            long unserved = servedAgain < 0 ? -1 : client.longestGapFrom(client.lastAckBefore(faultAt)) / 1_000_000;
            client.stop();
            heal(d, net, dc, primary);
            Thread.sleep(3000); // the old primary resumes: it learns it was fenced, or that it lost the record, and lets go
            dc = LocalDatacenter.load(d);
            List<String> running = new ArrayList<>();
            for (LocalDatacenter.Host h : dc.hosts) {
                if (!h.alive()) {
                    continue;
                }
                try {
                    VmView seen = h.client().get("/v1/vms/" + vm, VmView.class);
                    if (h.name().equals(seen.host()) && "poweredOn".equals(seen.powerState())) {
                        running.add(h.name());
                    }
                } catch (IOException e) {
                    // a fenced host refuses to answer for the VMs: it runs none
                }
            }
            int holders = 0;
            for (LocalDatacenter.Host h : dc.hosts) {
                List<String> cmd = new ArrayList<>(net.inHost(h.name()));
                cmd.addAll(List.of("ip", "-4", "-o", "addr", "show", "dev", "eth0"));
                if (HostNamespaces.run(cmd).contains(" " + address + "/32")) {
                    holders++;
                    continue;
                }
                // a QEMU guest's address is routed to its tap (proxy ARP); a route whose tap lost its QEMU is down and ignored
                List<String> route = new ArrayList<>(net.inHost(h.name()));
                route.addAll(List.of("ip", "-4", "route", "show", address));
                String r = HostNamespaces.run(route);
                if (r.contains(" dev ") && !r.contains("linkdown")) {
                    holders++;
                }
            }
            long refused = 0;
            String fenced;
            try {
                HostInfo old = dc.host(primary).client().get("/v1/host", HostInfo.class);
                refused = old.refusedWrites() - refusedBefore;
                fenced = old.fenced() != null ? "fenced" : "not fenced";
            } catch (IOException e) {
                // killed: nothing of it is left to ask (the backup's go-live took its locks before serving)
                fenced = "gone (its agent does not answer)";
            }
            int lost = client.lostOf(address, port);
            String newPrimary = running.size() == 1 ? running.get(0) : running.toString();
            String problem = null;
            if (running.size() != 1) {
                problem = "the VM runs on " + running + " (expected exactly one host)";
            } else if (holders != 1) {
                problem = holders + " namespaces hold " + address + " (expected exactly one)";
            } else if (lost > 0) {
                problem = lost + " acknowledged SETs are missing";
            } else if (servedAgain < 0) {
                problem = "the client was not served again within 60 s";
            }
            restartFenced(d, dc);
            return new Trial(n, primary, backup, newPrimary, unserved, client.acked(), lost, running.size(), holders, refused, fenced, problem);
        } finally {
            client.stop();
        }
    }

    private VmView ensureProtected(LocalDatacenter dc) throws Exception {
        AgentClient any = dc.pick(null).client();
        boolean exists = any.list("/v1/vms", VmView.class).stream().anyMatch(x -> x.name().equals(vm));
        if (!exists) {
            any.post("/v1/vms", new io.lockstep.agent.api.CreateVmRequest(vm, guest, guest.equals("qemu") ? Long.valueOf(128) : null, null, null, null,
                    null), VmView.class);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            VmView v = dc.pick(null).client().get("/v1/vms/" + vm, VmView.class);
            if ("poweredOff".equals(v.powerState())) {
                dc.pick("host-1").client().post("/v1/vms/" + vm + "/power-on", null, VmView.class);
                continue;
            }
            if ("poweredOn".equals(v.powerState()) && v.host() != null) {
                v = dc.pick(v.host()).client().get("/v1/vms/" + vm, VmView.class); // its FT role as its own host knows it
                if (v.ft() != null && "primary".equals(v.ft().role()) && "protected".equals(v.ft().state())) {
                    return v;
                }
                if (v.ft() == null || !"primary".equals(v.ft().role())) {
                    String backup = null;
                    for (LocalDatacenter.Host h : dc.hosts) {
                        if (!h.name().equals(v.host()) && h.alive() && backup == null) {
                            backup = h.name();
                        }
                    }
                    AgentClient runner = dc.pick(v.host()).client();
                    TaskView t = runner.post("/v1/vms/" + vm + "/ft", new ProtectRequest(backup, mode, null), TaskView.class);
                    DcCommands.follow(runner, t, true);
                    continue;
                }
            }
            if (System.nanoTime() > end) {
                throw new IOException(vm + " did not become a protected running VM within 60 s: " + v.powerState() + " on " + v.host()
                        + (v.note() == null ? "" : " (" + v.note() + ")"));
            }
            Thread.sleep(300);
        }
    }

    private void inject(Path d, HostNamespaces net, LocalDatacenter dc, String primary, String backup) throws IOException {
        switch (fault) {
            case "hang" -> {
                HostNamespaces.run(List.of("kill", "-STOP", Long.toString(dc.host(primary).pid())));
                HostNamespaces.run(List.of("ip", "link", "set", net.link(primary), "down"));
            }
            case "partition" -> {
                if (Main.run("fault", "partition", primary, backup, "--dc", d.toString()) != 0) {
                    throw new IOException("fault partition " + primary + " " + backup + " failed");
                }
            }
            case "storage" -> {
                if (Main.run("fault", "storage", primary, "--dc", d.toString()) != 0) {
                    throw new IOException("fault storage " + primary + " failed");
                }
            }
            default -> ProcessHandle.of(dc.host(primary).pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private void heal(Path d, HostNamespaces net, LocalDatacenter dc, String primary) throws IOException {
        if (Main.run("fault", "heal", "--dc", d.toString()) != 0) {
            throw new IOException("fault heal failed");
        }
    }

    /** A host fenced by the trial (or killed) gets a new agent, so the next trial has three hosts to choose from. */
    private void restartFenced(Path d, LocalDatacenter dc) throws Exception {
        boolean restart = false;
        for (LocalDatacenter.Host h : dc.hosts) {
            if (!h.alive()) {
                restart = true;
                continue;
            }
            try {
                HostInfo info = h.client().get("/v1/host", HostInfo.class);
                if (info.fenced() != null) {
                    ProcessHandle p = ProcessHandle.of(h.pid()).orElse(null);
                    if (p != null) {
                        p.destroy();
                        if (!p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).get().isAlive()) {
                            restart = true;
                        } else {
                            p.destroyForcibly();
                            restart = true;
                        }
                    }
                }
            } catch (IOException e) {
                // not answering: restarted below when dead
            }
        }
        if (restart && Main.run("up", "--hosts", Integer.toString(dc.hosts.size()), "--dc", d.toString()) != 0) {
            throw new IOException("restarting the fenced host's agent (lockstep up) failed");
        }
    }

    /** The client outside the hosts: redis-cli, one process per SET, each SET retried until it is acknowledged. */
    static final class Client {
        private final String address;
        private final int port;
        private final String prefix;
        /** How long one SET may take before it is abandoned and tried again. */
        volatile int timeoutMillis = 500;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<long[]> acks = Collections.synchronizedList(new ArrayList<>()); // {index, nanoTime}
        private Thread thread;

        Client(String address, int port, String prefix) {
            this.address = address;
            this.port = port;
            this.prefix = prefix;
        }

        void start() {
            thread = new Thread(this::run, "trial-client");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            for (int i = 0; !stop.get(); i++) {
                while (!stop.get()) {
                    try {
                        String r = redis(address, port, timeoutMillis, "SET", prefix + i, "v" + i).trim();
                        if (r.equals("OK")) {
                            acks.add(new long[] {i, System.nanoTime()});
                            break;
                        }
                    } catch (IOException e) {
                        // not served: try the same SET again
                    }
                    sleep(20);
                }
            }
        }

        int acked() {
            return acks.size();
        }

        void awaitAcked(int count, long millis) throws InterruptedException {
            long end = System.nanoTime() + millis * 1_000_000;
            while (acks.size() < count && System.nanoTime() < end) {
                Thread.sleep(20);
            }
        }

        long lastAckBefore(long t) {
            long last = 0;
            synchronized (acks) {
                for (long[] a : acks) {
                    if (a[1] <= t) {
                        last = Math.max(last, a[1]);
                    }
                }
            }
            return last;
        }

        /** The longest time between two consecutive acknowledgements from {@code t} on (nanoseconds). */
        long longestGapFrom(long t) {
            List<Long> times = new ArrayList<>();
            synchronized (acks) {
                for (long[] a : acks) {
                    if (a[1] >= t) {
                        times.add(a[1]);
                    }
                }
            }
            Collections.sort(times);
            long gap = 0;
            for (int i = 1; i < times.size(); i++) {
                gap = Math.max(gap, times.get(i) - times.get(i - 1));
            }
            return gap;
        }

        /** When the first SET after {@code t} was acknowledged (-1: not within {@code millis}). */
        long awaitAckAfter(long t, long millis) throws InterruptedException {
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end) {
                synchronized (acks) {
                    for (long[] a : acks) {
                        if (a[1] > t) {
                            return a[1];
                        }
                    }
                }
                Thread.sleep(10);
            }
            return -1;
        }

        void stop() throws InterruptedException {
            stop.set(true);
            if (thread != null) {
                thread.join(10_000);
            }
        }

        /** How many acknowledged SETs the VM does not have now (read back with one redis-cli pipe of GETs). */
        int lostOf(String address, int port) throws IOException {
            List<long[]> copy;
            synchronized (acks) {
                copy = new ArrayList<>(acks);
            }
            StringBuilder gets = new StringBuilder();
            for (long[] a : copy) {
                gets.append("GET ").append(prefix).append(a[0]).append('\n');
            }
            String[] got = pipe(address, port, gets.toString()).split("\n");
            int lost = 0;
            for (int i = 0; i < copy.size(); i++) {
                if (i >= got.length || !got[i].trim().equals("v" + copy.get(i)[0])) {
                    lost++;
                }
            }
            return lost;
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One redis-cli command, abandoned after {@code millis} (a client with a socket timeout, as redis-py's
     * socket_timeout); its output, or an IOException when it failed.
     */
    static String redis(String address, int port, int millis, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("redis-cli", "-h", address, "-p", Integer.toString(port)));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(millis, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("redis-cli did not answer within " + millis + " ms");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || out.startsWith("Could not connect") || out.startsWith("Error")) {
            throw new IOException("redis-cli: " + out.trim());
        }
        return out;
    }

    /** Commands piped into one redis-cli (60 s at most); its output. */
    static String pipe(String address, int port, String input) throws IOException {
        Process p = new ProcessBuilder("redis-cli", "-h", address, "-p", Integer.toString(port)).redirectErrorStream(true).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }
}
