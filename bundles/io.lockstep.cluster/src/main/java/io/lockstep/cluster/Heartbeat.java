package io.lockstep.cluster;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import io.lockstep.cluster.records.CorruptRecordException;
import io.lockstep.cluster.records.HeartbeatRecord;
import io.lockstep.cluster.records.JournalHeader;
import io.lockstep.cluster.records.Superblock;

/**
 * This host's own heartbeat slot: claimed with an atomic update, renewed every heartbeat interval by a
 * daemon thread (each renewal an atomic update from the image this host last wrote, so a fence by another host
 * makes the next renewal fail), and released when the host leaves.
 */
final class Heartbeat implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Heartbeat.class.getName());

    private final ClusterIo io;
    private final Superblock sb;
    private final Timing timing;
    private final HostIdentity identity;
    private final Journal journal;
    private final LivenessMonitor monitor;
    private final List<Consumer<String>> fencedListeners = new CopyOnWriteArrayList<>();
    private HeartbeatDriver.Renewals renewer;

    private volatile HeartbeatRecord current;
    private volatile long lastRenewStartNanos;
    private volatile String fencedReason;
    private volatile boolean released;
    private volatile long renewals;
    private volatile long renewalFailures;

    Heartbeat(ClusterIo io, Superblock sb, HostIdentity identity, Journal journal, LivenessMonitor monitor) {
        this.io = io;
        this.sb = sb;
        this.timing = sb.timing();
        this.identity = identity;
        this.journal = journal;
        this.monitor = monitor;
    }

    /**
     * Claims a slot: this host's own (a restart: it takes a new generation, so its old locks become stale, and
     * it replays its own unfinished journal), else a free slot, else a fenced slot whose journal is settled.
     */
    void claim() throws IOException {
        byte[] region = io.read(sb.heartbeatLba(), sb.slots());
        int ss = io.sectorSize();
        List<Integer> own = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        List<Integer> fenced = new ArrayList<>();
        for (int slot = 0; slot < sb.slots(); slot++) {
            HeartbeatRecord r;
            try {
                r = HeartbeatRecord.decode(java.util.Arrays.copyOfRange(region, slot * ss, (slot + 1) * ss), sb.heartbeatLba(slot), slot);
            } catch (CorruptRecordException e) {
                LOG.log(Level.WARNING, "skipping a damaged heartbeat slot: " + e.getMessage());
                continue;
            }
            monitor.observe(r);
            if (r.owner().equals(identity.uuid()) && r.state() != HeartbeatRecord.State.FENCED) {
                own.add(slot);
            } else if (r.state() == HeartbeatRecord.State.FREE) {
                free.add(slot);
            } else if (r.state() == HeartbeatRecord.State.FENCED) {
                fenced.add(slot);
            }
        }
        List<Integer> candidates = new ArrayList<>(own);
        candidates.addAll(free);
        candidates.addAll(fenced);
        for (int slot : candidates) {
            if (tryClaim(slot)) {
                return;
            }
        }
        throw new IOException("no heartbeat slot is free on " + io.medium().uri() + " (all " + sb.slots()
                + " are live or fenced with unfinished journals)");
    }

    private boolean tryClaim(int slot) throws IOException {
        long lba = sb.heartbeatLba(slot);
        long[] oldGeneration = {-1};
        boolean[] ownRestart = {false};
        ClusterIo.Update u = io.update(lba, null, bytes -> {
            HeartbeatRecord r = HeartbeatRecord.decode(bytes, lba, slot);
            boolean mine = r.owner().equals(identity.uuid()) && r.state() != HeartbeatRecord.State.FENCED;
            if (!mine && r.state() == HeartbeatRecord.State.LIVE) {
                return null; // someone else took it
            }
            if (r.state() == HeartbeatRecord.State.FENCED && journal.header(slot).committed()) {
                return null; // its fencer has not finished the dead host's journal
            }
            oldGeneration[0] = r.generation();
            ownRestart[0] = mine && r.state() == HeartbeatRecord.State.LIVE;
            return r.claimedBy(identity.uuid(), identity.name()).encode(bytes.length);
        });
        if (!u.written()) {
            return false;
        }
        lastRenewStartNanos = System.nanoTime();
        current = HeartbeatRecord.decode(u.after(), lba, slot);
        if (ownRestart[0]) {
            int replayed = journal.replay(slot, oldGeneration[0]);
            if (replayed > 0) {
                LOG.log(Level.INFO, identity + " replayed " + replayed + " sectors of its own unfinished journal");
            }
        }
        if (journal.header(slot).committed()) {
            // a journal of a generation nobody holds any more (released or long fenced) — settled by now
            io.write(sb.journalLba(slot), JournalHeader.empty(slot).encode(io.sectorSize()), true);
        }
        return true;
    }

    void start(HeartbeatDriver driver) {
        renewer = driver.start(identity.name(), timing.heartbeatInterval(), this::renewQuietly);
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (IOException | RuntimeException e) {
            renewalFailures++;
            LOG.log(Level.WARNING, identity + ": heartbeat renewal failed: " + e.getMessage());
        }
    }

    /** One renewal: counter + 1, written only if the slot still holds exactly what this host last wrote. */
    void renew() throws IOException {
        HeartbeatRecord mine = current;
        if (mine == null || fencedReason != null || released) {
            return;
        }
        long lba = sb.heartbeatLba(mine.slot());
        byte[] expected = mine.encode(io.sectorSize());
        HeartbeatRecord next = mine.renewed();
        long start = System.nanoTime();
        ClusterIo.Update u = io.update(lba, expected, bytes -> java.util.Arrays.equals(bytes, expected)
                ? next.encode(bytes.length) : null);
        if (u.written()) {
            current = next;
            lastRenewStartNanos = start;
            renewals++;
            return;
        }
        HeartbeatRecord found = HeartbeatRecord.decode(u.after(), lba, mine.slot());
        if (found.state() == HeartbeatRecord.State.LIVE && found.owner().equals(mine.owner()) && found.generation() == mine.generation()
                && found.counter() > mine.counter()) {
            // a renewal of ours that landed though its answer was lost (an iSCSI connection broke after the write was
            // sent): the slot is still ours, a few counts ahead
            current = found;
            renew(); // from what is there now; the time of the lost write is unknown, so this one counts
            return;
        }
        fenced(found.state() == HeartbeatRecord.State.FENCED
                ? "fenced by the host in slot " + found.fencedBy() + " (generation " + mine.generation() + " → " + found.generation() + ")"
                : "its slot " + mine.slot() + " now belongs to " + (found.hostName().isEmpty() ? "nobody" : found.hostName())
                        + " (generation " + found.generation() + ")");
    }

    void fencedElsewhere(String reason) {
        fenced(reason);
    }

    private void fenced(String reason) {
        if (fencedReason != null) {
            return;
        }
        fencedReason = reason;
        LOG.log(Level.WARNING, identity + " was fenced: " + reason + "; it stops I/O under its leases");
        if (renewer != null) {
            renewer.stop(false); // (on the renewing thread itself: no waiting for it)
        }
        for (Consumer<String> l : fencedListeners) {
            l.accept(reason);
        }
    }

    /** Stops the renewals and waits for one in progress; later ones do nothing once {@code released} is set. */
    private void stopRenewer() {
        if (renewer != null) {
            renewer.stop(true);
        }
    }

    void onFenced(Consumer<String> listener) {
        fencedListeners.add(listener);
    }

    /** May this host still act under its leases? (not fenced, not released, renewed within the self-fence time) */
    boolean valid() {
        return fencedReason == null && !released && current != null
                && System.nanoTime() - lastRenewStartNanos < timing.selfFenceAfter().toNanos();
    }

    void ensureValid() throws HostFencedException {
        if (valid()) {
            return;
        }
        if (fencedReason != null) {
            throw new HostFencedException(identity + " was fenced (" + fencedReason + "): it may not act under its leases");
        }
        if (released) {
            throw new HostFencedException(identity + " has left the cluster");
        }
        throw new HostFencedException(identity + "'s heartbeat was last renewed "
                + (System.nanoTime() - lastRenewStartNanos) / 1_000_000 + " ms ago, beyond the self-fence time of "
                + timing.selfFenceAfter().toMillis() + " ms: it stopped I/O under its leases until a renewal succeeds");
    }

    HeartbeatRecord record() {
        return current;
    }

    int slot() {
        return current.slot();
    }

    long generation() {
        return current.generation();
    }

    String fencedReason() {
        return fencedReason;
    }

    long renewals() {
        return renewals;
    }

    long renewalFailures() {
        return renewalFailures;
    }

    /** Frees the slot (the caller released every lease first); a fenced host leaves its slot to its fencer. */
    @Override
    public void close() throws IOException {
        boolean wasReleased = released;
        released = true; // renewals from now on do nothing
        stopRenewer();
        released = wasReleased;
        HeartbeatRecord mine = current;
        if (released || mine == null || fencedReason != null) {
            released = true;
            return;
        }
        released = true;
        long lba = sb.heartbeatLba(mine.slot());
        byte[] expected = mine.encode(io.sectorSize());
        io.update(lba, expected, bytes -> java.util.Arrays.equals(bytes, expected) ? mine.released().encode(bytes.length) : null);
    }
}
