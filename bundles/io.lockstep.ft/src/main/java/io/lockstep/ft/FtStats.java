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
