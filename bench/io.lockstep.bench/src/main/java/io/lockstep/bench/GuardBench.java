package io.lockstep.bench;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.lockstep.agent.Agent;
import io.lockstep.agent.AgentConfig;
import io.lockstep.agent.ApiServer;
import io.lockstep.agent.Credentials;
import io.lockstep.agent.Events;
import io.lockstep.agent.api.EventType;
import io.lockstep.agent.api.GuardAttackEvent;
import io.lockstep.agent.client.AgentClient;
import io.lockstep.cli.Table;
import io.lockstep.cluster.Cluster;
import io.lockstep.storage.file.FileMedium;
import io.lockstep.guard.ConnectionFlood;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The DoS guard, measured: an agent with the KV guest; several connection floods from 100 loopback source
 * addresses (each bounded in time and count), timing from the first attacking connection to the alarm
 * (detection) and to the VM suspended (policy applied), and the resume after the hold-down; then redis-benchmark
 * at full speed for a while, counting false alarms; then minutes of a web front end's benign mix (connection churn
 * from 120 source addresses, 200 idle keep-alive connections opened at once), counting false alarms; then a flood
 * kept under every single rule, which the guard must still see. Exit status 1 on a false alarm or an unseen flood.
 * Run: {@code ./lockstep bench guard}.
 */
