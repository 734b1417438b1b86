package io.lockstep.vdisk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lockstep.storage.file.OwnerOnly;

/**
 * One VMDK monolithicSparse file: header, embedded descriptor, grain directory and grain tables (primary and
 * redundant, both kept up to date as qemu and VMware expect), and grains allocated at the end of the file on
 * first write.
 *
 * <h2>Write ordering</h2>
 * A new grain's data is written at the end of the file; the grain-table entry that points at it is written
 * only at {@link #flush()}, after the data has been forced: data, force, tables (both copies), force. So a
 * crash at any instant leaves every table entry pointing at data that was written, and every write that was
 * flushed is there. (Reads before the flush see the new grain through the in-memory table.)
 */
public final class SparseExtent implements AutoCloseable {

    private final Path path;
    private final FileChannel ch;
    private final boolean writable;
    private SparseHeader header;
    private Descriptor descriptor;
    private final int[] gd;
    private final int[] rgd;
    private final Map<Integer, int[]> gts = new HashMap<>();
    private final BitSet dirtyGts = new BitSet();
    private long endSector;
    private boolean dataDirty;
    private boolean closed;

    private SparseExtent(Path path, FileChannel ch, boolean writable, SparseHeader header, Descriptor descriptor, int[] gd, int[] rgd,
            long endSector) {
        this.path = path;
        this.ch = ch;
        this.writable = writable;
        this.header = header;
        this.descriptor = descriptor;
        this.gd = gd;
        this.rgd = rgd;
        this.endSector = endSector;
    }

    // --- creating and opening ------------------------------------------------------------------------------

