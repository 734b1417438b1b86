package io.lockstep.ft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.vdisk.DiskChain;

/** Held disk writes: the guest reads them, the shared disk gets them only when released, in order. */
class FtDiskTest {

    @TempDir
    Path dir;

    static byte[] block(int v, int sectors) {
        byte[] b = new byte[sectors * 512];
        Arrays.fill(b, (byte) v);
        return b;
    }

    @Test
    void heldWritesAreReadBackAndReachTheDiskOnlyWhenReleased() throws Exception {
        Path file = dir.resolve("d.vmdk");
        DiskChain.create(file, 1 << 20);
        AtomicLong position = new AtomicLong();
        try (DiskChain disk = DiskChain.open(file, true)) {
            FtDisk ft = new FtDisk(disk, position::get);
            ft.hold();
            position.set(10);
            ft.write(0, block(1, 8));
            position.set(20);
            ft.write(4, block(2, 2)); // overlaps the first
            assertArrayEquals(block(0, 8), disk.read(0, 8), "nothing on the shared disk yet");
            byte[] expected = block(1, 8);
            System.arraycopy(block(2, 2), 0, expected, 4 * 512, 1024);
            assertArrayEquals(expected, ft.read(0, 8), "the guest reads its own held writes");
            assertEquals(1, ft.heldBetween(15, 25).size());
            ft.release(15); // the backup holds what position 15 needs
            assertArrayEquals(block(1, 8), disk.read(0, 8));
            assertArrayEquals(expected, ft.read(0, 8));
            assertEquals(15, ft.flushedThrough());
            ft.passThrough();
            assertArrayEquals(expected, disk.read(0, 8));
            assertEquals(0, ft.held());
            ft.write(100, block(3, 1));
            assertArrayEquals(block(3, 1), disk.read(100, 1), "unprotected, writes go straight through");
        }
    }
}
