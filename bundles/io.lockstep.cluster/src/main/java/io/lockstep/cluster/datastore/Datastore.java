package io.lockstep.cluster.datastore;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.Medium;
import io.lockstep.storage.PrKeys;
import io.lockstep.storage.PrReservation;
import io.lockstep.storage.PrType;
import io.lockstep.storage.ReservationConflictException;
import io.lockstep.storage.ScsiException;
import io.lockstep.storage.Sense;
import io.lockstep.cluster.records.CorruptRecordException;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.cluster.records.HeartbeatRecord;
import io.lockstep.cluster.records.LockRecord;
import io.lockstep.cluster.records.NotificationRecord;
import io.lockstep.cluster.records.SectorCodec;
import io.lockstep.cluster.records.SharedTable;
import io.lockstep.cluster.records.Superblock;
import io.lockstep.cluster.records.VdrRecord;
import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.ClusterHost;
import io.lockstep.cluster.ClusterIo;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.HeartbeatDriver;
import io.lockstep.cluster.HostFencedException;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.Lease;
import io.lockstep.cluster.LockMode;

/**
 * A mounted datastore: a host taking part in a cluster ({@link ClusterHost}) plus the notification protocol
 * through the medium (ARCHITECTURE "Notification through the medium") and the shared tables every host
 * caches — the directory of entities and the virtual-disk reservation table.
 *
 * <h2>Mounting</h2>
 * The host registers a reservation key derived from its heartbeat slot and generation, and makes sure the
 * medium carries a Write Exclusive – All Registrants reservation: every registered host may write, an
 * unregistered (fenced) one may not.
 *
 * <h2>Notifying</h2>
 * A host that changed a table: bumps that table's generation in the notification record and sets the
 * notification indicator for every other live host, then PREEMPTs every other host's key (one PREEMPT with
 * service action key 0). Their next
 * command — a guest's I/O, or at the latest their heartbeat renewal — meets a unit attention.
 *
 * <h2>Being notified</h2>
 * On that unit attention (or a RESERVATION CONFLICT whose unit attention another command took), the host
 * reads its heartbeat slot: fenced (declared dead) → it stops acting under its leases and the command
 * fails; notified → it re-registers, refreshes the tables whose generation moved, clears its indicator bit,
 * and the command is retried — its caller never sees an error.
 */
