package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.lockstep.agent.api.AlarmView;
import io.lockstep.agent.history.HistoryFile;
import io.lockstep.agent.history.HistoryKind;
import io.lockstep.ft.FtStats;
import io.lockstep.ft.PrimarySession;

/**
 * Keeps the history of what runs here on the datastore (issue 26): once a second it samples every VM that runs on this
 * host, every FT pair whose primary runs here, and the host itself, and adds the samples to their round-robin files
 * ({@link HistoryFile}) under {@code /.history/{vms,hosts,pairs}/<name>.lshist} — files on the LUN, so any host reads any
 * other's, and they outlive the agent. A file is open only while its entity is sampled here: a VM that stops (or moves)
 * has its file's open rows saved and the file closed, and the host that runs it next carries on in the same file.
 * Sampling runs on its own thread; an error with one file (a damaged one is never written over) is logged once and
 * skips that file, never the others.
 */
final class HistoryRecorder implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HistoryRecorder.class.getName());
    static final String SUFFIX = ".lshist";

    private final String host;
    private final Path root;
    private final HistoryFile.Layout layout;
    private final LocalVms here;
    private final Alarms alarms;
    private final LongSupplier mediumIos;
    private final Map<String, HistoryFile> open = new LinkedHashMap<>(); // "kind/name"
    private final Map<String, double[]> previous = new HashMap<>(); // counters at the last sample, per "kind/name"
    private final Set<String> failed = new HashSet<>(); // files that refused: logged once, retried when their entity comes back
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-history");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private long lastNanos;

    HistoryRecorder(String host, Path root, HistoryFile.Layout layout, LocalVms here, Alarms alarms, LongSupplier mediumIos) throws IOException {
        this.host = host;
        this.root = root;
        this.layout = layout;
        this.here = here;
        this.alarms = alarms;
        this.mediumIos = mediumIos;
        for (HistoryKind k : HistoryKind.values()) {
            Files.createDirectories(root.resolve(k.folder()));
        }
    }

    /** The base step of new files: 10 s, or {@code -Dlockstep.history.stepSeconds} (tests use 1). */
    static HistoryFile.Layout layout() {
        return HistoryFile.Layout.of(Integer.getInteger("lockstep.history.stepSeconds", 10));
    }

    void start() {
        thread.scheduleAtFixedRate(this::tick, 1000 - System.currentTimeMillis() % 1000, 1000, TimeUnit.MILLISECONDS);
    }

    Path file(HistoryKind kind, String name) {
        return root.resolve(kind.folder()).resolve(name + SUFFIX);
    }

    /** A series of a VM, host or pair over a range, from its file (written by whichever host: the datastore is shared). */
    HistoryFile.Series read(HistoryKind kind, String name, long fromSeconds, long toSeconds, int step) throws IOException {
        Path f = file(kind, name);
        for (int attempt = 0;; attempt++) {
            try {
                return HistoryFile.read(f, fromSeconds, toSeconds, step);
            } catch (NoSuchFileException e) {
                throw ApiException.notFound("no history of " + kind.name().toLowerCase() + " '" + name + "': expected " + f + " on the datastore, found "
                        + "none (it is written while the " + kind.name().toLowerCase() + " runs)");
            } catch (java.nio.file.FileSystemException e) {
                // the host that writes it holds it alone for a moment (while it makes the file, ~30 ms): read again
                if (attempt >= 40) {
                    throw ApiException.conflict("the history of " + kind.name().toLowerCase() + " '" + name + "' is busy: " + e.getMessage());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("reading " + f);
                }
            }
        }
    }

    private synchronized void tick() {
        if (closed) {
            return;
        }
        try {
            long nanos = System.nanoTime();
            double dt = lastNanos == 0 ? Double.NaN : (nanos - lastNanos) / 1e9;
            lastNanos = nanos;
            long now = System.currentTimeMillis() / 1000;
            Map<String, Integer> alarmCount = new HashMap<>();
            int activeAlarms = 0;
            for (AlarmView a : alarms.views()) {
                if (a.active()) {
                    alarmCount.merge(a.subject(), 1, Integer::sum);
                    activeAlarms++;
                }
            }
            Set<String> sampled = new HashSet<>();
            for (RunningVm r : here.running()) {
                double[] c = counters("vms/" + r.name, r.vm.steps(), 0, 0, 0, 0);
                double steps = rate(c, 0, dt);
                double[] v = {Double.NaN, r.vm.cpuShare(), Double.NaN, steps, Double.NaN, Double.NaN, alarmCount.getOrDefault(r.name, 0)};
                if (r.guard != null) {
                    var rates = r.guard.monitor().rates(1000);
                    v[4] = rates.bytesPerSecond();
                    v[5] = rates.packetsPerSecond();
                }
                append(HistoryKind.VM, r.name, now, v, sampled);
                if (r.hasBackup()) {
                    FtStats st = r.live.stats();
                    PrimarySession s = r.live.session();
                    double[] p = counters("pairs/" + r.name, st.epochs(), st.pageBytes(), st.wireBytes(), st.eventsSent(), st.diskWritesSent());
                    double epochs = delta(p, 0);
                    double[] w = {rate(p, 0, dt), st.pausePercentile(50) / 1e6, st.pausePercentile(99) / 1e6, s == null ? Double.NaN : s.lagMillis(),
                            epochs > 0 ? delta(p, 1) / epochs : Double.NaN, rate(p, 2, dt), rate(p, 3, dt), rate(p, 4, dt), r.vm.cpuShare()};
                    append(HistoryKind.PAIR, r.name, now, w, sampled);
                }
            }
            int qemus = 0;
            if (here.qemu() != null) {
                for (QemuVms.Running q : here.qemu().running()) {
                    qemus++;
                    String name = q.config.name();
                    double cpuNanos;
                    double rss;
                    try {
                        cpuNanos = q.machine.cpuNanos();
                        rss = q.machine.rssBytes() / 1048576.0;
                    } catch (IOException e) {
                        cpuNanos = Double.NaN;
                        rss = Double.NaN;
                    }
                    double[] c = counters("vms/" + name, cpuNanos, 0, 0, 0, 0);
                    double[] v = {rate(c, 0, dt) / 1e9, q.machine.cpuShare(), rss, Double.NaN, Double.NaN, Double.NaN, alarmCount.getOrDefault(name, 0)};
                    append(HistoryKind.VM, name, now, v, sampled);
                }
            }
            Runtime rt = Runtime.getRuntime();
            double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> (double) d.toNanos()).orElse(Double.NaN);
            double[] h = counters("hosts/" + host, cpu, mediumIos.getAsLong(), 0, 0, 0);
            double[] v = {here.running().size() + qemus, here.backupNames().size(), activeAlarms, rate(h, 0, dt) / 1e9,
                    (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rate(h, 1, dt),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()};
            append(HistoryKind.HOST, host, now, v, sampled);
            // entities no longer sampled here (stopped, moved, unprotected): their open rows saved, their files let go
            for (var it = open.entrySet().iterator(); it.hasNext();) {
                var e = it.next();
                if (!sampled.contains(e.getKey())) {
                    closeQuietly(e.getValue());
                    it.remove();
                    previous.remove(e.getKey());
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "recording history: " + e, e);
        }
    }

    /** The counters of an entity now, with those of its last sample kept after them (see {@link #rate}). */
    private double[] counters(String key, double... now) {
        double[] was = previous.get(key);
        double[] both = Arrays.copyOf(now, now.length * 2);
        if (was != null) {
            System.arraycopy(was, 0, both, now.length, now.length);
        } else {
            Arrays.fill(both, now.length, both.length, Double.NaN);
        }
        previous.put(key, now.clone());
        return both;
    }

    private static double delta(double[] c, int i) {
        return c[i] - c[i + c.length / 2];
    }

    private static double rate(double[] c, int i, double dt) {
        double d = delta(c, i);
        return Double.isNaN(dt) || dt <= 0 || d < 0 ? Double.NaN : d / dt; // a counter that went back (a restart): no rate this once
    }

    private void append(HistoryKind kind, String name, long now, double[] values, Set<String> sampled) {
        String key = kind.folder() + "/" + name;
        sampled.add(key);
        try {
            HistoryFile f = open.get(key);
            if (f == null) {
                f = HistoryFile.openOrCreate(file(kind, name), kind, name, layout, System.currentTimeMillis());
                open.put(key, f);
                failed.remove(key);
            }
            f.update(now, values);
        } catch (IOException | RuntimeException e) {
            HistoryFile f = open.remove(key);
            if (f != null) {
                closeQuietly(f);
            }
            if (failed.add(key)) {
                LOG.log(System.Logger.Level.WARNING, "the history of " + kind.name().toLowerCase() + " " + name + " is not recorded: " + e.getMessage());
            }
        }
    }

    /** Entities whose file refused to open or be written (a damaged file is left as it is, for an operator to look at). */
    synchronized Set<String> failed() {
        return Set.copyOf(failed);
    }

    private static void closeQuietly(HistoryFile f) {
        try {
            f.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing " + f.path() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        synchronized (this) {
            closed = true;
            open.values().forEach(HistoryRecorder::closeQuietly);
            open.clear();
        }
    }
}
