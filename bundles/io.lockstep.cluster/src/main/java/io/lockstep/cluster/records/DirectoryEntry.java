package io.lockstep.cluster.records;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import io.lockstep.cluster.EntityKind;

/**
 * One entry of the datastore's directory (one sector): a file or a directory of the file system on the medium — its
 * name (the whole path), size, times, and where its data lies: the first {@link #INLINE} extents here, the rest in its
 * extent map (one block, {@link ExtentMapSector}). Hosts cache the whole directory and refresh it when notified of a
 * change to the namespace; a file's size and extents are read from the medium when it is opened.
 *
 * <pre>
 *  0 4 "LSDE" | 4 2 version | 6 1 in use | 7 1 entity kind | 8 4 entry index | 12 4 extent count
 * 16 8 size (bytes) | 24 8 created (ms) | 32 8 modified (ms) | 40 8 blocks allocated (extent map included)
 * 48 8 extent map block (-1: none) | 56 202 name (UTF-8, 200 bytes) | 258 30 × 8 inline extents (first u32 | blocks u32)
 * last 4: CRC32C
 * </pre>
 */
public record DirectoryEntry(int index, boolean inUse, EntityKind kind, String name, long sizeBytes, long createdMillis,
        long modifiedMillis, long blocks, int extentCount, long mapBlock, List<Extent> inline) {

    public static final String MAGIC = "LSDE";
    public static final int VERSION = 2;
    public static final int INLINE = 30;
    public static final long NO_MAP = -1;
    private static final int EXTENTS_OFFSET = 258;

    public DirectoryEntry {
        inline = List.copyOf(inline);
        if (inline.size() > INLINE || inline.size() > extentCount) {
            throw new IllegalArgumentException("directory entry " + index + ": " + inline.size() + " inline extents of " + extentCount);
        }
    }

    public static DirectoryEntry unused(int index) {
        return new DirectoryEntry(index, false, EntityKind.UNUSED, "", 0, 0, 0, 0, 0, NO_MAP, List.of());
    }

    public static DirectoryEntry directory(int index, String name, long now) {
        return new DirectoryEntry(index, true, EntityKind.DIRECTORY, name, 0, now, now, 0, 0, NO_MAP, List.of());
    }

    public boolean isDirectory() {
        return kind == EntityKind.DIRECTORY;
    }

    public DirectoryEntry renamed(String newName, long now) {
        return new DirectoryEntry(index, inUse, kind, newName, sizeBytes, createdMillis, now, blocks, extentCount, mapBlock, inline);
    }

    public DirectoryEntry withSize(long size, long now) {
        return new DirectoryEntry(index, inUse, kind, name, size, createdMillis, now, blocks, extentCount, mapBlock, inline);
    }

    /** This entry with all of its extents (and the map block that holds those past {@link #INLINE}, or {@link #NO_MAP}). */
    public DirectoryEntry withExtents(List<Extent> all, long map, long now) {
        long n = map == NO_MAP ? 0 : 1;
        for (Extent e : all) {
            n += e.blocks();
        }
        return new DirectoryEntry(index, inUse, kind, name, sizeBytes, createdMillis, now, n, all.size(), map,
                all.subList(0, Math.min(INLINE, all.size())));
    }

    public byte[] encode(int sectorSize) {
        ByteBuffer b = SectorCodec.begin(sectorSize, MAGIC, VERSION);
        b.put((byte) (inUse ? 1 : 0));
        b.put((byte) kind.ordinal());
        b.putInt(index);
        b.putInt(extentCount);
        b.putLong(sizeBytes);
        b.putLong(createdMillis);
        b.putLong(modifiedMillis);
        b.putLong(blocks);
        b.putLong(mapBlock);
        SectorCodec.putString(b, name, LockRecord.ENTITY_BYTES);
        b.position(EXTENTS_OFFSET);
        for (Extent e : inline) {
            b.putInt((int) e.first());
            b.putInt((int) e.blocks());
        }
        return SectorCodec.seal(b);
    }

    public static DirectoryEntry decode(byte[] sector, long lba, int expectedIndex) throws CorruptRecordException {
        String what = "directory entry " + expectedIndex;
        ByteBuffer b = SectorCodec.open(sector, lba, what, MAGIC, VERSION);
        boolean inUse = b.get() == 1;
        int kind = b.get() & 0xFF;
        int index = b.getInt();
        int extentCount = b.getInt();
        if (index != expectedIndex || kind >= EntityKind.values().length) {
            throw new CorruptRecordException(what, lba, "index " + index + ", kind " + kind);
        }
        long size = b.getLong();
        long created = b.getLong();
        long modified = b.getLong();
        long blocks = b.getLong();
        long map = b.getLong();
        if (extentCount < 0 || size < 0 || blocks < 0 || (extentCount > INLINE) != (map != NO_MAP) || map < NO_MAP) {
            throw new CorruptRecordException(what, lba, "size " + size + ", " + blocks + " blocks in " + extentCount
                    + " extents, extent map " + (map == NO_MAP ? "none" : "block " + map));
        }
        String name = SectorCodec.getString(b, LockRecord.ENTITY_BYTES, lba, what);
        b.position(EXTENTS_OFFSET);
        List<Extent> inline = new ArrayList<>();
        for (int i = 0; i < Math.min(INLINE, extentCount); i++) {
            long first = Integer.toUnsignedLong(b.getInt());
            long n = Integer.toUnsignedLong(b.getInt());
            if (n == 0 || first + n > 0xFFFF_FFFFL) {
                throw new CorruptRecordException(what, lba, "inline extent " + i + " is " + first + "+" + n);
            }
            inline.add(new Extent(first, n));
        }
        return new DirectoryEntry(index, inUse, EntityKind.values()[kind], name, size, created, modified, blocks, extentCount, map, inline);
    }
}
