package io.lockstep.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import io.lockstep.cli.Table;
import io.lockstep.cluster.Timing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How late this machine wakes a sleeping JVM thread — the pause a heartbeat thread meets before it renews, which the
 * protocol's timing must exceed many times over (a host self-fences 6 io after its last renewal started). A thread
 * sleeps 2 ms in a loop (allocating a little, as real threads do) and records how far past its deadline it woke, for
 * the phases asked: the machine as it is ({@code as-is}: run it beside the test suite to see what the tests meet), and
 * with one core kept busy by another process ({@code busy}), side by side. Prints the stall distribution against the
 * self-fence time of the I/O timeouts in use, and draws the worst stall per second of each phase.
 * Run: {@code ./lockstep bench stalls [--seconds N] [--phases as-is,busy]}.
 */
@Command(name = "stalls", mixinStandardHelpOptions = true, description = "How late a sleeping thread wakes here, quiet and with a busy core.")
public final class StallBench implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "30", description = "each phase's length (default 30)")
    int seconds;

    @Option(names = "--phases", defaultValue = "as-is,busy", split = ",", description = "as-is and/or busy (default both)")
    List<String> phases;

    @Option(names = "--chart", defaultValue = "work/bench/stalls/stalls.png", description = "the chart (PNG)")
    Path chart;

    @Option(names = "--quick", description = "a smoke run: 3 s per phase")
    boolean quick;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StallBench()).execute(args));
    }

    /** What one phase saw: every overshoot (µs) and the worst per second. */
    record Phase(String name, long[] overshootMicros, List<double[]> worstPerSecond) {
        double percentile(double p) {
            long[] s = overshootMicros.clone();
            Arrays.sort(s);
            return s.length == 0 ? 0 : s[Math.min(s.length - 1, (int) Math.ceil(s.length * p) - 1)] / 1000.0;
        }

        long over(long millis) {
            return Arrays.stream(overshootMicros).filter(v -> v > millis * 1000).count();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (quick) {
            seconds = 3;
        }
        if (seconds < 1) {
            throw new IllegalArgumentException("--seconds: expected at least 1, found " + seconds);
        }
        for (String p : phases) {
            if (!p.equals("as-is") && !p.equals("busy")) {
                throw new IllegalArgumentException("--phases: expected as-is and/or busy, found '" + p + "'");
            }
        }
        out.printf("bench stalls: a thread sleeps 2 ms in a loop and records how late it wakes; %d s per phase, %d cores%n", seconds,
                Runtime.getRuntime().availableProcessors());
        List<Phase> done = new ArrayList<>();
        for (String p : phases) {
            Process busy = p.equals("busy") ? spinner() : null;
            try {
                done.add(measure(p, seconds));
            } finally {
                if (busy != null) {
                    busy.destroyForcibly();
                    busy.waitFor();
                }
            }
        }
        Duration tests = Timing.LOCAL_IO_TIMEOUT;
        Table t = Table.markdown("phase", "wake-ups", "p50", "p99", "p99.9", "max", "> 100 ms", "> 150 ms (self-fence at io 25 ms)",
                "> " + new Timing(tests).selfFenceAfter().toMillis() + " ms (at io " + tests.toMillis() + " ms)");
        for (Phase p : done) {
            t.row(p.name(), p.overshootMicros().length, ms(p.percentile(0.5)), ms(p.percentile(0.99)), ms(p.percentile(0.999)),
                    ms(p.percentile(1.0)), p.over(100), p.over(150), p.over(new Timing(tests).selfFenceAfter().toMillis()));
        }
        out.println();
        t.print(out);
        List<Charts.Line> lines = new ArrayList<>();
        for (Phase p : done) {
            lines.add(new Charts.Line(p.name(), p.worstPerSecond()));
        }
        Files.createDirectories(chart.toAbsolutePath().getParent());
        Charts.png(chart, "The latest wake-up of a 2 ms sleep, each second", "seconds", "ms late", lines, null, null);
        out.println("\nchart: " + chart);
        return 0;
    }

    private static String ms(double v) {
        return String.format("%.1f ms", v);
    }

    /** Another process that keeps one core busy (a shell loop, as the reproduction does). */
    private static Process spinner() throws IOException {
        return new ProcessBuilder("sh", "-c", "while :; do :; done").start();
    }

    private Phase measure(String name, int secs) throws InterruptedException {
        long[] overs = new long[secs * 600];
        int n = 0;
        List<double[]> worst = new ArrayList<>();
        List<byte[]> garbage = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + secs * 1_000_000_000L;
        long second = 0;
        long worstThisSecond = 0;
        while (System.nanoTime() < end) {
            long before = System.nanoTime();
            Thread.sleep(2);
            long after = System.nanoTime();
            long overMicros = Math.max(0, (after - before) / 1000 - 2000);
            if (n == overs.length) {
                overs = Arrays.copyOf(overs, n * 2);
            }
            overs[n++] = overMicros;
            worstThisSecond = Math.max(worstThisSecond, overMicros);
            long s = (after - start) / 1_000_000_000L;
            if (s != second) {
                worst.add(new double[] {second, worstThisSecond / 1000.0});
                second = s;
                worstThisSecond = 0;
            }
            garbage.add(new byte[4096]);
            if (garbage.size() > 10_000) {
                garbage.clear();
            }
        }
        out.printf("  %s: %d wake-ups%n", name, n);
        return new Phase(name, Arrays.copyOf(overs, n), worst);
    }
}
