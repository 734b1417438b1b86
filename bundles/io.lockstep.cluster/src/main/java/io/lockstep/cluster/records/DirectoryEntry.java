package io.lockstep.cluster.records;

import java.nio.ByteBuffer;
import io.lockstep.cluster.EntityKind;

/**
 * One entry of the datastore's directory (one sector): an entity (a file, typically a virtual disk) with its
 * extent in the data area. Hosts cache the whole directory and refresh it only when notified.
 *
 * <pre>
 *  0 4 "LSDE" | 4 2 version | 6 1 in use | 7 1 entity kind | 8 4 entry index | 12 4 0
 * 16 8 extent start (lba) | 24 8 extent sectors | 32 8 created (ms) | 40 8 size (bytes) | 48 202 name (UTF-8, 200 bytes)
 * last 4: CRC32C
 * </pre>
 */
public record DirectoryEntry(int index, boolean inUse, EntityKind kind, String name, long extentLba, long extentSectors,
        long sizeBytes, long createdMillis) {

    public static final String MAGIC = "LSDE";
    public static final int VERSION = 1;

    public static DirectoryEntry unused(int index) {
        return new DirectoryEntry(index, false, EntityKind.UNUSED, "", 0, 0, 0, 0);
    }

    public byte[] encode(int sectorSize) {
        ByteBuffer b = SectorCodec.begin(sectorSize, MAGIC, VERSION);
        b.put((byte) (inUse ? 1 : 0));
        b.put((byte) kind.ordinal());
        b.putInt(index);
        b.putInt(0);
        b.putLong(extentLba);
        b.putLong(extentSectors);
        b.putLong(createdMillis);
        b.putLong(sizeBytes);
        SectorCodec.putString(b, name, LockRecord.ENTITY_BYTES);
        return SectorCodec.seal(b);
    }

    public static DirectoryEntry decode(byte[] sector, long lba, int expectedIndex) throws CorruptRecordException {
        String what = "directory entry " + expectedIndex;
        ByteBuffer b = SectorCodec.open(sector, lba, what, MAGIC, VERSION);
        boolean inUse = b.get() == 1;
        int kind = b.get() & 0xFF;
        int index = b.getInt();
        b.getInt();
        if (index != expectedIndex || kind >= EntityKind.values().length) {
            throw new CorruptRecordException(what, lba, "index " + index + ", kind " + kind);
        }
        long start = b.getLong();
        long sectors = b.getLong();
        long created = b.getLong();
        long size = b.getLong();
        String name = SectorCodec.getString(b, LockRecord.ENTITY_BYTES, lba, what);
        return new DirectoryEntry(index, inUse, EntityKind.values()[kind], name, start, sectors, size, created);
    }
}
