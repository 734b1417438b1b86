package io.lockstep.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lockstep.cli.Table;
import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.ft.Backup;
import io.lockstep.ft.FtDisk;
import io.lockstep.ft.FtMode;
import io.lockstep.ft.FtNode;
import io.lockstep.ft.FtOptions;
import io.lockstep.ft.FtStats;
import io.lockstep.ft.GoLive;
import io.lockstep.ft.LiveVm;
import io.lockstep.storage.Media;
import io.lockstep.storage.file.FileMedium;
import io.lockstep.vdisk.DiskChain;
import io.lockstep.vm.GuestRegistry;
import io.lockstep.vm.Vm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The FT benchmark, side by side in one run: the KV guest's throughput under redis-benchmark unprotected,
 * checkpointed at 25 ms and 10 ms epochs and replayed (with epoch pauses and bytes sent as differences vs whole
 * pages); failover time from SIGKILL to the client served again, with primary and backup in their own processes;
 * a replaying backup's lag over time for a CPU-heavy guest on a slower backup, with and without the controller
 * (a chart); what sealing the stream costs (AES-256-GCM against the cleartext CRC32C frames the benchmark alone may
 * still use), side by side; protection at native speed (issue 22): one closed-loop client, 50 and 50 pipelined against
 * the guest unprotected, checkpointed (epochs at the period only, as before, and ended by held output) and replayed.
 * Run: {@code ./lockstep bench ft} ({@code --only native} or {@code --only sealing} for one part).
 */
@Command(name = "ft", mixinStandardHelpOptions = true, description = "FT pairs: throughput, epoch pauses, diff bytes, failover, lag.")
public final class FtBench implements Callable<Integer> {

    /** The bench's shared medium is formatted at the local I/O timeout; its pairs' timings derive from it. */
    static final io.lockstep.cluster.Timing MEDIUM = new io.lockstep.cluster.Timing(io.lockstep.cluster.Timing.LOCAL_IO_TIMEOUT);

    @Option(names = "--dir", defaultValue = "work/bench/ft")
    Path dir;

    @Option(names = "--requests", defaultValue = "20000", description = "redis-benchmark -n per test")
    int requests;

    @Option(names = "--failovers", defaultValue = "5", description = "kills per mode")
    int failovers;

    @Option(names = "--lag-seconds", defaultValue = "8", description = "how long each lag run lasts")
    int lagSeconds;

    @Option(names = "--backup-share", defaultValue = "0.6", description = "the replaying backup's CPU share in the lag runs")
    double backupShare;

    @Option(names = "--chart", defaultValue = "work/bench/ft/ft-lag.png", description = "where the lag chart goes (PNG)")
    Path chart;

    @Option(names = "--quick", description = "a smoke run: 2000 requests, 1 failover, 2 s lag runs")
    boolean quick;

    @Option(names = "--only", split = ",", description = "run only these parts: throughput, native, failover, lag, sealing (default: all of "
            + "these), scaling (only when named: throughput and latency as clients grow, with a chart), pause (only when named: the epoch pause "
            + "of a 256 MiB guest dirtying 5 %/s)")
    List<String> only;

    @Option(names = "--scaling-chart", defaultValue = "work/bench/ft/ft-scaling.png", description = "where the scaling chart goes (PNG)")
    Path scalingChart;

    @Option(names = "--one-client-requests", defaultValue = "2000", description = "redis-benchmark -n for the single closed-loop client (native)")
    int oneClientRequests;

    @Option(names = "--sealing-seconds", defaultValue = "10", description = "how long each run of the sealing comparison without a client lasts")
    int sealingSeconds;

    /** The pairs' key (each protection of the agent has its own; the bench's pairs share one). */
    private final String key = newKey();

    private static String newKey() {
        byte[] k = new byte[32];
        new java.security.SecureRandom().nextBytes(k);
        return java.util.HexFormat.of().formatHex(k);
    }

