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
        r.append('\n').append(ConsoleAtScale.describe(quiet)).append(ConsoleAtScale.describe(streamed)).append(ConsoleAtScale.describe(found));
        Path dir = Path.of(System.getProperty("lockstep.screenshots", "target/screenshots")).getParent();
        Path freezes = dir.resolve("console-bench-freezes.txt");
        StringBuilder typed = new StringBuilder();
        for (ConsoleAtScale.Typing t : typing) {
            for (String f : t.freeze().freezes()) {
                typed.append("find ").append(t.view()).append(" `").append(t.query()).append("`: ").append(f);
            }
        }
        Files.writeString(freezes, ConsoleAtScale.freezes(quiet) + ConsoleAtScale.freezes(streamed) + ConsoleAtScale.freezes(found) + typed);
        r.append("\nwhere the UI thread was when a ping waited over 100 ms: ").append(freezes).append('\n');
        System.out.print(r);
        Files.writeString(dir.resolve("console-bench.txt"), r);
        bot.screenshot("bench-console-10000-vms");
    }

    private static String row(String what, Object quiet, Object streamed, Object found) {
        return String.format("| %s | %s | %s | %s |%n", what, quiet, streamed, found);
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
