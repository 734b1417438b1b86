package io.lockstep.cluster.records;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A sector of a file's extent map: the extents past those its directory entry holds inline, in file order. The map is
 * one block of the file system named by the entry; sector k of it holds extents inline + k × perSector onwards.
 *
 * <pre>
 *  0 4 "LSXM" | 4 2 version | 6 2 count | 8 4 directory entry | 12 4 sector index | 16 extents (8 bytes each) …
 * last 4: CRC32C
 * </pre>
 */
public record ExtentMapSector(int entry, int index, List<Extent> extents) {

    public static final String MAGIC = "LSXM";
    public static final int VERSION = 1;
    private static final int EXTENTS_OFFSET = 16;

    public ExtentMapSector {
        extents = List.copyOf(extents);
    }

    public static int perSector(int sectorSize) {
        return (sectorSize - EXTENTS_OFFSET - 4) / Extent.BYTES;
    }

    public byte[] encode(int sectorSize) {
        if (extents.size() > perSector(sectorSize)) {
            throw new IllegalArgumentException("extent map sector: at most " + perSector(sectorSize) + " extents, found " + extents.size());
        }
        ByteBuffer b = SectorCodec.begin(sectorSize, MAGIC, VERSION);
        b.putShort((short) extents.size());
        b.putInt(entry);
        b.putInt(index);
        for (Extent e : extents) {
            b.putInt((int) e.first());
            b.putInt((int) e.blocks());
        }
        return SectorCodec.seal(b);
    }

    public static ExtentMapSector decode(byte[] sector, long lba, int expectedEntry, int expectedIndex) throws CorruptRecordException {
        String what = "extent map sector " + expectedIndex + " of directory entry " + expectedEntry;
        ByteBuffer b = SectorCodec.open(sector, lba, what, MAGIC, VERSION);
        int count = b.getShort() & 0xFFFF;
        int entry = b.getInt();
        int index = b.getInt();
        if (entry != expectedEntry || index != expectedIndex || count > perSector(sector.length)) {
            throw new CorruptRecordException(what, lba, "entry " + entry + ", sector " + index + ", " + count + " extents");
        }
        List<Extent> extents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long first = Integer.toUnsignedLong(b.getInt());
            long n = Integer.toUnsignedLong(b.getInt());
            if (n == 0 || first + n > 0xFFFF_FFFFL) {
                throw new CorruptRecordException(what, lba, "extent " + i + " is " + first + "+" + n);
            }
            extents.add(new Extent(first, n));
        }
        return new ExtentMapSector(entry, index, extents);
    }
}