    private final PrintStream out = System.out;
    private Path lun;
    private int pairs;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FtBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (quick) {
            requests = 2000;
            oneClientRequests = 500;
            failovers = 1;
            lagSeconds = 2;
        }
        clean(dir);
        Files.createDirectories(dir);
        lun = dir.resolve("datastore.lun");
        FileMedium.create(lun, 512, (256L << 20) / 512); // sparse; each pair's go-live record takes a block
        try (FileMedium m = FileMedium.open(lun, "formatter")) {
            Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(MEDIUM.ioTimeout()).withLocks(256).withSlots(64));
        }
        out.printf("Lockstep FT benchmark — %d cores; primary, backup, redis-benchmark and clients share this machine%n%n",
                Runtime.getRuntime().availableProcessors());
        if (part("throughput")) {
            throughput();
        }
        if (part("native")) {
            nativeSpeed();
        }
        if (part("failover")) {
            failover();
        }
        if (part("lag")) {
            lag();
        }
        if (part("sealing")) {
            sealing();
        }
        if (only != null && only.contains("scaling")) {
            scaling();
        }
        if (only != null && only.contains("pause")) {
            pause();
        }
        return 0;
    }

    private boolean part(String name) {
        return only == null || only.contains(name);
    }

    // --- throughput ---------------------------------------------------------------------------------------------

    private record Config(String name, FtOptions options) {
    }

    private void throughput() throws Exception {
        List<Config> configs = List.of(new Config("unprotected", null),
                new Config("checkpoint, 25 ms epochs", FtOptions.defaults(FtMode.CHECKPOINT, MEDIUM).withEpochMillis(25).withAuthKey(key)),
                new Config("checkpoint, 10 ms epochs", FtOptions.defaults(FtMode.CHECKPOINT, MEDIUM).withEpochMillis(10).withAuthKey(key)),
                new Config("record/replay", FtOptions.defaults(FtMode.REPLAY, MEDIUM).withAuthKey(key)));
        Table t = Table.markdown("KV guest", "SET req/s", "GET req/s", "SET -P 16", "GET -P 16", "vs unprotected (SET, SET -P 16)",
                "epoch pause p50 / p99", "bytes per epoch: differences / whole pages");
        double[] base = null;
        out.println("warming up (an unprotected run that is not counted) ...");
        try (Pair warm = new Pair(null, "kv", 64L << 20, 1.0)) {
            redisBenchmark(warm.live.port(), 1);
            redisBenchmark(warm.live.port(), 16);
        }
        for (Config c : configs) {
            out.printf("redis-benchmark against the KV guest, %s ...%n", c.name());
            try (Pair p = new Pair(c.options(), "kv", 64L << 20, 1.0)) {
                double[] r1 = redisBenchmark(p.live.port(), 1);
                double[] r16 = redisBenchmark(p.live.port(), 16);
                double[] all = {r1[0], r1[1], r16[0], r16[1]};
                if (base == null) {
                    base = all;
                }
                FtStats st = p.live.stats();
                String pauses = c.options() == null || c.options().mode() == FtMode.REPLAY ? "—"
                        : String.format(Locale.ROOT, "%.2f / %.2f ms", st.pausePercentile(50) / 1e6, st.pausePercentile(99) / 1e6);
                String bytes = c.options() == null || c.options().mode() == FtMode.REPLAY || st.epochs() < 2 ? "—"
                        : String.format(Locale.ROOT, "%s / %s (%.1fx less)", kib(st.pageBytes() / (double) st.epochs()),
                                kib(st.pageBytesIfWhole() / (double) st.epochs()), st.pageBytesIfWhole() / (double) Math.max(1, st.pageBytes()));
                if (c.options() != null && c.options().mode() == FtMode.REPLAY) {
                    bytes = String.format(Locale.ROOT, "inputs: %s per second", kib(st.eventBytes() / p.seconds()));
                }
                t.row(c.name(), f(all[0]), f(all[1]), f(all[2]), f(all[3]),
                        String.format(Locale.ROOT, "%.2f, %.2f", all[0] / base[0], all[2] / base[2]), pauses, bytes);
            }
        }
        out.println();
        out.printf("KV guest (64 MiB) throughput, redis-benchmark -t set,get -n %d, 50 clients, one request each (-P 1) and 16 pipelined (-P 16)%n",
                requests);
        t.print(out);
        out.println();
    }

    // --- protection at native speed (issue 22) ------------------------------------------------------------------

    /** One redis-benchmark load: how many clients, how many requests each keeps in flight, how many in all. */
    private record Load(String name, int clients, int pipeline, int requests) {
    }

    /** What redis-benchmark measured for one load: requests per second and the client's latency percentiles. */
    private record Measured(double rps, double p50, double p99) {
    }

    /**
     * The KV guest unprotected, checkpointed and replayed, side by side in one run, under the loads of issue 22: a single
     * closed-loop client (every SET waited for), 50 of them, and 50 pipelining 16 each; SET throughput as a ratio of the
     * unprotected guest's, the latency a client sees (p50, p99) and what protection adds to it, epochs per second and the
     * epoch pause's p99.
     */
    private void nativeSpeed() throws Exception {
        List<Config> configs = nativeConfigs();
        List<Load> loads = List.of(new Load("1 client", 1, 1, oneClientRequests), new Load("50 clients", 50, 1, requests),
                new Load("50 clients -P 16", 50, 16, requests * 5));
        Table t = Table.markdown("KV guest", "load", "SET req/s", "vs unprotected", "latency p50 / p99", "added p50 / p99", "epochs/s",
                "epoch pause p99", "CPU busy", "CPU µs / SET");
        out.println("warming up (an unprotected run that is not counted) ...");
        try (Pair warm = new Pair(null, "kv", 64L << 20, 1.0)) {
            for (Load l : loads) {
                setBenchmark(warm.live.port(), l);
            }
        }
        List<String> phaseHeader = new ArrayList<>(List.of("checkpoint", "load"));
        for (FtStats.Phase ph : FtStats.Phase.values()) {
            phaseHeader.add(ph.label() + " p50");
        }
        phaseHeader.addAll(List.of("sum of p50s", "pages / epoch", "wire / epoch"));
        Table phases = Table.markdown(phaseHeader.toArray(String[]::new));
        Measured[] base = new Measured[loads.size()];
        for (Config c : configs) {
            out.printf("redis-benchmark -t set against the KV guest, %s ...%n", c.name());
            try (Pair p = new Pair(c.options(), "kv", 64L << 20, 1.0)) {
                FtStats st = p.live.stats();
                for (int i = 0; i < loads.size(); i++) {
                    Load l = loads.get(i);
                    long e0 = st.epochs();
                    int mark = st.phaseCount();
                    long pages0 = st.pagesSent();
                    long wire0 = st.wireBytes();
                    long t0 = System.nanoTime();
                    long[] cpu0 = machineCpu();
                    Measured m = setBenchmark(p.live.port(), l);
                    long[] cpu1 = machineCpu();
                    double secs = (System.nanoTime() - t0) / 1e9;
                    double busy = (cpu1[0] - cpu0[0]) / (double) Math.max(1, cpu1[1] - cpu0[1]); // of every core
                    double busySeconds = (cpu1[0] - cpu0[0]) / (double) CLOCK_TICKS;
                    if (st.phaseCount() > mark) {
                        List<Object> row = new ArrayList<>(List.of(c.name(), l.name()));
                        long sum = 0;
                        for (FtStats.Phase ph : FtStats.Phase.values()) {
                            long v = st.phasePercentile(ph, 50, mark);
                            sum += v;
                            row.add(String.format(Locale.ROOT, "%.3f ms", v / 1e6));
                        }
                        long epochs = Math.max(1, st.epochs() - e0);
                        row.add(String.format(Locale.ROOT, "%.3f ms", sum / 1e6));
                        row.add(String.format(Locale.ROOT, "%.1f", (st.pagesSent() - pages0) / (double) epochs));
                        row.add(kib((st.wireBytes() - wire0) / (double) epochs));
                        phases.row(row.toArray());
                    }
                    if (base[i] == null) {
                        base[i] = m;
                    }
                    boolean checkpoint = c.options() != null && c.options().mode() == FtMode.CHECKPOINT;
                    t.row(c.name(), l.name(), f(m.rps()), String.format(Locale.ROOT, "%.2f", m.rps() / base[i].rps()),
                            String.format(Locale.ROOT, "%.3f / %.3f ms", m.p50(), m.p99()),
                            c.options() == null ? "—" : String.format(Locale.ROOT, "%.3f / %.3f ms", m.p50() - base[i].p50(), m.p99() - base[i].p99()),
                            checkpoint ? f((st.epochs() - e0) / secs) : "—",
                            checkpoint ? String.format(Locale.ROOT, "%.2f ms", st.pausePercentile(99) / 1e6) : "—",
                            String.format(Locale.ROOT, "%.0f %%", busy * 100), String.format(Locale.ROOT, "%.0f", busySeconds * 1e6 / l.requests()));
                }
            }
        }
        out.println();
        out.printf("Protection at native speed: redis-benchmark -t set against the KV guest (64 MiB), unprotected and protected, side by side; "
                + "-n %d for one client, %d for 50, %d pipelined; latency as the client sees it; 'added' = protected minus unprotected "
                + "(the epoch pause p99 is over the whole run, first sync included); CPU busy = the machine's cores busy during the "
                + "load (all %d: client, guest, backup), CPU µs / SET = their busy time per request%n", oneClientRequests, requests, requests * 5,
                Runtime.getRuntime().availableProcessors());
        t.print(out);
        out.println();
        out.println("Where a checkpoint epoch that a client waited for spends its time (p50 of each phase, from the first held output "
                + "to its release; FtStats.Phase), with pages and bytes on the wire per epoch");
        phases.print(out);
        out.println();
    }

    /**
     * Throughput and latency as closed-loop clients grow (1 to 50), the KV guest unprotected, checkpointed and replayed,
     * side by side in one run; a table and a chart (SET/s on the left axis, the client's p50 latency on the right).
     */
    private void scaling() throws Exception {
        int[] clients = {1, 2, 5, 10, 20, 50};
        List<Config> configs = List.of(new Config("unprotected", null), new Config("checkpoint", FtOptions.defaults(FtMode.CHECKPOINT, MEDIUM)
                .withAuthKey(key)), new Config("record/replay", FtOptions.defaults(FtMode.REPLAY, MEDIUM).withAuthKey(key)));
        Table t = Table.markdown("KV guest", "clients", "SET req/s", "vs unprotected", "latency p50 / p99");
        List<Charts.Line> rate = new ArrayList<>();
        List<Charts.Line> latency = new ArrayList<>();
        double[] base = new double[clients.length];
        for (Config c : configs) {
            out.printf("redis-benchmark -t set against the KV guest as clients grow, %s ...%n", c.name());
            List<double[]> r = new ArrayList<>();
            List<double[]> l = new ArrayList<>();
            try (Pair p = new Pair(c.options(), "kv", 64L << 20, 1.0)) {
                for (int i = 0; i < clients.length; i++) {
                    int n = clients[i];
                    Measured m = setBenchmark(p.live.port(), new Load(n + " clients", n, 1, Math.max(oneClientRequests, n * 400)));
                    if (c.options() == null) {
                        base[i] = m.rps();
                    }
                    t.row(c.name(), n, f(m.rps()), String.format(Locale.ROOT, "%.2f", m.rps() / base[i]),
                            String.format(Locale.ROOT, "%.3f / %.3f ms", m.p50(), m.p99()));
                    r.add(new double[] {n, m.rps()});
                    l.add(new double[] {n, m.p50()});
                }
            }
            rate.add(new Charts.Line(c.name() + " SET/s", r));
            latency.add(new Charts.Line(c.name() + " p50 ms", l));
        }
        out.println();
        out.println("As clients grow: redis-benchmark -t set, closed-loop clients, against the KV guest (64 MiB), side by side");
        t.print(out);
        Files.createDirectories(scalingChart.toAbsolutePath().getParent());
        Charts.png(scalingChart, "KV guest: protected vs unprotected as clients grow", "closed-loop clients", "SET/s", rate, "client p50 latency (ms)",
                latency);
        out.println("chart: " + scalingChart);
        out.println();
    }

    /**
     * The epoch pause of issue 22's target: a 256 MiB guest that uses all its memory and dirties 5 % of it a second
     * (the churn guest, paced by its 50 ms timer: 164 random pages a tick, 3,280 a second), checkpointed with the
     * default epochs for {@code seconds} after its first sync; pause p50/p99/max, epochs/s, pages and bytes per epoch.
     */
    private void pause() throws Exception {
        int seconds = quick ? 5 : 30;
        long memory = 256L << 20;
        int pages = (int) (memory / 4096);
        String guest = "churn:workingSetPages=" + (pages - 1) + ",dirtyPagesPerStep=164,workPerStep=200,paced=1,prefill=1";
        out.printf("the epoch pause of a 256 MiB guest dirtying 5 %%/s (%s), checkpoint mode, %d s after the first sync ...%n", guest, seconds);
        Table t = Table.markdown("diff cache", "first sync", "epochs/s", "pages / epoch", "as differences", "bytes / epoch", "bytes / page",
                "pause p50", "pause p99", "pause max");
        FtOptions defaults = FtOptions.defaults(FtMode.CHECKPOINT, MEDIUM).withAuthKey(key);
        // the default cache of last-sent copies (a quarter of this guest's pages) and one of every page, side by side: a
        // page that is not in the cache goes whole, 4 KiB for an 8-byte change
        for (int cache : new int[] {defaults.diffCachePages(), pages}) {
            try (Pair p = new Pair(defaults.withDiffCachePages(cache), guest, memory, 1.0)) {
                FtStats st = p.live.stats();
                long e0 = st.epochs();
                long p0 = st.pagesSent();
                long d0 = st.diffPages();
                long b0 = st.wireBytes();
                long t0 = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                double secs = (System.nanoTime() - t0) / 1e9;
                long epochs = Math.max(1, st.epochs() - e0);
                long sent = Math.max(1, st.pagesSent() - p0);
                long bytes = st.wireBytes() - b0;
                t.row(String.format(Locale.ROOT, "%,d pages (%s)", cache, kib(cache * 4096.0)), String.format(Locale.ROOT, "%.1f s", p.syncNanos / 1e9),
                        f(epochs / secs), f(sent / (double) epochs), String.format(Locale.ROOT, "%.0f %%", 100.0 * (st.diffPages() - d0) / sent),
                        kib(bytes / (double) epochs), f(bytes / (double) sent), String.format(Locale.ROOT, "%.2f ms", st.pausePercentile(50) / 1e6),
                        String.format(Locale.ROOT, "%.2f ms", st.pausePercentile(99) / 1e6), String.format(Locale.ROOT, "%.2f ms", st.pausePercentile(100) / 1e6));
            }
        }
        out.println();
        out.println("Epoch pause, 256 MiB guest dirtying 5 %/s (target: p99 <= 2 ms; pauses over the whole protection, first sync included)");
        t.print(out);
        out.println();
    }

    private List<Config> nativeConfigs() {
        return List.of(new Config("unprotected", null),
                new Config("checkpoint, 25 ms epochs only (before issue 22)", FtOptions.defaults(FtMode.CHECKPOINT, MEDIUM).withEarlyEpochMicros(0)
                        .withAuthKey(key)),
                new Config("checkpoint, epochs ended by held output (≥ 1 ms apart)", FtOptions.defaults(FtMode.CHECKPOINT, MEDIUM)
                        .withEarlyEpochMicros(1000).withAuthKey(key)),
                new Config("checkpoint, epochs ended by held output (≥ 0.25 ms apart)", FtOptions.defaults(FtMode.CHECKPOINT, MEDIUM)
                        .withEarlyEpochMicros(250).withAuthKey(key)),
                new Config("checkpoint, epochs ended by held output (≥ 0.1 ms apart, the default)", FtOptions.defaults(FtMode.CHECKPOINT, MEDIUM)
                        .withAuthKey(key)),
                new Config("checkpoint, epochs ended by held output (≥ 0.05 ms apart)", FtOptions.defaults(FtMode.CHECKPOINT, MEDIUM)
                        .withEarlyEpochMicros(50).withAuthKey(key)),
                new Config("record/replay", FtOptions.defaults(FtMode.REPLAY, MEDIUM).withAuthKey(key)));
    }

    /** USER_HZ: /proc/stat counts in these ticks (100 on every Linux this runs on). */
    private static final int CLOCK_TICKS = 100;

    /** The machine's CPU time from /proc/stat, in ticks of every core: {busy (all but idle and iowait), total}. */
    private static long[] machineCpu() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"); // "cpu user nice system idle iowait irq softirq steal ..."
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }

    private Measured setBenchmark(int port, Load l) throws Exception {
        Process p = new ProcessBuilder("redis-benchmark", "-h", "127.0.0.1", "-p", Integer.toString(port), "-t", "set", "-n",
                Integer.toString(l.requests()), "-c", Integer.toString(l.clients()), "-P", Integer.toString(l.pipeline()), "--csv")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace('\r', '\n');
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("redis-benchmark failed: " + text);
        }
        // "SET","rps","avg","min","p50","p95","p99","max"
        Matcher m = Pattern.compile("\"SET\",\"([0-9.]+)\",\"[0-9.]+\",\"[0-9.]+\",\"([0-9.]+)\",\"[0-9.]+\",\"([0-9.]+)\"").matcher(text);
        if (!m.find()) {
            throw new IOException("redis-benchmark printed no SET line in CSV: " + text);
        }
        return new Measured(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
    }

    private static String kib(double bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MiB", bytes / (1 << 20)) : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024);
    }

    /** A primary and (with options) its backup in this process, each its own host on the datastore. */
    private final class Pair implements AutoCloseable {
        final Datastore a;
        final Datastore b;
        final LiveVm live;
        final Backup backup;
        final DiskChain chain;
        final long started = System.nanoTime();
        /** From protect to PROTECTED: the first sync. */
        long syncNanos;

        Pair(FtOptions o, String guest, long memory, double backupShare) throws Exception {
            int n = ++pairs;
            Path disk = dir.resolve("vm" + n + ".vmdk");
            DiskChain.create(disk, 64L << 20);
            a = Datastore.mount(Media.open(lun.toString(), "esx-a" + n), HostIdentity.named("esx-a" + n), AcquisitionMode.ATS);
            b = Datastore.mount(Media.open(lun.toString(), "esx-b" + n), HostIdentity.named("esx-b" + n), AcquisitionMode.ATS);
            chain = DiskChain.open(disk, true);
            Vm vm = new Vm("vm" + n, GuestRegistry.create(guest), memory, chain, 1.0);
            FtDisk ft = new FtDisk(chain, vm::position);
            vm.setDisk(ft);
            List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
            live = new LiveVm("vm" + n, vm, ft, 0, 1, 50, new GoLive(a, "vm" + n), true, st -> said.add(st.line()));
            if (o != null) {
                backup = new Backup("vm" + n, guest, memory, disk, new GoLive(b, "vm" + n), 0, freePort(), 50, o, backupShare, st -> said.add(st.line()));
                long t0 = System.nanoTime();
                live.protect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backup.port()), o);
                long end = System.nanoTime() + 30_000_000_000L;
                while (live.protection() != LiveVm.Protection.PROTECTED) {
                    if (System.nanoTime() > end || live.protection() == LiveVm.Protection.UNPROTECTED) {
                        throw new IOException("the pair did not get protected: " + said);
                    }
                    Thread.sleep(1);
                }
                syncNanos = System.nanoTime() - t0;
            } else {
                backup = null;
            }
        }

        double seconds() {
            return (System.nanoTime() - started) / 1e9;
        }

        @Override
        public void close() throws Exception {
            live.close();
            if (backup != null) {
                backup.close();
            }
            chain.close();
            a.close();
            b.close();
        }
    }

    private double[] redisBenchmark(int port, int pipeline) throws Exception {
        Process p = new ProcessBuilder("redis-benchmark", "-h", "127.0.0.1", "-p", Integer.toString(port), "-t", "set,get", "-n",
                Integer.toString(requests), "-P", Integer.toString(pipeline), "-q").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace('\r', '\n');
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("redis-benchmark failed: " + text);
        }
        double[] r = new double[2];
        String[] names = {"SET", "GET"};
        for (int i = 0; i < 2; i++) {
            Matcher m = Pattern.compile(names[i] + ": ([0-9.]+) requests per second").matcher(text);
            if (!m.find()) {
                throw new IOException("redis-benchmark printed no " + names[i] + " rate: " + text);
            }
            r[i] = Double.parseDouble(m.group(1));
        }
        return r;
    }

    // --- failover ------------------------------------------------------------------------------------------------

    private void failover() throws Exception {
        Table t = Table.markdown("mode", "kills", "SIGKILL → served again p50", "max", "SETs acknowledged", "lost");
        for (String mode : new String[] {"checkpoint", "replay"}) {
            List<Long> times = new ArrayList<>();
            long acked = 0;
            long lost = 0;
            for (int i = 0; i < failovers; i++) {
                out.printf("failover %d/%d, %s ...%n", i + 1, failovers, mode);
                long[] r = oneFailover(mode);
                times.add(r[0]);
                acked += r[1];
                lost += r[2];
            }
            times.sort(null);
            t.row(mode, failovers, String.format(Locale.ROOT, "%.0f ms", times.get(times.size() / 2) / 1e6),
                    String.format(Locale.ROOT, "%.0f ms", times.get(times.size() - 1) / 1e6), acked, lost);
        }
        out.println();
        out.println("Failover: primary and backup in their own processes; a client doing SETs over one connection, reconnecting every 5 ms when it fails;");
        out.println("the time from the primary's SIGKILL to the client's next acknowledged SET; then every acknowledged SET is read back.");
        t.print(out);
        out.println();
    }

    /** Returns {kill→served nanos, acknowledged, lost}. */
    private long[] oneFailover(String mode) throws Exception {
        int n = ++pairs;
        Path disk = dir.resolve("fo" + n + ".vmdk");
        DiskChain.create(disk, 64L << 20);
        int service = freePort();
        String[] common = {"key=" + key, "lun=" + lun, "disk=" + disk, "pair=fo" + n, "mode=" + mode, "service=" + service, "settle=200"};
        try (NodeProcess backup = new NodeProcess("backup", common, "host=fb" + n);
                NodeProcess primary = new NodeProcess("primary", common, "host=fa" + n, "backup=" + backup.await("PORT ").substring(5))) {
            primary.await("STATUS PROTECTED");
            SetClient client = new SetClient(service);
            Thread.sleep(quick ? 500 : 1500);
            long kill = System.nanoTime();
            primary.process.destroyForcibly();
            backup.await("STATUS LIVE");
            long served = client.firstOkAfter(kill, 30_000);
            Thread.sleep(300);
            client.stop();
            long lost = 0;
            for (String key : client.acked()) {
                if (!("$" + key.length()).equals(get(service, key)[0]) || !key.equals(get(service, key)[1])) {
                    lost++;
                }
            }
            return new long[] {served - kill, client.acked().size(), lost};
        }
    }

    /** GET over a fresh connection: the bulk header line and the value. */
    private static String[] get(int port, String key) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write(resp("GET", key));
            BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String head = r.readLine();
            return new String[] {head, head != null && head.startsWith("$") && !head.equals("$-1") ? r.readLine() : null};
        }
    }

    static byte[] resp(String... args) {
        StringBuilder b = new StringBuilder("*" + args.length + "\r\n");
        for (String a : args) {
            b.append('$').append(a.length()).append("\r\n").append(a).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** SETs in a loop over one connection, reconnecting when it breaks; remembers what was acknowledged and when. */
    private static final class SetClient {
        private final List<String> acked = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<Long> okTimes = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean stop;
        private final Thread thread;

        SetClient(int port) {
            thread = new Thread(() -> {
                int i = 0;
                while (!stop) {
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        s.setSoTimeout(2000);
                        s.setTcpNoDelay(true);
                        OutputStream o = s.getOutputStream();
                        InputStream in = s.getInputStream();
                        while (!stop) {
                            String key = "k" + (++i);
                            o.write(resp("SET", key, key));
                            byte[] reply = new byte[5];
                            int got = in.readNBytes(reply, 0, 5);
                            if (got == 5 && new String(reply, StandardCharsets.US_ASCII).equals("+OK\r\n")) {
                                acked.add(key);
                                okTimes.add(System.nanoTime());
                            } else {
                                break;
                            }
                        }
                    } catch (IOException e) {
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException x) {
                            return;
                        }
                    }
                }
            }, "set-client");
            thread.setDaemon(true);
            thread.start();
        }

        long firstOkAfter(long nanos, long timeoutMillis) throws Exception {
            long end = System.nanoTime() + timeoutMillis * 1_000_000;
            while (System.nanoTime() < end) {
                for (long t : okTimes) {
                    if (t > nanos) {
                        return t;
                    }
                }
                Thread.sleep(1);
            }
            throw new IOException("the client was not served again within " + timeoutMillis + " ms");
        }

        List<String> acked() {
            return acked;
        }

        void stop() throws InterruptedException {
            stop = true;
            thread.join(5000);
        }
    }

    /** An FtNode in its own JVM. */
    private static final class NodeProcess implements AutoCloseable {
        final Process process;
        private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        NodeProcess(String role, String[] common, String... more) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), FtNode.class.getName(), role));
            cmd.addAll(Arrays.asList(common));
            cmd.addAll(Arrays.asList(more));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Thread r = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null;) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // gone
                }
            });
            r.setDaemon(true);
            r.start();
        }

        String await(String prefix) throws Exception {
            long end = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < end) {
                for (String l : lines) {
                    if (l.startsWith(prefix)) {
                        return l;
                    }
                }
                Thread.sleep(5);
            }
            throw new IOException("no '" + prefix + "' from the node; it printed " + lines);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    // --- lag -----------------------------------------------------------------------------------------------------

    private void lag() throws Exception {
        String guest = "churn:workingSetPages=4096,dirtyPagesPerStep=1,workPerStep=4000";
        Table t = Table.markdown("controller", "lag p50", "lag p95", "lag max", "lag at the end", "primary CPU share (mean)", "primary steps/s");
        List<Charts.Line> lagLines = new ArrayList<>();
        List<Charts.Line> shareLines = new ArrayList<>();
        for (boolean control : new boolean[] {false, true}) {
            out.printf("replaying %s on a backup with %.0f%% of a core, controller %s, %d s ...%n", guest, backupShare * 100, control ? "on" : "off",
                    lagSeconds);
            FtOptions o = FtOptions.defaults(FtMode.REPLAY, MEDIUM).withLag(50, control).withAuthKey(key);
            try (Pair p = new Pair(o, guest, 64L << 20, backupShare)) {
                long s0 = p.live.vm().steps();
                long t0 = System.nanoTime();
                Thread.sleep(lagSeconds * 1000L);
                double steps = (p.live.vm().steps() - s0) / ((System.nanoTime() - t0) / 1e9);
                List<FtStats.LagPoint> series = p.live.stats().lagSeries();
                double[] lags = series.stream().mapToDouble(FtStats.LagPoint::lagMillis).sorted().toArray();
                double share = series.stream().mapToDouble(FtStats.LagPoint::cpuShare).average().orElse(1);
                String name = control ? "on (target 50 ms)" : "off";
                t.row(name, ms(pct(lags, 50)), ms(pct(lags, 95)), ms(lags.length == 0 ? 0 : lags[lags.length - 1]),
                        ms(series.isEmpty() ? 0 : series.get(series.size() - 1).lagMillis()), String.format(Locale.ROOT, "%.2f", share), f(steps));
                List<double[]> lagPoints = new ArrayList<>();
                List<double[]> sharePoints = new ArrayList<>();
                long first = series.isEmpty() ? 0 : series.get(0).atMillis();
                for (FtStats.LagPoint lp : series) {
                    lagPoints.add(new double[] {(lp.atMillis() - first) / 1000.0, lp.lagMillis()});
                    sharePoints.add(new double[] {(lp.atMillis() - first) / 1000.0, lp.cpuShare()});
                }
                lagLines.add(new Charts.Line("lag, controller " + (control ? "on" : "off"), lagPoints));
                if (control) {
                    shareLines.add(new Charts.Line("primary CPU share, controller on", sharePoints));
                }
            }
        }
        out.println();
        out.printf("Replay lag: a CPU-heavy guest (%s), the backup given %.0f%% of a core (a busier host); lag sampled every 20 ms%n", guest,
                backupShare * 100);
        t.print(out);
        Files.createDirectories(chart.toAbsolutePath().getParent());
        Charts.png(chart, "Record/replay: how far the backup trails", "seconds", "lag (ms)", lagLines, "primary CPU share", shareLines);
        out.println();
        out.println("chart: " + chart);
    }

    // --- sealing -------------------------------------------------------------------------------------------------

    private record SealingRun(String name, FtMode mode, int epochMillis, String guest, boolean client) {
    }

    /**
     * The same runs with the stream sealed (AES-256-GCM per frame: what the agent and ft-node always use) and in the
     * cleartext CRC32C frames of before issue 21 (only the benchmark can still ask for them), one after the other: the
     * first sync of a guest whose memory is all in use, epochs of a guest that keeps dirtying pages, and the KV guest
     * under pipelined SETs in both modes.
     */
    private void sealing() throws Exception {
        String churn = "churn:workingSetPages=16000,prefill=1,dirtyPagesPerStep=1024,paced=1";
        List<SealingRun> runs = List.of(new SealingRun("churn guest (1024 pages a tick), checkpoint 10 ms", FtMode.CHECKPOINT, 10, churn, false),
                new SealingRun("KV guest under SET -P 16, checkpoint 25 ms", FtMode.CHECKPOINT, 25, "kv", true),
                new SealingRun("KV guest under SET -P 16, record/replay", FtMode.REPLAY, 25, "kv", true));
        Table t = Table.markdown("run", "stream", "first sync", "epochs/s", "on the wire", "epoch pause p50 / p99", "SET -P 16 req/s");
        out.println("warming up (a sync each way that is not counted: both paths compiled before either is measured) ...");
        for (boolean sealed : new boolean[] {false, true}) {
            FtOptions o = FtOptions.defaults(FtMode.CHECKPOINT, MEDIUM).withAuthKey(key);
            try (Pair p = new Pair(sealed ? o : o.withCleartextForBenchmark(), churn, 64L << 20, 1.0)) {
                Thread.sleep(1000);
            }
        }
        for (SealingRun r : runs) {
            for (boolean sealed : new boolean[] {false, true}) {
                String stream = sealed ? "sealed (AES-256-GCM)" : "cleartext (CRC32C)";
                out.printf("%s, %s ...%n", r.name(), stream);
                FtOptions o = FtOptions.defaults(r.mode(), MEDIUM).withEpochMillis(r.epochMillis()).withAuthKey(key);
                if (!sealed) {
                    o = o.withCleartextForBenchmark();
                }
                try (Pair p = new Pair(o, r.guest(), 64L << 20, 1.0)) {
                    FtStats st = p.live.stats();
                    long syncBytes = st.wireBytes();
                    long e0 = st.epochs();
                    long w0 = st.wireBytes();
                    long t0 = System.nanoTime();
                    String req = "—";
                    if (r.client()) {
                        req = f(redisBenchmark(p.live.port(), 16)[0]);
                    } else {
                        Thread.sleep(sealingSeconds * 1000L);
                    }
                    double secs = (System.nanoTime() - t0) / 1e9;
                    String sync = String.format(Locale.ROOT, "%s in %.0f ms (%s/s)", kib(syncBytes), p.syncNanos / 1e6, kib(syncBytes / (p.syncNanos / 1e9)));
                    String epochs = r.mode() == FtMode.REPLAY ? "—" : f((st.epochs() - e0) / secs);
                    String pauses = r.mode() == FtMode.REPLAY ? "—"
                            : String.format(Locale.ROOT, "%.2f / %.2f ms", st.pausePercentile(50) / 1e6, st.pausePercentile(99) / 1e6);
                    t.row(r.name(), stream, sync, epochs, kib((st.wireBytes() - w0) / secs) + "/s", pauses, req);
                }
            }
        }
        out.println();
        out.printf("Sealing the FT stream: the same runs cleartext and sealed, one after the other; the first sync is the whole guest's memory in use "
                + "(64 MiB; %s), 'on the wire' counts every byte the primary sent after it; %d s per run without a client, redis-benchmark -t set "
                + "-P 16 -n %d otherwise%n", churn, sealingSeconds, requests);
        t.print(out);
        out.println();
    }

    private static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void clean(Path d) throws IOException {
        if (Files.exists(d)) {
            try (var s = Files.walk(d)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!p.toString().endsWith(".png")) {
                        Files.delete(p);
                    }
                }
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // the chart stays
            }
        }
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.0f ms", v);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }
}
