package io.lockstep.cluster;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.lockstep.cluster.records.LockRecord.Owner;
import io.lockstep.cluster.records.HeartbeatRecord;
import io.lockstep.cluster.records.Superblock;

/**
 * Breaking the locks of hosts that stopped heartbeating (ARCHITECTURE "Heartbeats and leases"), for a host that wants
 * them. A blocking owner whose slot has another generation (or is free or fenced) is stale; one whose counter this host
 * has seen stand still for the lease timeout T — on its own clock, clocks are never compared — is dead, and its slot is
 * fenced first: its generation bumped with one atomic update naming this host as fencer, so a renewal of the dead host
 * fails and it knows. Either way its committed journal is replayed (by its fencer, or by whoever takes over from a
 * fencer that died too) before the owner may be removed from the lock.
 */
final class LeaseBreaker {

    private static final System.Logger LOG = System.getLogger(LeaseBreaker.class.getName());

    private final ClusterIo io;
    private final Superblock sb;
    private final Timing timing;
    private final HostIdentity identity;
    private final Journal journal;
    private final Heartbeat heartbeat;
    private final LivenessMonitor monitor;
    private volatile Consumer<HeartbeatRecord> fenceHook;
    private volatile long fences;
    private volatile long journalsReplayed;

    LeaseBreaker(ClusterIo io, Superblock sb, HostIdentity identity, Journal journal, Heartbeat heartbeat, LivenessMonitor monitor) {
        this.io = io;
        this.sb = sb;
        this.timing = sb.timing();
        this.identity = identity;
        this.journal = journal;
        this.heartbeat = heartbeat;
        this.monitor = monitor;
    }

    /** Told (with its record as it was before) of every host this one fences. */
    void onFenced(Consumer<HeartbeatRecord> hook) {
        this.fenceHook = hook;
    }

    long fences() {
        return fences;
    }

    long journalsReplayed() {
        return journalsReplayed;
    }

    /**
     * Looks at each blocking owner's heartbeat; marks stale or dead (fenced here) owners whose journals are
     * settled as removable. Returns whether any became removable; fills {@code waitingOn} for messages.
     */
    boolean settle(List<Owner> blockers, List<Owner> removable, Map<Integer, String> waitingOn) throws IOException {
        boolean progress = false;
        for (Owner o : blockers) {
            if (removable.stream().anyMatch(o::same)) {
                continue;
            }
            long lba = sb.heartbeatLba(o.slot());
            byte[] bytes = io.read(lba);
            HeartbeatRecord hb = HeartbeatRecord.decode(bytes, lba, o.slot());
            monitor.observe(hb);
            boolean stale = hb.generation() != o.heartbeatGeneration() || !hb.live();
            if (!stale) {
                if (!monitor.expired(o.slot(), o.heartbeatGeneration(), timing.leaseTimeout())) {
                    waitingOn.put(o.slot(), hb.hostName() + " (slot " + o.slot() + ", heartbeat unchanged for "
                            + monitor.unchangedFor(o.slot()).toMillis() + " of " + timing.leaseTimeout().toMillis() + " ms)");
                    continue;
                }
                if (!fence(hb, bytes)) {
                    continue; // it renewed after all, or another host fenced it first: look again next round
                }
                bytes = io.read(lba);
                hb = HeartbeatRecord.decode(bytes, lba, o.slot());
            }
            if (journalSettled(o, hb)) {
                removable.add(o);
                progress = true;
            } else {
                waitingOn.put(o.slot(), hb.hostName() + " (slot " + o.slot() + ", its journal is being replayed)");
            }
        }
        return progress;
    }

    /** Fences a dead host's slot: bumps its generation if it still shows exactly what this host saw stand still. */
    private boolean fence(HeartbeatRecord seen, byte[] seenBytes) throws IOException {
        long lba = sb.heartbeatLba(seen.slot());
        int me = heartbeat.slot();
        ClusterIo.Update u = io.update(lba, seenBytes, bytes -> {
            HeartbeatRecord r = HeartbeatRecord.decode(bytes, lba, seen.slot());
            boolean unchanged = r.live() && r.generation() == seen.generation() && r.counter() == seen.counter();
            return unchanged ? r.fencedBy(me).encode(bytes.length) : null;
        });
        if (u.written()) {
            fences++;
            Consumer<HeartbeatRecord> hook = fenceHook;
            if (hook != null) {
                hook.accept(seen);
            }
            LOG.log(Level.INFO, identity + " fenced " + seen.hostName() + " (slot " + seen.slot() + ", generation "
                    + seen.generation() + "): its heartbeat stood still for " + timing.leaseTimeout().toMillis() + " ms");
        }
        return u.written();
    }

    /**
     * May a stale owner be removed? Yes unless a committed journal of its generation is not in place yet;
     * that journal is replayed here when this host is the fencer, or takes over from a fencer that died.
     */
    private boolean journalSettled(Owner o, HeartbeatRecord hb) throws IOException {
        if (!journal.pending(o.slot(), o.heartbeatGeneration())) {
            return true;
        }
        if (hb.state() != HeartbeatRecord.State.FENCED) {
            return false; // the owner restarted and replays its own journal, or the slot is in transition
        }
        int me = heartbeat.slot();
        if (hb.fencedBy() != me) {
            if (hb.fencedBy() >= 0 && fencerAlive(hb.fencedBy())) {
                return false;
            }
            long lba = sb.heartbeatLba(hb.slot());
            ClusterIo.Update u = io.update(lba, null, bytes -> {
                HeartbeatRecord r = HeartbeatRecord.decode(bytes, lba, hb.slot());
                return r.state() == HeartbeatRecord.State.FENCED && r.generation() == hb.generation() && r.fencedBy() == hb.fencedBy()
                        ? r.refencedBy(me).encode(bytes.length) : null;
            });
            if (!u.written()) {
                return false;
            }
        }
        int replayed = journal.replay(o.slot(), o.heartbeatGeneration());
        journalsReplayed++;
        LOG.log(Level.INFO, identity + " replayed " + replayed + " journaled sectors of " + hb.hostName() + " (slot " + o.slot() + ")");
        return true;
    }

    private boolean fencerAlive(int slot) throws IOException {
        long lba = sb.heartbeatLba(slot);
        HeartbeatRecord hb = HeartbeatRecord.decode(io.read(lba), lba, slot);
        monitor.observe(hb);
        return hb.live() && !monitor.expired(slot, hb.generation(), timing.leaseTimeout());
    }
}
