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
 *   0   4 magic "LSCL"          4  2 version (2)
 *   6   2 reserved              8  4 sector size (bytes)
 *  12  16 cluster uuid         28  8 created (ms since the epoch, informational)
 *  36   4 I/O timeout (ms)     40  4 heartbeat slots
 *  44   8 heartbeat region lba 52  4 journal sectors per slot
 *  56   8 journal region lba   64  4 lock records
 *  68   8 lock region lba      76  8 notification region lba   84  4 notification sectors
 *  88   8 first free data lba  96 66 label (length-prefixed UTF-8, 64 bytes)
 * 162   8 directory region lba 170 4 directory entries   174  8 virtual-disk reservation region lba (one per entry)
 * 182   4 block size (sectors) 186 8 free-map lba (= first free data lba)  194 4 free-map sectors
 * 198   8 first block lba      206 8 blocks (the file system's data area: block b is at first block lba + b × block size)
 * 214   8 file lock region lba (one lock record per directory entry: each file's owner field)
 * last 4: CRC32C
 * </pre>
 * Version 2 added the file system (blocks and the free map, {@link FreeMapSector}); a version-1 medium is refused
 * with a request to format it again.
 */
public record Superblock(int sectorSize, UUID uuid, long createdMillis, Duration ioTimeout, int slots, long heartbeatLba,
        int journalSectors, long journalLba, int locks, long lockLba, long notificationLba, int notificationSectors,
        long dataLba, String label, long directoryLba, int directoryEntries, long vdrLba, int blockSectors, long freeMapLba,
        int freeMapSectors, long firstBlockLba, long blocks, long fileLockLba) {

    public static final String MAGIC = "LSCL";
    public static final int VERSION = 2;
    /** The file system's default block: 1 MiB, as VMFS. */
    public static final int DEFAULT_BLOCK_BYTES = 1 << 20;
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
        long fileLocks = vdr + entries;
        long data = fileLocks + entries;
        return new Superblock(sectorSize, UUID.randomUUID(), System.currentTimeMillis(), ioTimeout, slots, heartbeat,
                journalSectors, journal, locks, lock, notification, NOTIFICATION_SECTORS, data, label, directory, entries, vdr,
                0, data, 0, data, 0, fileLocks);
    }

    /**
     * This layout with its file system on a medium of {@code mediumSectors}: the free map right after the fixed regions,
     * then as many blocks of {@code blockBytes} as fit, the first aligned to a block boundary of the medium.
     */
    public Superblock withFileSystem(long mediumSectors, int blockBytes) {
        if (blockBytes < sectorSize || Integer.bitCount(blockBytes) != 1 || blockBytes > (64 << 20)) {
            throw new IllegalArgumentException("block size: expected a power of two from one sector (" + sectorSize
                    + " bytes) to 64 MiB, found " + blockBytes + " bytes");
        }
        int bs = blockBytes / sectorSize;
        long perMapSector = FreeMapSector.blocksPerSector(sectorSize);
        long mapSectors = 1;
        long blocks = 0;
        for (int i = 0; i < 4; i++) { // the map's size and the blocks it covers settle in a step or two
            long first = alignUp(dataLba + mapSectors, bs);
            blocks = Math.max(0, (mediumSectors - first) / bs);
            mapSectors = Math.max(1, (blocks + perMapSector - 1) / perMapSector);
        }
        long first = alignUp(dataLba + mapSectors, bs);
        blocks = Math.min(Math.max(0, (mediumSectors - first) / bs), 0xFFFF_FFFEL);
        if (blocks < 1) {
            throw new IllegalArgumentException("a medium of " + mediumSectors + " sectors holds no block of " + blockBytes
                    + " bytes after the cluster's regions (" + first + " sectors)");
        }
        return new Superblock(sectorSize, uuid, createdMillis, ioTimeout, slots, heartbeatLba, journalSectors, journalLba, locks,
                lockLba, notificationLba, notificationSectors, dataLba, label, directoryLba, directoryEntries, vdrLba, bs, dataLba,
                (int) mapSectors, first, blocks, fileLockLba);
    }

    private static long alignUp(long lba, long to) {
        return (lba + to - 1) / to * to;
    }

    public int blockBytes() {
        return blockSectors * sectorSize;
    }

    /** The first sector of block {@code block}. */
    public long blockLba(long block) {
        return firstBlockLba + block * blockSectors;
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

    /** The owner field (a lock record) of the file in directory entry {@code entry}. */
    public long fileLockLba(int entry) {
        return fileLockLba + entry;
    }

    public long vdrLba(int entry) {
        return vdrLba + entry;
    }

    /** The sectors the layout needs: a medium must have at least this many. */
    public long requiredSectors() {
        return blocks > 0 ? firstBlockLba + blocks * blockSectors : dataLba;
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
        b.putInt(blockSectors);
        b.putLong(freeMapLba);
        b.putInt(freeMapSectors);
        b.putLong(firstBlockLba);
        b.putLong(blocks);
        b.putLong(fileLockLba);
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
        int version = ((sector[4] & 0xFF) << 8) | (sector[5] & 0xFF);
        if (version == 1) {
            throw new ClusterFormatException(medium + " was formatted by an earlier Lockstep (layout version 1, without a file system on "
                    + "the medium); this one reads version " + VERSION + ": format it again with 'lockstep cluster format --force'");
        }
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
        int blockSectors = b.getInt();
        long freeMap = b.getLong();
        int freeMapSectors = b.getInt();
        long firstBlock = b.getLong();
        long blocks = b.getLong();
        long fileLocks = b.getLong();
        if (blockSectors < 1 || freeMapSectors < 1 || blocks < 1 || firstBlock < freeMap + freeMapSectors
                || (long) freeMapSectors * FreeMapSector.blocksPerSector(sectorSize) < blocks) {
            throw new ClusterFormatException(medium + ": the superblock's file system is inconsistent: block size " + blockSectors
                    + " sectors, free map at " + freeMap + " (" + freeMapSectors + " sectors), " + blocks + " blocks from sector " + firstBlock);
        }
        return new Superblock(sectorSize, uuid, created, io, slots, hb, journalSectors, journal, locks, lock, notification,
                notificationSectors, data, label, directory, entries, vdr, blockSectors, freeMap, freeMapSectors, firstBlock, blocks, fileLocks);
    }
}
