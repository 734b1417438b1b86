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
 * at full speed for a while, counting false alarms. Run: {@code ./lockstep bench guard}.
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

    @Option(names = "--quick", description = "a smoke run: 2 attacks, 5 s of benign load")
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
            return falseAlarms == 0 ? 0 : 1;
        } finally {
            server.close();
            agent.close();
        }
    }

}
