package io.lockstep.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import io.lockstep.cluster.records.HeartbeatRecord;

/**
 * What this host has seen of other hosts' heartbeats, on its own monotonic clock: for each slot, the last
 * (generation, counter, state) and since when it has been unchanged. A host is dead to this observer once its
 * counter has stood still for the lease timeout <em>as this observer saw it</em>; no clocks are compared.
 */
final class LivenessMonitor {

    record Seen(long generation, long counter, HeartbeatRecord.State state, long sinceNanos) {
    }

    private final Map<Integer, Seen> seen = new HashMap<>();

    synchronized void observe(HeartbeatRecord r) {
        long now = System.nanoTime();
        Seen last = seen.get(r.slot());
        if (last == null || last.generation != r.generation() || last.counter != r.counter() || last.state != r.state()) {
            seen.put(r.slot(), new Seen(r.generation(), r.counter(), r.state(), now));
        }
    }

    /** How long the slot has looked the same to this observer; zero when never observed. */
    synchronized Duration unchangedFor(int slot) {
        Seen s = seen.get(slot);
        return s == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - s.sinceNanos);
    }

    /** Has the live holder of {@code slot} at {@code generation} not renewed for {@code timeout}, as seen here? */
    synchronized boolean expired(int slot, long generation, Duration timeout) {
        Seen s = seen.get(slot);
        return s != null && s.generation == generation && s.state == HeartbeatRecord.State.LIVE
                && System.nanoTime() - s.sinceNanos >= timeout.toNanos();
    }
}
