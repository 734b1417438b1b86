package io.lockstep.console.live;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;

import io.lockstep.model.Host;
import io.lockstep.model.LockstepFactory;
import io.lockstep.model.PowerState;
import io.lockstep.model.Task;
import io.lockstep.model.TaskState;
import io.lockstep.model.VirtualMachine;

/**
 * Acting on many VMs from the console: a {@link BulkRun} whose items are rows of the tasks dock. Each VM gets a task
 * at once (queued); when the agent answers with a task of its own (checkpoint, protect) the row becomes that task, so
 * the agent's progress and cancel reach it and the dock shows one row per VM. Workers' changes are applied to the rows
 * on the UI thread in batches (one {@code asyncExec} at a time). At the end every watcher is told the run (its
 * {@link BulkRun#summary() summary} names each VM that failed, in the agent's words).
 */
public final class BulkTasks {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final ConcurrentLinkedQueue<BulkRun.Item> DIRTY = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<BulkRun> ENDED = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean POSTED = new AtomicBoolean();
    private static final List<Consumer<BulkRun>> WATCHERS = new CopyOnWriteArrayList<>();
    /** UI thread only. */
    private static final Map<BulkRun.Item, Task> ROWS = new IdentityHashMap<>();
    private static final Map<Task, BulkRun.Item> ITEMS = new WeakHashMap<>();
    private static final List<BulkRun> RUNS = new ArrayList<>();
    private static BulkRun last;
    private static LiveDatacenter live;
    private static Display display;

    private BulkTasks() {
    }

    /**
     * Starts {@code operation} on {@code vms} (UI thread): chooses where to act, adds one queued task per VM to the
     * dock and returns; the calls run on the run's own threads. A start of a VM that runs nowhere goes to the
     * least-loaded host, a protect's backup to the least-loaded other host (both said in the task's message).
     */
    public static BulkRun start(LiveDatacenter l, VmOperation operation, List<VirtualMachine> vms, int concurrency, long checkpointRateMiBps) {
        if (live != l) {
            RUNS.forEach(BulkRun::stop);
            RUNS.clear();
            ROWS.clear();
            live = l;
        }
        display = Display.getCurrent();
        if (display == null) {
            throw new IllegalStateException("bulk actions start on the UI thread");
        }
        HostLoad load = new HostLoad(l.model(), l.agentHosts());
        List<BulkRun.Target> targets = new ArrayList<>();
        for (VirtualMachine vm : vms) {
            targets.add(target(operation, vm, load));
        }
        BulkRun run = new BulkRun(operation, targets, concurrency, checkpointRateMiBps, l::client, BulkTasks::changed, r -> {
            ENDED.add(r);
            post();
        });
        List<Task> rows = new ArrayList<>();
        for (BulkRun.Item i : run.items()) {
            Task t = LockstepFactory.eINSTANCE.createTask();
            t.setId("console-" + SEQUENCE.incrementAndGet());
            t.setKind(operation.kind());
            t.setSubject(i.target().vm());
            t.setState(TaskState.RUNNING);
            t.setMessage(i.message());
            t.setCancellable(true);
            ROWS.put(i, t);
            ITEMS.put(t, i);
            rows.add(t);
        }
        l.model().getTasks().addAll(0, rows);
        RUNS.add(run);
        l.notifyChanged();
        run.start();
        return run;
    }

    private static BulkRun.Target target(VmOperation op, VirtualMachine vm, HostLoad load) {
        Host on = vm.getCurrentHost();
        String host = on == null ? null : on.getName();
        if (op == VmOperation.START && (on == null || vm.getPowerState() == PowerState.POWERED_OFF)) {
            Host h = load.choose(null);
            return h == null ? new BulkRun.Target(vm.getName(), null, null, null, null)
                    : new BulkRun.Target(vm.getName(), h.getName(), null, "on " + h.getName() + ", " + load.why(h, false), null);
        }
        if (op == VmOperation.PROTECT) {
            Host b = load.choose(on);
            if (b == null) {
                return new BulkRun.Target(vm.getName(), host, null, null, "no host to hold the backup of " + vm.getName()
                        + ": expected another host that heartbeats and whose agent the console reaches, found none");
            }
            return new BulkRun.Target(vm.getName(), host, b.getName(), "backup on " + b.getName() + ", " + load.why(b, true), null);
        }
        return BulkRun.Target.of(vm.getName(), host);
    }

