package io.lockstep.agent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import io.lockstep.agent.api.EventType;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The agent's event stream: every change (VM power, FT state and statistics, leases, tasks, alarms) as a
 * numbered event. The last {@value #KEPT} are kept so a client that reconnects with {@code Last-Event-ID} misses
 * nothing; each subscriber has a bounded queue, and one that falls {@value #QUEUE} events behind is dropped
 * (it reconnects and resumes) rather than slowing the agent.
 */
public final class Events {

    static final int KEPT = 4096;
    static final int QUEUE = 8192;

    /**
     * One event: its number, when (epoch milliseconds), its type's wire name ({@link EventType#wireName()}, e.g.
     * {@code vm.power}), what it is about, and details (the record {@link EventType#data()} names, or a small map).
     */
    public record Event(long id, long time, String type, String subject, Object data) {
    }

    /** A subscriber's queue; {@code overflowed} once it fell too far behind. */
    public static final class Subscription implements AutoCloseable {
        final BlockingQueue<Event> queue = new LinkedBlockingQueue<>(QUEUE);
        volatile boolean overflowed;
        private final Events events;

        Subscription(Events events) {
            this.events = events;
        }

        public Event next(long timeoutMillis) throws InterruptedException {
            return queue.poll(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        public boolean overflowed() {
            return overflowed;
        }

        @Override
        public void close() {
            events.subscribers.remove(this);
        }
    }

    private final ArrayDeque<Event> recent = new ArrayDeque<>();
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    private long next = 1;

    public Event publish(EventType type, String subject, Object data) {
        if (type.data() != null && !type.data().isInstance(data)) {
            throw new IllegalArgumentException(type.wireName() + " events carry a " + type.data().getSimpleName() + ", found " + data.getClass().getSimpleName());
        }
        Event e;
        synchronized (recent) {
            e = new Event(next++, System.currentTimeMillis(), type.wireName(), subject, data);
            recent.addLast(e);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
            for (Subscription s : subscribers) {
                if (!s.queue.offer(e)) {
                    s.overflowed = true;
                }
            }
        }
        return e;
    }

    /** Subscribes; the events after {@code afterId} that are still kept are queued first (in order, none twice). */
    public Subscription subscribe(long afterId) {
        Subscription s = new Subscription(this);
        synchronized (recent) {
            for (Event e : recent) {
                if (e.id() > afterId) {
                    s.queue.offer(e);
                }
            }
            subscribers.add(s);
        }
        return s;
    }

    public List<Event> recent(long afterId, int max) {
        List<Event> out = new ArrayList<>();
        synchronized (recent) {
            for (Event e : recent) {
                if (e.id() > afterId) {
                    out.add(e);
                }
            }
        }
        return out.size() > max ? out.subList(out.size() - max, out.size()) : out;
    }

    public long lastId() {
        synchronized (recent) {
            return next - 1;
        }
    }

    public int subscribers() {
        return subscribers.size();
    }
}
