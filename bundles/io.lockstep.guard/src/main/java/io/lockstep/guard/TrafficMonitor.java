package io.lockstep.guard;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.Set;

import io.lockstep.vm.NetForwarder;

/**
 * Counts one VM's NIC traffic in 100 ms buckets (the last 10 s): segments and bytes received, connections opened
 * and closed (and closed having sent nothing), distinct source addresses. Thread-safe; cheap on the data path
 * (a few additions under a lock per event).
 */
public final class TrafficMonitor implements NetForwarder.TrafficListener {

    static final int BUCKET_MILLIS = 100;
    static final int BUCKETS = 100;
    static final int MAX_SOURCES_PER_BUCKET = 4096;

    /**
     * Rates over a window. {@code churnPerSecond}: connections that came and went — the lesser of opened and closed a
     * second; a pool of connections opened at once and kept (a front end warming up) is not churn, a flood is.
     */
    public record Rates(double packetsPerSecond, double bytesPerSecond, double newConnectionsPerSecond, double emptyCloseRatio, int distinctSources,
            long connections, double churnPerSecond) {
    }

    private static final class Bucket {
        long index = -1;
        long packets;
        long bytes;
        long opens;
        long closes;
        long emptyCloses;
        final Set<InetAddress> sources = new HashSet<>();

        void reset(long i) {
            index = i;
            packets = 0;
            bytes = 0;
            opens = 0;
            closes = 0;
            emptyCloses = 0;
            sources.clear();
        }
    }

    private final Bucket[] buckets = new Bucket[BUCKETS];
    private final long origin = System.nanoTime();

    public TrafficMonitor() {
        for (int i = 0; i < BUCKETS; i++) {
            buckets[i] = new Bucket();
        }
    }

    private long now() {
        return (System.nanoTime() - origin) / (BUCKET_MILLIS * 1_000_000L);
    }

    private Bucket bucket() {
        long i = now();
        Bucket b = buckets[(int) (i % BUCKETS)];
        if (b.index != i) {
            b.reset(i);
        }
        return b;
    }

    @Override
    public synchronized void opened(InetAddress source) {
        Bucket b = bucket();
        b.opens++;
        if (b.sources.size() < MAX_SOURCES_PER_BUCKET) {
            b.sources.add(source);
        }
    }

    @Override
    public synchronized void received(int bytes) {
        Bucket b = bucket();
        b.packets++;
        b.bytes += bytes;
    }

    /** A connection that lived longer than this and sent nothing is an idle one let go, not a dropped one. */
    static final long SHORT_MILLIS = 1000;

    @Override
    public synchronized void closed(InetAddress source, long bytesReceived) {
        closed(source, bytesReceived, 0);
    }

    /**
     * Counts a close; it was "dropped empty" (a flood's mark) only when it sent nothing within its first second — a
     * front end closing the idle keep-alive connections of its pool does that too, after a while, and is no flood.
     */
    @Override
    public synchronized void closed(InetAddress source, long bytesReceived, long lifetimeMillis) {
        Bucket b = bucket();
        b.closes++;
        if (bytesReceived == 0 && lifetimeMillis < SHORT_MILLIS) {
            b.emptyCloses++;
        }
    }

    /** Rates over the last {@code windowMillis} (whole buckets, the current one included). */
    public synchronized Rates rates(int windowMillis) {
        int n = Math.max(1, Math.min(BUCKETS - 1, windowMillis / BUCKET_MILLIS));
        long current = now();
        long packets = 0;
        long bytes = 0;
        long opens = 0;
        long closes = 0;
        long empty = 0;
        Set<InetAddress> sources = new HashSet<>();
        for (long i = current - n + 1; i <= current; i++) {
            Bucket b = buckets[(int) (Math.floorMod(i, BUCKETS))];
            if (b.index != i) {
                continue;
            }
            packets += b.packets;
            bytes += b.bytes;
            opens += b.opens;
            closes += b.closes;
            empty += b.emptyCloses;
            sources.addAll(b.sources);
        }
        double seconds = n * BUCKET_MILLIS / 1000.0;
        return new Rates(packets / seconds, bytes / seconds, opens / seconds, closes == 0 ? 0 : (double) empty / closes, sources.size(), opens,
                Math.min(opens, closes) / seconds);
    }
}
