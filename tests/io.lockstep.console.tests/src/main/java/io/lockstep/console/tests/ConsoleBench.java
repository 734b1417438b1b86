package io.lockstep.console.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.lockstep.console.live.FreezeMonitor;
import io.lockstep.console.live.UiTimes;
import io.lockstep.console.tests.bots.WorkbenchBot;

/**
 * {@code ./lockstep bench console}: the console's responsiveness on 1,000 hosts and 10,000 VMs, quiet and under the
 * agents' streams (10 events/s, a picture of the whole datacenter every second), side by side in one run — the same
 * console, the same datacenter, the same operator switching views; only the stream differs. Prints how long the UI
 * thread made a ping wait (every 20 ms) and the console's own UI-thread work per kind, and writes them to
 * {@code target/console-bench.txt}. Then find (issue 26): queries typed key by key into the inventory's and the Leases
 * table's find boxes, each keystroke timed until applied and drawn; and a third phase, streamed with a query applied. Not a test (its name does not end in Test): the launcher runs it by name.
 * {@code -Dlockstep.bench.seconds=N} sets each phase's length (default 20).
 */
class ConsoleBench extends ConsoleAtScale.Harness {

    @Test
    void quietAndStreamedSideBySide() throws Exception {
        int seconds = Integer.getInteger("lockstep.bench.seconds", 20);
        WorkbenchBot bot = new WorkbenchBot();
        console = new ConsoleAtScale(bot);
        ConsoleAtScale.Phase quiet = console.run("quiet", seconds, false);
        ConsoleAtScale.Phase streamed = console.run("streamed", seconds, true);
        console.live.uiTimes().reset();
        List<ConsoleAtScale.Typing> typing = console.typeQueries();
        Map<String, UiTimes.Figures> findWork = console.live.uiTimes().figures();
        // streamed again with a query applied in the inventory and the Leases table: "vm" keeps every VM and lock shown
        // (the operator's selections stay possible) while each change is passed through the query
        console.inventory.findBar().set("vm");
        bot.showView(io.lockstep.console.views.LeasesView.ID, io.lockstep.console.views.LeasesView.class).findBar().set("vm");
        ConsoleAtScale.Phase found = console.run("streamed, find 'vm' applied", seconds, true);
        String history = history(bot, seconds, streamed); // issue 26: history streaming in, chart drawing, the agent's appends

        StringBuilder r = new StringBuilder();
        r.append(String.format("bench console: %d hosts, %d VMs, %d FT pairs in every live view; each phase %d s, the operator switching views%n%n",
                ConsoleAtScale.HOSTS, ConsoleAtScale.VMS, console.model.getFtPairs().size(), seconds));
        r.append(String.format("opening every view: %.0f ms; %s%n%n", console.openMillis, console.opening.figures()));
        r.append("| UI thread, pinged every 20 ms | quiet | streamed (10 events/s, a picture/s) | streamed, find 'vm' applied |\n|---|---|---|---|\n");
        r.append(row("pings answered", quiet.freeze().pings(), streamed.freeze().pings(), found.freeze().pings()));
        r.append(String.format("| wait p50 / p99 / max | %s | %s | %s |%n", waits(quiet), waits(streamed), waits(found)));
        r.append(row("waits over 100 ms", quiet.freeze().over100(), streamed.freeze().over100(), found.freeze().over100()));
        r.append(row("events / pictures fed", quiet.events() + " / " + quiet.pictures(), streamed.events() + " / " + streamed.pictures(),
                found.events() + " / " + found.pictures()));
        r.append("\n| the console's own UI-thread work | quiet: count, p50, p99, max ms | streamed: count, p50, p99, max ms | streamed, find applied |\n"
                + "|---|---|---|---|\n");
        TreeSet<String> kinds = new TreeSet<>(quiet.work().keySet());
        kinds.addAll(streamed.work().keySet());
        kinds.addAll(found.work().keySet());
        for (String kind : kinds) {
            r.append(String.format("| %s | %s | %s | %s |%n", kind, work(quiet.work(), kind), work(streamed.work(), kind), work(found.work(), kind)));
        }
        r.append("\n| find: typed key by key (10 keys/s) | keystrokes | each keystroke until applied and drawn: p50 / p99 / max | "
                + "UI thread's longest wait | shown after |\n|---|---|---|---|---|\n");
        for (ConsoleAtScale.Typing t : typing) {
            r.append(String.format("| %s: `%s` | %d | %.1f / %.1f / %.1f ms | %d ms | %s |%n", t.view(), t.query(), t.keystrokeMillis().size(),
                    t.percentile(0.5), t.percentile(0.99), t.percentile(1.0), t.freeze().longestMillis(), t.shown()));
        }
        for (String kind : new TreeSet<>(findWork.keySet())) {
            if (kind.startsWith("find ")) {
                r.append(String.format("%nUI-thread work per applied query, %s: %s", kind, work(findWork, kind)));
            }
        }
        r.append('\n').append(history);
        r.append('\n').append(ConsoleAtScale.describe(quiet)).append(ConsoleAtScale.describe(streamed)).append(ConsoleAtScale.describe(found));
        Path dir = Path.of(System.getProperty("lockstep.screenshots", "target/screenshots")).getParent();
        Path freezes = dir.resolve("console-bench-freezes.txt");
        StringBuilder typed = new StringBuilder();
        for (ConsoleAtScale.Typing t : typing) {
            for (String f : t.freeze().freezes()) {
                typed.append("find ").append(t.view()).append(" `").append(t.query()).append("`: ").append(f);
            }
        }
        Files.writeString(freezes, ConsoleAtScale.freezes(quiet) + ConsoleAtScale.freezes(streamed) + ConsoleAtScale.freezes(found) + typed
                + (historyPhase == null ? "" : ConsoleAtScale.freezes(historyPhase)));
        r.append("\nwhere the UI thread was when a ping waited over 100 ms: ").append(freezes).append('\n');
        System.out.print(r);
        Files.writeString(dir.resolve("console-bench.txt"), r);
        bot.screenshot("bench-console-10000-vms");
    }

