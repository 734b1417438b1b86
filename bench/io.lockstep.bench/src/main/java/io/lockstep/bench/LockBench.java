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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.ClusterHost;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.Lease;
import io.lockstep.cluster.LockMode;
import io.lockstep.cluster.Timing;
import io.lockstep.storage.CountingMedium;
import io.lockstep.storage.file.FileMedium;
import io.lockstep.cli.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The lock benchmark: every figure of the leases issue, measured side by side in one run and printed.
 * <ol>
 * <li>uncontended acquire and acquire+release latency (p50/p99) and sector I/Os per acquire, ats vs reserve;</li>
 * <li>acquisitions per second with 1, 2, 4, 8 host processes, each on its own lock and all on one lock;</li>
 * <li>time from a holder's SIGKILL to another process's takeover, against the lease timeout T;</li>
 * <li>sanlock (Debian's daemon, through libsanlock) acquiring and releasing a resource lease on the same kind of
 * file, and the ratio to ours; joining its lockspace and ours, timed — when sanlock and gcc are here;</li>
 * <li>what each does on the lease file per acquire+release — opens and their flags, reads, writes, forces, fcntl locks —
 * from strace in untimed passes, so that the durability each pays for is stated, not assumed — when strace is here.</li>
 * </ol>
 * Run: {@code ./lockstep bench locks} (or {@code --quick} for a smoke run).
 */
@Command(name = "locks", mixinStandardHelpOptions = true, description = "Lock acquisition benchmark (ats vs reserve, vs sanlock).")
public final class LockBench implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "work/bench", description = "scratch directory (on the disk to measure)")
    Path dir;

    @Option(names = "--iterations", defaultValue = "2000", description = "uncontended acquisitions per mode")
    int iterations;

    @Option(names = "--seconds", defaultValue = "4", description = "seconds per throughput point")
    int seconds;

    @Option(names = "--processes", defaultValue = "1,2,4,8", split = ",", description = "process counts for throughput")
    List<Integer> processCounts;

    @Option(names = "--takeovers", defaultValue = "5", description = "SIGKILL/takeover rounds per mode")
    int takeovers;

    @Option(names = "--sanlock-iterations", defaultValue = "200")
    int sanlockIterations;

    @Option(names = "--quick", description = "a smoke run: few iterations, 1 s points, 1 and 2 processes, no sanlock")
    boolean quick;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LockBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (quick) {
            iterations = 50;
            seconds = 1;
            processCounts = List.of(1, 2);
            takeovers = 1;
            sanlockIterations = 0;
        }
        Files.createDirectories(dir);
        out.printf("Lockstep lock benchmark — %s, %d cores, Java %s%n%n", Files.getFileStore(dir).type(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        out.println("1. Uncontended acquire (one host, its lock record already known), " + iterations + " iterations");
        Table t1 = Table.markdown("mode", "acquire p50 µs", "acquire p99 µs", "acquire+release p50 µs", "acquire+release p99 µs",
                "sector I/Os per acquire", "first acquire I/Os");
        double[] oursAcquireRelease = new double[2];
        double[] oursJoinMillis = new double[2];
        for (AcquisitionMode mode : AcquisitionMode.values()) {
            Uncontended u = uncontended(mode);
            oursAcquireRelease[mode.ordinal()] = u.both.micros(50);
            oursJoinMillis[mode.ordinal()] = u.joinMillis;
            t1.row(mode.label(), f(u.acquire.micros(50)), f(u.acquire.micros(99)), f(u.both.micros(50)), f(u.both.micros(99)),
                    String.format(Locale.ROOT, "%.2f", u.iosPerAcquire), u.firstIos);
        }
        t1.print(out);

        out.println();
        out.println("2. Acquisitions per second (acquire+release), " + seconds + " s per point, host processes on one LUN file");
        Table t2 = Table.markdown("processes", "ats, own lock each", "reserve, own lock each", "ats, one shared lock", "reserve, one shared lock");
        for (int p : processCounts) {
            t2.row(p, f(throughput(AcquisitionMode.ATS, p, false)), f(throughput(AcquisitionMode.RESERVE, p, false)),
                    f(throughput(AcquisitionMode.ATS, p, true)), f(throughput(AcquisitionMode.RESERVE, p, true)));
        }
        t2.print(out);

        out.println();
        Timing timing = Timing.ofMillis(100);
        out.println("3. SIGKILL of a holder → another process holds the lock (contender already waiting), T = "
                + timing.leaseTimeout().toMillis() + " ms");
        Table t3 = Table.markdown("mode", "rounds", "mean ms", "max ms", "max / T");
        for (AcquisitionMode mode : AcquisitionMode.values()) {
            List<Long> times = takeovers(mode, timing);
            long max = times.stream().mapToLong(Long::longValue).max().orElse(0);
            t3.row(mode.label(), times.size(), f(times.stream().mapToLong(Long::longValue).average().orElse(0)), max,
                    String.format(Locale.ROOT, "%.2f", max / (double) timing.leaseTimeout().toMillis()));
        }
        t3.print(out);

        out.println();
        if (sanlockIterations > 0) {
            SanlockSide.Result s = new SanlockSide(dir, out).run(sanlockIterations);
            if (s != null) {
                out.println("4. sanlock " + s.version() + " (daemon with -w 0, resource lease via libsanlock, " + sanlockIterations
                        + " iterations, lockspace io_timeout 1 s) vs Lockstep on a file in the same directory");
                Table t4 = Table.markdown("", "join the lockspace ms", "acquire p50 µs", "acquire p99 µs", "release p50 µs",
                        "acquire+release p50 µs", "ratio to Lockstep ats");
                t4.row("sanlock", s.joinMillis(), f(s.acquire().micros(50)), f(s.acquire().micros(99)), f(s.release().micros(50)),
                        f(s.acquire().micros(50) + s.release().micros(50)), String.format(Locale.ROOT, "%.1fx",
                                (s.acquire().micros(50) + s.release().micros(50)) / oursAcquireRelease[0]));
                t4.row("Lockstep ats", f(oursJoinMillis[0]), "", "", "", f(oursAcquireRelease[0]), "1.0x");
                t4.row("Lockstep reserve", f(oursJoinMillis[1]), "", "", "", f(oursAcquireRelease[1]),
                        String.format(Locale.ROOT, "%.1fx", oursAcquireRelease[1] / oursAcquireRelease[0]));
                t4.print(out);
                if (s.syscalls() != null) {
                    out.println();
                    out.println("5. What each does on the lease file per acquire+release (strace, untimed passes; ours: a worker process looping "
                            + "for 2 s, its join, heartbeats and leave included)");
                    Table t5 = Table.markdown("", "file opened with", "opens", "reads", "bytes read", "writes", "fsync/fdatasync",
                            "fcntl locks", "a grant is durable because");
                    SanlockSide.Syscalls sc = s.syscalls();
                    t5.row("sanlock", sc.openFlags().replace("|", " + "), f(sc.opens()), f(sc.reads()), bytes(sc.readBytes()), f(sc.writes()), f(sc.flushes()), "—",
                            "every write is O_DIRECT + O_SYNC");
                    for (AcquisitionMode mode : AcquisitionMode.values()) {
                        Traced o = traced(mode);
                        if (o != null) {
                            t5.row("Lockstep " + mode.label(), "O_RDWR (page cache)", "0", f(o.reads), "—", f(o.writes), f(o.flushes),
                                    f(o.locks), "fdatasync after the write (WRITE with FUA, COMPARE AND WRITE)");
                        }
                    }
                    t5.print(out);
                }
            }
        }
        return 0;
    }

    private record Uncontended(Percentiles acquire, Percentiles both, double iosPerAcquire, long firstIos, double joinMillis) {
    }

    /** Our worker's calls on the LUN file per acquire+release, from strace. */
    private record Traced(double reads, double writes, double flushes, double locks) {
    }

    /**
     * Runs one {@link BenchWorker} loop for 2 s under {@code strace -f -P LUN} and counts its calls on the LUN file per
     * acquire+release (its join, heartbeats and leave are included: a few dozen calls over hundreds of pairs).
     */
    private Traced traced(AcquisitionMode mode) throws Exception {
        Path lun = freshLun("traced", Timing.DEFAULT_IO_TIMEOUT);
        Path go = dir.resolve("go");
        Path trace = dir.resolve("traced-" + mode.label() + ".strace");
        Files.deleteIfExists(go);
        Files.deleteIfExists(trace);
        List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-qq", "-P", lun.toAbsolutePath().toString(), "-e",
                "trace=openat,pread64,pwrite64,preadv,pwritev,fsync,fdatasync,fcntl", "-o", trace.toString()));
        cmd.addAll(workerCommand("loop", lun, "traced", mode, "/bench/own-0", "2", go.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            expect(r, "READY");
            Files.createFile(go);
            long pairs = Long.parseLong(expect(r, "COUNT").substring(6));
            if (!p.waitFor(60, TimeUnit.SECONDS) || pairs == 0) {
                return null;
            }
            long reads = 0;
            long writes = 0;
            long flushes = 0;
            long locks = 0;
            for (String line : Files.readAllLines(trace)) {
                String call = line.replaceFirst("^\\d+ +", "").replaceFirst("\\(.*", "");
                switch (call) {
                    case "pread64", "preadv" -> reads++;
                    case "pwrite64", "pwritev" -> writes++;
                    case "fsync", "fdatasync" -> flushes++;
                    case "fcntl" -> locks++;
                    default -> {
                    }
                }
            }
            double n = pairs;
            return new Traced(reads / n, writes / n, flushes / n, locks / n);
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(trace);
        }
    }

    private static String bytes(double b) {
        return b >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MiB", b / (1 << 20)) : String.format(Locale.ROOT, "%.0f B", b);
    }

    private Uncontended uncontended(AcquisitionMode mode) throws IOException {
        Path lun = freshLun("uncontended-" + mode.label(), Timing.DEFAULT_IO_TIMEOUT);
        Percentiles acquire = new Percentiles();
        Percentiles both = new Percentiles();
        try (CountingMedium m = new CountingMedium(FileMedium.open(lun, "bench-host"))) {
            long join0 = System.nanoTime();
            ClusterHost host = Cluster.open(m, mode).join(HostIdentity.named("bench-host"));
            double joinMillis = (System.nanoTime() - join0) / 1e6;
            CountingMedium.Counts before = m.counts();
            host.acquire("/bench/first", EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ofSeconds(5)).close();
            long firstIos = 0;
            CountingMedium.Counts afterFirst = m.counts();
            firstIos = afterFirst.minus(before).sectorIos() - 2; // minus the release's read + update
            long ios = 0;
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                CountingMedium.Counts c0 = m.counts();
                Lease lease = host.acquire("/bench/lock", EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ofSeconds(5));
                long t1 = System.nanoTime();
                ios += m.counts().minus(c0).sectorIos();
                lease.close();
                long t2 = System.nanoTime();
                if (i > iterations / 10) { // skip warm-up
                    acquire.add(t1 - t0);
                    both.add(t2 - t0);
                }
            }
            host.close();
            return new Uncontended(acquire, both, ios / (double) iterations, firstIos, joinMillis);
        }
    }

    private double throughput(AcquisitionMode mode, int processes, boolean shared) throws Exception {
        Path lun = freshLun("throughput", Timing.DEFAULT_IO_TIMEOUT);
        Path go = dir.resolve("go");
        Files.deleteIfExists(go);
        List<Process> ps = new ArrayList<>();
        List<BufferedReader> outs = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            Process p = worker("loop", lun, "bench-" + i, mode, shared ? "/bench/shared" : "/bench/own-" + i, Integer.toString(seconds),
                    go.toString());
            ps.add(p);
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            outs.add(r);
            expect(r, "READY");
        }
        Files.createFile(go);
        long total = 0;
        for (BufferedReader r : outs) {
            total += Long.parseLong(expect(r, "COUNT").substring(6));
        }
        for (Process p : ps) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
        return total / (double) seconds;
    }

    private List<Long> takeovers(AcquisitionMode mode, Timing timing) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int round = 0; round < takeovers; round++) {
            Path lun = freshLun("takeover", timing.ioTimeout());
            Process holder = worker("hold", lun, "holder", mode, "/bench/victim");
            Process taker = null;
            try {
                expect(new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)), "HELD");
                taker = worker("take", lun, "taker", mode, "/bench/victim");
                BufferedReader takerOut = new BufferedReader(new InputStreamReader(taker.getInputStream(), StandardCharsets.UTF_8));
                expect(takerOut, "READY");
                Thread.sleep(timing.heartbeatInterval().toMillis() * 3); // the taker is waiting and watching the holder
                long kill = System.nanoTime();
                holder.destroyForcibly();
                expect(takerOut, "ACQ");
                times.add((System.nanoTime() - kill) / 1_000_000);
                taker.waitFor(10, TimeUnit.SECONDS);
            } finally {
                holder.destroyForcibly();
                if (taker != null) {
                    taker.destroyForcibly();
                }
            }
        }
        return times;
    }

    private Path freshLun(String name, Duration ioTimeout) throws IOException {
        Path lun = dir.resolve(name + ".lun");
        Files.deleteIfExists(lun);
        FileMedium.create(lun, 512, 16384);
        try (FileMedium m = FileMedium.open(lun, "bench-admin")) {
            Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(ioTimeout).withSlots(16).withLocks(256));
        }
        return lun;
    }

    private static Process worker(String role, Path lun, String name, AcquisitionMode mode, String entity, String... more) throws IOException {
        return new ProcessBuilder(workerCommand(role, lun, name, mode, entity, more)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<String> workerCommand(String role, Path lun, String name, AcquisitionMode mode, String entity, String... more) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx64m", "-XX:+UseSerialGC",
                "-Djava.util.logging.config.file=/dev/null", "-cp", System.getProperty("java.class.path"), BenchWorker.class.getName(), role,
                lun.toString(), name, mode.label(), entity));
        cmd.addAll(List.of(more));
        return cmd;
    }

    private static String expect(BufferedReader r, String prefix) throws IOException {
        for (String line; (line = r.readLine()) != null;) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("a bench worker ended before printing " + prefix);
    }

    static String f(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }
}
