package io.lockstep.console.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lockstep.console.live.FreezeMonitor;
import io.lockstep.console.live.Live;
import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.console.live.UiTimes;
import io.lockstep.console.tests.bots.WorkbenchBot;
import io.lockstep.console.views.AlarmsView;
import io.lockstep.console.views.CheckpointsView;
import io.lockstep.console.views.FtView;
import io.lockstep.console.views.InventoryView;
import io.lockstep.console.views.LeasesView;
import io.lockstep.console.views.ReservationsView;
import io.lockstep.console.views.TasksView;
import io.lockstep.model.Datacenter;
import io.lockstep.model.VirtualMachine;
import io.lockstep.model.io.Samples;

/**
 * The console on a large generated datacenter (1,000 hosts, 10,000 VMs: 20,000 disks and locks, 1,000 FT pairs) open in
 * every live view, and an operator who looks around: every 2 s another view comes to the front, the inventory selects a
 * VM now and then. A phase runs quiet, or with what the agents' streams and snapshots bring — 10 events a second (FT
 * statistics, task progress, power changes, alarms) and a new picture of the whole datacenter every second, merged as
 * the console merges them. A freeze monitor pings the UI thread every 20 ms from outside and measures each ping's wait;
 * the console's own UI-thread work is timed per kind. {@link ResponsivenessUITest} checks what must arrive does;
 * {@link ConsoleBench} compares the phases' figures side by side.
 */
final class ConsoleAtScale implements AutoCloseable {

    static final int HOSTS = 1000;
    static final int VMS = 10_000;
    static final int EVENTS_PER_SECOND = 10;
    static final String[] VIEWS = {InventoryView.ID, LeasesView.ID, ReservationsView.ID, TasksView.ID, AlarmsView.ID, FtView.ID, CheckpointsView.ID};

    /** What one phase measured: the freeze monitor's pings, the console's own work per kind, what was fed. */
    record Phase(String name, int seconds, FreezeMonitor freeze, Map<String, UiTimes.Figures> work, int events, int pictures, int lastTick) {
    }

    /** A test or benchmark on the console at scale: the scenario it makes is closed after it, whatever happened. */
    abstract static class Harness {
        ConsoleAtScale console;

        @org.junit.jupiter.api.AfterEach
        void closeConsole() throws InterruptedException {
            if (console != null) {
                console.close();
            }
        }
    }

    final WorkbenchBot bot;
    final Datacenter model;
    final LiveDatacenter live;
    final InventoryView inventory;
    final double openMillis;
    final FreezeMonitor opening;
    private final List<Thread> feeders = new ArrayList<>();
    private volatile boolean feeding;

    /** Generates the datacenter and opens every live view on it (the opening is measured apart). */
    ConsoleAtScale(WorkbenchBot bot) {
        this.bot = bot;
        bot.waitUntil("the workbench window is open", () -> bot.shell().isVisible());
        long t0 = System.nanoTime();
        model = Samples.busy(HOSTS, VMS, 0);
        System.out.printf("console at scale: generated %d hosts, %d VMs, %d FT pairs in %.0f ms%n", model.getHosts().size(), model.getVms().size(),
                model.getFtPairs().size(), (System.nanoTime() - t0) / 1e6);
        live = new LiveDatacenter(bot.display(), model);
        opening = new FreezeMonitor(bot.display(), 20);
        long open = System.nanoTime();
        Live.set(live);
        for (String id : VIEWS) {
            bot.showView(id, org.eclipse.ui.IViewPart.class);
        }
        openMillis = (System.nanoTime() - open) / 1e6;
        bot.spin(500);
        opening.close();
        inventory = bot.showView(InventoryView.ID, InventoryView.class);
        bot.waitUntil("the inventory shows the datacenter's hosts", () -> inventory.viewer().getTree().getItemCount() == 1
                && inventory.viewer().getTree().getItem(0).getItemCount() >= HOSTS);
    }