    private static String row(String what, Object quiet, Object streamed, Object found) {
        return String.format("| %s | %s | %s | %s |%n", what, quiet, streamed, found);
    }

    /**
     * History (issue 26): the streamed phase again with the History view asked for another VM's month, week, day or hour
     * every 500 ms (from a peer serving the agent's files over HTTPS); a month's chart drawn off the UI thread; and the
     * agent's cost of appending a sample for 10,000 VMs ({@code -Dlockstep.bench.history.vms}, and
     * {@code -Dlockstep.bench.history.datastoreVms} on the datastore's file system).
     */
    private ConsoleAtScale.Phase historyPhase;

    private String history(WorkbenchBot bot, int seconds, ConsoleAtScale.Phase streamed) throws Exception {
        StringBuilder r = new StringBuilder("## History (issue 26)\n\n");
        try (HistoryAtScale h = new HistoryAtScale(bot)) {
            List<Double> month = h.monthDrawings(20, 1000, 400);
            h.start();
            ConsoleAtScale.Phase withHistory = console.run("streamed + history", seconds, true);
            historyPhase = withHistory;
            h.stop();
            bot.spin(1000);
            List<Long> draws = h.view.drawTimes();
            r.append(String.format("a month of one VM: %,d B of JSON (7 series × avg/min/max × 8,641 rows of 5 min); a file filled with a month of "
                    + "10-s samples in %.0f ms%n%n", h.monthJsonBytes(), h.fillMillis));
            r.append(String.format("chart of a month (8,641 rows, avg/min/max) drawn at 1000×400 off the UI thread: p50 %.1f ms, max %.1f ms (20 drawings)%n%n",
                    HistoryAtScale.percentile(month, 50), month.get(month.size() - 1)));
            r.append("| UI thread, pinged every 20 ms | streamed | streamed + history (a month/week/day/hour every 500 ms) |\n|---|---|---|\n");
            r.append(row("pings answered", streamed.freeze().pings(), withHistory.freeze().pings()));
            r.append(String.format("| wait p50 / p99 / max | %s | %s |%n", waits(streamed), waits(withHistory)));
            r.append(row("waits over 100 ms", streamed.freeze().over100(), withHistory.freeze().over100()));
            r.append(row("history asked / charts shown", "—", h.asked.get() + " / " + draws.size()));
            r.append(row("history image (the UI thread's part of a chart)", "—", work(withHistory.work(), "history image")));
            r.append(String.format("| charts drawn off the UI thread, p50 / max | — | %.0f / %.0f ms |%n", HistoryAtScale.percentile(draws, 50),
                    draws.stream().mapToDouble(Long::doubleValue).max().orElse(Double.NaN)));
            r.append('\n').append(ConsoleAtScale.describe(withHistory));
        }
        int vms = Integer.getInteger("lockstep.bench.history.vms", 10_000);
        int dsVms = Integer.getInteger("lockstep.bench.history.datastoreVms", 1_000);
        int steps = 6;
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        HistoryAppendBench.Result plain = HistoryAppendBench.plain(tmp.resolve("lockstep-history-bench-plain-" + ProcessHandle.current().pid()), vms, steps);
        HistoryAppendBench.Result ds = HistoryAppendBench.datastore(tmp.resolve("lockstep-history-bench-ds-" + ProcessHandle.current().pid()), dsVms, steps);
        r.append("\nthe agent appending a sample a second per VM (a row and a state slot written per VM every 10-s step), standard layout:\n\n");
        r.append(String.format(HistoryAppendBench.HEADER, steps)).append(plain.row()).append('\n').append(ds.row()).append('\n');
        return r.toString();
    }

    private static String row(String what, Object quiet, Object streamed) {
        return String.format("| %s | %s | %s |%n", what, quiet, streamed);
    }

    private static String waits(ConsoleAtScale.Phase p) {
        FreezeMonitor.Waits w = p.freeze().waits();
        return String.format("%.1f / %.1f / %.1f ms", w.p50Millis(), w.p99Millis(), w.maxMillis());
    }

    private static String work(Map<String, UiTimes.Figures> work, String kind) {
        UiTimes.Figures f = work.get(kind);
        return f == null ? "—" : String.format("%d, %.1f, %.1f, %.1f (%d over 100 ms)", f.count(), f.p50(), f.p99(), f.max(), f.over100());
    }
}
