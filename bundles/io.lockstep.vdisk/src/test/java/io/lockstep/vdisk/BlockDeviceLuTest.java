package io.lockstep.vdisk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.Medium;
import io.lockstep.storage.ReservationConflictException;
import io.lockstep.storage.Sense;
import io.lockstep.storage.iscsi.IscsiMedium;
import io.lockstep.storage.iscsi.IscsiServer;

/**
 * A VM's disk (a VMDK delta chain) as an iSCSI logical unit: QEMU writes an image into it through Lockstep's target
 * and reads it back; Lockstep's initiator, as two hosts, meets the in-memory reservations of the logical unit.
 */
class BlockDeviceLuTest {

    static final String TARGET = "iqn.2026-12.io.lockstep:vm-disk";
    static final String QEMU = "iqn.2026-12.io.lockstep:qemu-vm";
    static final String HOST_A = "iqn.2026-12.io.lockstep:host-a";
    static final String HOST_B = "iqn.2026-12.io.lockstep:host-b";
    static final long BYTES = 8L << 20;

    @TempDir
    Path dir;
    DiskChain chain;
    BlockDeviceLu lu;
    IscsiServer server;

    @BeforeEach
    void up() throws IOException {
        Path base = dir.resolve("base.vmdk");
        DiskChain.create(base, BYTES);
        Path top = dir.resolve("top.vmdk");
        DiskChain.createDelta(base, top);
        chain = DiskChain.open(top, true);
        lu = new BlockDeviceLu(chain, "vmdk:" + top);
        server = new IscsiServer(new InetSocketAddress("127.0.0.1", 0),
                new IscsiServer.Masking().lun(TARGET, 0, lu::open).allow(TARGET, QEMU, HOST_A, HOST_B));
    }

    @AfterEach
    void down() throws IOException {
        server.close();
        chain.close();
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("lockstep-qemu", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", cmd) + " did not finish in 120 s:\n" + Files.readString(out));
            }
            String said = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + said);
            }
            return said;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void qemuWritesAnImageIntoTheVmdkChainThroughTheTargetAndReadsItBack() throws Exception {
        byte[] image = new byte[(int) BYTES];
        new Random(77).nextBytes(image);
        Path in = dir.resolve("in.raw");
        Files.write(in, image);
        String opts = "driver=iscsi,transport=tcp,portal=" + server.portal() + ",target=" + TARGET + ",lun=0,initiator-name=" + QEMU;
        run("qemu-img", "convert", "-n", "-f", "raw", "--target-image-opts", in.toString(), opts);
        Path out = dir.resolve("out.raw");
        run("qemu-img", "convert", "--image-opts", opts, "-O", "raw", out.toString());
        assertEquals(-1L, Files.mismatch(in, out));
        chain.flush();
        assertArrayEquals(Arrays.copyOfRange(image, 512 * 1000, 512 * 1008), chain.read(1000, 8), "the chain holds what QEMU wrote");
        String io = run("qemu-io", "--image-opts", "-c", "write -P 0xab 0 1M", "-c", "read -P 0xab 0 1M", opts);
        assertTrue(!io.contains("Pattern verification failed"), io);
        assertEquals((byte) 0xab, chain.read(2047, 1)[511]);
        // four 1 MiB writes in flight: QEMU sends the next commands before the R2T data of the first
        run("qemu-img", "bench", "-w", "--image-opts", "-s", "1M", "-c", "32", "-d", "4", "--pattern=0x3c", opts);
        String back = run("qemu-io", "--image-opts", "-c", "read -P 0x3c 0 8M", opts);
        assertTrue(!back.contains("Pattern verification failed"), back);
    }

    @Test
    void reservationsOfTheLogicalUnitAreKeptPerInitiatorInMemory() throws Exception {
        try (IscsiMedium a = IscsiMedium.open(server.uri(TARGET, 0), HOST_A); IscsiMedium b = IscsiMedium.open(server.uri(TARGET, 0), HOST_B)) {
            assertEquals(BYTES / 512, a.sectorCount());
            assertTrue(a.capabilities().compareAndWrite(), "COMPARE AND WRITE through the chain");
            a.reserve();
            assertThrows(ReservationConflictException.class, () -> b.write(0, new byte[512], false));
            assertThrows(ReservationConflictException.class, b::reserve);
            a.release();
            b.reserve();
            b.release();
            a.lunReset(); // every nexus hears 29/03 on its next command
            CheckConditionException ua = assertThrows(CheckConditionException.class, () -> b.read(0, 1));
            assertTrue(ua.sense().is(Sense.BUS_DEVICE_RESET), ua.getMessage());
            b.read(0, 1);
        }
        // without the target: the same rules on the media directly, and a closed nexus ends its SCSI-2 reservation
        Medium x = lu.open("x");
        Medium y = lu.open("y");
        x.reserve();
        assertThrows(ReservationConflictException.class, () -> y.read(0, 1));
        x.close();
        y.reserve();
        y.close();
        assertThrows(CheckConditionException.class, () -> lu.open("z").read(BYTES / 512, 1), "beyond the end: LBA OUT OF RANGE");
    }
}
