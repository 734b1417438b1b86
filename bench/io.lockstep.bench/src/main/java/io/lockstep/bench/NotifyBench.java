package io.lockstep.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.lockstep.cli.Table;
import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.storage.CountingMedium;
import io.lockstep.storage.file.FileMedium;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The notification benchmark: one writer host changes the directory; 1, 3 or 7 other host processes must
 * refresh their caches. Prints, side by side in one run: the latency from the change to the last host's
 * refreshed cache (hosts learning through the protocol while idle — at their next heartbeat — or busy, and
 * hosts polling the notification record every heartbeat instead), and the commands it costs: per
 * notification for the protocol (writer and receivers, idle heartbeats subtracted), and per second for polling.
 * Run: {@code ./lockstep bench notify}.
 */
@Command(name = "notify", mixinStandardHelpOptions = true, description = "Notification latency and cost, vs polling.")
public final class NotifyBench implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "work/bench")
    Path dir;

    @Option(names = "--hosts", defaultValue = "2,4,8", split = ",", description = "hosts in all (the writer included)")
    List<Integer> hostCounts;

    @Option(names = "--changes", defaultValue = "20", description = "directory changes per measurement")
    int changes;

    @Option(names = "--io-timeout", defaultValue = "100", description = "ms; the heartbeat interval is twice this")
    long ioTimeoutMs;

    @Option(names = "--acquisition", defaultValue = "ats")
    String acquisition;

    @Option(names = "--quick", description = "2 hosts, 4 changes")
    boolean quick;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new NotifyBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (quick) {
            hostCounts = List.of(2);
            changes = 4;
        }
        Files.createDirectories(dir);
        AcquisitionMode mode = AcquisitionMode.parse(acquisition);
        long heartbeat = 2 * ioTimeoutMs;
        out.printf("Lockstep notification benchmark — %d changes per point, heartbeat %d ms, %s mode, %d cores%n%n", changes, heartbeat,
                mode.label(), Runtime.getRuntime().availableProcessors());
        Table t = Table.markdown("hosts", "scheme", "latency p50 ms", "latency max ms", "writer commands per change",
                "receivers' commands per change", "idle commands/s (all hosts)");
        for (int hosts : hostCounts) {
            for (String scheme : List.of("notified", "busy", "poll")) {
                Result r = measure(hosts, scheme, mode);
                t.row(hosts, scheme.equals("notified") ? "notified (idle hosts)" : scheme.equals("busy") ? "notified (busy hosts)"
                        : "polling every heartbeat", f(r.p50), f(r.max), f(r.writerPerChange), scheme.equals("busy") ? "—" : f(r.receiversPerChange),
                        f(r.idlePerSecond));
            }
        }
        t.print(out);
        out.println();
        out.println("latency: from the writer starting its change to the last other host holding the new directory.");
        out.println("writer commands per change: what creating a file costs the writer (directory lock, journaled entry, and for");
        out.println("notification its record update and one PREEMPT of every other registrant). Receivers' commands per change: every command");
        out.println("of the other hosts during the changes, minus what they send idle (heartbeats; for polling, its reads), per");
        out.println("change. Idle commands/s: all hosts, with no change at all.");
        return 0;
    }

    private record Result(double p50, double max, double writerPerChange, double receiversPerChange, double idlePerSecond) {
    }

    private Result measure(int hosts, String scheme, AcquisitionMode mode) throws Exception {
        Path lun = dir.resolve("notify.lun");
        Files.deleteIfExists(lun);
        FileMedium.create(lun, 512, 32768);
        try (FileMedium m = FileMedium.open(lun, "bench-admin")) {
            Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(Duration.ofMillis(ioTimeoutMs)).withSlots(16).withLocks(128)
                    .withEntries(64));
        }
        Map<Long, Map<Integer, Long>> seen = new ConcurrentHashMap<>(); // generation → worker → nanoTime
        Map<Integer, AtomicLong> ios = new HashMap<>();
        List<Process> workers = new ArrayList<>();
        try (CountingMedium wm = new CountingMedium(FileMedium.open(lun, "writer"));
                Datastore writer = Datastore.mount(wm, HostIdentity.named("writer"), mode)) {
            writer.setPreemptOnPublish(!scheme.equals("poll"));
            for (int i = 1; i < hosts; i++) {
                int id = i;
                Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx64m", "-XX:+UseSerialGC",
                        "-Djava.util.logging.config.file=/dev/null", "-cp", System.getProperty("java.class.path"),
                        NotifyWorker.class.getName(), scheme.equals("poll") ? "poll" : scheme, lun.toString(), "host-" + i, mode.label())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                workers.add(p);
                AtomicLong count = new AtomicLong();
                ios.put(id, count);
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                if (!r.readLine().equals("MOUNTED")) {
                    throw new IOException("a worker did not mount");
                }
                Thread reader = new Thread(() -> {
                    try {
                        for (String line; (line = r.readLine()) != null;) {
                            String[] f = line.split(" ");
                            if (f[0].equals("GEN")) {
                                seen.computeIfAbsent(Long.parseLong(f[1]), g -> new ConcurrentHashMap<>()).put(id, Long.parseLong(f[2]));
                            } else if (f[0].equals("IOS")) {
                                count.set(Long.parseLong(f[1]));
                            }
                        }
                    } catch (IOException e) {
                        // ended
                    }
                });
                reader.setDaemon(true);
                reader.start();
            }
            Thread.sleep(1500); // everyone up and heartbeating
            long idleMs = 2000;
            long before = total(ios);
            long writerBefore = commands(wm);
            Thread.sleep(idleMs);
            double receiversIdlePerSecond = (total(ios) - before) * 1000.0 / idleMs;
            double writerIdlePerSecond = (commands(wm) - writerBefore) * 1000.0 / idleMs;

            List<Double> latencies = new ArrayList<>();
            long spacingMs = 3 * 2 * ioTimeoutMs;
            long startCommands = total(ios);
            long writerStart = commands(wm);
            long startTime = System.nanoTime();
            for (int c = 0; c < changes; c++) {
                long t0 = System.nanoTime();
                writer.fs().create("/n" + c); // an empty file: a change of the directory, no data
                long generation = writer.cachedGeneration(io.lockstep.cluster.records.SharedTable.DIRECTORY);
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (seen.getOrDefault(generation, Map.of()).size() < hosts - 1 && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                Map<Integer, Long> at = seen.getOrDefault(generation, Map.of());
                if (at.size() < hosts - 1) {
                    throw new IOException(scheme + ": only " + at.size() + " of " + (hosts - 1) + " hosts saw generation " + generation);
                }
                latencies.add((at.values().stream().mapToLong(Long::longValue).max().getAsLong() - t0) / 1e6);
                Thread.sleep(Math.max(0, spacingMs - (System.nanoTime() - t0) / 1_000_000));
            }
            Thread.sleep(200); // the last IOS reports
            double elapsedS = (System.nanoTime() - startTime) / 1e9;
            double receivers = (total(ios) - startCommands - receiversIdlePerSecond * elapsedS) / changes;
            double writerCost = (commands(wm) - writerStart - writerIdlePerSecond * elapsedS) / changes;
            latencies.sort(Double::compare);
            return new Result(latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1), writerCost, receivers,
                    receiversIdlePerSecond + writerIdlePerSecond);
        } finally {
            for (Process p : workers) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static long total(Map<Integer, AtomicLong> ios) {
        return ios.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private static long commands(CountingMedium m) {
        CountingMedium.Counts c = m.counts();
        return c.sectorIos() + c.reservations() + c.persistentReservations();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }
}