    /** Told (UI thread) of every run that ended, after its rows show how it ended. */
    public static void watch(Consumer<BulkRun> w) {
        WATCHERS.add(w);
    }

    public static void unwatch(Consumer<BulkRun> w) {
        WATCHERS.remove(w);
    }

    /** The last run started (UI thread), or null. */
    public static BulkRun lastRun() {
        return RUNS.isEmpty() ? last : RUNS.get(RUNS.size() - 1);
    }

    /** The item behind a row of the tasks dock, or null for a task the console did not start. */
    public static BulkRun.Item item(Task row) {
        return ITEMS.get(row);
    }

    /** The row of an item (UI thread), or null once its run ended. */
    public static Task row(BulkRun.Item item) {
        return ROWS.get(item);
    }

    /**
     * Cancels the tasks selected in the dock (UI thread): an item of a run through its run (a queued one at once, an
     * agent's task through the agent that runs it); any other task through the agent that runs it (its id starts with
     * that host's name). What cannot be cancelled is said to {@code onError}.
     */
    public static void cancel(LiveDatacenter l, List<Task> tasks, Consumer<String> onError) {
        for (Task t : tasks) {
            BulkRun.Item i = ITEMS.get(t);
            if (i != null) {
                if (!i.cancel() && !i.state().ended()) {
                    onError.accept(t.getKind() + " " + t.getSubject() + " cannot be cancelled now: the agent was already asked and answers shortly");
                }
                changed(i);
            } else if (t.isCancellable()) {
                String id = t.getId();
                int dash = id.lastIndexOf('-');
                String host = dash > 0 ? id.substring(0, dash) : null;
                l.run("cancel " + id, () -> l.client(host).post("/v1/tasks/" + id + "/cancel", null), onError);
            } else {
                onError.accept("task " + t.getId() + " (" + t.getKind() + " " + t.getSubject() + ") is " + t.getState().getLiteral()
                        + ": only a running, cancellable task can be cancelled");
            }
        }
    }

    private static void changed(BulkRun.Item item) {
        DIRTY.add(item);
        post();
    }

    private static void post() {
        Display d = display;
        if (d != null && !d.isDisposed() && POSTED.compareAndSet(false, true)) {
            d.asyncExec(BulkTasks::flush);
        }
    }

    /** Applies the workers' changes to the rows (UI thread), then tells the watchers of runs that ended. */
    private static void flush() {
        POSTED.set(false);
        LiveDatacenter l = live;
        if (l == null) {
            DIRTY.clear();
            ENDED.clear();
            return;
        }
        boolean any = false;
        for (BulkRun.Item i; (i = DIRTY.poll()) != null;) {
            Task row = ROWS.get(i);
            if (row == null) {
                continue;
            }
            any = true;
            String agentTask = i.taskId();
            if (agentTask != null && !agentTask.equals(row.getId())) {
                // the row becomes the agent's task: a row the stream made for it first goes
                l.model().getTasks().removeIf(t -> t != row && agentTask.equals(t.getId()));
                row.setId(agentTask);
            }
            BulkRun.State s = i.state();
            row.setState(switch (s) {
                case SUCCEEDED -> TaskState.SUCCEEDED;
                case FAILED -> TaskState.FAILED;
                case CANCELLED -> TaskState.CANCELLED;
                default -> TaskState.RUNNING;
            });
            row.setProgress(i.progress());
            row.setMessage(i.message());
            row.setCancellable(i.cancellable());
        }
        if (any) {
            l.notifyChanged();
        }
        for (BulkRun r; (r = ENDED.poll()) != null;) {
            for (BulkRun.Item i : r.items()) {
                ROWS.remove(i);
            }
            RUNS.remove(r);
            last = r;
            for (Consumer<BulkRun> w : WATCHERS) {
                w.accept(r);
            }
        }
    }
}
