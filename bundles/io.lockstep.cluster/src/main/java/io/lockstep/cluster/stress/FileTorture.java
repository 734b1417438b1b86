package io.lockstep.cluster.stress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.datastore.DatastoreCheck;
import io.lockstep.cluster.datastore.DatastoreFile;
import io.lockstep.cluster.datastore.DatastoreFiles;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.storage.file.FileMedium;

/**
 * The file system's crash torture: N {@link FileStressWorker} processes change files on one datastore (64 KiB blocks, so
 * files span many blocks and the free map is busy) while this driver SIGKILLs random ones at random points and restarts
 * them, as the same host or as a new one. Afterwards a checker host mounts (breaking the dead hosts' locks and replaying
 * their journals), runs the consistency check, and reads every file back: each change acknowledged must be there — size
 * and CRC32C — and a change a worker was killed in may be there or not, whole or not, but the file system stays clean.
 */
public final class FileTorture {

    public record Options(Path dir, AcquisitionMode mode, int processes, Duration duration, Duration ioTimeout, Duration meanKillInterval,
            long seed, PrintStream progress) {

        /** The suite's run: 2 workers, 20 s, a kill every ~3 s, at the local I/O timeout (T = 2 s). */
        public static Options shortForm(Path dir, AcquisitionMode mode) {
            return new Options(dir, mode, 2, Duration.ofSeconds(20), io.lockstep.cluster.Timing.LOCAL_IO_TIMEOUT, Duration.ofSeconds(3), 19,
                    System.out);
        }
    }

    public record Result(AcquisitionMode mode, int processes, long acknowledged, int kills, int filesChecked, int uncertain,
            List<String> checkProblems, List<String> dataProblems) {

        public boolean clean() {
            return checkProblems.isEmpty() && dataProblems.isEmpty();
        }

        public String summary() {
            return String.format("%s: %d processes, %d changes acknowledged, %d kills; afterwards %d files read back (%d left uncertain by a kill), "
                    + "check %s, data %s", mode.label(), processes, acknowledged, kills, filesChecked, uncertain,
                    checkProblems.isEmpty() ? "clean" : checkProblems.size() + " problems", dataProblems.isEmpty() ? "all there"
                            : dataProblems.size() + " problems");
        }
    }

    private record Event(int incarnation, String line) {
    }

    private record State(long size, long crc) {
    }

    private final Options o;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<Integer, Process> processes = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, String> pending = new HashMap<>(); // incarnation → the BEGIN line not yet acknowledged
    private final Map<String, State> model = new HashMap<>();
    private final Set<String> uncertain = new HashSet<>();
    private long acknowledged;
    private int nextIncarnation;

    private FileTorture(Options o) {
        this.o = o;
    }

    public static Result run(Options o) throws IOException, InterruptedException {
        return new FileTorture(o).run();
    }

    private Result run() throws IOException, InterruptedException {
        Files.createDirectories(o.dir());
        Path lun = o.dir().resolve("file-torture-" + o.mode().label() + ".lun");
        Files.deleteIfExists(lun);
        FileMedium.create(lun, 512, (96L << 20) / 512);
        try (FileMedium admin = FileMedium.open(lun, "torture-admin")) {
            Cluster.format(admin, Cluster.FormatOptions.defaults().withIoTimeout(o.ioTimeout()).withSlots(32).withLocks(64)
                    .withBlockBytes(64 << 10).withLabel("file-torture"));
        }
        Random random = new Random(o.seed());
        for (int i = 0; i < o.processes(); i++) {
            start(lun, "w" + i, random);
        }
        long start = System.nanoTime();
        long end = start + o.duration().toNanos();
        long nextKill = start + WorkerProcess.jitter(random, o.meanKillInterval());
        long nextReport = start + Duration.ofSeconds(5).toNanos();
        Map<Long, String> restarts = new HashMap<>();
        int kills = 0;
        while (System.nanoTime() < end) {
            Event e = events.poll(20, TimeUnit.MILLISECONDS);
            if (e != null) {
                handle(e);
            }
            long now = System.nanoTime();
            if (now >= nextKill && !processes.isEmpty()) {
                List<Integer> alive = new ArrayList<>(processes.keySet());
                int victim = alive.get(random.nextInt(alive.size()));
                kill(victim);
                kills++;
                String base = names.get(victim).replaceAll("\\..*", "");
                restarts.put(now + Duration.ofMillis(200 + random.nextInt(400)).toNanos(), kills % 2 == 0 ? base : base + "." + kills);
                nextKill = now + WorkerProcess.jitter(random, o.meanKillInterval());
            }
            for (Map.Entry<Long, String> r : new ArrayList<>(restarts.entrySet())) {
                if (now >= r.getKey()) {
                    restarts.remove(r.getKey());
                    start(lun, r.getValue(), random);
                }
            }
            if (now >= nextReport && o.progress() != null) {
                o.progress().printf("file torture %s: %4.1f s, %d changes acknowledged, %d kills%n", o.mode().label(), (now - start) / 1e9,
                        acknowledged, kills);
                nextReport += Duration.ofSeconds(5).toNanos();
            }
        }
        for (int i : new ArrayList<>(processes.keySet())) {
            kill(i);
        }
        return check(lun, kills);
    }

