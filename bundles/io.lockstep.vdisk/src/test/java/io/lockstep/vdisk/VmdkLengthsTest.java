package io.lockstep.vdisk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lengths trusted: a VMDK header whose counts, sizes and offsets are out of all proportion to the file is refused with
 * {@link VmdkFormatException} — no overflow, no negative array, no allocation beyond the file's size — and the file is
 * left as it was. (The agent parses every VM's disk on each listing.)
 */
class VmdkLengthsTest {

    /** A VMDK header's fields, by byte offset (see {@link SparseHeader}). */
    static final int CAPACITY = 12, GRAIN = 20, DESC_OFFSET = 28, DESC_SIZE = 36, GTES = 44, GD = 56;

    /** What opening a hostile header may allocate at most: far below what the header asks for, and a few times the file. */
    static final long ALLOCATION_LIMIT = 16 << 20;

    @TempDir
    Path dir;

    Path disk(String name, long bytes) throws IOException {
        Path p = dir.resolve(name);
        DiskChain.create(p, bytes);
        return p;
    }

    static void patchLong(Path p, int offset, long value) throws IOException {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
            c.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value), offset);
        }
    }

    static void patchInt(Path p, long offset, int value) throws IOException {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
            c.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value), offset);
        }
    }

    /** Makes the descriptor's extent line agree with a capacity the header will be given (so only the header is wrong). */
    static void describeCapacity(Path p, long sectors) throws IOException {
        try (SparseExtent e = SparseExtent.open(p, true)) {
            Descriptor d = e.descriptor();
            e.setDescriptor(new Descriptor(d.cid(), d.parentCid(), d.createType(), d.parentFileNameHint(), sectors, d.extentFile(), d.ddb()));
        }
    }

    /** Opening {@code p} is refused with a {@link VmdkFormatException} naming {@code expected}, allocating little and writing nothing. */
    static void refused(Path p, String expected) throws Exception {
        byte[] before = Files.readAllBytes(p);
        long start = allocatedBytes();
        Throwable[] thrown = new Throwable[1];
        try {
            DiskChain.open(p, true).close();
        } catch (Throwable t) {
            thrown[0] = t;
        }
        long allocated = allocatedBytes() - start;
        assertTrue(allocated < ALLOCATION_LIMIT, "opening a " + before.length + "-byte file allocated " + allocated + " bytes");
        assertTrue(thrown[0] instanceof VmdkFormatException, "expected a VmdkFormatException, found " + thrown[0]);
        assertTrue(thrown[0].getMessage().contains(expected), thrown[0].getMessage());
        assertArrayEquals(before, Files.readAllBytes(p), "nothing was written to " + p);
    }

    /** Bytes this thread has allocated so far (HotSpot's com.sun.management.ThreadMXBean, through its exported interface). */
    static long allocatedBytes() throws Exception {
        Object bean = ManagementFactory.getThreadMXBean();
        return (long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes").invoke(bean);
    }

    @Test
    void aGrainTableCountBeyondAnIntIsRefused() throws Exception {
        Path p = disk("tables.vmdk", 8L << 20);
        long capacity = (1L << 39) + 256; // 8-sector grains, 32 entries a table: 2^31 + 1 tables (an int cast makes it negative)
        describeCapacity(p, capacity);
        patchLong(p, CAPACITY, capacity);
        patchLong(p, GRAIN, 8);
        patchInt(p, GTES, 32);
        refused(p, "needs 2147483649 grain tables; expected a grain directory of that many entries inside the file");
    }

    @Test
    void aDescriptorLargerThanTheFileIsRefusedBeforeItIsAllocated() throws Exception {
        Path p = disk("desc.vmdk", 8L << 20);
        patchLong(p, DESC_SIZE, 1L << 20); // 512 MiB, in a file of a few hundred KiB
        refused(p, "expected an embedded descriptor of 1 to 2048 sectors inside the file");
        patchLong(p, DESC_SIZE, -1);
        refused(p, "found -1 sectors");
        patchLong(p, DESC_SIZE, 20);
        patchLong(p, DESC_OFFSET, Long.MAX_VALUE - 5); // offset + size overflows
        refused(p, "sectors at sector " + (Long.MAX_VALUE - 5));
    }

    @Test
    void aGrainDirectoryOffsetThatOverflowsIsRefused() throws Exception {
        Path p = disk("gd.vmdk", 8L << 20);
        patchLong(p, GD, Long.MAX_VALUE); // gd + its size wraps negative; gd × 512 is a negative position
        refused(p, "truncated: its grain directory (sector " + Long.MAX_VALUE);
    }

    @Test
    void grainTablesThatShareSectorsAreRefused() throws Exception {
        Path p = disk("shared-tables.vmdk", 64L << 20); // two grain tables
        long gd;
        try (SparseExtent e = SparseExtent.open(p, false)) {
            gd = e.header().gdOffset();
        }
        ByteBuffer first = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ)) {
            c.read(first, gd * 512);
        }
        patchInt(p, gd * 512 + 4, first.getInt(0)); // entry 1 names entry 0's table: memory would grow with entries, not with the file
        refused(p, "overlap; expected each table");
    }
}
