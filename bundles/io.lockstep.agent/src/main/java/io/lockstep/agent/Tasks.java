package io.lockstep.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import io.lockstep.agent.api.EventType;
import io.lockstep.agent.api.TaskView;

/**
 * Every long operation (checkpoint, checkpoint delete, FT protect, test failover) is a task: it has a kind, a
 * subject, a state, a progress from 0 to 1, a message, and a cancel when the operation can stop part way. Each
 * change is published as a {@code task} event. The last 500 finished tasks are kept.
 */
public final class Tasks {

    public enum State {
        RUNNING, SUCCEEDED, FAILED, CANCELLED
    }

    public final class Task {
        final String id;
        final String kind;
        final String subject;
        final long started = System.currentTimeMillis();
        volatile long finished;
        volatile State state = State.RUNNING;
        volatile double progress;
        volatile String message = "";
        volatile Runnable onCancel;
        volatile Map<String, Object> result = Map.of();

        Task(String id, String kind, String subject) {
            this.id = id;
            this.kind = kind;
            this.subject = subject;
        }

        public String id() {
            return id;
        }

        public State state() {
            return state;
        }

        public Task cancellable(Runnable cancel) {
            this.onCancel = cancel;
            return this;
        }

        public void progress(double fraction, String text) {
            if (state != State.RUNNING) {
                return;
            }
            progress = Math.max(progress, Math.min(1.0, Math.max(0.0, fraction)));
            message = text;
            changed();
        }

        public void succeed(String text, Map<String, Object> outcome) {
            finish(State.SUCCEEDED, text, outcome);
        }

        public void fail(String text) {
            finish(State.FAILED, text, Map.of());
        }

        public void cancelled(String text) {
            finish(State.CANCELLED, text, Map.of());
        }

        private void finish(State s, String text, Map<String, Object> outcome) {
            synchronized (this) {
                if (state != State.RUNNING) {
                    return;
                }
                state = s;
                if (s == State.SUCCEEDED) {
                    progress = 1.0;
                }
                message = text;
                result = outcome;
                finished = System.currentTimeMillis();
            }
            changed();
            trim();
        }

        public synchronized TaskView view() {
            return new TaskView(id, kind, subject, state.name().toLowerCase(), Math.round(progress * 1000) / 1000.0, message,
                    onCancel != null && state == State.RUNNING, started, finished == 0 ? null : finished, result);
        }

        private void changed() {
            events.publish(EventType.TASK, subject, view());
        }
    }

    private final Events events;
    private final String host;
    private final AtomicLong next = new AtomicLong(1);
    private final Map<String, Task> tasks = new LinkedHashMap<>();

    public Tasks(Events events, String host) {
        this.events = events;
        this.host = host;
    }

    public Task start(String kind, String subject, String message) {
        Task t = new Task(host + "-" + next.getAndIncrement(), kind, subject);
        t.message = message;
        synchronized (tasks) {
            tasks.put(t.id, t);
        }
        t.changed();
        return t;
    }

    public Task get(String id) {
        synchronized (tasks) {
            Task t = tasks.get(id);
            if (t == null) {
                throw ApiException.notFound("no task '" + Names.printable(id) + "' on this host");
            }
            return t;
        }
    }

    public List<Task> list() {
        synchronized (tasks) {
            return new ArrayList<>(tasks.values());
        }
    }

    public Task cancel(String id) {
        Task t = get(id);
        if (t.state != State.RUNNING) {
            throw ApiException.conflict("task " + id + " is " + t.state.name().toLowerCase() + "; only a running task can be cancelled");
        }
        Runnable c = t.onCancel;
        if (c == null) {
            throw ApiException.conflict("task " + id + " (" + t.kind + ") cannot be cancelled part way: it finishes or fails as a whole");
        }
        t.message = "cancelling";
        c.run();
        return t;
    }

    private void trim() {
        synchronized (tasks) {
            long done = tasks.values().stream().filter(t -> t.state != State.RUNNING).count();
            var it = tasks.values().iterator();
            while (done > 500 && it.hasNext()) {
                if (it.next().state != State.RUNNING) {
                    it.remove();
                    done--;
                }
            }
        }
    }
}
