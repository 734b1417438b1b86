package io.lockstep.console.live;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.swt.widgets.Display;

/**
 * Watches the UI thread from outside: every {@code periodMillis} a watcher thread posts a no-op to the display and
 * notes how long it waited to run. A wait longer than 100 ms means one task on the UI thread (whatever it was:
 * ours, the toolkit's, a paint) held it that long. Figures: pings, the longest wait, the 99th percentile, and how
 * many waits passed 100 ms. When a wait passes 100 ms the UI thread's stack is sampled (as Eclipse's own freeze
 * monitor does), so a freeze names its culprit: {@link #freezes()}.
 */
public final class FreezeMonitor implements AutoCloseable {

    private final Display display;
    private final Thread watcher;
    private final long periodMillis;
    private final AtomicLong longest = new AtomicLong();
    private long[] waits = new long[4096];
    private int count;
    private volatile boolean running = true;

    public FreezeMonitor(Display display, long periodMillis) {
        this.display = display;
        this.periodMillis = periodMillis;
        this.watcher = new Thread(this::watch, "lockstep-freeze-monitor");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        while (running && !display.isDisposed()) {
            long posted = System.nanoTime();
            Object done = new Object();
            long[] ran = {0};
            try {
                display.asyncExec(() -> {
                    synchronized (done) {
                        ran[0] = System.nanoTime();
                        done.notifyAll();
                    }
                });
                String stack = null;
                synchronized (done) {
                    while (ran[0] == 0 && running) {
                        done.wait(20);
                        if (ran[0] == 0 && stack == null && System.nanoTime() - posted > 100_000_000L) {
                            stack = stack(display.getThread());
                        }
                    }
                }
                if (stack != null && ran[0] != 0) {
                    freeze((ran[0] - posted) / 1_000_000, stack);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                return; // the display went away
            }
            if (ran[0] != 0) {
                add(ran[0] - posted);
            }
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String stack(Thread t) {
        StringBuilder b = new StringBuilder();
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < frames.length && i < 40; i++) {
            b.append("    at ").append(frames[i]).append('\n');
        }
        return b.toString();
    }

    private final java.util.List<String> freezes = new java.util.ArrayList<>();

    private synchronized void freeze(long millis, String stack) {
        if (freezes.size() < 20) {
            freezes.add("UI thread held for " + millis + " ms; sampled after 100 ms at:\n" + stack);
        }
    }

    /** The waits over 100 ms (the first 20), each with the UI thread's stack sampled while it was held. */
    public synchronized java.util.List<String> freezes() {
        return java.util.List.copyOf(freezes);
    }

    private synchronized void add(long nanos) {
        if (count == waits.length) {
            waits = Arrays.copyOf(waits, waits.length * 2);
        }
        waits[count++] = nanos;
        longest.accumulateAndGet(nanos, Math::max);
    }

    /** How long the pings waited: how many, p50, p99 and the longest (ms), how many over 100 ms. */
    public record Waits(int pings, double p50Millis, double p99Millis, double maxMillis, long over100) {
    }

    public synchronized Waits waits() {
        long[] s = Arrays.copyOf(waits, count);
        Arrays.sort(s);
        long over = Arrays.stream(s).filter(v -> v > 100_000_000L).count();
        return new Waits(count, count == 0 ? 0 : s[count / 2] / 1e6, count == 0 ? 0 : s[Math.max(0, (int) Math.ceil(count * 0.99) - 1)] / 1e6,
                longest.get() / 1e6, over);
    }

    /** Pings, the longest wait, p99 and the number of waits over 100 ms. */
    public String figures() {
        Waits w = waits();
        return String.format("UI thread pinged every %d ms: %d pings, wait p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d over 100 ms", periodMillis,
                w.pings(), w.p50Millis(), w.p99Millis(), w.maxMillis(), w.over100());
    }

    public synchronized int pings() {
        return count;
    }

    public long longestMillis() {
        return longest.get() / 1_000_000;
    }

    public synchronized long over100() {
        return Arrays.stream(waits, 0, count).filter(v -> v > 100_000_000L).count();
    }

    @Override
    public void close() {
        running = false;
        watcher.interrupt();
    }
}
