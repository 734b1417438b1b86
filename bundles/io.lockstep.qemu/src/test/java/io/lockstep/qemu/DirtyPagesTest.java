package io.lockstep.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan of a memory file against the last-sent copy, on a file this test writes through a second mapping. */
class DirtyPagesTest {

    @TempDir
    Path dir;

    @Test
    void findsExactlyThePagesWrittenSinceTheLastScanAndCopiesThem() throws Exception {
        Path f = dir.resolve("ram");
        int pages = 600;
        GuestMemory writer = GuestMemory.mapWritable(f, (long) pages * GuestMemory.PAGE);
        GuestMemory ram = GuestMemory.map(f, (long) pages * GuestMemory.PAGE);
        DirtyPages d = new DirtyPages(ram, true);
        assertEquals(0, d.scan().count(), "a zero file differs from nothing");

        write(writer, 0, 0, (byte) 1);
        write(writer, 7, 4095, (byte) 2);
        write(writer, 8, 0, (byte) 3);
        write(writer, 599, 100, (byte) 4);
        DirtyPages.Scan s = d.scan();
        assertArrayEquals(new int[] {0, 7, 8, 599}, s.pages());
        assertEquals(4 * 5, s.diffBytes(), "one changed byte costs a run header (4) and itself, on each of 4 pages");
        assertEquals(4, d.sentPage(599).get(100));
        assertEquals(0, d.scan().count(), "nothing written since: nothing found");

        write(writer, 8, 0, (byte) 3); // the same value again: no change
        write(writer, 9, 2048, (byte) 9);
        assertArrayEquals(new int[] {9}, d.scan().pages());

        ByteBuffer random = ByteBuffer.allocate(GuestMemory.PAGE);
        new java.util.Random(1).nextBytes(random.array());
        writer.writePage(10, random);
        s = d.scan();
        assertArrayEquals(new int[] {10}, s.pages());
        assertEquals(GuestMemory.PAGE, s.diffBytes(), "a page rewritten at random goes whole");
    }

    @Test
    void badSizesAndMissingFilesAreRefusedSayingWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GuestMemory.map(dir.resolve("x"), 1000));
        assertTrue(e.getMessage().contains("expected a positive multiple of 4096 bytes, found 1000"), e.getMessage());
        java.io.IOException io = assertThrows(java.io.IOException.class, () -> GuestMemory.map(dir.resolve("x"), 4096));
        assertTrue(io.getMessage().contains("found nothing"), io.getMessage());
    }

    @Test
    void aReadOnlyMappingRefusesWrites() throws Exception {
        Path f = dir.resolve("ram");
        Files.write(f, new byte[8192]);
        GuestMemory ram = GuestMemory.map(f, 8192);
        assertThrows(IllegalStateException.class, () -> ram.writePage(0, ByteBuffer.allocate(GuestMemory.PAGE)));
    }

    @Test
    void aDeviceStateCostsItsDifferenceFromTheLast() {
        byte[] a = new byte[10_000];
        new java.util.Random(2).nextBytes(a);
        byte[] b = a.clone();
        b[9_999] ^= 1;
        assertEquals(10_000, DeviceState.diffSize(null, b), "no last: whole");
        assertEquals(10_000, DeviceState.diffSize(new byte[9_999], b), "another length: whole");
        assertEquals(4 + 4 + 4 + 1, DeviceState.diffSize(a, b), "two equal blocks, one changed byte in the third");
    }

    private static void write(GuestMemory m, int page, int offset, byte value) {
        ByteBuffer b = ByteBuffer.allocate(GuestMemory.PAGE);
        b.put(0, m.page(page), 0, GuestMemory.PAGE);
        b.put(offset, value);
        m.writePage(page, b);
    }
}
