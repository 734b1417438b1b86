package io.lockstep.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.Medium;
import io.lockstep.cluster.records.CorruptRecordException;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.cluster.records.FreeMapSector;
import io.lockstep.cluster.records.HeartbeatRecord;
import io.lockstep.cluster.records.JournalHeader;
import io.lockstep.cluster.records.LockRecord;
import io.lockstep.cluster.records.NotificationRecord;
import io.lockstep.cluster.records.Superblock;
import io.lockstep.cluster.records.VdrRecord;

/**
 * A medium formatted for Lockstep, as one host sees it: its superblock and regions, listings of heartbeats
 * and locks, and {@link #join} to take part as a host.
 *
 * <h2>On-disk layout</h2>
 * <pre>
 * sector 0                 superblock ({@link Superblock})
 * 1 .. 15                  notification area: the notification record in sector 1, the rest reserved
 * heartbeat region         one {@link HeartbeatRecord} per slot
 * journal region           per slot: a {@link JournalHeader} and its redo images
 * lock region              one {@link LockRecord} per record; an entity's record is found by hashing its name
 * directory region         one {@link DirectoryEntry} per entry
 * VDR region               one {@link VdrRecord} per directory entry (the reservations of a virtual disk)
 * data area                the rest: what hosts guard with their locks
 * </pre>
 */
public final class Cluster {

