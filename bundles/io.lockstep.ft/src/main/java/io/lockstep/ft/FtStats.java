package io.lockstep.ft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a pair did: epochs, pauses, bytes, digests checked, and the lag/CPU time series of a replay. */
public final class FtStats {

    /** One point of the replay lag series: when, how far behind the backup was, the primary's CPU share. */
    public record LagPoint(long atMillis, double lagMillis, double cpuShare) {
    }

    private static final int MAX_SAMPLES = 200_000;

    private long epochs;
    private long pagesSent;
    private long diffPages;
    private long wholePages;
    private long zeroPages;
    private long pageBytes;
    private long pauseNanosTotal;
    private long[] pauses = new long[1024];
    private int pauseCount;
    private long digestsChecked;
    private long eventsSent;
    private long eventBytes;
    private long diskWritesSent;
    private long earlyEpochs;
    private final java.util.concurrent.atomic.LongAdder wireBytes = new java.util.concurrent.atomic.LongAdder();
    private final List<LagPoint> lag = new ArrayList<>();
    private final long start = System.nanoTime();

    synchronized void epoch(long pauseNanos, int pages, int diffs, int whole, int zeros, long bytes, boolean digestChecked, int diskWrites) {
        epochs++;
        pagesSent += pages;
        diffPages += diffs;
        wholePages += whole;
        zeroPages += zeros;
        pageBytes += bytes;
        pauseNanosTotal += pauseNanos;
        if (pauseCount < MAX_SAMPLES) {
            if (pauseCount == pauses.length) {
                pauses = Arrays.copyOf(pauses, pauses.length * 2);
            }
            pauses[pauseCount++] = pauseNanos;
        }
        if (digestChecked) {
            digestsChecked++;
        }
        diskWritesSent += diskWrites;
    }

    /** Bytes the primary put on the FT connection (every message, as framed and sealed). */
    void wireBytes(long bytes) {
        wireBytes.add(bytes);
    }

    public long wireBytes() {
        return wireBytes.sum();
    }

    synchronized void digestVerified() {
        digestsChecked++;
    }

    synchronized void events(int count, long bytes) {
        eventsSent += count;
        eventBytes += bytes;
    }

    synchronized void lag(double lagMillis, double share) {
        if (lag.size() < MAX_SAMPLES) {
            lag.add(new LagPoint((System.nanoTime() - start) / 1_000_000, lagMillis, share));
        }
    }

    public synchronized long epochs() {
        return epochs;
    }

    /**
     * Where a checkpoint epoch that a client waited for spent its time, from the first output it held to that output's
     * release (issue 22's profile): each a phase, in order.
     */
    public enum Phase {
        /** From the first held output to the pause: the epoch runs out its minimum interval. */
        WAIT("held output → pause"),
        /** The guest stopped: dirty pages taken, hot ones copied, device state, the guest resumed. */
        PAUSE("pause"),
        /** Pages encoded against the backup's copies and queued, the guest running. */
        SHIP("encode pages"),
        /** From the COMMIT's write to the ACK read: the wire both ways, sealing, and the backup applying the epoch. */
        ACK("commit → ACK read"),
        /** From the ACK read to the outputs handed back to the NIC. */
        RELEASE("ACK → released");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private long[][] phases = new long[Phase.values().length][1024];
    private int phaseCount;

    /** One epoch a client waited for: the nanoseconds of each {@link Phase}, in order. */
    synchronized void phases(long... nanos) {
        if (phaseCount >= MAX_SAMPLES) {
            return;
        }
        if (phaseCount == phases[0].length) {
            for (int i = 0; i < phases.length; i++) {
                phases[i] = Arrays.copyOf(phases[i], phaseCount * 2);
            }
        }
        for (int i = 0; i < phases.length; i++) {
            phases[i][phaseCount] = nanos[i];
        }
        phaseCount++;
    }

    /** How many epochs a client waited for were timed by phase (a mark for {@link #phasePercentile}). */
    public synchronized int phaseCount() {
        return phaseCount;
    }

    /** The p-th percentile (0-100) of one phase, in nanoseconds, over the epochs timed since mark {@code from} (0 when none). */
    public synchronized long phasePercentile(Phase phase, double p, int from) {
        int n = phaseCount - from;
        if (n <= 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOfRange(phases[phase.ordinal()], from, phaseCount);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(n - 1, Math.floor(p / 100.0 * n))];
    }

    synchronized void earlyEpoch() {
        earlyEpochs++;
    }

    /** Epochs ended before their period because a client waited for held output (issue 22). */
    public synchronized long earlyEpochs() {
        return earlyEpochs;
    }

    public synchronized long pagesSent() {
        return pagesSent;
    }

    public synchronized long diffPages() {
        return diffPages;
    }

    public synchronized long wholePages() {
        return wholePages;
    }

    /** Bytes of page content sent (differences and whole pages). */
    public synchronized long pageBytes() {
        return pageBytes;
    }

    /** What the same pages would have cost sent whole. */
    public synchronized long pageBytesIfWhole() {
        return (pagesSent - zeroPages) * 4096L;
    }

    public synchronized long digestsChecked() {
        return digestsChecked;
    }

    public synchronized long eventsSent() {
        return eventsSent;
    }

    public synchronized long eventBytes() {
        return eventBytes;
    }

    public synchronized long diskWritesSent() {
        return diskWritesSent;
    }

    /** The p-th percentile (0-100) of epoch pauses, in nanoseconds (0 when none). */
    public synchronized long pausePercentile(double p) {
        if (pauseCount == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(pauses, pauseCount);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(pauseCount - 1, Math.floor(p / 100.0 * pauseCount))];
    }

    public synchronized List<LagPoint> lagSeries() {
        return List.copyOf(lag);
    }

    @Override
    public synchronized String toString() {
        return String.format(java.util.Locale.ROOT, "%d epochs, %d pages (%d as differences), %d page bytes (%d whole), pause p50 %d us p99 %d us, "
                + "%d digests checked, %d events", epochs, pagesSent, diffPages, pageBytes, pageBytesIfWhole(), pausePercentile(50) / 1000,
                pausePercentile(99) / 1000, digestsChecked, eventsSent);
    }
}
