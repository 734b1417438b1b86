package io.lockstep.cluster.stress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.Timing;
import io.lockstep.storage.file.FileMedium;

/**
 * The multi-process lock torture: N {@link StressWorker} processes contend for a few exclusive locks on one
 * LUN file while this driver SIGKILLs random ones and restarts them — alternately under the same host
 * identity (its old locks become stale at once) and as a new host (its old locks must be broken after the
 * lease timeout). It checks that no two processes ever held one lock (guard-sector tokens and strictly
 * increasing lock generations), that every lock a killed process held is taken over, and how fast, and
 * that no acquisition timed out. Bounded in time and count.
 */
public final class Torture {

    public record Options(Path dir, AcquisitionMode mode, int processes, int locks, Duration duration, Duration ioTimeout,
            Duration meanKillInterval, long seed, PrintStream progress) {

        /**
         * The test suite's run: 30 s, a kill every ~2.5 s, at the local I/O timeout. A worker passes its validity check
         * up to 6 io after its last renewal and must write within the 2 io left before T: a process stalled that long
         * right there could really overwrite the next holder — the protocol's assumption of bounded pauses. At 250 ms
         * that takes a 2 s stall of the whole process; the worst measured on a loaded 2-core machine was 456 ms.
         */
        public static Options shortForm(Path dir, AcquisitionMode mode) {
            return new Options(dir, mode, 4, 3, Duration.ofSeconds(30), io.lockstep.cluster.Timing.LOCAL_IO_TIMEOUT,
                    Duration.ofMillis(2500), 42, System.out);
        }
    }

    public record Result(AcquisitionMode mode, int processes, Duration leaseTimeout, long acquisitions, int kills,
            int takeovers, long maxTakeoverMillis, double meanTakeoverMillis, long fences, long violations, long generationErrors,
            long timeouts, long lost, long maxWaitMillis, List<String> problems, List<String> details) {

        public String summary() {
            return String.format("%s: %d processes, %d acquisitions, %d kills, %d takeovers (mean %.0f ms, max %d ms; T = %d ms), %d fences,"
                    + " violations = %d, generation errors = %d, timeouts = %d, leases lost to self-fencing = %d, longest wait %d ms",
                    mode.label(), processes, acquisitions, kills, takeovers, meanTakeoverMillis, maxTakeoverMillis,
                    leaseTimeout.toMillis(), fences, violations, generationErrors, timeouts, lost, maxWaitMillis);
        }
    }

    private record Event(int incarnation, String line, long nanos) {
    }

    private record Acquisition(int incarnation, long generation, long nanos) {
    }

    private record Kill(int incarnation, long nanos) {
    }

    private final Options o;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<Integer, Process> processes = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, Map<Integer, Boolean>> holding = new HashMap<>(); // incarnation → lock → holds
    private final Map<Integer, List<Acquisition>> acquisitions = new HashMap<>();
    private final Map<Integer, Long> lastGeneration = new HashMap<>();
    private final List<Kill> kills = new ArrayList<>();
    private final Map<Integer, Set<Integer>> heldAtDeath = new HashMap<>();
    private final Map<Integer, long[]> joined = new HashMap<>(); // incarnation → slot, heartbeat generation
    private final List<String> problems = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    private long fences;
    private long violations;
    private long generationErrors;
    private long timeouts;
    private long lost;
    private long maxWait;
    private long total;
    private int nextIncarnation;

    private Torture(Options o) {
        this.o = o;
    }

    public static Result run(Options o) throws IOException, InterruptedException {
        return new Torture(o).run();
    }

