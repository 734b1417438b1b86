package io.lockstep.cluster;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import io.lockstep.cluster.records.LockRecord.Owner;
import io.lockstep.cluster.records.HeartbeatRecord;
import io.lockstep.cluster.records.LockRecord;
import io.lockstep.cluster.records.SectorCodec;
import io.lockstep.cluster.records.Superblock;

/**
 * A host taking part in a cluster: it holds a heartbeat slot and takes leases (locks) on named entities.
 *
 * <h2>Acquiring (ARCHITECTURE "Heartbeats and leases")</h2>
 * Find the entity's lock record (hash of its name, then linear probing; remembered once found), then one
 * atomic update that adds this host as an owner when no owner blocks the wanted mode. Uncontended that is
 * one READ and one COMPARE AND WRITE. When owners block, each blocking owner's heartbeat is read and watched:
 * <ul>
 * <li>an owner whose slot has another generation (or is free or fenced) is stale, and one whose counter this host
 * has seen stand still for the lease timeout is dead: the {@link LeaseBreaker} fences it, settles its journal, and
 * it is removed;</li>
 * <li>otherwise this host waits and polls until its deadline.</li>
 * </ul>
 */
public final class ClusterHost implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ClusterHost.class.getName());

    private final Cluster cluster;
    private final ClusterIo io;
    private final Superblock sb;
    private final Timing timing;
    private final HostIdentity identity;
    private final LivenessMonitor monitor = new LivenessMonitor();
    private final Journal journal;
    private final Heartbeat heartbeat;
    private final LeaseBreaker breaker;
    private final Map<String, Integer> recordOf = new ConcurrentHashMap<>();
    private final Set<Lease> leases = ConcurrentHashMap.newKeySet();
    private final Object journalLock = new Object();

    private ClusterHost(Cluster cluster, HostIdentity identity) {
        this.cluster = cluster;
        this.io = cluster.io();
        this.sb = cluster.superblock();
        this.timing = sb.timing();
        this.identity = identity;
        this.journal = new Journal(io, sb);
        this.heartbeat = new Heartbeat(io, sb, identity, journal, monitor);
        this.breaker = new LeaseBreaker(io, sb, identity, journal, heartbeat, monitor);
    }

    static ClusterHost join(Cluster cluster, HostIdentity identity, HeartbeatDriver driver) throws IOException {
        ClusterHost host = new ClusterHost(cluster, identity);
        host.heartbeat.claim();
        host.heartbeat.start(driver);
        return host;
    }

    public HostIdentity identity() {
        return identity;
    }

    public Cluster cluster() {
        return cluster;
    }

    public int slot() {
        return heartbeat.slot();
    }

    public long heartbeatGeneration() {
        return heartbeat.generation();
    }

    public HeartbeatRecord heartbeat() {
        return heartbeat.record();
    }

    /**
     * Tells this host's liveness monitor what another host's heartbeat looks like now. A host that watches the
     * heartbeat region anyway (an agent, twice a second) calls this, so that when it must break a lock its view of how
     * long the holder has stood still is already there: a failover takes T from the holder's last renewal, not from the
     * moment the lock was wanted.
     */
    public void observe(HeartbeatRecord other) {
        monitor.observe(other);
    }

    public boolean heartbeatValid() {
        return heartbeat.valid();
    }

    public void ensureHeartbeatValid() throws HostFencedException {
        heartbeat.ensureValid();
    }

    /** Told (on the heartbeat thread) when another host fenced this one: stop all I/O under its leases. */
    public void onFenced(Consumer<String> listener) {
        heartbeat.onFenced(listener);
    }

    public String fencedReason() {
        return heartbeat.fencedReason();
    }

    /**
     * Called after this host fenced another (with that host's heartbeat record as it was before): the
     * datastore layer then unregisters the fenced host's reservation key, so the target itself refuses its writes.
     */
    public void onFencedAnother(Consumer<HeartbeatRecord> hook) {
        breaker.onFenced(hook);
    }

    /** This host learned another way (its registration was removed and its slot fenced) that it is fenced. */
    public void fencedElsewhere(String reason) {
        heartbeat.fencedElsewhere(reason);
    }

    public ClusterIo io() {
        return io;
    }

    public Superblock superblock() {
        return sb;
    }

    public List<Lease> leases() {
        return List.copyOf(leases);
    }

    /** Counters for operators and benchmarks. */
    public record Stats(long heartbeatRenewals, long heartbeatFailures, long fences, long journalsReplayed) {
    }

    public Stats stats() {
        return new Stats(heartbeat.renewals(), heartbeat.renewalFailures(), breaker.fences(), breaker.journalsReplayed());
    }

    /** Renews the heartbeat now (besides the periodic renewal); for tools that show a fresh counter. */
    public void renewNow() throws IOException {
        heartbeat.renew();
    }

    // --- acquiring ------------------------------------------------------------------------------------------

    /** Takes a lock without waiting for live holders (stale holders are still cleared). */
    public Optional<Lease> tryAcquire(String entity, EntityKind kind, LockMode mode) throws IOException {
        try {
            return Optional.of(acquire(entity, kind, mode, Duration.ZERO));
        } catch (LockBusyException busy) {
            return Optional.empty();
        }
    }

    /**
     * Takes a lock on {@code entity} in {@code mode}, waiting up to {@code timeout} for live holders and
     * breaking the locks of holders that stopped heartbeating.
     *
     * @throws LockBusyException when live holders kept it for the whole {@code timeout}
     * @throws HostFencedException when this host may not act (fenced, or its heartbeat lapsed)
     */
    public Lease acquire(String entity, EntityKind kind, LockMode mode, Duration timeout) throws IOException {
        return acquire(entity, kind, mode, timeout, -1, -1);
    }

    /**
     * Takes the lock whose record is at a fixed place — a file's own owner field, one per directory entry — rather than
     * found in the lock table by the name's hash. The record may name the entry's previous file: with no owners left it
     * is taken over for this one.
     */
    public Lease acquireRecordAt(long lba, int index, String entity, EntityKind kind, LockMode mode, Duration timeout) throws IOException {
        return acquire(entity, kind, mode, timeout, lba, index);
    }

    private Lease acquire(String entity, EntityKind kind, LockMode mode, Duration timeout, long fixedLba, int fixedIndex) throws IOException {
        validate(entity, kind, mode);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Owner> removable = new ArrayList<>();
        int ss = io.sectorSize();
        while (true) {
            heartbeat.ensureValid();
            Located loc = fixedLba >= 0 ? new Located(fixedIndex, fixedLba, io.read(fixedLba)) : locate(entity);
            Owner me = new Owner(heartbeat.slot(), heartbeat.generation(), System.currentTimeMillis(), heartbeat.record().counter());
            boolean[] adopt = {false};
            ClusterIo.Update u = io.update(loc.lba, loc.bytes, bytes -> {
                adopt[0] = false;
                LockRecord r = LockRecord.decode(bytes, loc.lba, loc.index);
                if (fixedLba >= 0 && !r.unused() && !r.entity().equals(entity)) {
                    // an owner field left from the entry's previous file: owners that are gone (stale, or dead and fenced) are
                    // removed as for any lock; once none is left, the field is this entity's
                    LockRecord pruned = r.without(o -> removable.stream().anyMatch(o::same));
                    if (pruned.owners().isEmpty()) {
                        return LockRecord.unused(loc.index).withOwner(kind, entity, mode, me).encode(ss);
                    }
                    return pruned.owners().size() < r.owners().size() ? pruned.encode(ss) : null;
                }
                if (r.unused()) {
                    return LockRecord.unused(loc.index).withOwner(kind, entity, mode, me).encode(ss);
                }
                if (!r.entity().equals(entity)) {
                    return null; // another entity took this record first: look again
                }
                if (r.kind() != kind) {
                    throw new IllegalArgumentException(entity + " is a " + r.kind().label() + ", not a " + kind.label());
                }
                for (Owner o : r.owners()) {
                    if (o.same(me)) {
                        if (r.mode() == mode && leases.stream().noneMatch(l -> l.entity().equals(entity) && l.lba() == loc.lba)) {
                            adopt[0] = true; // the medium says this host holds it: a release whose write failed, or whose answer was lost
                            return null;
                        }
                        throw new IllegalStateException(identity + " already holds " + entity + " (" + r.mode().label() + ")");
                    }
                }
                LockRecord pruned = r.without(o -> removable.stream().anyMatch(o::same));
                if (pruned.blockers(mode, ss).isEmpty()) {
                    return pruned.withOwner(kind, entity, mode, me).encode(ss);
                }
                return pruned.owners().size() < r.owners().size() ? pruned.encode(ss) : null;
            });
            LockRecord after = LockRecord.decode(u.after(), loc.lba, loc.index);
            boolean foreign = fixedLba >= 0 && !after.unused() && !after.entity().equals(entity); // held for the previous file
            if (!foreign && (after.unused() || !after.entity().equals(entity))) {
                recordOf.remove(entity);
                continue;
            }
            if (fixedLba < 0) {
                recordOf.put(entity, loc.index);
            }
            if ((u.written() || adopt[0]) && after.owners().stream().anyMatch(o -> o.same(me))) {
                Lease lease = new Lease(this, entity, kind, mode, loc.index, loc.lba, after.generation());
                leases.add(lease);
                return lease;
            }
            Map<Integer, String> waitingOn = new LinkedHashMap<>();
            if (breaker.settle(foreign ? after.owners() : after.blockers(mode, ss), removable, waitingOn)) {
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new LockBusyException(entity + " is held " + after.mode().label() + (foreign ? " (for " + after.entity() + ", its entry's previous file)" : "")
                        + " by " + String.join(", ", waitingOn.values()) + "; " + identity + " waited " + timeout.toMillis() + " ms");
            }
            sleep(Math.min(left, timing.pollInterval().toNanos()));
        }
    }

    private static void validate(String entity, EntityKind kind, LockMode mode) {
        if (entity == null || entity.isBlank()) {
            throw new IllegalArgumentException("entity: expected a name such as /vmfs/vm1/disk.vmdk, found "
                    + (entity == null ? "none" : "'" + entity + "'"));
        }
        if (SectorCodec.utf8Length(entity) > LockRecord.ENTITY_BYTES) {
            throw new IllegalArgumentException("entity: at most " + LockRecord.ENTITY_BYTES + " bytes, found "
                    + SectorCodec.utf8Length(entity));
        }
        if (kind == null || kind == EntityKind.UNUSED) {
            throw new IllegalArgumentException("entity kind: expected filesystem, directory or file, found " + kind);
        }
        if (mode == null || mode == LockMode.FREE) {
            throw new IllegalArgumentException("lock mode: expected exclusive, shared-read or multi-writer, found " + mode);
        }
    }

    private record Located(int index, long lba, byte[] bytes) {
    }

    /** The entity's record: remembered, or found by probing from the hash of its name (an unused one to allocate). */
    private Located locate(String entity) throws IOException {
        Integer known = recordOf.get(entity);
        if (known != null) {
            long lba = sb.lockLba(known);
            return new Located(known, lba, io.read(lba));
        }
        int start = Math.floorMod(hash(entity), sb.locks());
        for (int i = 0; i < sb.locks(); i++) {
            int index = (start + i) % sb.locks();
            long lba = sb.lockLba(index);
            byte[] bytes = io.read(lba);
            LockRecord r = LockRecord.decode(bytes, lba, index);
            if (r.unused() || r.entity().equals(entity)) {
                return new Located(index, lba, bytes);
            }
        }
        throw new IOException("the lock table of " + io.medium().uri() + " is full (" + sb.locks() + " records); format with more");
    }

    static int hash(String entity) {
        CRC32C crc = new CRC32C();
        crc.update(entity.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    private static void sleep(long nanos) throws InterruptedIOException {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a lock");
        }
    }

    // --- releasing and leaving ------------------------------------------------------------------------------

    /**
     * Releases a lease: removes this host from the lock's owners. When another host had broken the lock (this
     * host was taken for dead), there is nothing to remove; that is logged.
     */
    public void release(Lease lease) throws IOException {
        if (lease.released()) {
            return;
        }
        lease.markReleased();
        leases.remove(lease);
        if (heartbeat.fencedReason() != null) {
            return; // a fenced host writes nothing; its fencer removes it
        }
        long lba = lease.lba();
        Owner me = new Owner(heartbeat.slot(), heartbeat.generation(), 0, 0);
        int ss = io.sectorSize();
        ClusterIo.Update u = io.update(lba, null, bytes -> {
            LockRecord r = LockRecord.decode(bytes, lba, lease.record());
            if (r.owners().stream().noneMatch(o -> o.same(me))) {
                return null;
            }
            return r.without(o -> o.same(me)).encode(ss);
        });
        if (!u.written()) {
            LOG.log(Level.WARNING, identity + ": the lock on " + lease.entity() + " was already gone when released: another host broke it");
        }
    }

    void journaledWrite(Map<Long, byte[]> sectors) throws IOException {
        synchronized (journalLock) {
            heartbeat.ensureValid();
            journal.write(heartbeat.slot(), heartbeat.generation(), sectors);
        }
    }

    /** Releases every lease, then the heartbeat slot. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Lease lease : leases()) {
            try {
                release(lease);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        heartbeat.close();
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return identity + " (slot " + (heartbeat.record() == null ? "?" : heartbeat.slot()) + ")";
    }
}
