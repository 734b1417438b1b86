package io.lockstep.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lockstep.cli.Table;
import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.ClusterHost;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.Lease;
import io.lockstep.cluster.LockMode;
import io.lockstep.cluster.records.SharedTable;
import io.lockstep.storage.CountingMedium;
import io.lockstep.storage.Medium;
import io.lockstep.storage.file.FileMedium;
import io.lockstep.storage.iscsi.IscsiMedium;
import io.lockstep.storage.iscsi.TgtTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The shared medium over iSCSI against the LUN file, side by side in one run: a private tgtd on loopback (Debian's
 * tgt, one I/O thread) serves a file-backed logical unit in the same directory as the LUN file. Measured: single
 * commands through Lockstep's initiator (with libiscsi's {@code iscsi-perf}, a C initiator, on the same target for
 * reference); uncontended lock acquisition; acquisitions per second with several hosts; the cost of one notification
 * round (the writer's publish, the time until every other host has refreshed, commands per change). The cluster runs
 * in reserve mode on both (tgt has no COMPARE AND WRITE); ats on the file is shown for reference.
 * Run: {@code ./lockstep bench iscsi} (as root: tgtd needs it).
 */
@Command(name = "iscsi", mixinStandardHelpOptions = true, description = "The medium over iSCSI (tgt on loopback) vs the LUN file.")
public final class IscsiBench implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "work/bench/iscsi", description = "scratch directory for the LUN file and tgt's backing files")
    Path dir;

    @Option(names = "--iterations", defaultValue = "1000", description = "commands or acquisitions per measurement")
    int iterations;

    @Option(names = "--seconds", defaultValue = "3", description = "seconds per throughput point")
    int seconds;

    @Option(names = "--hosts", defaultValue = "1,2,4", split = ",", description = "host counts for throughput")
    List<Integer> hostCounts;

    @Option(names = "--changes", defaultValue = "20", description = "directory changes per notification measurement")
    int changes;

    @Option(names = "--quick", description = "a smoke run: few iterations, 1 s points, 1 and 2 hosts")
    boolean quick;

    private final PrintStream out = System.out;
    private TgtTarget tgt;

    public static void main(String[] args) {
        System.exit(new CommandLine(new IscsiBench()).execute(args));
    }

    /** Where a medium for one measurement lives. */
    private interface Backend {
        String name();

        /** A fresh, formatted medium; returns a factory of initiators on it. */
        Opener fresh(String what, Duration ioTimeout) throws IOException;
    }

    private interface Opener {
        Medium open(String initiator) throws IOException;
    }

    private final class FileBackend implements Backend {
        @Override
        public String name() {
            return "LUN file";
        }

        @Override
        public Opener fresh(String what, Duration ioTimeout) throws IOException {
            Path lun = dir.resolve(what + ".lun");
            Files.deleteIfExists(lun);
            FileMedium.create(lun, 512, 32768);
            try (FileMedium m = FileMedium.open(lun, "bench-admin")) {
                Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(ioTimeout).withSlots(16).withLocks(256));
            }
            return initiator -> FileMedium.open(lun, initiator);
        }
    }

    private final class IscsiBackend implements Backend {
        private final List<TgtTarget.Lun> luns = new ArrayList<>();

        @Override
        public String name() {
            return "iSCSI (tgt)";
        }

        @Override
        public Opener fresh(String what, Duration ioTimeout) throws IOException {
            TgtTarget.Lun lun = tgt.lun(what, 32768L * 512, List.of());
            luns.add(lun);
            try (IscsiMedium m = IscsiMedium.open(lun.uri(), "bench-admin").takeUnitAttentions()) {
                Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(ioTimeout).withSlots(16).withLocks(256));
            }
            return initiator -> IscsiMedium.open(lun.uri(), initiator).takeUnitAttentions();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (quick) {
            iterations = 100;
            seconds = 1;
            hostCounts = List.of(1, 2);
            changes = 5;
        }
        Files.createDirectories(dir);
        tgt = TgtTarget.start(dir.toAbsolutePath());
        try {
            run();
        } finally {
            tgt.close();
        }
        return 0;
    }

    private void run() throws Exception {
        Backend file = new FileBackend();
        Backend iscsi = new IscsiBackend();
        out.printf("Lockstep over iSCSI vs the LUN file — %s, %d cores, Java %s; tgtd -t 1 on 127.0.0.1:%d%n%n", Files.getFileStore(dir).type(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), tgt.port());

        out.println("1. One command at a time through Lockstep's initiator, " + iterations + " each (µs)");
        Table t1 = Table.markdown("command", "p50 µs", "p99 µs", "per second");
        TgtTarget.Lun raw = tgt.lun("commands", 32768L * 512, List.of());
        try (IscsiMedium m = IscsiMedium.open(raw.uri(), "bench-commands").takeUnitAttentions()) {
            byte[] sector = new byte[512];
            m.registerAndIgnoreExistingKey(0xBE);
            commandRow(t1, "READ(16) 512 B", () -> m.read(100, 1));
            commandRow(t1, "WRITE(16) 512 B", () -> m.write(100, sector, false));
            commandRow(t1, "WRITE(16) 512 B, FUA", () -> m.write(100, sector, true));
            commandRow(t1, "PERSISTENT RESERVE IN (READ KEYS)", m::readKeys);
            commandRow(t1, "RESERVE(6) + RELEASE(6)", () -> {
                m.reserve();
                m.release();
            });
        }
        String perf = libiscsiReadIops(raw.uri());
        t1.print(out);
        out.println("libiscsi iscsi-perf (C), READ 512 B, 1 request in flight, same target: " + perf);

        out.println();
        out.println("2. Uncontended acquire (one host, its lock record already known), " + iterations + " iterations");
        Table t2 = Table.markdown("medium", "mode", "acquire p50 µs", "acquire p99 µs", "acquire+release p50 µs", "sector I/Os per acquire");
        uncontendedRow(t2, file, AcquisitionMode.ATS);
        uncontendedRow(t2, file, AcquisitionMode.RESERVE);
        uncontendedRow(t2, iscsi, AcquisitionMode.RESERVE);
        t2.print(out);

        out.println();
        out.println("3. Acquisitions per second (acquire+release of each host's own lock), hosts in this JVM, " + seconds + " s per point");
        Table t3 = Table.markdown("hosts", "LUN file, ats", "LUN file, reserve", "iSCSI, reserve");
        for (int h : hostCounts) {
            t3.row(h, LockBench.f(throughput(file, AcquisitionMode.ATS, h)), LockBench.f(throughput(file, AcquisitionMode.RESERVE, h)),
                    LockBench.f(throughput(iscsi, AcquisitionMode.RESERVE, h)));
        }
        t3.print(out);

        out.println();
        out.println("4. One notification round: a host creates a file (directory lock, journal, publish); 3 other hosts read "
                + "without pause; " + changes + " changes");
        Table t4 = Table.markdown("medium", "create p50 ms", "until all 3 others refreshed p50 ms", "max ms", "writer commands per create",
                "notification round alone p50 ms", "its commands");
        notificationRow(t4, file);
        notificationRow(t4, iscsi);
        t4.print(out);
    }

    private interface Step {
        void run() throws IOException;
    }

    private void commandRow(Table t, String name, Step step) throws IOException {
        Percentiles p = new Percentiles();
        for (int i = 0; i < iterations + iterations / 10; i++) {
            long t0 = System.nanoTime();
            step.run();
            if (i >= iterations / 10) {
                p.add(System.nanoTime() - t0);
            }
        }
        t.row(name, LockBench.f(p.micros(50)), LockBench.f(p.micros(99)), LockBench.f(1e6 / p.meanMicros()));
    }

    private String libiscsiReadIops(String uri) {
        try {
            Process p = new ProcessBuilder("iscsi-perf", "-m", "1", "-b", "1", "-t", Integer.toString(Math.max(2, seconds)), uri).redirectErrorStream(true)
                    .start();
            if (!p.waitFor(seconds + 15L, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "did not finish";
            }
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("iops average (\\d+)").matcher(text);
            String last = null;
            while (m.find()) {
                last = m.group(1);
            }
            return last == null ? "no figure in its output" : String.format(Locale.ROOT, "%s reads/s (%.0f µs each)", last, 1e6 / Double.parseDouble(last));
        } catch (IOException | InterruptedException e) {
            return "not run (" + e.getMessage() + "; Debian's libiscsi-bin has it)";
        }
    }

    private void uncontendedRow(Table t, Backend b, AcquisitionMode mode) throws IOException {
        Opener o = b.fresh("uncontended-" + mode.label(), Duration.ofSeconds(2));
        Percentiles acquire = new Percentiles();
        Percentiles both = new Percentiles();
        long ios = 0;
        try (CountingMedium m = new CountingMedium(o.open("bench-host"))) {
            ClusterHost host = Cluster.open(m, mode).join(HostIdentity.named("bench-host"));
            host.acquire("/bench/first", EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ofSeconds(5)).close();
            for (int i = 0; i < iterations; i++) {
                CountingMedium.Counts c0 = m.counts();
                long t0 = System.nanoTime();
                Lease lease = host.acquire("/bench/lock", EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ofSeconds(5));
                long t1 = System.nanoTime();
                ios += m.counts().minus(c0).sectorIos();
                lease.close();
                long t2 = System.nanoTime();
                if (i > iterations / 10) {
                    acquire.add(t1 - t0);
                    both.add(t2 - t0);
                }
            }
            host.close();
        }
        t.row(b.name(), mode.label(), LockBench.f(acquire.micros(50)), LockBench.f(acquire.micros(99)), LockBench.f(both.micros(50)),
                String.format(Locale.ROOT, "%.2f", ios / (double) iterations));
    }

    private double throughput(Backend b, AcquisitionMode mode, int hosts) throws Exception {
        Opener o = b.fresh("throughput-" + hosts, Duration.ofSeconds(2));
        List<ClusterHost> joined = new ArrayList<>();
        List<Medium> media = new ArrayList<>();
        AtomicLong total = new AtomicLong();
        AtomicBoolean go = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < hosts; i++) {
                Medium m = o.open("bench-" + i);
                media.add(m);
                joined.add(Cluster.open(m, mode).join(HostIdentity.named("bench-" + i)));
            }
            CountDownLatch done = new CountDownLatch(hosts);
            for (int i = 0; i < hosts; i++) {
                ClusterHost h = joined.get(i);
                String entity = "/bench/own-" + i;
                Thread t = new Thread(() -> {
                    try {
                        while (!go.get()) {
                            Thread.onSpinWait();
                        }
                        while (!stop.get()) {
                            h.acquire(entity, EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ofSeconds(10)).close();
                            total.incrementAndGet();
                        }
                    } catch (IOException e) {
                        out.println("  (a host stopped: " + e.getMessage() + ")");
                    } finally {
                        done.countDown();
                    }
                });
                threads.add(t);
                t.start();
            }
            go.set(true);
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            done.await(30, TimeUnit.SECONDS);
            return total.get() / (double) seconds;
        } finally {
            for (ClusterHost h : joined) {
                h.close();
            }
            for (Medium m : media) {
                m.close();
            }
        }
    }

    private static long commands(CountingMedium.Counts c) {
        return c.sectorIos() + c.reservations() + c.persistentReservations();
    }

    private void notificationRow(Table t, Backend b) throws Exception {
        Opener o = b.fresh("notify", Duration.ofMillis(100));
        List<Datastore> receivers = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Percentiles create = new Percentiles();
        Percentiles publish = new Percentiles();
        Percentiles all = new Percentiles();
        long createCommands = 0;
        long publishCommands = 0;
        try (CountingMedium wm = new CountingMedium(o.open("writer")); Datastore writer = Datastore.mount(wm, HostIdentity.named("writer"),
                AcquisitionMode.RESERVE)) {
            java.util.Map<Integer, Long> refreshedAt = new ConcurrentHashMap<>();
            for (int i = 0; i < 3; i++) {
                Medium rm = o.open("receiver-" + i);
                Datastore r = Datastore.mount(rm, HostIdentity.named("receiver-" + i), AcquisitionMode.RESERVE);
                int index = i;
                r.onRefreshed(table -> {
                    if (table == SharedTable.DIRECTORY) {
                        refreshedAt.put(index, System.nanoTime());
                    }
                });
                receivers.add(r);
                Thread reader = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            r.host().io().read(r.superblock().dataLba());
                        } catch (IOException e) {
                            if (!stop.get()) {
                                out.println("  (a receiver's read failed: " + e.getMessage() + ")");
                            }
                            return;
                        }
                    }
                });
                readers.add(reader);
                reader.start();
            }
            writer.fs().mkdirs("/bench");
            Thread.sleep(500); // every host registered and reading
            for (int c = 0; c < changes; c++) {
                refreshedAt.clear();
                CountingMedium.Counts w0 = wm.counts();
                long t0 = System.nanoTime();
                writer.fs().create("/bench/f" + c); // an empty file: a change of the directory, no data
                long t1 = System.nanoTime();
                createCommands += commands(wm.counts().minus(w0));
                long until = t1 + TimeUnit.SECONDS.toNanos(5);
                while (refreshedAt.size() < receivers.size() && System.nanoTime() < until) {
                    Thread.sleep(1);
                }
                long last = refreshedAt.values().stream().mapToLong(Long::longValue).max().orElse(until);
                create.add(t1 - t0);
                all.add(last - t0);
                Thread.sleep(50);
                CountingMedium.Counts p0 = wm.counts();
                long ps = System.nanoTime();
                writer.publish(SharedTable.VDR); // a notification round alone: the record's update and one PREEMPT
                publish.add(System.nanoTime() - ps);
                publishCommands += commands(wm.counts().minus(p0));
                Thread.sleep(50);
            }
        } finally {
            stop.set(true);
            for (Thread r : readers) {
                r.join(2000);
            }
            for (Datastore r : receivers) {
                r.close();
            }
        }
        t.row(b.name(), String.format(Locale.ROOT, "%.2f", create.micros(50) / 1000), String.format(Locale.ROOT, "%.2f", all.micros(50) / 1000),
                String.format(Locale.ROOT, "%.2f", all.micros(100) / 1000), LockBench.f(createCommands / (double) changes),
                String.format(Locale.ROOT, "%.2f", publish.micros(50) / 1000), LockBench.f(publishCommands / (double) changes));
    }
}