    private Result run() throws IOException, InterruptedException {
        Files.createDirectories(o.dir());
        Path lun = o.dir().resolve("torture-" + o.mode().label() + ".lun");
        Files.deleteIfExists(lun);
        FileMedium.create(lun, 512, 8192);
        try (FileMedium admin = FileMedium.open(lun, "torture-admin")) {
            Cluster.format(admin, Cluster.FormatOptions.defaults().withIoTimeout(o.ioTimeout()).withSlots(48).withLocks(64)
                    .withLabel("torture"));
        }
        Timing timing = new Timing(o.ioTimeout());
        Random random = new Random(o.seed());
        FileMedium observerMedium = FileMedium.open(lun, "torture-observer");
        Cluster observer = Cluster.open(observerMedium);
        for (int i = 0; i < o.processes(); i++) {
            start(lun, "w" + i, random);
        }
        long start = System.nanoTime();
        long end = start + o.duration().toNanos();
        long nextKill = start + WorkerProcess.jitter(random, o.meanKillInterval());
        long nextReport = start + Duration.ofSeconds(5).toNanos();
        Map<Long, String> restarts = new HashMap<>();
        int killCount = 0;
        while (System.nanoTime() < end) {
            Event e = events.poll(20, TimeUnit.MILLISECONDS);
            if (e != null) {
                handle(e);
            }
            long now = System.nanoTime();
            if (now >= nextKill) {
                List<Integer> alive = new ArrayList<>(processes.keySet());
                List<Integer> holders = alive.stream().filter(i -> !holding.get(i).isEmpty() && joined.containsKey(i)).toList();
                if (alive.size() > 1) {
                    List<Integer> pool = !holders.isEmpty() && random.nextInt(4) > 0 ? holders : alive;
                    int victim = pool.get(random.nextInt(pool.size()));
                    Process p = processes.remove(victim);
                    p.destroyForcibly(); // SIGKILL
                    long killedAt = System.nanoTime();
                    p.waitFor(5, TimeUnit.SECONDS);
                    kills.add(new Kill(victim, killedAt));
                    heldAtDeath.put(victim, heldOnMedium(observer, joined.get(victim)));
                    killCount++;
                    String base = names.get(victim).replaceAll("\\..*", "");
                    String again = killCount % 2 == 0 ? base : base + "." + killCount; // same identity, or a new host
                    restarts.put(now + Duration.ofMillis(200 + random.nextInt(400)).toNanos(), again);
                }
                nextKill = now + WorkerProcess.jitter(random, o.meanKillInterval());
            }
            for (Map.Entry<Long, String> r : new ArrayList<>(restarts.entrySet())) {
                if (now >= r.getKey()) {
                    restarts.remove(r.getKey());
                    start(lun, r.getValue(), random);
                }
            }
            if (now >= nextReport && o.progress() != null) {
                o.progress().printf("torture %s: %4.1f s, %d acquisitions, %d kills, %d violations%n", o.mode().label(),
                        (now - start) / 1e9, total, kills.size(), violations);
                nextReport += Duration.ofSeconds(5).toNanos();
            }
        }
        for (Process p : processes.values()) {
            p.destroyForcibly();
        }
        for (Process p : processes.values()) {
            p.waitFor(10, TimeUnit.SECONDS);
        }
        long drainUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < drainUntil) {
            Event e = events.poll(50, TimeUnit.MILLISECONDS);
            if (e != null) {
                handle(e);
            }
        }
        observerMedium.close();
        return result(timing, start, end);
    }

    /** The stress locks that list (slot, generation) as an owner on the medium right now. */
    private static Set<Integer> heldOnMedium(Cluster observer, long[] slotAndGeneration) throws IOException {
        Set<Integer> held = new LinkedHashSet<>();
        if (slotAndGeneration == null) {
            return held;
        }
        for (Cluster.Read<io.lockstep.cluster.records.LockRecord> r : observer.locks()) {
            if (r.ok() && r.record().entity().startsWith(StressWorker.ENTITY_PREFIX) && r.record().owners().stream()
                    .anyMatch(w -> w.slot() == slotAndGeneration[0] && w.heartbeatGeneration() == slotAndGeneration[1])) {
                held.add(Integer.parseInt(r.record().entity().substring(StressWorker.ENTITY_PREFIX.length())));
            }
        }
        return held;
    }

    private void start(Path lun, String name, Random random) throws IOException {
        int incarnation = nextIncarnation++;
        names.put(incarnation, name);
        holding.put(incarnation, new HashMap<>());
        processes.put(incarnation, WorkerProcess.start(StressWorker.class, 48, List.of(lun.toString(), name, o.mode().label(),
                Integer.toString(o.locks()), "30", "20000", Long.toString(random.nextLong())), name,
                line -> events.add(new Event(incarnation, line, System.nanoTime()))));
    }

    private void handle(Event e) {
        String[] f = e.line().split(" ", 5);
        Map<Integer, Boolean> held = holding.get(e.incarnation());
        switch (f[0]) {
            case "ACQ" -> {
                int lock = Integer.parseInt(f[1]);
                long generation = Long.parseLong(f[2]);
                long waited = Long.parseLong(f[3]);
                total++;
                maxWait = Math.max(maxWait, waited);
                Long last = lastGeneration.get(lock);
                if (last != null && generation <= last) {
                    generationErrors++;
                    problems.add(names.get(e.incarnation()) + " acquired lock " + lock + " at generation " + generation
                            + " after generation " + last + " was already given out");
                }
                lastGeneration.merge(lock, generation, Math::max);
                acquisitions.computeIfAbsent(lock, k -> new ArrayList<>()).add(new Acquisition(e.incarnation(), generation, e.nanos()));
                held.put(lock, true);
            }
            case "REL" -> held.remove(Integer.parseInt(f[1]));
            case "LOST" -> {
                lost++;
                held.remove(Integer.parseInt(f[1]));
            }
            case "VIOLATION" -> {
                violations++;
                problems.add(names.get(e.incarnation()) + ": " + e.line());
            }
            case "TIMEOUT" -> {
                timeouts++;
                problems.add(names.get(e.incarnation()) + ": " + e.line());
            }
            case "EOF" -> {
                // the process ended; what it held was read from the medium when it was killed
            }
            case "JOINED" -> joined.put(e.incarnation(), new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            case "LOG" -> {
                if (e.line().contains(" fenced ")) {
                    fences++;
                }
            }
            default -> problems.add(names.get(e.incarnation()) + " printed: " + e.line());
        }
    }

    private Result result(Timing timing, long start, long end) {
        List<Long> takeovers = new ArrayList<>();
        long bound = timing.leaseTimeout().toNanos() * 2;
        for (Kill k : kills) {
            Set<Integer> held = heldAtDeath.getOrDefault(k.incarnation(), Set.of());
            if (held.isEmpty()) {
                details.add(String.format("killed %s at %.1f s holding no lock%s", names.get(k.incarnation()), (k.nanos() - start) / 1e9,
                        joined.containsKey(k.incarnation()) ? "" : " (it had not joined yet)"));
            }
            for (int lock : held) {
                Acquisition next = acquisitions.getOrDefault(lock, List.of()).stream()
                        .filter(a -> a.nanos() > k.nanos() && a.incarnation() != k.incarnation()).findFirst().orElse(null);
                if (next != null) {
                    takeovers.add((next.nanos() - k.nanos()) / 1_000_000);
                    details.add(String.format("killed %s at %.1f s holding lock %d: taken over by %s after %d ms", names.get(k.incarnation()),
                            (k.nanos() - start) / 1e9, lock, names.get(next.incarnation()), (next.nanos() - k.nanos()) / 1_000_000));
                } else if (end - k.nanos() > bound) {
                    problems.add("lock " + lock + " held by " + names.get(k.incarnation()) + " when it was killed was never taken over");
                }
            }
        }
        long max = takeovers.stream().mapToLong(Long::longValue).max().orElse(0);
        double mean = takeovers.stream().mapToLong(Long::longValue).average().orElse(0);
        return new Result(o.mode(), o.processes(), timing.leaseTimeout(), total, kills.size(), takeovers.size(), max, mean,
                fences, violations, generationErrors, timeouts, lost, maxWait, List.copyOf(problems), List.copyOf(details));
    }
}
