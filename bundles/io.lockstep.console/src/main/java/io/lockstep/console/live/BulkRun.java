package io.lockstep.console.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.lockstep.agent.api.TaskView;
import io.lockstep.agent.client.AgentClient;

/**
 * One operation on many VMs: one item per VM, run on threads of its own (never the UI thread), at most
 * {@code concurrency} at a time — a long operation (checkpoint, protect) holds its place until the agent's task ended,
 * so a hundred checkpoints do not all write at once. Each item is queued, running, then succeeded, failed (with the
 * agent's own words) or cancelled; every change is told to {@code changed} (from the worker threads), the end of the
 * last item to {@code finished}, once.
 */
public final class BulkRun {

    /** The concurrency when none is given: {@code -Dlockstep.console.bulkConcurrency}, else 4. */
    public static int defaultConcurrency() {
        return Math.max(1, Integer.getInteger("lockstep.console.bulkConcurrency", 4));
    }

    /** How often the agent's task is read while it runs. */
    static final long POLL_MILLIS = 200;

    /**
     * One VM to act on: the host whose agent is called (null: any agent), the backup host chosen for a protect,
     * what the console chose and why ({@code note}, said in the task's message), or why it cannot be done at all
     * ({@code refusal}: the item fails with it without calling an agent).
     */
    public record Target(String vm, String host, String backup, String note, String refusal) {
        public static Target of(String vm, String host) {
            return new Target(vm, host, null, null, null);
        }
    }

    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public boolean ended() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    /** A call to the agent on a host (null: any agent). */
    @FunctionalInterface
    public interface Agents {
        AgentClient agent(String host) throws IOException;
    }

    /** One VM's part of the run. */
    public final class Item {
        private final Target target;
        private State state = State.QUEUED;
        private double progress;
        private String message;
        private String taskId;
        private boolean cancellable = true;
        private volatile boolean cancelAsked;

        Item(Target target) {
            this.target = target;
            this.message = "queued (" + concurrency + " at a time)" + (target.note() == null ? "" : "; " + target.note());
        }

        public Target target() {
            return target;
        }

        public synchronized State state() {
            return state;
        }

        public synchronized double progress() {
            return progress;
        }

        public synchronized String message() {
            return message;
        }

        /** The agent's task that does it (checkpoint, protect), once the agent answered; else null. */
        public synchronized String taskId() {
            return taskId;
        }

        public synchronized boolean cancellable() {
            return cancellable && !state.ended();
        }

        public BulkRun run() {
            return BulkRun.this;
        }

        /**
         * Cancels it: a queued item at once (no agent is called); a running agent task through the agent that runs
         * it; a short call already sent cannot be taken back (said, and false returned).
         */
        public boolean cancel() {
            boolean queued;
            synchronized (this) {
                if (state.ended() || !cancellable) {
                    return false;
                }
                cancelAsked = true;
                queued = state == State.QUEUED;
                if (!queued) {
                    message = "cancelling…";
                }
            }
            if (queued) {
                end(State.CANCELLED, "cancelled by the operator before it started");
            } else {
                changed.accept(this);
            }
            return true;
        }

        /** Queued → running, unless it was cancelled meanwhile. */
        private boolean begin(String m) {
            synchronized (this) {
                if (cancelAsked || state != State.QUEUED) {
                    return false;
                }
                state = State.RUNNING;
                message = m;
                cancellable = false;
            }
            changed.accept(this);
            return true;
        }

        private void set(State s, double p, String m, boolean canCancel) {
            synchronized (this) {
                if (state.ended()) {
                    return;
                }
                state = s;
                progress = p;
                message = m;
                cancellable = canCancel;
            }
            changed.accept(this);
        }

        /** Ends the item once (later ends are ignored); the last item to end tells {@code finished}. */
        private void end(State s, String m) {
            boolean last;
            synchronized (this) {
                if (state.ended()) {
                    return;
                }
                state = s;
                message = m;
                if (s == State.SUCCEEDED) {
                    progress = 1;
                }
                cancellable = false;
                last = remaining.decrementAndGet() == 0;
            }
            changed.accept(this);
            if (last) {
                finished.accept(BulkRun.this);
            }
        }