    private static ObjectNode event(long id, String type, String subject) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("id", id).put("time", System.currentTimeMillis()).put("type", type).put("subject", subject).put("agent", "host-" + (id % HOSTS));
        return e;
    }

    /** The i-th streamed event: FT statistics (2 in 5), a checkpoint task's progress, a power change, an alarm. */
    private static ObjectNode streamed(long id, int i) {
        ObjectNode e;
        switch (i % 5) {
            case 0, 1 -> { // FT statistics of a protected VM (every tenth VM is a primary)
                e = event(id, "ft.stats", "vm" + 10 * (i % (VMS / 10)));
                e.putObject("data").put("epochs", 40L * i).put("pageBytes", 4096L * 40 * i).put("lagMillis", 5 + i % 7)
                        .put("cpuShare", 1.0).put("epochRate", 39.5).put("pauseP50Micros", 120).put("pauseP99Micros", 480);
            }
            case 2 -> {
                e = event(id, "task", "vm" + (i / 50));
                e.putObject("data").put("id", "t-" + (i / 50)).put("kind", "vm.checkpoint").put("subject", "vm" + (i / 50))
                        .put("state", "running").put("progress", (i % 50) / 50.0).put("message", "writing memory").put("cancellable", true);
            }
            case 3 -> {
                e = event(id, "vm.power", "vm" + (7 * i % VMS));
                e.putObject("data").put("powerState", i % 2 == 0 ? "poweredOff" : "poweredOn");
            }
            default -> {
                e = event(id, "alarm", "host-" + (i % HOSTS));
                e.putObject("data").put("id", "a-" + i).put("severity", "warning").put("subject", "host-" + (i % HOSTS))
                        .put("text", "heartbeat late").put("active", true);
            }
        }
        return e;
    }

    private void feeder(String name, Runnable loop) {
        Thread t = new Thread(loop, name);
        t.setDaemon(true);
        feeders.add(t);
        t.start();
    }

    /**
     * One phase of {@code seconds}: the operator looks around, and when {@code streamed}, events and pictures come in.
     * Ends when the last picture sent is merged (waited for, at most 60 s).
     */
    Phase run(String name, int seconds, boolean streamed) throws InterruptedException {
        live.uiTimes().reset();
        AtomicLong ids = new AtomicLong(1);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger pictures = new AtomicInteger();
        AtomicInteger lastTick = new AtomicInteger();
        FreezeMonitor freeze = new FreezeMonitor(bot.display(), 20);
        if (streamed) {
            feeding = true;
            feeder("console-at-scale-events", () -> {
                long next = System.nanoTime();
                for (int i = 0; feeding; i++) {
                    live.accept(streamed(ids.getAndIncrement(), i));
                    sent.incrementAndGet();
                    next += 1_000_000_000L / EVENTS_PER_SECOND;
                    sleepUntil(next);
                }
            });
            feeder("console-at-scale-pictures", () -> {
                long next = System.nanoTime();
                for (int tick = 1; feeding; tick++) {
                    live.offer(Samples.busy(HOSTS, VMS, tick)); // made off the UI thread, as the agents' pictures are read
                    lastTick.set(tick);
                    pictures.incrementAndGet();
                    next += 1_000_000_000L;
                    sleepUntil(next);
                }
            });
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int v = 0; System.nanoTime() < end; v++) {
            bot.showView(VIEWS[v % VIEWS.length], org.eclipse.ui.IViewPart.class);
            if (v % VIEWS.length == 0) {
                VirtualMachine vm = model.getVms().get((v + 1) * 13 % VMS);
                inventory.select(List.of(vm));
                if (inventory.viewer().getStructuredSelection().getFirstElement() != vm) {
                    throw new AssertionError("the inventory did not select " + vm.getName());
                }
            }
            bot.spin(2000);
        }
        stopFeeding();
        if (streamed) {
            int tick = lastTick.get();
            long heartbeatAge = Samples.busy(HOSTS, VMS, tick).getDatastores().get(0).getLeases().get(0).getHeartbeatAgeMillis();
            bot.waitUntil("the last picture (tick " + tick + ") is merged", () -> model.getDatastores().get(0).getLeases().get(0)
                    .getHeartbeatAgeMillis() == heartbeatAge, java.time.Duration.ofSeconds(60));
        }
        freeze.close();
        return new Phase(name, seconds, freeze, live.uiTimes().figures(), sent.get(), pictures.get(), lastTick.get());
    }

    private void stopFeeding() throws InterruptedException {
        feeding = false;
        for (Thread t : feeders) {
            t.join(10_000);
        }
        feeders.clear();
    }

    /** What typing one query into a view's find box measured: each keystroke's wait until applied and drawn, the UI thread's pings. */
    record Typing(String view, String query, List<Double> keystrokeMillis, FreezeMonitor freeze, String shown) {
        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(keystrokeMillis);
            java.util.Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    /**
     * The operator types {@code query} into {@code view}'s find box, key by key through the window system at about ten
     * keys a second; each keystroke is timed from its posting until the view applied the text typed so far and drew
     * it. A freeze monitor pings the UI thread meanwhile. The box is emptied afterwards.
     */
    Typing type(io.lockstep.console.views.LiveView view, String query) {
        bot.page().activate(view);
        io.lockstep.console.views.FindBar bar = view.findBar();
        bar.set("");
        bot.focus(bar.text());
        bot.spin(300);
        org.eclipse.swt.widgets.Display d = bot.display();
        org.eclipse.swt.widgets.Control drawn = view instanceof InventoryView inv ? inv.viewer().getControl()
                : view instanceof LeasesView lv ? lv.viewer().getControl() : bar.text();
        List<Double> ms = new ArrayList<>();
        FreezeMonitor freeze = new FreezeMonitor(d, 20);
        for (int i = 0; i < query.length(); i++) {
            String typed = query.substring(0, i + 1);
            long t0 = System.nanoTime();
            for (int type : new int[] {org.eclipse.swt.SWT.KeyDown, org.eclipse.swt.SWT.KeyUp}) {
                org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
                e.type = type;
                e.character = query.charAt(i);
                if (!d.post(e)) {
                    throw new AssertionError("the window system refused a posted key ('" + query.charAt(i) + "')");
                }
            }
            long give = System.nanoTime() + 30_000_000_000L;
            while (!(bar.text().getText().equals(typed) && !bar.pending())) {
                if (System.nanoTime() > give) {
                    throw new AssertionError("'" + typed + "' was not applied in 30 s (the box says '" + bar.text().getText() + "')");
                }
                if (!d.readAndDispatch()) {
                    Thread.onSpinWait();
                }
            }
            drawn.update(); // the paint of what changed (the virtual items on screen asked for and labelled)
            ms.add((System.nanoTime() - t0) / 1e6);
            bot.spin(100);
        }
        freeze.close();
        String shown;
        if (view instanceof InventoryView inv) {
            org.eclipse.swt.widgets.Tree t = inv.viewer().getTree();
            shown = (t.getItemCount() == 0 ? 0 : t.getItem(0).getItemCount()) + " top-level nodes";
        } else if (view instanceof LeasesView lv) {
            shown = lv.viewer().getTable().getItemCount() + " rows";
        } else {
            shown = "";
        }
        bar.set("");
        bot.spin(300);
        return new Typing(view.getClass().getSimpleName().replace("View", ""), query, ms, freeze, shown);
    }

    /** The queries the benchmark types: narrow and wide, in the inventory (10,000 VMs) and the Leases table (20,000 locks). */
    List<Typing> typeQueries() {
        List<Typing> out = new ArrayList<>();
        for (String q : new String[] {"vm4242", "state:off", "host:=host-40 role:primary", "-state:on alarm"}) {
            out.add(type(bot.showView(InventoryView.ID, InventoryView.class), q));
        }
        for (String q : new String[] {"vm4242/", "host:=host-42"}) {
            out.add(type(bot.showView(LeasesView.ID, LeasesView.class), q));
        }
        return out;
    }

    /** A phase's figures, as printed by the test and the benchmark. */
    static String describe(Phase p) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%s: %d s, %d events, %d pictures merged%n", p.name(), p.seconds(), p.events(), p.pictures()));
        b.append("  ").append(p.freeze().figures()).append('\n');
        for (UiTimes.Figures f : p.work().values()) {
            b.append("  ").append(f).append('\n');
        }
        return b.toString();
    }

    /** Where the UI thread was when a ping waited over 100 ms (its stack, sampled then). */
    static String freezes(Phase p) {
        StringBuilder b = new StringBuilder();
        for (String f : p.freeze().freezes()) {
            b.append(p.name()).append(": ").append(f);
        }
        return b.toString();
    }

    private static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopFeeding();
        Live.set(null);
    }
}
