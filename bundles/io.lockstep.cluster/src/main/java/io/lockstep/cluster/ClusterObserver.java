package io.lockstep.cluster;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.lockstep.cluster.records.CorruptRecordException;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.cluster.records.HeartbeatRecord;
import io.lockstep.cluster.records.LockRecord;
import io.lockstep.cluster.records.NotificationRecord;

/**
 * Watches a cluster from one host's point of view: each {@link #observe()} reads the heartbeat and lock
 * regions and tells, for every host and lock owner, how long its heartbeat has looked unchanged <em>to this
 * observer</em> and how long until the lease timeout would let another host break its locks. This is what
 * operators see (the CLI's watch, the console's Leases view); it writes nothing.
 */
public final class ClusterObserver {

    public record HostView(int slot, HeartbeatRecord.State state, String host, long generation, long counter,
            Duration unchangedFor, Duration timeToExpiry, int fencedBy) {
        public boolean expired() {
            return state == HeartbeatRecord.State.LIVE && timeToExpiry.isZero();
        }
    }

    public record OwnerView(int slot, String host, long heartbeatGeneration, boolean stale, Duration heartbeatAge,
            Duration timeToExpiry, long acquiredAtMillis) {
    }

    public record LockView(int record, String entity, EntityKind kind, LockMode mode, long generation, List<OwnerView> owners) {
    }

    /** A registered reservation key, and the host it belongs to when this observer can tell. */
    public record RegistrationView(long key, String host) {
    }

    public record Snapshot(Instant at, Timing timing, List<HostView> hosts, List<LockView> locks, List<String> damaged,
            List<RegistrationView> registrations, NotificationRecord notification, List<DirectoryEntry> files) {
    }

    private final Cluster cluster;
    private final LivenessMonitor monitor = new LivenessMonitor();

    public ClusterObserver(Cluster cluster) {
        this.cluster = cluster;
    }

    public Snapshot observe() throws IOException {
        Timing timing = cluster.timing();
        Duration t = timing.leaseTimeout();
        List<String> damaged = new ArrayList<>();
        List<HostView> hosts = new ArrayList<>();
        Map<Integer, HeartbeatRecord> bySlot = new HashMap<>();
        for (Cluster.Read<HeartbeatRecord> r : cluster.heartbeats()) {
            if (!r.ok()) {
                damaged.add(r.error().getMessage());
                continue;
            }
            HeartbeatRecord hb = r.record();
            monitor.observe(hb);
            bySlot.put(hb.slot(), hb);
            if (hb.state() == HeartbeatRecord.State.FREE && hb.hostName().isEmpty()) {
                continue; // never used
            }
            Duration unchanged = monitor.unchangedFor(hb.slot());
            hosts.add(new HostView(hb.slot(), hb.state(), hb.hostName(), hb.generation(), hb.counter(), unchanged,
                    hb.live() ? remaining(t, unchanged) : Duration.ZERO, hb.fencedBy()));
        }
        List<LockView> locks = new ArrayList<>();
        for (Cluster.Read<LockRecord> r : cluster.locks()) {
            if (!r.ok()) {
                damaged.add(r.error().getMessage());
                continue;
            }
            LockRecord lock = r.record();
            List<OwnerView> owners = new ArrayList<>();
            for (LockRecord.Owner o : lock.owners()) {
                HeartbeatRecord hb = bySlot.get(o.slot());
                boolean stale = hb == null || !hb.live() || hb.generation() != o.heartbeatGeneration();
                Duration age = stale ? Duration.ZERO : monitor.unchangedFor(o.slot());
                owners.add(new OwnerView(o.slot(), hb == null ? "slot " + o.slot() : hb.hostName(), o.heartbeatGeneration(), stale, age,
                        stale ? Duration.ZERO : remaining(t, age), o.acquiredAtMillis()));
            }
            locks.add(new LockView(lock.index(), lock.entity(), lock.kind(), lock.mode(), lock.generation(), owners));
        }
        Map<Long, String> keyOwners = new HashMap<>();
        for (HeartbeatRecord hb : bySlot.values()) {
            if (hb.live() || hb.state() == HeartbeatRecord.State.FENCED) {
                keyOwners.put(HostIdentity.registrationKey(hb.owner()), hb.hostName() + (hb.live() ? "" : " (fenced)"));
            }
        }
        List<RegistrationView> registrations = new ArrayList<>();
        for (long key : cluster.io().readKeysRetrying()) {
            registrations.add(new RegistrationView(key, keyOwners.getOrDefault(key, "?")));
        }
        NotificationRecord notification = null;
        try {
            notification = cluster.notificationRecord();
        } catch (CorruptRecordException e) {
            damaged.add(e.getMessage());
        }
        List<DirectoryEntry> files = new ArrayList<>();
        for (Cluster.Read<DirectoryEntry> r : cluster.directory()) {
            if (r.ok()) {
                files.add(r.record());
            } else {
                damaged.add(r.error().getMessage());
            }
        }
        return new Snapshot(Instant.now(), timing, hosts, locks, damaged, registrations, notification, files);
    }

    private static Duration remaining(Duration timeout, Duration elapsed) {
        Duration left = timeout.minus(elapsed);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