        private void work() {
            if (target.refusal() != null) {
                end(State.FAILED, target.refusal());
                return;
            }
            if (!begin(operation.title().toLowerCase(Locale.ROOT) + " " + target.vm() + (target.host() == null ? "" : " on " + target.host())
                    + (target.note() == null ? "" : "; " + target.note()))) {
                return;
            }
            try {
                AgentClient agent = agents.agent(target.host());
                TaskView t = operation.call(agent, target, checkpointRateMiBps);
                if (t == null) {
                    end(State.SUCCEEDED, target.vm() + " " + operation.done()
                            + (target.note() != null ? " — " + target.note() : target.host() == null ? "" : " on " + target.host()));
                    return;
                }
                synchronized (this) {
                    taskId = t.id();
                }
                follow(agent, t);
            } catch (IOException | RuntimeException e) {
                end(State.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }

        /** Follows the agent's task until it ends, asking the agent to cancel it when the operator did. */
        private void follow(AgentClient agent, TaskView t) throws IOException {
            boolean cancelSent = false;
            while (true) {
                State s = switch (t.state() == null ? "running" : t.state()) {
                    case "succeeded" -> State.SUCCEEDED;
                    case "failed" -> State.FAILED;
                    case "cancelled" -> State.CANCELLED;
                    default -> State.RUNNING;
                };
                String m = t.message() == null || t.message().isEmpty() ? operation.kind() + " " + target.vm() : t.message();
                if (s.ended()) {
                    synchronized (this) {
                        progress = t.progress();
                    }
                    end(s, s == State.SUCCEEDED && target.note() != null ? m + "; " + target.note() : m);
                    return;
                }
                set(State.RUNNING, t.progress(), cancelAsked ? "cancelling… (" + m + ")" : m, t.cancellable());
                if (cancelAsked && !cancelSent) {
                    cancelSent = true;
                    try {
                        agent.post("/v1/tasks/" + t.id() + "/cancel", null);
                    } catch (IOException e) {
                        set(State.RUNNING, t.progress(), "the cancel was refused: " + e.getMessage(), false);
                    }
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    end(State.FAILED, "the console stopped following task " + t.id() + " on the agent (it may still run there)");
                    return;
                }
                t = agent.get("/v1/tasks/" + t.id(), TaskView.class);
            }
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final VmOperation operation;
    private final List<Item> items = new ArrayList<>();
    private final int concurrency;
    private final Agents agents;
    private final Consumer<Item> changed;
    private final Consumer<BulkRun> finished;
    private final AtomicInteger remaining;
    private final long checkpointRateMiBps;
    private ExecutorService workers;

    /**
     * @param checkpointRateMiBps for {@link VmOperation#CHECKPOINT}: the memory write limit asked of the agent (0: none)
     */
    public BulkRun(VmOperation operation, List<Target> targets, int concurrency, long checkpointRateMiBps, Agents agents, Consumer<Item> changed,
            Consumer<BulkRun> finished) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(operation.title() + ": expected one or more VMs, found none selected");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency: expected 1 or more calls at a time, found " + concurrency);
        }
        this.operation = operation;
        this.concurrency = concurrency;
        this.checkpointRateMiBps = checkpointRateMiBps;
        this.agents = agents;
        this.changed = changed;
        this.finished = finished;
        for (Target t : targets) {
            items.add(new Item(t));
        }
        this.remaining = new AtomicInteger(items.size());
    }

    public VmOperation operation() {
        return operation;
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    public int concurrency() {
        return concurrency;
    }

    /** Starts the items in order, {@link #concurrency()} at a time; returns at once. */
    public void start() {
        int n = Math.min(concurrency, items.size());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "lockstep-bulk-" + operation.kind() + "-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        workers = pool;
        for (Item i : items) {
            pool.execute(i::work);
        }
        pool.shutdown();
    }

    /** Stops following the agents' tasks (the console closes): items still running end as failed, saying so. */
    public void stop() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    public boolean ended() {
        return remaining.get() == 0;
    }

    public long count(State s) {
        return items.stream().filter(i -> i.state() == s).count();
    }

    /**
     * What happened, for the message line: "Checkpoint of 3 VMs: 2 succeeded, 1 failed — vm3: vm3 is protected; …".
     * Each failure is named with the agent's words.
     */
    public String summary() {
        long ok = count(State.SUCCEEDED);
        long failed = count(State.FAILED);
        long cancelled = count(State.CANCELLED);
        long open = items.size() - ok - failed - cancelled;
        StringBuilder b = new StringBuilder(operation.title()).append(" of ").append(items.size()).append(items.size() == 1 ? " VM: " : " VMs: ")
                .append(ok).append(" succeeded");
        if (failed > 0) {
            b.append(", ").append(failed).append(" failed");
        }
        if (cancelled > 0) {
            b.append(", ").append(cancelled).append(" cancelled");
        }
        if (open > 0) {
            b.append(", ").append(open).append(" still running");
        }
        String sep = " — ";
        for (Item i : items) {
            if (i.state() == State.FAILED) {
                b.append(sep).append(i.target().vm()).append(": ").append(i.message());
                sep = "; ";
            }
        }
        return b.toString();
    }
}
