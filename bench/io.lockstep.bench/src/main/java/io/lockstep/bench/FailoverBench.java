package io.lockstep.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.lockstep.cli.FailoverTrials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Failover from the faults that happen, in both FT modes, side by side in one run ({@code lockstep fault trials} for each
 * fault and mode on one datacenter of three hosts in namespaces): how long a redis-cli client outside the hosts went
 * unserved, min, p50 and max per fault and mode, every trial's checks, and a chart of every trial.
 */
@Command(name = "failover", mixinStandardHelpOptions = true, description = "Failover trials per fault and FT mode (as root: hosts in "
        + "network namespaces); prints min/p50/max of the time a client went unserved and draws every trial.")
final class FailoverBench implements Callable<Integer> {

    @Option(names = "--trials", defaultValue = "20", description = "trials per fault and mode (default 20)")
    int trials;

    @Option(names = "--faults", split = ",", defaultValue = "hang,partition,storage,kill", description = "faults (default hang,partition,storage,kill)")
    List<String> faults;

    @Option(names = "--modes", split = ",", defaultValue = "checkpoint,replay", description = "FT modes (default checkpoint,replay)")
    List<String> modes;

    @Option(names = "--guests", split = ",", defaultValue = "kv", description = "guests (default kv; qemu: the default QEMU image, checkpoint mode only)")
    List<String> guests;

    @Option(names = "--dir", defaultValue = "work/bench-failover", description = "work directory (default work/bench-failover)")
    Path dir;

    @Option(names = "--chart", defaultValue = "docs/figures/failover.png", description = "where the chart goes (default docs/figures/failover.png)")
    Path chart;

    @Override
    public Integer call() throws Exception {
        Path dc = dir.toAbsolutePath().resolve("dc");
        if (Files.exists(dc.resolve("datacenter.json"))) {
            io.lockstep.cli.Main.run("down", "--dc", dc.toString(), "--purge");
        }
        if (io.lockstep.cli.Main.run("up", "--hosts", "3", "--namespaces", "--dc", dc.toString()) != 0) {
            throw new IllegalStateException("lockstep up --namespaces failed (it needs root, tgt, iptables and arping)");
        }
        List<String> summary = new ArrayList<>();
        List<Charts.Line> lines = new ArrayList<>();
        int failed = 0;
        try {
            for (String guest : guests) {
            for (String fault : faults) {
                for (String mode : modes) {
                    if (guest.equals("qemu") && !mode.equals("checkpoint")) {
                        continue; // a QEMU guest is protected by checkpoints only
                    }
                    List<FailoverTrials.Trial> run = FailoverTrials.run(dc, fault, mode, guest, trials);
                    List<double[]> points = new ArrayList<>();
                    List<Long> unserved = new ArrayList<>();
                    for (FailoverTrials.Trial t : run) {
                        points.add(new double[] {t.n(), t.unservedMillis()});
                        unserved.add(t.unservedMillis());
                        failed += t.ok() ? 0 : 1;
                    }
                    Collections.sort(unserved);
                    lines.add(new Charts.Line((guest.equals("kv") ? "" : guest + " ") + fault + " / " + mode, points));
                    summary.add(String.format(Locale.ROOT, "%-6s %-10s %-11s %6d %8d %8d %8d %6d %6d", guest, fault, mode, run.size(), unserved.get(0), unserved.get(unserved.size() / 2),
                            unserved.get(unserved.size() - 1), run.stream().mapToInt(FailoverTrials.Trial::lost).sum(),
                            run.stream().filter(t -> t.liveHosts() == 1 && t.addressHolders() == 1).count()));
                }
            }
            }
        } finally {
            io.lockstep.cli.Main.run("down", "--dc", dc.toString());
        }
        System.out.println();
        System.out.println("guest  fault      mode        trials  min ms   p50 ms   max ms   lost  one live");
        summary.forEach(System.out::println);
        List<double[]> bound = List.of(new double[] {1, 3000}, new double[] {trials, 3000});
        Files.createDirectories(chart.toAbsolutePath().getParent());
        lines.add(new Charts.Line("T + 1 s (the target)", bound));
        Charts.png(chart, "Failover: how long a redis-cli client went unserved", "trial", "unserved (ms)", lines, null, null);
        System.out.println("chart: " + chart + (failed == 0 ? "" : "; " + failed + " trials FAILED a check"));
        return failed == 0 ? 0 : 1;
    }
}
