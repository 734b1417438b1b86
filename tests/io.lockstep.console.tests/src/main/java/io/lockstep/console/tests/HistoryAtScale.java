package io.lockstep.console.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.lockstep.agent.api.HistoryView;
import io.lockstep.agent.client.AgentClient;
import io.lockstep.agent.history.HistoryAnswers;
import io.lockstep.agent.history.HistoryFile;
import io.lockstep.agent.history.HistoryKind;
import io.lockstep.console.tests.bots.ConsolePeer;
import io.lockstep.console.tests.bots.HistoryFiles;
import io.lockstep.console.tests.bots.LocalDatacenter;
import io.lockstep.console.tests.bots.WorkbenchBot;
import io.lockstep.console.views.HistoryChart;
import io.lockstep.console.views.HistoryView.Range;
import io.lockstep.console.views.HistoryView.Subject;

/**
 * History streaming into the console at scale (issue 26): a local HTTPS peer serves a month of history (the agent's files
 * and answers) for a few of the generated VMs; while the console takes the agents' streams, the History view is asked
 * every {@value #EVERY_MILLIS} ms for another VM and range (a month, a week, a day, an hour: up to 8,641 rows of 7
 * series each, read over HTTPS, parsed and drawn off the UI thread). {@link ConsoleBench} measures the UI thread meanwhile.
 */
final class HistoryAtScale implements AutoCloseable {

    static final int EVERY_MILLIS = 500;
    static final String[] VMS = {"vm0", "vm10", "vm20"};
    static final Range[] RANGES = {Range.MONTH, Range.WEEK, Range.DAY, Range.HOUR};

    final WorkbenchBot bot;
    final Path dir;
    final ConsolePeer peer;
    final io.lockstep.console.views.HistoryView view;
    final double fillMillis;
    final AtomicInteger asked = new AtomicInteger();
    private volatile boolean running;

    HistoryAtScale(WorkbenchBot bot) throws Exception {
        this.bot = bot;
        dir = Files.createTempDirectory("hc-history-bench");
        peer = new ConsolePeer(dir, "host-0");
        HistoryFiles files = new HistoryFiles(dir);
        long t0 = System.nanoTime();
        for (String vm : VMS) {
            files.month(HistoryKind.VM, vm, 31);
        }
        fillMillis = (System.nanoTime() - t0) / 1e6 / VMS.length;
        files.serve(peer);
        view = bot.showView(io.lockstep.console.views.HistoryView.ID, io.lockstep.console.views.HistoryView.class);
        AgentClient client = AgentClient.operator(peer.url(), peer.fingerprint(), peer.token());
        view.source(() -> client);
    }

    /** Asks the view for another VM and range every {@value #EVERY_MILLIS} ms (on the UI thread, as an operator's clicks). */
    void start() {
        running = true;
        bot.display().timerExec(EVERY_MILLIS, new Runnable() {
            @Override
            public void run() {
                if (!running || view.canvas().isDisposed()) {
                    return;
                }
                int i = asked.getAndIncrement();
                view.show(new Subject("vm", VMS[i % VMS.length]), RANGES[i % RANGES.length], null);
                bot.display().timerExec(EVERY_MILLIS, this);
            }
        });
    }

    void stop() {
        running = false;
    }

    /** Draws a month of one series (5-min rows) {@code times} at {@code w}×{@code h} on this thread: each drawing's ms, sorted. */
    List<Double> monthDrawings(int times, int w, int h) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        HistoryFile.Series s = HistoryFile.read(dir.resolve("vms-vm0.lshist"), now - 30 * 86_400L, now, 0);
        HistoryView month = HistoryAnswers.view(s, HistoryKind.VM.metricNames(), List.of(10, 300));
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < times + 2; i++) {
            long t = System.nanoTime();
            HistoryChart.draw("VM vm0", month.series().get(i % month.series().size()), month.from(), month.stepSeconds(), w, h);
            if (i >= 2) { // the first two warm the JIT
                out.add((System.nanoTime() - t) / 1e6);
            }
        }
        Collections.sort(out);
        return out;
    }

    /** The JSON of a month of every series of a VM, as the agent sends it. */
    int monthJsonBytes() throws Exception {
        long now = System.currentTimeMillis();
        return AgentClient.operator(peer.url(), peer.fingerprint(), peer.token())
                .send("GET", "/v1/history/vm/vm0?from=" + (now - 30 * 86_400_000L) + "&to=" + now, new byte[0], java.util.Map.of()).body().length();
    }

    static double percentile(List<? extends Number> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        List<Double> d = sorted.stream().map(Number::doubleValue).sorted().toList();
        return d.get(Math.min(d.size() - 1, (int) Math.ceil(p / 100 * d.size()) - 1 < 0 ? 0 : (int) Math.ceil(p / 100 * d.size()) - 1));
    }

    @Override
    public void close() {
        stop();
        peer.close();
        LocalDatacenter.deleteTree(dir);
    }
}
