package io.lockstep.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.vdisk.DiskChain;

/**
 * Lengths trusted: a checkpoint file's lengths are bounded by what remains of the file before anything is allocated
 * for them, and what it holds must decode before a revert stops the guest — refused with a
 * {@link CheckpointFormatException}, the guest and its folder unchanged.
 */
class CheckpointLengthsTest {

    static final long LIMIT = 1 << 20;

    @TempDir
    Path dir;

    /** A header up to its device state length, which claims {@code deviceLength} bytes the file does not have. */
    static byte[] headerClaiming(int deviceLength) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(CheckpointFile.MAGIC);
        out.writeShort(CheckpointFile.VERSION);
        out.writeInt(1);
        out.writeLong(0);
        out.writeUTF("x");
        out.writeUTF("kv");
        out.writeLong(1 << 20);
        out.writeLong(0);
        out.writeUTF("vm.vmdk");
        out.writeInt(deviceLength);
        out.write(new byte[64]);
        return b.toByteArray();
    }

    static long allocatedBytes() throws Exception {
        Object bean = ManagementFactory.getThreadMXBean();
        return (long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes").invoke(bean);
    }

    @Test
    void aDeviceStateLongerThanTheFileIsRefusedBeforeItIsAllocated() throws Exception {
        Path file = dir.resolve("cp-000001.lscp");
        Files.write(file, headerClaiming(60 << 20)); // 60 MiB claimed in a file of about a hundred bytes
        for (int round = 0; round < 2; round++) {
            long start = allocatedBytes();
            Throwable thrown = null;
            try {
                if (round == 0) {
                    CheckpointFile.readHeader(file);
                } else {
                    CheckpointFile.verify(file);
                }
            } catch (Throwable t) {
                thrown = t;
            }
            long allocated = allocatedBytes() - start;
            assertTrue(allocated < LIMIT, "reading a " + Files.size(file) + "-byte file allocated " + allocated + " bytes");
            assertTrue(thrown instanceof CheckpointFormatException, String.valueOf(thrown));
            assertTrue(thrown.getMessage().contains("a device state of 62914560 bytes; expected 0 to 64"), thrown.getMessage());
        }
    }

    @Test
    void aDeviceStateThatDoesNotDecodeIsRefusedBeforeTheGuestIsTouched() throws Exception {
        Path disk = dir.resolve("vm.vmdk");
        DiskChain.create(disk, 16L << 20);
        Vm vm = new Vm("t", GuestRegistry.create("churn:workingSetPages=100,dirtyPagesPerStep=2"), 4L << 20, DiskChain.open(disk, true), 0.2);
        try (Checkpoints cps = new Checkpoints(dir, vm)) {
            vm.start(true);
            cps.create("one");
            cps.awaitWritten();
            Path file = cps.list().get(0).file();
            byte[] queueOfAMillion = java.nio.ByteBuffer.allocate(4 + 8 * 4 + 4 + 4 + 4).putInt(0x4C534456).putLong(1).putLong(0).putLong(0).putLong(0)
                    .putInt(0).putInt(1_000_000).putInt(0).array(); // "LSDV", counters, then a million queued inputs in 4 bytes
            Files.write(file, CheckpointFiles.withDeviceState(Files.readAllBytes(file), queueOfAMillion));
            vm.pause();
            byte[] before = vm.digest();
            Path running = Checkpoints.runningDisk(dir);
            CheckpointFormatException e = org.junit.jupiter.api.Assertions.assertThrows(CheckpointFormatException.class, () -> cps.revert(1));
            assertTrue(e.getMessage().contains("device state (48 bytes) does not decode: device state: 1000000 queued inputs"), e.getMessage());
            assertArrayEquals(before, vm.digest(), "a refused revert leaves the guest's memory and devices as they were");
            assertEquals(running, Checkpoints.runningDisk(dir));
        } finally {
            vm.close();
            vm.disk().close();
        }
    }
}
