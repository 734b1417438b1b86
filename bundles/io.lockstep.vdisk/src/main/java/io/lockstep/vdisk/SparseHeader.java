package io.lockstep.vdisk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 512-byte header of a VMDK hosted sparse extent (monolithicSparse), little-endian, as VMware's "Virtual
 * Disk Format 5.0" and qemu's vmdk driver lay it out:
 *
 * <pre>
 *  0 u32 magic "KDMV"            4 u32 version (1)           8 u32 flags
 * 12 u64 capacity (sectors)     20 u64 grain size (sectors) 28 u64 descriptor offset (sectors)
 * 36 u64 descriptor size        44 u32 grain table entries per grain table (512)
 * 48 u64 redundant grain directory offset                   56 u64 grain directory offset
 * 64 u64 overhead (sectors before the first grain)          72 u8  unclean shutdown
 * 73 4 bytes '\n' ' ' '\r' '\n' (a check that the file was not through a newline conversion)
 * 77 u16 compression algorithm (0: none)
 * </pre>
 * Flags: bit 0 valid newline test, bit 1 redundant grain table in use.
 */
public record SparseHeader(long capacitySectors, long grainSectors, long descriptorOffset, long descriptorSectors, int gtesPerGt,
        long redundantGdOffset, long gdOffset, long overheadSectors, int flags, boolean uncleanShutdown) {

    public static final int MAGIC = 0x564D444B; // "KDMV" read as a little-endian u32
    public static final int SIZE = 512;
    public static final int FLAG_NEWLINE_TEST = 0x1;
    public static final int FLAG_REDUNDANT_GT = 0x2;
    public static final int FLAG_COMPRESSED = 0x10000;
    public static final int FLAG_MARKERS = 0x20000;
    public static final long DEFAULT_GRAIN = 128; // 64 KiB
    public static final int GTES_PER_GT = 512;

    /** Sectors covered by one grain table. */
    public long sectorsPerGt() {
        return grainSectors * gtesPerGt;
    }

    public long grains() {
        return (capacitySectors + grainSectors - 1) / grainSectors;
    }

    /** Grain tables the capacity needs (a long: a hostile header may ask for more than an int holds; {@link #decode} bounds it by the file). */
    public long grainTables() {
        return (capacitySectors + sectorsPerGt() - 1) / sectorsPerGt();
    }

    /** Sectors one grain directory (of u32 entries) takes. */
    public long gdSectors() {
        return (grainTables() * 4L + 511) / 512;
    }

    /** Sectors one grain table (of u32 entries) takes. */
    public long gtSectors() {
        return (gtesPerGt * 4L + 511) / 512;
    }

    public boolean redundant() {
        return (flags & FLAG_REDUNDANT_GT) != 0;
    }

    /** The layout qemu-img and VMware use for a new extent of {@code capacitySectors}. */
    public static SparseHeader layout(long capacitySectors) {
        long grain = DEFAULT_GRAIN;
        long sectorsPerGt = grain * GTES_PER_GT;
        int gts = (int) ((capacitySectors + sectorsPerGt - 1) / sectorsPerGt);
        long gdSectors = (gts * 4L + 511) / 512;
        long gtSectors = (GTES_PER_GT * 4L + 511) / 512;
        long descriptorOffset = 1;
        long descriptorSectors = 20;
        long rgd = descriptorOffset + descriptorSectors;
        long gd = rgd + gdSectors + gts * gtSectors;
        long end = gd + gdSectors + gts * gtSectors;
        long overhead = (end + grain - 1) / grain * grain;
        return new SparseHeader(capacitySectors, grain, descriptorOffset, descriptorSectors, GTES_PER_GT, rgd, gd, overhead,
                FLAG_NEWLINE_TEST | FLAG_REDUNDANT_GT, false);
    }

    SparseHeader withUncleanShutdown(boolean unclean) {
        return new SparseHeader(capacitySectors, grainSectors, descriptorOffset, descriptorSectors, gtesPerGt, redundantGdOffset,
                gdOffset, overheadSectors, flags, unclean);
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC);
        b.putInt(1);
        b.putInt(flags);
        b.putLong(capacitySectors);
        b.putLong(grainSectors);
        b.putLong(descriptorOffset);
        b.putLong(descriptorSectors);
        b.putInt(gtesPerGt);
        b.putLong(redundantGdOffset);
        b.putLong(gdOffset);
        b.putLong(overheadSectors);
        b.put((byte) (uncleanShutdown ? 1 : 0));
        b.put((byte) '\n');
        b.put((byte) ' ');
        b.put((byte) '\r');
        b.put((byte) '\n');
        b.putShort((short) 0);
        return b.array();
    }

    /** The most grain tables a header may need: 2^28 (a 1 GiB directory; a 2 TiB disk of 64 KiB grains needs 65,536). */
    public static final long MAX_GRAIN_TABLES = 1L << 28;

    /** The largest embedded descriptor we read: qemu and VMware write 20 sectors (10 KiB); 1 MiB leaves ample room. */
    public static final long MAX_DESCRIPTOR_SECTORS = 2048;

    /**
     * Reads a header, refusing with what was expected and found anything this implementation cannot use
     * safely: another magic, a version other than 1–3, compressed or stream-optimized extents, a mangled
     * newline test, a grain size that is not a power of two, a descriptor or directories that do not lie inside
     * the file. Every offset and length is checked against {@code fileSize} without overflowing, so what the
     * caller allocates from the header afterwards is bounded by the file's own size.
     */
    static SparseHeader decode(byte[] raw, String file, long fileSize) throws VmdkFormatException {
        if (raw.length < 80) {
            throw new VmdkFormatException(file + ": not a VMDK sparse extent: expected a 512-byte header, found a " + raw.length + "-byte file");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        if (magic != MAGIC) {
            throw new VmdkFormatException(String.format("%s: not a VMDK sparse extent: expected magic \"KDMV\" at offset 0, found %02x%02x%02x%02x",
                    file, raw[0], raw[1], raw[2], raw[3]));
        }
        int version = b.getInt(4);
        if (version < 1 || version > 3) {
            throw new VmdkFormatException(file + ": VMDK sparse version " + version + " is not supported (expected 1 to 3)");
        }
        int flags = b.getInt(8);
        if ((flags & (FLAG_COMPRESSED | FLAG_MARKERS)) != 0 || b.getShort(77) != 0) {
            throw new VmdkFormatException(file + ": compressed (stream-optimized) VMDK extents are not supported; convert it with "
                    + "qemu-img convert -O vmdk -o subformat=monolithicSparse");
        }
        if ((flags & FLAG_NEWLINE_TEST) != 0 && (raw[73] != '\n' || raw[74] != ' ' || raw[75] != '\r' || raw[76] != '\n')) {
            throw new VmdkFormatException(file + ": the header's newline test failed (the file went through a text conversion)");
        }
        long capacity = b.getLong(12);
        long grain = b.getLong(20);
        long descOffset = b.getLong(28);
        long descSize = b.getLong(36);
        int gtes = b.getInt(44);
        long rgd = b.getLong(48);
        long gd = b.getLong(56);
        long overhead = b.getLong(64);
        boolean unclean = raw[72] != 0;
        if (grain < 8 || grain > 65536 || Long.bitCount(grain) != 1) {
            throw new VmdkFormatException(file + ": grain size " + grain + " sectors is not a power of two from 8 to 65536");
        }
        if (gtes <= 0 || gtes > 65536 || capacity <= 0 || capacity > (1L << 40)) {
            throw new VmdkFormatException(file + ": implausible header: capacity " + capacity + " sectors, " + gtes + " entries per grain table");
        }
        SparseHeader h = new SparseHeader(capacity, grain, descOffset, descSize, gtes, rgd, gd, overhead, flags, unclean);
        long sectors = fileSize / 512;
        long tables = h.grainTables(); // at most 2^37: capacity ≤ 2^40 sectors, at least 8 sectors per table
        if (tables > fileSize / 4 || tables > MAX_GRAIN_TABLES) {
            throw new VmdkFormatException(file + ": its capacity of " + capacity + " sectors needs " + tables + " grain tables; expected a grain "
                    + "directory of that many entries inside the file, which holds " + sectors + " sectors");
        }
        if (h.gtSectors() > sectors) {
            throw new VmdkFormatException(file + ": expected grain tables (" + gtes + " entries, " + h.gtSectors()
                    + " sectors each) that fit in the file, which holds " + sectors + " sectors");
        }
        if (!inside(gd, h.gdSectors(), sectors) || (h.redundant() && !inside(rgd, h.gdSectors(), sectors))) {
            throw new VmdkFormatException(file + ": truncated: its grain directory (sector " + gd + (h.redundant() ? ", redundant at " + rgd : "")
                    + ", " + h.gdSectors() + " sectors) lies past the end of the file (" + sectors + " sectors)");
        }
        if (descSize <= 0 || descSize > MAX_DESCRIPTOR_SECTORS || !inside(descOffset, descSize, sectors)) {
            throw new VmdkFormatException(file + ": expected an embedded descriptor of 1 to " + MAX_DESCRIPTOR_SECTORS
                    + " sectors inside the file (" + sectors + " sectors), found " + descSize + " sectors at sector " + descOffset);
        }
        return h;
    }

    /** Whether {@code count} sectors from sector {@code start} (after the header, sector 0) lie inside {@code fileSectors}, without overflow. */
    static boolean inside(long start, long count, long fileSectors) {
        return start >= 1 && count >= 0 && start <= fileSectors && count <= fileSectors - start;
    }
}
