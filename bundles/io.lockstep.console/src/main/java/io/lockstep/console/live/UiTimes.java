package io.lockstep.console.live;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long the UI thread spent on each kind of work the live datacenter gave it (merging a picture, applying
 * streamed events, refreshing a view): counts, the slowest, the 99th percentile and how many took over 100 ms.
 * Only touched on the UI thread.
 */
public final class UiTimes {

    /** One kind of work's figures, in milliseconds. */
    public record Figures(String kind, int count, double p50, double p99, double max, int over100) {
        @Override
        public String toString() {
            return String.format("%-22s n=%5d  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  >100 ms: %d", kind, count, p50, p99, max, over100);
        }
    }

    private final Map<String, long[]> samples = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();

    /** Runs {@code work} now and records how long it took. */
    public void time(String kind, Runnable work) {
        long t0 = System.nanoTime();
        try {
            work.run();
        } finally {
            record(kind, System.nanoTime() - t0);
        }
    }

    public void record(String kind, long nanos) {
        long[] s = samples.computeIfAbsent(kind, k -> new long[1024]);
        int n = counts.getOrDefault(kind, 0);
        if (n == s.length) {
            s = Arrays.copyOf(s, s.length * 2);
            samples.put(kind, s);
        }
        s[n] = nanos;
        counts.put(kind, n + 1);
    }

    public Map<String, Figures> figures() {
        Map<String, Figures> out = new TreeMap<>();
        for (Map.Entry<String, long[]> e : samples.entrySet()) {
            int n = counts.get(e.getKey());
            long[] s = Arrays.copyOf(e.getValue(), n);
            Arrays.sort(s);
            int over = 0;
            for (long v : s) {
                if (v > 100_000_000L) {
                    over++;
                }
            }
            out.put(e.getKey(), new Figures(e.getKey(), n, s[n / 2] / 1e6, s[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6, s[n - 1] / 1e6, over));
        }
        return out;
    }

    public void reset() {
        samples.clear();
        counts.clear();
    }
}
