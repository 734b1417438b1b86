package io.lockstep.cluster.records;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import io.lockstep.cluster.ClusterFormatException;
import io.lockstep.cluster.Timing;

/**
 * Sector 0 of a formatted medium: what it is, its timing, and where each region lies.
 *
 * <pre>
 *   0   4 magic "LSCL"          4  2 version (1)
 *   6   2 reserved              8  4 sector size (bytes)
 *  12  16 cluster uuid         28  8 created (ms since the epoch, informational)
 *  36   4 I/O timeout (ms)     40  4 heartbeat slots
 *  44   8 heartbeat region lba 52  4 journal sectors per slot
 *  56   8 journal region lba   64  4 lock records
 *  68   8 lock region lba      76  8 notification region lba   84  4 notification sectors
 *  88   8 first free data lba  96 66 label (length-prefixed UTF-8, 64 bytes)
 * 162   8 directory region lba 170 4 directory entries   174  8 virtual-disk reservation region lba (one per entry)
 * last 4: CRC32C
 * </pre>
 */
public record Superblock(int sectorSize, UUID uuid, long createdMillis, Duration ioTimeout, int slots, long heartbeatLba,
        int journalSectors, long journalLba, int locks, long lockLba, long notificationLba, int notificationSectors,
        long dataLba, String label, long directoryLba, int directoryEntries, long vdrLba) {

    public static final String MAGIC = "LSCL";
    public static final int VERSION = 1;
    public static final int LABEL_BYTES = 64;
    public static final int NOTIFICATION_SECTORS = 15;
    /** Hosts are named in 64-bit bitmaps (the notification indicator), so a cluster has at most 64 slots, as VMFS. */
    public static final int MAX_SLOTS = 64;

    /** Lays out a new cluster: superblock, notification area, heartbeat slots, their journals, lock records. */
    public static Superblock layout(int sectorSize, Duration ioTimeout, int slots, int journalSectors, int locks, String label) {
        return layout(sectorSize, ioTimeout, slots, journalSectors, locks, 256, label);
    }

    /** The layout, with {@code entries} directory entries (files a datastore can hold) and as many VDR records. */
    public static Superblock layout(int sectorSize, Duration ioTimeout, int slots, int journalSectors, int locks, int entries,
            String label) {
        new Timing(ioTimeout); // validates
        if (slots < 1 || slots > MAX_SLOTS) {
            throw new IllegalArgumentException("heartbeat slots: expected 1 to " + MAX_SLOTS + ", found " + slots);
        }
        if (entries < 1 || entries > 100_000) {
            throw new IllegalArgumentException("directory entries: expected 1 to 100000, found " + entries);
        }
        if (journalSectors < 2 || journalSectors > JournalHeader.maxEntries(sectorSize) + 1) {
            throw new IllegalArgumentException("journal sectors per slot: expected 2 to " + (JournalHeader.maxEntries(sectorSize) + 1)
                    + ", found " + journalSectors);
        }
        if (locks < 1 || locks > 1_000_000) {
            throw new IllegalArgumentException("lock records: expected 1 to 1000000, found " + locks);
        }
        if (SectorCodec.utf8Length(label) > LABEL_BYTES) {
            throw new IllegalArgumentException("label: at most " + LABEL_BYTES + " bytes, found " + SectorCodec.utf8Length(label));
        }
        long notification = 1;
        long heartbeat = notification + NOTIFICATION_SECTORS;
        long journal = heartbeat + slots;
        long lock = journal + (long) slots * journalSectors;
        long directory = lock + locks;
        long vdr = directory + entries;
        long data = vdr + entries;
        return new Superblock(sectorSize, UUID.randomUUID(), System.currentTimeMillis(), ioTimeout, slots, heartbeat,
                journalSectors, journal, locks, lock, notification, NOTIFICATION_SECTORS, data, label, directory, entries, vdr);
    }

    public Timing timing() {
        return new Timing(ioTimeout);
    }

    public long heartbeatLba(int slot) {
        return heartbeatLba + slot;
    }

    public long journalLba(int slot) {
        return journalLba + (long) slot * journalSectors;
    }

    public long lockLba(int record) {
        return lockLba + record;
    }

    public long directoryLba(int entry) {
        return directoryLba + entry;
    }

    public long vdrLba(int entry) {
        return vdrLba + entry;
    }

    /** The sectors the layout needs: a medium must have at least this many. */
    public long requiredSectors() {
        return dataLba;
    }

    public byte[] encode() {
        ByteBuffer b = SectorCodec.begin(sectorSize, MAGIC, VERSION);
        b.putShort((short) 0);
        b.putInt(sectorSize);
        b.putLong(uuid.getMostSignificantBits());
        b.putLong(uuid.getLeastSignificantBits());
        b.putLong(createdMillis);
        b.putInt((int) ioTimeout.toMillis());
        b.putInt(slots);
        b.putLong(heartbeatLba);
        b.putInt(journalSectors);
        b.putLong(journalLba);
        b.putInt(locks);
        b.putLong(lockLba);
        b.putLong(notificationLba);
        b.putInt(notificationSectors);
        b.putLong(dataLba);
        SectorCodec.putString(b, label, LABEL_BYTES);
        b.putLong(directoryLba);
        b.putInt(directoryEntries);
        b.putLong(vdrLba);
        return SectorCodec.seal(b);
    }

    /**
     * Reads sector 0 of a medium. A medium that is not ours, of another version, or formatted with another
     * sector size than the medium now has, is refused with what was expected and found.
     */
    public static Superblock decode(byte[] sector, int mediumSectorSize, String medium) throws ClusterFormatException {
        String magic = new String(sector, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!MAGIC.equals(magic)) {
            throw new ClusterFormatException(medium + " is not formatted for Lockstep: expected magic \"" + MAGIC
                    + "\" in sector 0, found " + SectorCodec.hex(sector, 0, 4) + " (format it with 'lockstep cluster format')");
        }
        ByteBuffer b;
        try {
            b = SectorCodec.open(sector, 0, "superblock", MAGIC, VERSION);
        } catch (CorruptRecordException e) {
            for (int size = 512; size < sector.length; size *= 2) {
                try {
                    SectorCodec.open(java.util.Arrays.copyOf(sector, size), 0, "superblock", MAGIC, VERSION);
                    throw new ClusterFormatException(medium + " was formatted with " + size + "-byte sectors but the medium now has "
                            + mediumSectorSize + "-byte sectors");
                } catch (CorruptRecordException notThisSize) {
                    // try the next size
                }
            }
            throw new ClusterFormatException(medium + ": " + e.getMessage());
        }
        b.getShort();
        int sectorSize = b.getInt();
        if (sectorSize != mediumSectorSize) {
            throw new ClusterFormatException(medium + " was formatted with " + sectorSize + "-byte sectors but the medium now has "
                    + mediumSectorSize + "-byte sectors");
        }
        UUID uuid = new UUID(b.getLong(), b.getLong());
        long created = b.getLong();
        Duration io = Duration.ofMillis(b.getInt());
        int slots = b.getInt();
        long hb = b.getLong();
        int journalSectors = b.getInt();
        long journal = b.getLong();
        int locks = b.getInt();
        long lock = b.getLong();
        long notification = b.getLong();
        int notificationSectors = b.getInt();
        long data = b.getLong();
        String label;
        try {
            label = SectorCodec.getString(b, LABEL_BYTES, 0, "superblock");
        } catch (CorruptRecordException e) {
            throw new ClusterFormatException(medium + ": " + e.getMessage());
        }
        long directory = b.getLong();
        int entries = b.getInt();
        long vdr = b.getLong();
        return new Superblock(sectorSize, uuid, created, io, slots, hb, journalSectors, journal, locks, lock, notification,
                notificationSectors, data, label, directory, entries, vdr);
    }
}