@Command(name = "guard", mixinStandardHelpOptions = true, description = "DoS guard: time to detect, time to suspend, false positives.")
public final class GuardBench implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "work/bench/guard")
    Path dir;

    @Option(names = "--attacks", defaultValue = "5")
    int attacks;

    @Option(names = "--attack-seconds", defaultValue = "3")
    int attackSeconds;

    @Option(names = "--benign-seconds", defaultValue = "60")
    int benignSeconds;

    @Option(names = "--mix-seconds", defaultValue = "180", description = "how long the web-front-end mix runs (connection churn from "
            + "120 source addresses, idle keep-alive connections)")
    int mixSeconds;

    @Option(names = "--mix-rate", defaultValue = "150", description = "new connections a second in the web-front-end mix")
    int mixRate;

    @Option(names = "--under-seconds", defaultValue = "10", description = "how long each flood that stays under every single rule runs")
    int underSeconds;

    @Option(names = "--quick", description = "a smoke run: 2 attacks, 5 s of benign load, 5 s of the mix, 3 s of each flood under the rules")
    boolean quick;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(new CommandLine(new GuardBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (quick) {
            attacks = 2;
            benignSeconds = 5;
            mixSeconds = 5;
            underSeconds = 3;
        }
        Path d = dir.toAbsolutePath();
        if (Files.exists(d)) {
            try (var walk = Files.walk(d)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        Files.createDirectories(d);
        Path lun = d.resolve("lun.img");
        FileMedium.create(lun, 512, (1L << 30) / 512); // sparse: the VM folders live on it
        try (FileMedium m = FileMedium.open(lun, "bench")) {
            Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(Duration.ofMillis(250)).withLabel("ds1"));
        }
        Credentials.secretText(d.resolve("secret"), 32);
        Agent agent = Agent.start(new AgentConfig("host-a", lun.toString(), d.resolve("datastore"), "127.0.0.1", 0, d.resolve("host-a"),
                d.resolve("secret")));
        ApiServer server = new ApiServer(agent);
        agent.serving(server.url());
        try {
            AgentClient c = AgentClient.operator(server.url(), agent.credentials().fingerprint(), agent.credentials().token());
            int port = c.post("/v1/vms", Map.of("name", "vm1", "memoryMiB", 64)).path("port").asInt();
            c.post("/v1/vms/vm1/power-on", null);
            Table t = Table.markdown("attack", "connections made", "detected after", "suspended after", "resumed after the attack");
            List<Double> detects = new ArrayList<>();
            List<Double> suspends = new ArrayList<>();
            for (int a = 1; a <= attacks; a++) {
                try (Events.Subscription sub = agent.events().subscribe(agent.events().lastId())) {
                    long t0 = System.currentTimeMillis();
                    long made = ConnectionFlood.run(port, attackSeconds * 1000L, 50_000);
                    long attackEnd = System.currentTimeMillis();
                    double detect = -1;
                    double suspend = -1;
                    double resumed = -1;
                    long deadline = System.currentTimeMillis() + 20_000;
                    while (resumed < 0 && System.currentTimeMillis() < deadline) {
                        Events.Event e = sub.next(200);
                        if (e == null) {
                            continue;
                        }
                        if (e.type().equals(EventType.GUARD_ATTACK.wireName())) {
                            GuardAttackEvent attack = (GuardAttackEvent) e.data();
                            detect = attack.detectedAt() - t0;
                            suspend = attack.appliedAt() - t0;
                        } else if (e.type().equals(EventType.GUARD_OVER.wireName())) {
                            resumed = e.time() - attackEnd;
                        }
                    }
                    detects.add(detect);
                    suspends.add(suspend);
                    t.row(a, made, String.format(Locale.ROOT, "%.0f ms", detect), String.format(Locale.ROOT, "%.0f ms", suspend),
                            resumed < 0 ? "not within 20 s" : String.format(Locale.ROOT, "%.1f s (hold-down 3 s)", resumed / 1000));
                }
            }
            t.print(out);
            out.printf(Locale.ROOT, "worst: detected after %.0f ms (target 1 s), suspended after %.0f ms (target 2 s)%n",
                    detects.stream().mapToDouble(Double::doubleValue).max().orElse(-1), suspends.stream().mapToDouble(Double::doubleValue).max().orElse(-1));

            long before = agent.events().lastId();
            Process bench = new ProcessBuilder("redis-benchmark", "-p", Integer.toString(port), "-t", "set,get,incr", "-n", "100000000", "-q")
                    .redirectErrorStream(true).redirectOutput(d.resolve("redis-benchmark.txt").toFile()).start();
            bench.waitFor(benignSeconds, TimeUnit.SECONDS);
            bench.destroy();
            bench.waitFor(10, TimeUnit.SECONDS);
            long falseAlarms = agent.events().recent(before, 100_000).stream().filter(e -> e.type().equals(EventType.GUARD_ATTACK.wireName())).count();
            String last = Files.readString(d.resolve("redis-benchmark.txt")).replace('\r', '\n').trim().lines().reduce((x, y) -> y).orElse("");
            Table b = Table.markdown("benign load", "seconds", "last redis-benchmark line", "false alarms");
            b.row("redis-benchmark -t set,get,incr (50 clients, full speed)", benignSeconds, last.length() > 70 ? last.substring(0, 70) : last, falseAlarms);
            b.print(out);
            c.post("/v1/vms/vm1/power-off", null); // a fresh guard: nothing learned from the full-speed load above
            c.post("/v1/vms/vm1/power-on", null);
            long mixAlarms = mix(agent, port);
            boolean seen = underTheRules(agent, port);
            return falseAlarms == 0 && mixAlarms == 0 && seen ? 0 : 1;
        } finally {
            server.close();
            agent.close();
        }
    }

    /** The {@code p}-th percentile of sorted values (nearest rank). */
    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    /** One source address of the web-front-end mix: 127.0.1.1 to 127.0.1.120. */
    private static InetAddress source(int i) throws java.io.IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 1, (byte) (1 + Math.floorMod(i, 120))});
    }

    private static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] SET = "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** One short connection as a web front end makes it: connect, SET, PING, two replies, close; its time in ns, or -1. */
    private static long visit(int port, int i) {
        long t0 = System.nanoTime();
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(source(i), 0));
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(SET);
            s.getOutputStream().write(PING);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            if (in.readLine() == null || in.readLine() == null) {
                return -1;
            }
            return System.nanoTime() - t0;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /**
     * Benign load as a web front end makes it, for minutes: {@link #mixRate} short connections a second from 120
     * source addresses, each a SET and a PING, and 200 idle keep-alive connections that PING every 20 s. Every alarm
     * under it is a false one; prints them with their rule and the connections' latency.
     */
    private long mix(Agent agent, int port) throws Exception {
        long before = agent.events().lastId();
        List<Socket> idle = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<Long> times = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong failed = new AtomicLong();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket();
                s.bind(new InetSocketAddress(source(i), 0));
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
                idle.add(s);
            }
            long start = System.nanoTime();
            long end = start + mixSeconds * 1_000_000_000L;
            long nextPing = start + 20_000_000_000L;
            long n = 0;
            while (System.nanoTime() < end) {
                long due = start + n * 1_000_000_000L / mixRate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int i = (int) n++;
                pool.execute(() -> {
                    long t = visit(port, i);
                    if (t < 0) {
                        failed.incrementAndGet();
                    } else {
                        times.add(t);
                    }
                });
                if (System.nanoTime() > nextPing) {
                    nextPing += 20_000_000_000L;
                    for (Socket s : idle) {
                        try {
                            s.getOutputStream().write(PING);
                        } catch (java.io.IOException e) {
                            failed.incrementAndGet();
                        }
                    }
                }
            }
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
            for (Socket s : idle) {
                s.close(); // the pool let go, as a front end does when it stops: idle connections closed having sent nothing
            }
        }
        Thread.sleep(1000); // the guard judges every 100 ms over 500 ms: what the closes did is seen by now
        List<Events.Event> alarms = agent.events().recent(before, 100_000).stream().filter(e -> e.type().equals(EventType.GUARD_ATTACK.wireName()))
                .toList();
        double[] ms = times.stream().mapToDouble(t -> t / 1e6).sorted().toArray();
        Table m = Table.markdown("benign mix", "seconds", "connections", "failed", "p50 ms", "p99 ms", "false alarms", "rules that fired");
        m.row(String.format(Locale.ROOT, "web front end: %d conn/s from 120 addresses + 200 idle keep-alive", mixRate), mixSeconds, ms.length + failed.get(),
                failed.get(), ms.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", percentile(ms, 50)),
                ms.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", percentile(ms, 99)), alarms.size(),
                alarms.stream().map(e -> ((GuardAttackEvent) e.data()).reason().replaceAll("[0-9.]+", "N")).distinct().toList());
        m.print(out);
        return alarms.size();
    }

    /**
     * Floods that stay under every single rule's threshold: connections at 90 % of the rate threshold from fewer
     * sources than the source threshold, 45 % of them dropped empty (under the 50 % rule). Prints whether the guard
     * saw them and what they did to a benign client meanwhile (its latency against the same client alone).
     */
    private boolean underTheRules(Agent agent, int port) throws Exception {
        Table u = Table.markdown("flood under every single rule", "seconds", "attacking connections", "detected", "benign p50 ms (alone → during)",
                "benign p99 ms (alone → during)");
        double[] alone = probe(port, underSeconds, null);
        long before = agent.events().lastId();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicLong made = new AtomicLong();
        Thread flood = new Thread(() -> {
            long start = System.nanoTime();
            long n = 0;
            while (!stop.get()) {
                long due = start + n * 1_000_000_000L / 180;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                int i = (int) n++;
                try (Socket s = new Socket()) {
                    s.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 2, (byte) (1 + i % 30)}), 0));
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                    if (i % 20 >= 9) { // 11 of 20 send a byte: 45 % dropped empty
                        s.getOutputStream().write('\n');
                    }
                    made.incrementAndGet();
                } catch (java.io.IOException e) {
                    // refused or suspended: go on
                }
            }
        }, "under-the-rules");
        flood.start();
        double[] during;
        try {
            during = probe(port, underSeconds, null);
        } finally {
            stop.set(true);
            flood.join(10_000);
        }
        long detected = agent.events().recent(before, 100_000).stream().filter(e -> e.type().equals(EventType.GUARD_ATTACK.wireName())).count();
        u.row("180 conn/s from 30 addresses, 45 % dropped empty", underSeconds, made.get(), detected > 0 ? "yes" : "no",
                String.format(Locale.ROOT, "%.2f → %.2f", alone[0], during[0]), String.format(Locale.ROOT, "%.2f → %.2f", alone[1], during[1]));
        u.print(out);
        Thread.sleep(4000); // the hold-down, so what follows starts quiet
        return detected > 0;
    }

    /** A benign client on one kept-open connection, a SET every 10 ms for {@code seconds}: its p50 and p99 in ms. */
    private static double[] probe(int port, int seconds, Object unused) throws Exception {
        List<Double> ms = new ArrayList<>();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            s.setSoTimeout(5000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                try {
                    s.getOutputStream().write(SET);
                    if (in.readLine() == null) {
                        break;
                    }
                    ms.add((System.nanoTime() - t0) / 1e6);
                } catch (java.io.IOException e) {
                    ms.add(5000.0); // a timed-out request (the VM suspended): counted as 5 s
                }
                Thread.sleep(10);
            }
        }
        double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length == 0 ? new double[] {-1, -1} : new double[] {percentile(a, 50), percentile(a, 99)};
    }

}