    /**
     * Creates a new extent of {@code capacitySectors} with {@code descriptor}: written under a temporary name,
     * forced, then renamed, so no half-written disk ever carries the final name. Refuses to replace a file. The file is
     * created readable by its owner only (0600) where the file system keeps POSIX permissions: it holds a guest's disk.
     */
    static void create(Path file, long capacitySectors, Descriptor descriptor) throws IOException {
        if (capacitySectors <= 0 || capacitySectors > (1L << 32) - 1) {
            throw new IllegalArgumentException("capacity: expected 1 sector to 2 TiB, found " + capacitySectors + " sectors");
        }
        if (Files.exists(file)) {
            throw new java.nio.file.FileAlreadyExistsException(file.toString(), null, "a file is already there; nothing was changed");
        }
        SparseHeader h = SparseHeader.layout(capacitySectors);
        Path tmp = file.resolveSibling(file.getFileName() + ".creating");
        try (FileChannel c = OwnerOnly.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) { // 0600: a guest's disk
            c.write(ByteBuffer.wrap(h.encode()), 0);
            c.write(ByteBuffer.wrap(descriptor.encode(h.descriptorSectors())), h.descriptorOffset() * 512);
            int gts = (int) h.grainTables(); // at most 65,536 for 2 TiB
            writeDirectory(c, h, h.redundantGdOffset(), gts);
            writeDirectory(c, h, h.gdOffset(), gts);
            c.truncate(h.overheadSectors() * 512);
            if (c.size() < h.overheadSectors() * 512) {
                c.write(ByteBuffer.allocate(1), h.overheadSectors() * 512 - 1);
            }
            c.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A grain directory whose tables follow it directly (qemu's layout); the tables themselves start zeroed. */
    private static void writeDirectory(FileChannel c, SparseHeader h, long dirOffset, int gts) throws IOException {
        ByteBuffer dir = ByteBuffer.allocate((int) h.gdSectors() * 512).order(ByteOrder.LITTLE_ENDIAN);
        long table = dirOffset + h.gdSectors();
        for (int i = 0; i < gts; i++) {
            dir.putInt((int) (table + i * h.gtSectors()));
        }
        c.write(ByteBuffer.wrap(dir.array()), dirOffset * 512);
    }

    /** Opens an extent; {@code writable} marks it unclean on disk until it is closed. */
    public static SparseExtent open(Path file, boolean writable) throws IOException {
        FileChannel c;
        try {
            c = writable ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE) : FileChannel.open(file, StandardOpenOption.READ);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such disk");
        }
        try {
            long size = c.size();
            byte[] raw = new byte[(int) Math.min(SparseHeader.SIZE, size)];
            readFully(c, raw, 0);
            SparseHeader h = SparseHeader.decode(raw, file.toString(), size); // every offset and length now lies inside the file
            byte[] desc = new byte[(int) (h.descriptorSectors() * 512)];
            readFully(c, desc, h.descriptorOffset() * 512);
            Descriptor d = Descriptor.parse(desc, file.toString());
            if (d.extentSectors() != h.capacitySectors()) {
                throw new VmdkFormatException(file + ": descriptor says " + d.extentSectors() + " sectors, header says " + h.capacitySectors());
            }
            long sectors = size / 512;
            int[] gd = readDirectory(c, h, h.gdOffset(), file, sectors, "grain directory");
            int[] rgd = h.redundant() ? readDirectory(c, h, h.redundantGdOffset(), file, sectors, "redundant grain directory") : null;
            SparseExtent e = new SparseExtent(file, c, writable, h, d, gd, rgd, (size + 511) / 512);
            if (writable) {
                e.writeHeader(h.withUncleanShutdown(true));
                c.force(false);
            }
            return e;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Reads a grain directory (its size and place were checked against the file by {@link SparseHeader#decode}). Each
     * table it names lies inside the file, and no two overlap: the tables held in memory are then never more than the
     * file's own bytes, whatever the header claims.
     */
    private static int[] readDirectory(FileChannel c, SparseHeader h, long offset, Path file, long fileSectors, String what) throws IOException {
        byte[] raw = new byte[(int) (h.gdSectors() * 512)];
        readFully(c, raw, offset * 512);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int[] dir = new int[(int) h.grainTables()];
        long[] starts = new long[dir.length];
        int allocated = 0;
        for (int i = 0; i < dir.length; i++) {
            dir[i] = b.getInt();
            long table = dir[i] & 0xFFFFFFFFL;
            if (table != 0 && table + h.gtSectors() > fileSectors) {
                throw new VmdkFormatException(file + ": " + what + " entry " + i + " points at sector " + table
                        + ", past the end of the file (" + fileSectors + " sectors)");
            }
            if (table != 0) {
                starts[allocated++] = table;
            }
        }
        Arrays.sort(starts, 0, allocated);
        for (int i = 1; i < allocated; i++) {
            if (starts[i] < starts[i - 1] + h.gtSectors()) {
                throw new VmdkFormatException(file + ": " + what + ": the grain tables at sectors " + starts[i - 1] + " and " + starts[i]
                        + " overlap; expected each table (" + h.gtSectors() + " sectors) in its own place");
            }
        }
        return dir;
    }

    // --- grains -------------------------------------------------------------------------------------------

    public Path path() {
        return path;
    }

    public SparseHeader header() {
        return header;
    }

    public Descriptor descriptor() {
        return descriptor;
    }

    public long capacitySectors() {
        return header.capacitySectors();
    }

    public int grainBytes() {
        return (int) header.grainSectors() * 512;
    }

    public boolean writable() {
        return writable;
    }

    /** Grain table {@code index} as read from the file (then kept), or null when the directory has none there (every grain unwritten). */
    private synchronized int[] table(int index) throws IOException {
        int[] t = gts.get(index);
        if (t != null) {
            return t;
        }
        long at = gd[index] & 0xFFFFFFFFL;
        if (at == 0) {
            return null;
        }
        t = new int[header.gtesPerGt()];
        byte[] raw = new byte[(int) header.gtSectors() * 512];
        readFully(ch, raw, at * 512);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long fileSectors = ch.size() / 512;
        for (int i = 0; i < t.length; i++) {
            t[i] = b.getInt();
            long grain = t[i] & 0xFFFFFFFFL;
            if (grain > 1 && grain + header.grainSectors() > fileSectors) {
                throw new VmdkFormatException(path + ": grain table " + index + " entry " + i + " points at sector " + grain
                        + ", past the end of the file (" + fileSectors + " sectors)");
            }
        }
        gts.put(index, t);
        return t;
    }

    /** {@link #grainSector} of a grain marked zeroed (entry 1 in newer VMDKs): reads as zeros, hides the parent. */
    public static final long ZEROED = -1;

    /** The sector where {@code grain} is stored, 0 when it was never written here, or {@link #ZEROED}. */
    public synchronized long grainSector(long grain) throws IOException {
        if (grain < 0 || grain >= header.grains()) {
            throw new IOException(path + ": grain " + grain + " is outside the disk's " + header.grains() + " grains");
        }
        int[] t = table((int) (grain / header.gtesPerGt()));
        if (t == null) {
            return 0;
        }
        long at = t[(int) (grain % header.gtesPerGt())] & 0xFFFFFFFFL;
        return at == 1 ? ZEROED : at;
    }

    /** Reads {@code length} bytes at {@code offset} inside an allocated grain. */
    synchronized void readAllocated(long grainSector, int offset, byte[] dst, int dstOffset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(dst, dstOffset, length);
        long pos = grainSector * 512 + offset;
        while (b.hasRemaining()) {
            if (ch.read(b, pos + (b.position() - dstOffset)) < 0) {
                throw new VmdkFormatException(path + ": the file ends inside the grain at sector " + grainSector);
            }
        }
    }

    /** Supplies a grain's current content from below this extent (the parent chain), for copy-on-write. */
    @FunctionalInterface
    interface Below {
        void read(long grain, byte[] into) throws IOException;
    }

    /**
     * Writes {@code length} bytes at {@code offset} in {@code grain}. A grain written here for the first time is
     * allocated whole at the end of the file, filled from {@code below} (copy-on-write) and then overlaid.
     */
    synchronized void write(long grain, int offset, byte[] src, int srcOffset, int length, Below below) throws IOException {
        ensureWritable();
        long at = grainSector(grain);
        if (at > 0) {
            writeFully(ByteBuffer.wrap(src, srcOffset, length), at * 512 + offset);
        } else {
            int gt = (int) (grain / header.gtesPerGt());
            if (gd[gt] == 0 || (rgd != null && rgd[gt] == 0)) {
                throw new VmdkFormatException(path + ": grain " + grain + " has no grain table to record it (directory entry " + gt
                        + " is empty); expected preallocated tables, as qemu-img and VMware write them");
            }
            byte[] whole = new byte[grainBytes()];
            if (at == 0 && (offset != 0 || length != whole.length)) {
                below.read(grain, whole); // copy-on-write: the rest of the grain as the chain below has it
            }
            System.arraycopy(src, srcOffset, whole, offset, length);
            long sector = endSector;
            writeFully(ByteBuffer.wrap(whole), sector * 512);
            endSector += header.grainSectors();
            table(gt)[(int) (grain % header.gtesPerGt())] = (int) sector;
            dirtyGts.set(gt);
        }
        dataDirty = true;
    }

    /** Writes a whole grain (commit uses it): in place, or allocated at the end. */
    synchronized void writeGrain(long grain, byte[] whole) throws IOException {
        write(grain, 0, whole, 0, whole.length, (g, into) -> {
        });
    }

    /** Every grain stored in this extent, in order. */
    public synchronized List<Long> allocatedGrains() throws IOException {
        List<Long> grains = new ArrayList<>();
        for (int t = 0; t < gd.length; t++) {
            int[] table = table(t);
            for (int i = 0; table != null && i < table.length; i++) {
                long grain = (long) t * header.gtesPerGt() + i;
                if ((table[i] & 0xFFFFFFFFL) > 1 && grain < header.grains()) {
                    grains.add(grain);
                }
            }
        }
        return grains;
    }

    // --- durability ---------------------------------------------------------------------------------------

    /** Makes every write so far durable: grain data first, then the tables that point at it (both copies). */
    public synchronized void flush() throws IOException {
        if (!writable || (!dataDirty && dirtyGts.isEmpty())) {
            return;
        }
        ch.force(false); // the grains, before anything points at them
        for (int gt = dirtyGts.nextSetBit(0); gt >= 0; gt = dirtyGts.nextSetBit(gt + 1)) {
            ByteBuffer b = ByteBuffer.allocate((int) header.gtSectors() * 512).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : gts.get(gt)) {
                b.putInt(v);
            }
            byte[] bytes = b.array();
            writeFully(ByteBuffer.wrap(bytes), (gd[gt] & 0xFFFFFFFFL) * 512);
            if (rgd != null) {
                writeFully(ByteBuffer.wrap(bytes), (rgd[gt] & 0xFFFFFFFFL) * 512);
            }
        }
        ch.force(false);
        dirtyGts.clear();
        dataDirty = false;
    }

    /** Replaces the content id (the content changed: children made before must no longer open over it). */
    synchronized void setCid(int cid) throws IOException {
        setDescriptor(descriptor.withCid(cid));
    }

    synchronized void setDescriptor(Descriptor d) throws IOException {
        ensureWritable();
        writeFully(ByteBuffer.wrap(d.encode(header.descriptorSectors())), header.descriptorOffset() * 512);
        ch.force(false);
        descriptor = d;
    }

    private void writeHeader(SparseHeader h) throws IOException {
        writeFully(ByteBuffer.wrap(h.encode()), 0);
        header = h;
    }

    private void ensureWritable() throws IOException {
        if (!writable) {
            throw new IOException(path + " is open read-only (a parent in a delta chain is never written)");
        }
        if (closed) {
            throw new IOException(path + " is closed");
        }
    }

    // --- checking -----------------------------------------------------------------------------------------

    /**
     * Looks at every table: entries that point past the end of the file or into the metadata, two entries
     * sharing one grain, a redundant directory that disagrees. Returns the problems found (empty: clean).
     */
    public synchronized List<String> check() throws IOException {
        List<String> problems = new ArrayList<>();
        long fileSectors = ch.size() / 512;
        Map<Long, Long> owner = new HashMap<>();
        for (int t = 0; t < gd.length; t++) {
            if (rgd != null && (gd[t] & 0xFFFFFFFFL) != 0 && (rgd[t] & 0xFFFFFFFFL) == 0) {
                problems.add("redundant grain directory entry " + t + " is empty but the primary is not");
            }
            int[] table;
            try {
                table = table(t);
            } catch (VmdkFormatException e) {
                problems.add(e.getMessage());
                continue;
            }
            for (int i = 0; table != null && i < table.length; i++) {
                long at = table[i] & 0xFFFFFFFFL;
                if (at <= 1) {
                    continue;
                }
                long grain = (long) t * header.gtesPerGt() + i;
                if (at < header.overheadSectors()) {
                    problems.add("grain " + grain + " points at sector " + at + ", inside the metadata (first grain sector " + header.overheadSectors() + ")");
                } else if (at + header.grainSectors() > fileSectors) {
                    problems.add("grain " + grain + " points at sector " + at + ", past the end of the file (" + fileSectors + " sectors)");
                }
                Long other = owner.put(at, grain);
                if (other != null) {
                    problems.add("grains " + other + " and " + grain + " both point at sector " + at);
                }
            }
        }
        return problems;
    }

    public synchronized long fileBytes() throws IOException {
        return ch.size();
    }

    /** Flushes, marks the extent clean, and closes it. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (writable) {
                flush();
                writeHeader(header.withUncleanShutdown(false));
                ch.force(false);
            }
        } finally {
            closed = true;
            ch.close();
        }
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        while (b.hasRemaining()) {
            position += ch.write(b, position);
        }
    }

    static void readFully(FileChannel c, byte[] dst, long position) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(dst);
        while (b.hasRemaining()) {
            if (c.read(b, position + b.position()) < 0) {
                break;
            }
        }
    }

    @Override
    public String toString() {
        return path.getFileName() + String.format(" (CID %08x%s)", descriptor.cid(),
                descriptor.hasParent() ? String.format(", parent %s CID %08x", descriptor.parentFileNameHint(), descriptor.parentCid()) : "");
    }
}