    private void kill(int incarnation) throws InterruptedException {
        Process p = processes.remove(incarnation);
        p.destroyForcibly(); // SIGKILL
        p.waitFor(10, TimeUnit.SECONDS);
        // what it printed before it died counts; a change it began and did not acknowledge may or may not be there
        Thread.sleep(50);
        for (Event e; (e = events.poll()) != null;) {
            handle(e);
        }
        String begun = pending.remove(incarnation);
        if (begun != null) {
            String[] f = begun.split(" ");
            for (int i = 2; i < f.length; i++) {
                uncertain.add(f[i]);
            }
        }
    }

    private void handle(Event e) {
        String[] f = e.line().split(" ");
        switch (f[0]) {
            case "BEGIN" -> pending.put(e.incarnation(), e.line());
            case "ACK" -> {
                pending.remove(e.incarnation());
                acknowledged++;
                switch (f[1]) {
                    case "put" -> {
                        model.put(f[2], new State(Long.parseLong(f[3]), Long.parseLong(f[4])));
                        uncertain.remove(f[2]);
                    }
                    case "rm" -> {
                        model.remove(f[2]);
                        uncertain.remove(f[2]);
                    }
                    case "mv" -> {
                        State s = model.remove(f[2]);
                        if (s != null) {
                            model.put(f[3], s);
                        }
                        if (uncertain.remove(f[2])) {
                            uncertain.add(f[3]);
                            model.remove(f[3]);
                        } else {
                            uncertain.remove(f[3]);
                        }
                    }
                    default -> throw new IllegalStateException("unknown acknowledgement: " + e.line());
                }
            }
            case "ERR" -> {
                String begun = pending.remove(e.incarnation()); // a change that failed part way may be there or not
                if (begun != null) {
                    String[] b = begun.split(" ");
                    for (int i = 2; i < b.length; i++) {
                        uncertain.add(b[i]);
                    }
                }
                if (o.progress() != null) {
                    o.progress().println("  " + names.get(e.incarnation()) + ": " + e.line());
                }
            }
            default -> {
                if (o.progress() != null && !f[0].equals("MOUNTED") && !f[0].equals("LOG") && !f[0].equals("EOF")) {
                    o.progress().println("  " + names.get(e.incarnation()) + ": " + e.line());
                }
            }
        }
    }

    private Result check(Path lun, int kills) throws IOException, InterruptedException {
        List<String> dataProblems = new ArrayList<>();
        int checked = 0;
        try (FileMedium m = FileMedium.open(lun, "checker"); Datastore ds = Datastore.mount(m, HostIdentity.named("checker"), o.mode())) {
            DatastoreCheck.Report report = DatastoreCheck.run(ds); // waits out the dead hosts' hold on the file-system lock
            Set<String> present = new HashSet<>();
            for (DirectoryEntry d : ds.fs().list("/")) {
                for (DirectoryEntry f : ds.fs().list(d.name())) {
                    present.add(f.name());
                }
            }
            for (Map.Entry<String, State> e : model.entrySet()) {
                String path = e.getKey();
                if (uncertain.contains(path)) {
                    continue;
                }
                if (!present.contains(path)) {
                    dataProblems.add(path + ": acknowledged with " + e.getValue().size() + " bytes, missing");
                    continue;
                }
                byte[] data = readWaiting(ds.fs(), path, ds.superblock().timing().leaseTimeout().multipliedBy(4));
                checked++;
                if (data.length != e.getValue().size() || FileStressWorker.crc(data) != e.getValue().crc()) {
                    dataProblems.add(String.format("%s: acknowledged %d bytes crc %08x, found %d bytes crc %08x", path, e.getValue().size(),
                            e.getValue().crc(), data.length, FileStressWorker.crc(data)));
                }
            }
            for (String path : present) {
                if (!model.containsKey(path) && !uncertain.contains(path)) {
                    dataProblems.add(path + ": present, but its deletion (or the rename away from it) was acknowledged");
                }
            }
            return new Result(o.mode(), o.processes(), acknowledged, kills, checked, uncertain.size(), report.problems(), dataProblems);
        }
    }

    /** Reads a file whole, waiting for a dead host's hold on it to be broken (after T). */
    private static byte[] readWaiting(DatastoreFiles fs, String path, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try (DatastoreFile f = fs.open(path, DatastoreFiles.Access.READ, false, false, false)) {
                return FileStressWorker.readAll(f);
            } catch (FileSystemException held) {
                if (System.nanoTime() > deadline) {
                    throw held;
                }
                Thread.sleep(100);
            }
        }
    }

    private void start(Path lun, String name, Random random) throws IOException {
        int incarnation = nextIncarnation++;
        names.put(incarnation, name);
        processes.put(incarnation, WorkerProcess.start(FileStressWorker.class, 64, List.of(lun.toString(), name, o.mode().label(),
                Long.toString(random.nextLong())), name, line -> events.add(new Event(incarnation, line))));
    }
}
