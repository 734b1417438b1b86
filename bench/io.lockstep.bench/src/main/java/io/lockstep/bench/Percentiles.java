package io.lockstep.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, reported as percentiles in microseconds. */
final class Percentiles {

    private long[] samples = new long[1024];
    private int n;

    void add(long nanos) {
        if (n == samples.length) {
            samples = Arrays.copyOf(samples, n * 2);
        }
        samples[n++] = nanos;
    }

    int count() {
        return n;
    }

    double micros(double percentile) {
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        int i = (int) Math.min(n - 1, Math.max(0, Math.ceil(percentile / 100.0 * n) - 1));
        return sorted[i] / 1000.0;
    }

    double meanMicros() {
        return Arrays.stream(samples, 0, n).average().orElse(0) / 1000.0;
    }
}