public final class Datastore implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Datastore.class.getName());

    static final String DIRECTORY_LOCK = "/.lockstep/directory";
    /** The one persistent reservation every mounting host registers under (so a host whose key is removed may not write). */
    public static final PrType RESERVATION = PrType.WRITE_EXCLUSIVE_ALL_REGISTRANTS;

    /** Counters for operators, tests and the benchmark. */
    public record Stats(long notificationsSent, long preemptsSent, long notificationsReceived, long directoryRefreshes,
            long vdrRefreshes, long staleRecords, long damagedRecords, long fencedNotices) {
    }

    private final Medium medium;
    private volatile ClusterHost host;
    private final ClusterIo io;
    private final Superblock sb;
    private final HostIdentity identity;
    private final long key;
    private final Object notifyLock = new Object();
    private final ThreadLocal<Boolean> handling = ThreadLocal.withInitial(() -> false);
    private volatile boolean again;
    private final Map<SharedTable, Long> seen = Collections.synchronizedMap(new EnumMap<>(SharedTable.class));
    private volatile DirectoryEntry[] directory;
    private volatile VdrRecord[] vdrs;
    private final List<Consumer<SharedTable>> refreshListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong notificationsSent = new AtomicLong();
    private final AtomicLong preemptsSent = new AtomicLong();
    private final AtomicLong notificationsReceived = new AtomicLong();
    private final AtomicLong directoryRefreshes = new AtomicLong();
    private final AtomicLong vdrRefreshes = new AtomicLong();
    private final AtomicLong staleRecords = new AtomicLong();
    private final AtomicLong damagedRecords = new AtomicLong();
    private final AtomicLong fencedNotices = new AtomicLong();
    private volatile boolean preemptOnPublish = true;
    /**
     * How many of the notifications this host's commands met (counted by {@link ClusterIo}) a completed pass of the
     * handler has covered: a pass covers every notification met before it started, because it reads the record after.
     */
    private volatile long covered;
    private final DatastoreFiles fs;

    private Datastore(Medium medium, Cluster cluster, HostIdentity identity) {
        this.medium = medium;
        this.io = cluster.io();
        this.sb = cluster.superblock();
        this.identity = identity;
        this.key = identity.registrationKey();
        this.fs = new DatastoreFiles(this);
    }

    /** The file system on the medium: files and directories, their data and their leases. */
    public DatastoreFiles fs() {
        return fs;
    }

    /** The same file system as a {@link java.nio.file.FileSystem}: its paths work with java.nio.file.Files and FileChannel. */
    public synchronized DatastoreFileSystem fileSystem() {
        if (nio == null) {
            nio = new DatastoreFileSystem(this, false);
        }
        return nio;
    }

    /**
     * The same file system with every file opened multi-writer: for files whose exclusion is decided above the file system
     * (a VM's folder, which the VM's own locks give to one host, and which an FT pair's backup reads while its primary
     * writes). A multi-writer file may grow; whoever reads past what it knew reads the file's entry and extents again.
     */
    public synchronized DatastoreFileSystem sharedFileSystem() {
        if (shared == null) {
            shared = new DatastoreFileSystem(this, true);
        }
        return shared;
    }

    private DatastoreFileSystem nio;
    private DatastoreFileSystem shared;

    /** Mounts {@code medium} as {@code identity}, in the best acquisition mode the medium offers. */
    public static Datastore mount(Medium medium, HostIdentity identity) throws IOException {
        return mount(medium, identity, AcquisitionMode.bestFor(medium.capabilities()));
    }

    public static Datastore mount(Medium medium, HostIdentity identity, AcquisitionMode mode) throws IOException {
        return mount(medium, identity, mode, HeartbeatDriver.DAEMON);
    }

    /** Mounts with the host's heartbeat renewals run by {@code driver} (see {@link HeartbeatDriver}). */
    public static Datastore mount(Medium medium, HostIdentity identity, AcquisitionMode mode, HeartbeatDriver driver) throws IOException {
        Cluster cluster = Cluster.open(medium, mode);
        Datastore ds = new Datastore(medium, cluster, identity);
        ds.register(); // first: claiming a heartbeat slot is a write, which an unregistered host may not do
        cluster.io().addUnitAttentionListener(ds::unitAttention);
        cluster.io().setConflictListener(ds::registrationLost);
        try {
            ds.host = cluster.join(identity, driver);
            ds.host.onFencedAnother(ds::unregisterFenced);
            ds.removeStaleRegistrations();
            ds.refreshAll();
        } catch (IOException | RuntimeException e) {
            if (ds.host != null) {
                ds.host.close();
            }
            ds.unregisterQuietly();
            throw e;
        }
        return ds;
    }

    private void unregisterQuietly() {
        try {
            direct(() -> {
                medium.registerAndIgnoreExistingKey(0);
                return null;
            });
        } catch (IOException e) {
            LOG.log(Level.WARNING, identity + ": could not unregister: " + e.getMessage());
        }
    }

    public ClusterHost host() {
        return host;
    }

    public long key() {
        return key;
    }

    public Superblock superblock() {
        return sb;
    }

    public Stats stats() {
        return new Stats(notificationsSent.get(), preemptsSent.get(), notificationsReceived.get(), directoryRefreshes.get(),
                vdrRefreshes.get(), staleRecords.get(), damagedRecords.get(), fencedNotices.get());
    }

    /** Told, on whichever thread met the notification, after a table was refreshed. */
    public void onRefreshed(Consumer<SharedTable> listener) {
        refreshListeners.add(listener);
    }

    /** The generation of {@code table} this host's cache holds. */
    public long cachedGeneration(SharedTable table) {
        return seen.getOrDefault(table, 0L);
    }

    // --- registration -------------------------------------------------------------------------------------------

    /**
     * A command issued while handling a notification (or before the host takes part): unit attentions are
     * retried here, not handed to the listeners — one about reservations means another notification arrived
     * meanwhile, remembered in {@link #again} — and another host's reservation window is waited out.
     */
    private <T> T direct(ClusterIo.Command<T> command) throws IOException {
        return io.quietly(command, sense -> {
            if (sense.asc() == 0x2A) {
                again = true;
            }
        });
    }

    private void register() throws IOException {
        direct(() -> {
            medium.registerAndIgnoreExistingKey(key);
            return null;
        });
        PrKeys keys = direct(medium::readKeys);
        long mine = keys.keys().stream().filter(k -> k == key).count();
        if (mine > 1 && earlierLifeOfMine()) {
            // a target that keeps registrations per session (tgt) still holds the one of this host's earlier life, whose
            // heartbeat stands still: remove it with everyone else's (the live ones register again) and look once more;
            // the preemption needs the all-registrants reservation, so make sure it is there first
            LOG.log(Level.INFO, identity + ": removing the registration of its own earlier life (its heartbeat stands still) from " + medium.uri());
            reserveIfAbsent();
            direct(() -> {
                medium.preempt(key, 0, RESERVATION);
                return null;
            });
            preemptsSent.incrementAndGet();
            mine = direct(medium::readKeys).keys().stream().filter(k -> k == key).count();
        }
        if (mine > 1) {
            direct(() -> {
                medium.registerAndIgnoreExistingKey(0);
                return null;
            });
            throw new IOException(String.format("registration key collision on %s: key 0x%x of %s is registered by another "
                    + "initiator too; %s did not mount (is another host using the same identity?)", medium.uri(), key, identity, identity));
        }
        reserveIfAbsent();
    }

    private void reserveIfAbsent() throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            PrReservation r = direct(medium::readReservation);
            if (r.present()) {
                if (r.type() != RESERVATION) {
                    throw new IOException(medium.uri() + " carries a foreign persistent reservation (" + r + "); Lockstep needs "
                            + RESERVATION + " — release or clear it first");
                }
                break;
            }
            try {
                direct(() -> {
                    medium.reserve(key, RESERVATION);
                    return null;
                });
                break;
            } catch (ReservationConflictException someoneElseFirst) {
                // another host created it meanwhile: look again
            }
        }
    }

    /**
     * Is the other registration of this host's key its own earlier life's, not another live host with the same
     * identity? Yes when no heartbeat slot of this identity moves during the lease timeout (a same-named host that lives
     * renews its slot in that time).
     */
    private boolean earlierLifeOfMine() throws IOException {
        Map<Integer, Long> counters = new HashMap<>();
        for (Map.Entry<Integer, HeartbeatRecord> e : liveHosts().entrySet()) {
            if (identity.uuid().equals(e.getValue().owner())) {
                counters.put(e.getKey(), e.getValue().counter());
            }
        }
        if (counters.isEmpty()) {
            // no heartbeat of this identity at all: the other registration is not an earlier life of this host's
            // (another initiator, or a tool, uses its key) — a collision, left alone
            return false;
        }
        try {
            Thread.sleep(sb.timing().leaseTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while looking at the heartbeat of this host's earlier life");
        }
        Map<Integer, HeartbeatRecord> now = liveHosts();
        for (Map.Entry<Integer, Long> e : counters.entrySet()) {
            HeartbeatRecord r = now.get(e.getKey());
            if (r != null && identity.uuid().equals(r.owner()) && r.counter() != e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Keys of ours whose host has no live heartbeat slot (it died or left): unregister them — by preempting every
     * other registrant at once (see {@link #preemptOthers}); the live ones register again at their next command.
     */
    private void removeStaleRegistrations() throws IOException {
        java.util.Set<Long> liveKeys = new java.util.HashSet<>();
        for (HeartbeatRecord hb : liveHosts().values()) {
            liveKeys.add(HostIdentity.registrationKey(hb.owner()));
        }
        for (long k : direct(medium::readKeys).keys()) {
            if (HostIdentity.isRegistrationKey(k) && k != key && !liveKeys.contains(k)) {
                preemptOthers();
                return;
            }
        }
    }

    private Map<Integer, HeartbeatRecord> liveHosts() throws IOException {
        Map<Integer, HeartbeatRecord> live = new HashMap<>();
        byte[] region = direct(() -> medium.read(sb.heartbeatLba(), sb.slots()));
        int ss = medium.sectorSize();
        for (int slot = 0; slot < sb.slots(); slot++) {
            try {
                HeartbeatRecord r = HeartbeatRecord.decode(Arrays.copyOfRange(region, slot * ss, (slot + 1) * ss), sb.heartbeatLba(slot), slot);
                if (r.live()) {
                    live.put(slot, r);
                }
            } catch (CorruptRecordException e) {
                LOG.log(Level.WARNING, e.getMessage());
            }
        }
        return live;
    }

    /**
     * Unregisters every other host in one command: PREEMPT with service action reservation key 0, which under an
     * all-registrants reservation removes every registration but the preemptor's and keeps the reservation, now held
     * through the preemptor (SPC-4 5.13.11.2.4). Each of them meets a unit attention at its next command and, unless it
     * was fenced, registers again. One command whatever the number of hosts — and it never removes the registration a
     * target keeps the reservation in without moving it first: tgt 1.0.85 frees that registration on a PREEMPT of one
     * key and goes on reading it, which turned its reads into RESERVATION CONFLICTs (seen in our iSCSI tests).
     */
    private void preemptOthers() throws IOException {
        try {
            direct(() -> {
                medium.preempt(key, 0, RESERVATION);
                return null;
            });
        } catch (io.lockstep.storage.CheckConditionException noAllRegistrantsReservation) {
            // the reservation went away (every registrant left, or someone cleared it): make it again, then preempt
            register();
            direct(() -> {
                medium.preempt(key, 0, RESERVATION);
                return null;
            });
        }
        preemptsSent.incrementAndGet();
    }

    /** After this host fenced another: unregister its key (with everyone else's), so the target itself refuses its writes. */
    private void unregisterFenced(HeartbeatRecord fenced) {
        try {
            preemptOthers();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not unregister the key of fenced " + fenced.hostName() + ": " + e.getMessage());
        }
    }

    // --- notifying ------------------------------------------------------------------------------------------------

    /**
     * Tells every other host that {@code table} changed: new generation and indicator in the notification
     * record, then their keys preempted. Returns the table's new generation.
     */
    public long publish(SharedTable table) throws IOException {
        Map<Integer, HeartbeatRecord> live = liveHosts();
        long others = 0;
        for (int slot : live.keySet()) {
            if (slot != host.slot()) {
                others |= 1L << slot;
            }
        }
        long othersFinal = others;
        long gone = ~bitmap(live.keySet());
        long lba = sb.notificationLba();
        ClusterIo.Update u = io.update(lba, null, bytes -> {
            NotificationRecord current;
            try {
                current = NotificationRecord.decode(bytes, lba);
            } catch (CorruptRecordException e) {
                damagedRecords.incrementAndGet();
                LOG.log(Level.WARNING, e.getMessage() + "; rewriting it with every table past what any host has seen");
                current = rebuilt();
            }
            return current.acknowledged(gone).changed(table, host.slot(), othersFinal).encode(bytes.length);
        });
        long generation = NotificationRecord.decode(u.after(), lba).entry(table).generation();
        seen.put(table, generation);
        notificationsSent.incrementAndGet();
        if (preemptOnPublish) {
            preemptOthers();
        }
        return generation;
    }

    /**
     * For comparisons (the notification benchmark): with false, {@link #publish} only records the change, and
     * hosts learn of it only by {@link #poll()}ing — the alternative this protocol replaces.
     */
    public void setPreemptOnPublish(boolean preempt) {
        this.preemptOnPublish = preempt;
    }

    /** Reads the notification record and refreshes whatever changed: one read when nothing did. */
    public void poll() throws IOException {
        synchronized (io.windowLock()) { // lock order: the window's monitor, then the notification lock
            synchronized (notifyLock) {
                handling.set(true);
                try {
                    acknowledge(refreshFromNotification());
                } finally {
                    handling.set(false);
                }
            }
        }
    }

    private static long bitmap(Iterable<Integer> slots) {
        long b = 0;
        for (int s : slots) {
            b |= 1L << s;
        }
        return b;
    }

    /** A record to replace a damaged one: each table one generation past what this host has, so everyone refreshes. */
    private NotificationRecord rebuilt() {
        Map<SharedTable, NotificationRecord.Entry> t = new EnumMap<>(SharedTable.class);
        for (SharedTable table : SharedTable.values()) {
            t.put(table, new NotificationRecord.Entry(seen.getOrDefault(table, 0L) + 1, host.slot(), System.currentTimeMillis(), 0));
        }
        return new NotificationRecord(System.currentTimeMillis(), t);
    }

    // --- being notified ---------------------------------------------------------------------------------------------

    private void unitAttention(Sense sense) throws IOException {
        if (sense.asc() == 0x2A) {
            handleUnregistered("unit attention " + sense);
        } else if (sense.asc() == 0x29) {
            registrationLost(); // a reset or a new session: on some targets registrations belong to the session
        }
    }

    /** RESERVATION CONFLICT: if this host's key is gone, handle it as the notification it was; else not ours to fix. */
    private boolean registrationLost() throws IOException {
        if (handling.get()) {
            again = true;
            return false;
        }
        PrKeys keys = direct(medium::readKeys);
        if (keys.keys().contains(key)) {
            return false;
        }
        handleUnregistered("reservation conflict, key 0x" + Long.toHexString(key) + " no longer registered");
        return true;
    }

    private void handleUnregistered(String why) throws IOException {
        if (handling.get()) {
            again = true; // a notification while handling one: handled in the loop below
            return;
        }
        synchronized (io.windowLock()) { // lock order: the window's monitor, then the notification lock (see ClusterIo)
            synchronized (notifyLock) {
                handling.set(true);
                try {
                    handleNotification(why);
                } finally {
                    handling.set(false);
                }
            }
        }
    }

    /**
     * Brings this host's cache up to what the medium has told it: waits until every command another of its threads
     * issued earlier has come back and counted the notification it may have met (the target gives a unit attention
     * to whichever command comes first), then until a pass of the handler has covered every notification met — and
     * runs that pass here when no thread is about to. Not on the handling thread, nor inside a reservation window a
     * handler may be waiting for.
     */
    private void catchUp() throws IOException {
        if (handling.get() || Thread.holdsLock(io.windowLock())) {
            return;
        }
        io.awaitEarlierCommands();
        long met = io.notificationsMet();
        if (covered >= met) {
            return;
        }
        synchronized (notifyLock) {
            // a pass running on another thread finishes first
        }
        if (covered < met) {
            handleUnregistered("a notification another of this host's commands met");
        }
    }

    private void handleNotification(String why) throws IOException {
        do {
            long met = io.notificationsMet(); // this pass covers every notification met before it reads the record
            again = false;
            notificationsReceived.incrementAndGet();
            checkNotFenced(why);
            // Refresh while still unregistered: the target refuses this host's writes until its cache is
            // current, so no write can be decided on the old tables. Reads are allowed meanwhile (guests' commands
            // decide on the reservation record on the medium, see ClusteredDisk).
            byte[] record = refreshFromNotification();
            direct(() -> {
                medium.registerAndIgnoreExistingKey(key);
                return null;
            });
            // A change published while this host was unregistered could not preempt it: look once more.
            if (changedSince(record)) {
                again = true;
            }
            acknowledge(record);
            covered = Math.max(covered, met);
        } while (again);
    }

    /**
     * A file by name, from the cache — and when the cache has no such file, confirmed against the medium before
     * anyone is told it does not exist: this host catches up with the notifications its commands met, and a
     * notification record ahead of this host's cache is handled here (the unit attention that announces it may
     * not have arrived yet).
     */
    public Optional<DirectoryEntry> find(String name) throws IOException {
        Optional<DirectoryEntry> e = file(name);
        if (e.isPresent()) {
            return e;
        }
        catchUp();
        e = file(name);
        if (e.isPresent()) {
            return e;
        }
        byte[] record = direct(() -> medium.read(sb.notificationLba(), 1));
        if (tablesAhead(record)) {
            handleUnregistered("a file not in this host's cached directory, which is behind the notification record");
        }
        return file(name);
    }

    private boolean changedSince(byte[] recordBytes) throws IOException {
        long lba = sb.notificationLba();
        byte[] now = direct(() -> medium.read(lba, 1));
        return recordBytes != null && !Arrays.equals(now, recordBytes) && tablesAhead(now);
    }

    private boolean tablesAhead(byte[] bytes) {
        try {
            NotificationRecord r = NotificationRecord.decode(bytes, sb.notificationLba());
            for (SharedTable t : SharedTable.values()) {
                if (r.entry(t).generation() > seen.getOrDefault(t, 0L)) {
                    return true;
                }
            }
            return false;
        } catch (CorruptRecordException e) {
            return true;
        }
    }

    /** Unregistered and fenced: this host was declared dead. It stops; the command fails. */
    private void checkNotFenced(String why) throws IOException {
        ClusterHost host = this.host;
        if (host == null || host.heartbeat() == null) {
            return; // still joining: nothing to be fenced from yet
        }
        long lba = sb.heartbeatLba(host.slot());
        HeartbeatRecord hb = HeartbeatRecord.decode(direct(() -> medium.read(lba, 1)), lba, host.slot());
        if (hb.state() != HeartbeatRecord.State.LIVE || hb.generation() != host.heartbeatGeneration()
                || !hb.owner().equals(host.identity().uuid())) {
            fencedNotices.incrementAndGet();
            String reason = "its reservation key was removed (" + why + ") and its heartbeat slot " + host.slot() + " is now "
                    + hb.state().name().toLowerCase() + (hb.fencedBy() >= 0 ? " by slot " + hb.fencedBy() : "") + ", generation "
                    + hb.generation();
            host.fencedElsewhere(reason);
            throw new HostFencedException(identity + " was fenced: " + reason + "; it writes nothing more");
        }
    }

    /** Refreshes every table whose generation moved; returns the record as read (null when it was damaged). */
    private byte[] refreshFromNotification() throws IOException {
        long lba = sb.notificationLba();
        byte[] bytes = direct(() -> medium.read(lba, 1));
        NotificationRecord record;
        try {
            record = NotificationRecord.decode(bytes, lba);
        } catch (CorruptRecordException e) {
            damagedRecords.incrementAndGet();
            LOG.log(Level.WARNING, identity + ": " + e.getMessage() + "; refreshing every table");
            for (SharedTable table : SharedTable.values()) {
                refresh(table);
                fire(table);
            }
            return null;
        }
        for (SharedTable table : SharedTable.values()) {
            long generation = record.entry(table).generation();
            long cached = seen.getOrDefault(table, 0L);
            if (generation > cached) {
                refresh(table);
                seen.put(table, generation);
                fire(table);
            } else if (generation < cached) {
                staleRecords.incrementAndGet();
                LOG.log(Level.WARNING, identity + ": stale notification record: " + table.label() + " at generation "
                        + generation + " but this host has seen " + cached + "; ignored");
            }
        }
        return bytes;
    }

    /**
     * Clears this host's indicator bit, starting from the record as read (one COMPARE AND WRITE when nobody
     * changed it since); bits of hosts that died are cleared by the next writer.
     */
    private void acknowledge(byte[] recordBytes) throws IOException {
        ClusterHost h = host;
        if (h == null || recordBytes == null) {
            return; // still joining (the tables are read whole once it has a slot), or the record was damaged
        }
        long lba = sb.notificationLba();
        long mine = 1L << h.slot();
        NotificationRecord record = NotificationRecord.decode(recordBytes, lba);
        if (((record.entry(SharedTable.DIRECTORY).pending() | record.entry(SharedTable.VDR).pending()) & mine) == 0) {
            return;
        }
        try {
            io.update(lba, recordBytes, current -> {
                try {
                    return NotificationRecord.decode(current, lba).acknowledged(mine).encode(current.length);
                } catch (CorruptRecordException e) {
                    return null;
                }
            });
        } catch (HostFencedException fenced) {
            throw fenced;
        } catch (IOException e) {
            // another host's notification preempted this one's registration in the middle (hosts publishing at once): the
            // tables are refreshed already; the bit stays set and is cleared when this host handles the next notification
            LOG.log(Level.DEBUG, identity + ": could not clear its notification bit: " + e.getMessage());
        }
    }

    private void refreshAll() throws IOException {
        for (SharedTable table : SharedTable.values()) {
            refresh(table);
        }
        try {
            NotificationRecord r = NotificationRecord.decode(direct(() -> medium.read(sb.notificationLba(), 1)), sb.notificationLba());
            for (SharedTable table : SharedTable.values()) {
                seen.put(table, Math.max(seen.getOrDefault(table, 0L), r.entry(table).generation()));
            }
        } catch (CorruptRecordException e) {
            damagedRecords.incrementAndGet();
            LOG.log(Level.WARNING, e.getMessage());
        }
    }

    private void refresh(SharedTable table) throws IOException {
        switch (table) {
            case DIRECTORY -> {
                directory = readDirectory();
                directoryRefreshes.incrementAndGet();
            }
            case VDR -> {
                vdrs = readVdrs();
                vdrRefreshes.incrementAndGet();
            }
        }
    }

    /** Tells the listeners, once the cache and its generation are both in place. */
    private void fire(SharedTable table) {
        for (Consumer<SharedTable> l : refreshListeners) {
            l.accept(table);
        }
    }

    /** One entry as it is on the medium now. */
    DirectoryEntry readEntry(int index) throws IOException {
        long lba = sb.directoryLba(index);
        return DirectoryEntry.decode(io.read(lba), lba, index);
    }

    /** After a change of the namespace by this host: its cache from the medium, and the other hosts told. */
    void publishDirectory() throws IOException {
        directory = readDirectory();
        long deadline = System.nanoTime() + sb.timing().lockWait().toNanos();
        long pause = 1;
        while (true) {
            try {
                publish(SharedTable.DIRECTORY);
                return;
            } catch (HostFencedException fenced) {
                throw fenced;
            } catch (IOException e) {
                // hosts publishing at once preempt each other's registrations (each PREEMPTs all others): back off at random
                // and publish again — the change itself is committed already, so failing here would misinform the caller
                if (System.nanoTime() > deadline) {
                    LOG.log(Level.WARNING, identity + ": could not tell the other hosts of a change to the directory ("
                            + e.getMessage() + "); they learn of it at the next change, or when they miss a name");
                    return;
                }
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, pause + 2));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while publishing a directory change");
                }
                pause = Math.min(pause * 2, 100);
            }
        }
    }

    /** The directory as a transaction read it under the file-system lock (and changed and committed it). */
    void directoryRead(DirectoryEntry[] entries) {
        directory = entries.clone();
    }

    /** A new file's reservation record starts empty. */
    void forgetVdr(int index) {
        VdrRecord[] v = vdrs.clone();
        v[index] = VdrRecord.empty(index);
        vdrs = v;
    }

    /** The directory as it is on the medium (damaged entries are null: reported, never reused or written over). */
    DirectoryEntry[] readDirectory() throws IOException {
        DirectoryEntry[] entries = new DirectoryEntry[sb.directoryEntries()];
        readRegion(sb.directoryLba(), sb.directoryEntries(), (bytes, lba, i) -> {
            try {
                entries[i] = DirectoryEntry.decode(bytes, lba, i);
            } catch (CorruptRecordException e) {
                damagedRecords.incrementAndGet();
                LOG.log(Level.WARNING, e.getMessage());
                entries[i] = null;
            }
        });
        return entries;
    }

    private VdrRecord[] readVdrs() throws IOException {
        VdrRecord[] records = new VdrRecord[sb.directoryEntries()];
        readRegion(sb.vdrLba(), sb.directoryEntries(), (bytes, lba, i) -> {
            try {
                records[i] = VdrRecord.decode(bytes, lba, i);
            } catch (CorruptRecordException e) {
                damagedRecords.incrementAndGet();
                LOG.log(Level.WARNING, e.getMessage());
                records[i] = null;
            }
        });
        return records;
    }

    @FunctionalInterface
    private interface SectorVisitor {
        void visit(byte[] sector, long lba, int index);
    }

    private void readRegion(long first, int count, SectorVisitor visitor) throws IOException {
        int ss = medium.sectorSize();
        for (int start = 0; start < count; start += 256) {
            int n = Math.min(256, count - start);
            long lba = first + start;
            byte[] bytes = handling.get() ? direct(() -> medium.read(lba, n)) : io.read(lba, n);
            for (int i = 0; i < n; i++) {
                visitor.visit(Arrays.copyOfRange(bytes, i * ss, (i + 1) * ss), lba + i, start + i);
            }
        }
    }

    // --- the directory (cached) -----------------------------------------------------------------------------------

    /** Every file on the datastore, from this host's cache (no I/O). */
    public List<DirectoryEntry> files() {
        try {
            catchUp();
        } catch (IOException e) {
            LOG.log(Level.WARNING, identity + ": could not catch up with a notification before listing files: " + e.getMessage());
        }
        List<DirectoryEntry> in = new ArrayList<>();
        for (DirectoryEntry e : directory) {
            if (e != null && e.inUse()) {
                in.add(e);
            }
        }
        return in;
    }

    public Optional<DirectoryEntry> file(String name) {
        return files().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * Creates a file of {@code sizeBytes} with all its blocks allocated and zeroed (its missing parent directories first),
     * under the file-system lock, and tells the other hosts (see {@link DatastoreFiles#createThick}).
     */
    public DirectoryEntry create(String name, EntityKind kind, long sizeBytes) throws IOException {
        fs.mkdirs(DatastoreFiles.parentOf(DatastoreFiles.checkPath(name)));
        return fs.createThick(name, kind, sizeBytes);
    }

    /** Deletes a file or an empty directory (see {@link DatastoreFiles#delete}). */
    public void delete(String name) throws IOException {
        fs.delete(name);
    }

    // --- virtual disk reservations (cached) ------------------------------------------------------------------------

    /** The reservation state of a virtual disk, from this host's cache. */
    public VdrRecord vdr(int entry) {
        return vdrs[entry];
    }

    /** Reads a virtual disk's reservation record from the medium (a notification met on the way refreshes the cache). */
    VdrRecord readVdr(int entry) throws IOException {
        long lba = sb.vdrLba(entry);
        VdrRecord r = VdrRecord.decode(io.read(lba), lba, entry);
        VdrRecord[] v = vdrs.clone();
        v[entry] = r;
        vdrs = v;
        return r;
    }

    /** A change of a virtual disk's reservation state: applied to what is on the medium, atomically. */
    @FunctionalInterface
    interface VdrChange {
        void apply(VdrRecord.Draft draft) throws ScsiException;
    }

    /** Changes one virtual disk's reservation record with one atomic update, then tells the other hosts. */
    VdrRecord changeVdr(int entry, String initiator, VdrChange change) throws IOException {
        host.ensureHeartbeatValid();
        long lba = sb.vdrLba(entry);
        ClusterIo.Update u = io.update(lba, null, bytes -> {
            VdrRecord.Draft draft = VdrRecord.decode(bytes, lba, entry).draft(initiator, host.slot());
            change.apply(draft);
            return draft.done().encode(bytes.length);
        });
        VdrRecord after = VdrRecord.decode(u.after(), lba, entry);
        VdrRecord[] v = vdrs.clone();
        v[entry] = after;
        vdrs = v;
        if (u.written()) {
            publish(SharedTable.VDR);
        }
        return after;
    }

    /** Opens {@code file} as a SCSI disk for the guest whose SAN identity is {@code virtualInitiator}. */
    public ClusteredDisk openClusteredDisk(String file, String virtualInitiator) throws IOException {
        DirectoryEntry e = find(file).orElseThrow(() -> new NoSuchFileException(file, null, "not on " + sb.label()));
        if (virtualInitiator == null || virtualInitiator.isBlank() || SectorCodec.utf8Length(virtualInitiator) > VdrRecord.MAX_NAME_BYTES) {
            throw new IllegalArgumentException("virtual initiator: expected a name (an IQN or WWPN) of 1 to " + VdrRecord.MAX_NAME_BYTES
                    + " bytes, found " + (virtualInitiator == null ? "none" : "'" + virtualInitiator + "'"));
        }
        return new ClusteredDisk(this, e, virtualInitiator, fs.open(file, DatastoreFiles.Access.MULTI_WRITER, false, false, false));
    }

    ClusterIo io() {
        return io;
    }

    Medium medium() {
        return medium;
    }

    /** Leaves the cluster (releasing leases and the heartbeat slot), then unregisters. */
    @Override
    public void close() throws IOException {
        boolean fenced = host.fencedReason() != null;
        try {
            host.close();
        } finally {
            if (!fenced) {
                unregisterQuietly();
            }
        }
    }
}
