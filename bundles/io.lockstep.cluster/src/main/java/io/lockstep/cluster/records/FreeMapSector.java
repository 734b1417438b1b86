package io.lockstep.cluster.records;

import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * One sector of the file system's free map: a bit per block, set when the block belongs to a file (or to a file's
 * extent map). Changed only under the file-system lock, through the redo journal, together with the directory entries
 * whose extents it accounts for.
 *
 * <pre>
 *  0 4 "LSFM" | 4 2 version | 6 2 0 | 8 4 sector index | 12 4 0 | 16 bits (block index × blocksPerSector + i is bit i) …
 * last 4: CRC32C
 * </pre>
 */
public record FreeMapSector(int index, BitSet used) {

    public static final String MAGIC = "LSFM";
    public static final int VERSION = 1;
    private static final int BITS_OFFSET = 16;

    /** How many blocks one sector of the map covers. */
    public static long blocksPerSector(int sectorSize) {
        return (long) (sectorSize - BITS_OFFSET - 4) * 8;
    }

    public static FreeMapSector empty(int index) {
        return new FreeMapSector(index, new BitSet());
    }

    public byte[] encode(int sectorSize) {
        ByteBuffer b = SectorCodec.begin(sectorSize, MAGIC, VERSION);
        b.putShort((short) 0);
        b.putInt(index);
        b.putInt(0);
        byte[] bits = used.toByteArray();
        if (bits.length > sectorSize - BITS_OFFSET - 4) {
            throw new IllegalArgumentException("free map sector " + index + ": " + used.length() + " bits do not fit a sector of " + sectorSize);
        }
        b.put(bits);
        return SectorCodec.seal(b);
    }

    public static FreeMapSector decode(byte[] sector, long lba, int expectedIndex) throws CorruptRecordException {
        String what = "free map sector " + expectedIndex;
        ByteBuffer b = SectorCodec.open(sector, lba, what, MAGIC, VERSION);
        b.getShort();
        int index = b.getInt();
        if (index != expectedIndex) {
            throw new CorruptRecordException(what, lba, "expected index " + expectedIndex + ", found " + index);
        }
        return new FreeMapSector(index, BitSet.valueOf(ByteBuffer.wrap(sector, BITS_OFFSET, sector.length - BITS_OFFSET - 4)));
    }
}