    /** A record read from the medium, or why it could not be trusted (listings show both). */
    public record Read<T>(long lba, T record, CorruptRecordException error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final ClusterIo io;
    private final Superblock sb;

    private Cluster(ClusterIo io, Superblock sb) {
        this.io = io;
        this.sb = sb;
    }

    /**
     * Format options with defaults: 64 heartbeat slots, 16 journal sectors each, 1024 lock records, 1024 directory entries,
     * 1 MiB blocks.
     */
    public record FormatOptions(Duration ioTimeout, int slots, int journalSectors, int locks, int entries, String label, boolean force,
            int blockBytes) {
        public static FormatOptions defaults() {
            return new FormatOptions(Timing.DEFAULT_IO_TIMEOUT, 64, 16, 1024, 1024, "lockstep", false, Superblock.DEFAULT_BLOCK_BYTES);
        }

        public FormatOptions withIoTimeout(Duration io) {
            return new FormatOptions(io, slots, journalSectors, locks, entries, label, force, blockBytes);
        }

        public FormatOptions withLocks(int n) {
            return new FormatOptions(ioTimeout, slots, journalSectors, n, entries, label, force, blockBytes);
        }

        public FormatOptions withSlots(int n) {
            return new FormatOptions(ioTimeout, n, journalSectors, locks, entries, label, force, blockBytes);
        }

        public FormatOptions withEntries(int n) {
            return new FormatOptions(ioTimeout, slots, journalSectors, locks, n, label, force, blockBytes);
        }

        public FormatOptions withLabel(String l) {
            return new FormatOptions(ioTimeout, slots, journalSectors, locks, entries, l, force, blockBytes);
        }

        public FormatOptions withBlockBytes(int bytes) {
            return new FormatOptions(ioTimeout, slots, journalSectors, locks, entries, label, force, bytes);
        }

        public FormatOptions forced() {
            return new FormatOptions(ioTimeout, slots, journalSectors, locks, entries, label, true, blockBytes);
        }
    }

    /**
     * Formats {@code medium}: writes every region, then the superblock last, so a format cut short leaves no
     * valid superblock. Refuses a medium that is already formatted unless {@code force}, and a medium too small.
     */
    public static Superblock format(Medium medium, FormatOptions options) throws IOException {
        Superblock fixed = Superblock.layout(medium.sectorSize(), options.ioTimeout(), options.slots(), options.journalSectors(),
                options.locks(), options.entries(), options.label());
        long least = fixed.requiredSectors() + 2 + options.blockBytes() / medium.sectorSize() * 2L;
        if (medium.sectorCount() < least) {
            throw new ClusterFormatException(medium.uri() + " has " + medium.sectorCount() + " sectors; this layout ("
                    + options.slots() + " slots, " + options.locks() + " lock records, " + options.entries() + " directory entries, "
                    + options.blockBytes() + "-byte blocks) needs at least " + least);
        }
        Superblock sb = fixed.withFileSystem(medium.sectorCount(), options.blockBytes());
        ClusterIo io = new ClusterIo(medium, AcquisitionMode.bestFor(medium.capabilities()), sb.timing());
        if (!options.force()) {
            byte[] zero = io.read(0);
            try {
                Superblock existing = Superblock.decode(zero, medium.sectorSize(), medium.uri());
                throw new ClusterFormatException(medium.uri() + " is already formatted (label '" + existing.label() + "', cluster "
                        + existing.uuid() + "); formatting again destroys its leases — use --force to do it anyway");
            } catch (ClusterFormatException notOurs) {
                if (notOurs.getMessage().contains("already formatted")) {
                    throw notOurs;
                }
            }
        }
        int ss = medium.sectorSize();
        io.write(0, new byte[ss], true); // invalidate any old superblock first
        byte[] notification = new byte[sb.notificationSectors() * ss];
        System.arraycopy(NotificationRecord.empty().encode(ss), 0, notification, 0, ss);
        io.write(sb.notificationLba(), notification, false);
        byte[] hb = new byte[sb.slots() * ss];
        for (int slot = 0; slot < sb.slots(); slot++) {
            System.arraycopy(HeartbeatRecord.free(slot, 0).encode(ss), 0, hb, slot * ss, ss);
        }
        io.write(sb.heartbeatLba(), hb, false);
        for (int slot = 0; slot < sb.slots(); slot++) {
            byte[] journal = new byte[sb.journalSectors() * ss];
            System.arraycopy(JournalHeader.empty(slot).encode(ss), 0, journal, 0, ss);
            io.write(sb.journalLba(slot), journal, false);
        }
        int chunk = 256;
        for (int first = 0; first < sb.locks(); first += chunk) {
            int n = Math.min(chunk, sb.locks() - first);
            byte[] locks = new byte[n * ss];
            for (int i = 0; i < n; i++) {
                System.arraycopy(LockRecord.unused(first + i).encode(ss), 0, locks, i * ss, ss);
            }
            io.write(sb.lockLba(first), locks, false);
        }
        for (int first = 0; first < sb.directoryEntries(); first += chunk) {
            int n = Math.min(chunk, sb.directoryEntries() - first);
            byte[] dir = new byte[n * ss];
            byte[] vdr = new byte[n * ss];
            for (int i = 0; i < n; i++) {
                System.arraycopy(DirectoryEntry.unused(first + i).encode(ss), 0, dir, i * ss, ss);
                System.arraycopy(VdrRecord.empty(first + i).encode(ss), 0, vdr, i * ss, ss);
            }
            byte[] fileLocks = new byte[n * ss];
            for (int i = 0; i < n; i++) {
                System.arraycopy(LockRecord.unused(first + i).encode(ss), 0, fileLocks, i * ss, ss);
            }
            io.write(sb.directoryLba(first), dir, false);
            io.write(sb.vdrLba(first), vdr, false);
            io.write(sb.fileLockLba(first), fileLocks, false);
        }
        for (int first = 0; first < sb.freeMapSectors(); first += chunk) {
            int n = Math.min(chunk, sb.freeMapSectors() - first);
            byte[] map = new byte[n * ss];
            for (int i = 0; i < n; i++) {
                System.arraycopy(FreeMapSector.empty(first + i).encode(ss), 0, map, i * ss, ss);
            }
            io.write(sb.freeMapLba() + first, map, false);
        }
        io.flush();
        io.write(0, sb.encode(), true);
        return sb;
    }

    /** Opens a formatted medium; refuses one that is not ours, of another version, or of another sector size. */
    public static Cluster open(Medium medium, AcquisitionMode mode) throws IOException {
        // the superblock is read before the timing is known: use the default timing to wait out reservations
        ClusterIo probe = new ClusterIo(medium, mode, new Timing(Timing.DEFAULT_IO_TIMEOUT));
        byte[] zero;
        try {
            zero = probe.read(0);
        } catch (CheckConditionException e) {
            throw new ClusterFormatException(medium.uri() + ": cannot read the superblock: " + e.getMessage());
        }
        Superblock sb = Superblock.decode(zero, medium.sectorSize(), medium.uri());
        if (medium.sectorCount() < sb.requiredSectors()) {
            throw new ClusterFormatException(medium.uri() + ": the superblock describes " + sb.requiredSectors()
                    + " sectors of regions but the medium has only " + medium.sectorCount());
        }
        return new Cluster(new ClusterIo(medium, mode, sb.timing()), sb);
    }

    public static Cluster open(Medium medium) throws IOException {
        return open(medium, AcquisitionMode.bestFor(medium.capabilities()));
    }

    public Superblock superblock() {
        return sb;
    }

    public Timing timing() {
        return sb.timing();
    }

    public ClusterIo io() {
        return io;
    }

    /** Every heartbeat slot, read in one command. */
    public List<Read<HeartbeatRecord>> heartbeats() throws IOException {
        byte[] region = io.read(sb.heartbeatLba(), sb.slots());
        int ss = io.sectorSize();
        List<Read<HeartbeatRecord>> slots = new ArrayList<>();
        for (int slot = 0; slot < sb.slots(); slot++) {
            long lba = sb.heartbeatLba(slot);
            try {
                slots.add(new Read<>(lba, HeartbeatRecord.decode(Arrays.copyOfRange(region, slot * ss, (slot + 1) * ss), lba, slot), null));
            } catch (CorruptRecordException e) {
                slots.add(new Read<>(lba, null, e));
            }
        }
        return slots;
    }

    /** Every lock record in use (an entity was ever locked there), and every damaged one. */
    public List<Read<LockRecord>> locks() throws IOException {
        List<Read<LockRecord>> records = new ArrayList<>();
        int ss = io.sectorSize();
        int chunk = 256;
        for (int first = 0; first < sb.locks(); first += chunk) {
            int n = Math.min(chunk, sb.locks() - first);
            byte[] bytes = io.read(sb.lockLba(first), n);
            for (int i = 0; i < n; i++) {
                long lba = sb.lockLba(first + i);
                try {
                    LockRecord r = LockRecord.decode(Arrays.copyOfRange(bytes, i * ss, (i + 1) * ss), lba, first + i);
                    if (!r.unused()) {
                        records.add(new Read<>(lba, r, null));
                    }
                } catch (CorruptRecordException e) {
                    records.add(new Read<>(lba, null, e));
                }
            }
        }
        return records;
    }

    /** Every directory entry in use, and every damaged one. */
    public List<Read<DirectoryEntry>> directory() throws IOException {
        List<Read<DirectoryEntry>> entries = new ArrayList<>();
        int ss = io.sectorSize();
        for (int first = 0; first < sb.directoryEntries(); first += 256) {
            int n = Math.min(256, sb.directoryEntries() - first);
            byte[] bytes = io.read(sb.directoryLba(first), n);
            for (int i = 0; i < n; i++) {
                long lba = sb.directoryLba(first + i);
                try {
                    DirectoryEntry e = DirectoryEntry.decode(Arrays.copyOfRange(bytes, i * ss, (i + 1) * ss), lba, first + i);
                    if (e.inUse()) {
                        entries.add(new Read<>(lba, e, null));
                    }
                } catch (CorruptRecordException e) {
                    entries.add(new Read<>(lba, null, e));
                }
            }
        }
        return entries;
    }

    public NotificationRecord notificationRecord() throws IOException {
        return NotificationRecord.decode(io.read(sb.notificationLba()), sb.notificationLba());
    }

    /** Takes part as {@code identity}: claims a heartbeat slot and starts renewing it. */
    public ClusterHost join(HostIdentity identity) throws IOException {
        return join(identity, HeartbeatDriver.DAEMON);
    }

    /** Joins with renewals run by {@code driver} (a test's, to make the host hang or die when it chooses). */
    public ClusterHost join(HostIdentity identity, HeartbeatDriver driver) throws IOException {
        return ClusterHost.join(this, identity, driver);
    }
}
