package io.lockstep.storage.iscsi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.storage.Medium;
import io.lockstep.storage.PrType;
import io.lockstep.storage.ReservationConflictException;
import io.lockstep.storage.file.FileMedium;

/**
 * Lockstep's iSCSI target checked with initiators nobody here wrote — libiscsi's tools and QEMU's iscsi driver — and
 * with Lockstep's own initiator for reservations between two sessions. The logical units are LUN files
 * ({@link FileMedium}), one medium per session, opened for the session's initiator name.
 */
class IscsiServerTest {

    static final String VM1 = "iqn.2026-12.io.lockstep:vm1";
    static final String VM2 = "iqn.2026-12.io.lockstep:vm2";
    static final String HOST_A = "iqn.2026-12.io.lockstep:host-a";
    static final String HOST_B = "iqn.2026-12.io.lockstep:host-b";
    static final String STRANGER = "iqn.2026-12.io.lockstep:stranger";
    static final long LUN_BYTES = 8L << 20;

    @TempDir
    Path dir;
    Path lun1;
    Path lun2;
    IscsiServer server;
    final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void up() throws IOException {
        lun1 = dir.resolve("vm1.lun");
        lun2 = dir.resolve("vm2.lun");
        FileMedium.create(lun1, 512, LUN_BYTES / 512);
        FileMedium.create(lun2, 512, LUN_BYTES / 512);
        IscsiServer.Masking masking = new IscsiServer.Masking()
                .lun(VM1, 0, i -> FileMedium.open(lun1, i)).allow(VM1, HOST_A, HOST_B)
                .lun(VM2, 0, i -> FileMedium.open(lun2, i)).allow(VM2, HOST_B);
        server = new IscsiServer(new InetSocketAddress("127.0.0.1", 0), masking, IscsiServer.Options.defaults().withLog(log::add));
    }

    @AfterEach
    void down() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        server.close();
    }

    /** The LUN file opened directly (not through the target), its new nexus's unit attention taken. */
    static Medium direct(Path lun) throws IOException {
        Medium m = FileMedium.open(lun, "checker");
        for (int i = 0; i < 4; i++) {
            try {
                m.testUnitReady();
                break;
            } catch (io.lockstep.storage.CheckConditionException e) {
                if (!e.isUnitAttention()) {
                    throw e;
                }
            }
        }
        return m;
    }

    private IscsiMedium host(String name, String target) throws IOException {
        IscsiMedium m = IscsiMedium.open(server.uri(target, 0), name);
        open.add(m);
        return m;
    }

    @Test
    void discoveryListsOnlyTheTargetsTheInitiatorMaySee() throws Exception {
        String a = Tools.run("iscsi-ls", "-s", "-i", HOST_A, "iscsi://" + server.portal()).ok().out();
        assertTrue(a.contains("Target:" + VM1 + " Portal:" + server.portal() + ",1"), a);
        assertTrue(a.contains("Lun:0") && a.contains("DIRECT_ACCESS"), a);
        assertFalse(a.contains(VM2), "host-a may not see vm2: " + a);
        String b = Tools.run("iscsi-ls", "-i", HOST_B, "iscsi://" + server.portal()).ok().out();
        assertTrue(b.contains(VM1) && b.contains(VM2), b);
        String stranger = Tools.run("iscsi-ls", "-i", STRANGER, "iscsi://" + server.portal()).out();
        assertFalse(stranger.contains(VM1) || stranger.contains(VM2), stranger);
    }

    @Test
    void inquiryAndReadCapacityAnswer() throws Exception {
        String url = "iscsi://" + server.portal() + "/" + VM1 + "/0";
        String inq = Tools.run("iscsi-inq", "-i", HOST_A, url).ok().out();
        assertTrue(inq.contains("Peripheral Device Type:DIRECT_ACCESS") && inq.contains("Vendor:LOCKSTEP"), inq);
        String limits = Tools.run("iscsi-inq", "-i", HOST_A, "-e", "1", "-c", "176", url).ok().out(); // VPD 0xB0
        assertTrue(limits.contains("maximum transfer length:16384") && limits.contains("maximum compare and write length:255"), limits);
        String ids = Tools.run("iscsi-inq", "-i", HOST_A, "-e", "1", "-c", "131", url).ok().out(); // VPD 0x83
        assertTrue(ids.contains("Designator:[LOCKSTEPVDISK"), ids);
        String cap = Tools.run("iscsi-readcapacity16", "-i", HOST_A, url).ok().out();
        assertTrue(cap.contains("RETURNED LOGICAL BLOCK ADDRESS:" + (LUN_BYTES / 512 - 1)), cap);
        assertTrue(cap.contains("Total size:" + LUN_BYTES), cap);
    }

    @Test
    void qemuImgConvertsARawImageIntoTheLunAndBackOutByteIdentical() throws Exception {
        Path in = dir.resolve("in.raw");
        byte[] image = new byte[(int) LUN_BYTES];
        new Random(23).nextBytes(image);
        Arrays.fill(image, 1 << 20, 2 << 20, (byte) 0); // a zero MiB: QEMU may skip or write it, it must read back as zeros
        Files.write(in, image);
        String opts = Tools.qemuOpts(server, VM1, 0, HOST_A);
        Tools.run("qemu-img", "convert", "-n", "-f", "raw", "--target-image-opts", in.toString(), opts).ok();
        Path out = dir.resolve("out.raw");
        Tools.run("qemu-img", "convert", "--image-opts", opts, "-O", "raw", out.toString()).ok();
        assertEquals(-1L, Files.mismatch(in, out), "the image read back through the target differs from the one written");
        try (Medium direct = direct(lun1)) { // and it is on the LUN itself, not only in a cache
            assertArrayEquals(Arrays.copyOfRange(image, 4096, 8192), direct.read(8, 8));
        }
        String info = Tools.run("qemu-img", "info", "--image-opts", opts).ok().out();
        assertTrue(info.contains("virtual size: 8 MiB (" + LUN_BYTES + " bytes)"), info);
    }

    @Test
    void qemuIoWritesAndReadsAPatternThroughTheTarget() throws Exception {
        String opts = Tools.qemuOpts(server, VM1, 0, HOST_A);
        String out = Tools.run("qemu-io", "--image-opts", "-c", "write -P 0xab 0 1M", "-c", "read -P 0xab 0 1M", "-c", "write -P 0x5c 5M 4k",
                "-c", "flush", "-c", "read -P 0x5c 5M 4k", "-c", "read -P 0 6M 64k", opts).ok().out();
        assertFalse(out.contains("Pattern verification failed"), out);
        try (Medium direct = direct(lun1)) {
            byte[] first = direct.read(0, 2048);
            for (byte b : first) {
                assertEquals((byte) 0xab, b);
            }
            assertEquals((byte) 0x5c, direct.read(5 * 2048, 1)[511]);
        }
        // and the wrong pattern is noticed: this is a real check, not a tool that always says yes
        Tools.Result wrong = Tools.run("qemu-io", "--image-opts", "-c", "read -P 0xcd 0 4k", opts);
        assertNotEquals(0, wrong.exit(), wrong.out());
        assertTrue(wrong.out().contains("Pattern verification failed"), wrong.out());
    }

    @Test
    void anInitiatorTheMaskingDoesNotAllowIsRefusedAndNamed() throws Exception {
        Tools.Result qemu = Tools.run("qemu-img", "info", "--image-opts", Tools.qemuOpts(server, VM2, 0, HOST_A));
        assertNotEquals(0, qemu.exit(), qemu.out());
        assertTrue(qemu.out().contains("Authorization failure"), qemu.out());
        assertTrue(server.refusals().stream().anyMatch(r -> r.contains(HOST_A) && r.contains(VM2) && r.contains("02/02")), server.refusals()
                .toString());
        assertTrue(List.copyOf(log).stream().anyMatch(r -> r.contains(HOST_A) && r.contains(VM2) && r.contains("refused")), log.toString());

        Tools.Result inq = Tools.run("iscsi-inq", "-i", STRANGER, "iscsi://" + server.portal() + "/" + VM1 + "/0");
        assertNotEquals(0, inq.exit(), inq.out());

        IscsiLoginException e = assertThrows(IscsiLoginException.class, () -> host(STRANGER, VM1));
        assertEquals(2, e.statusClass());
        assertEquals(2, e.detail());
        assertTrue(server.refusals().stream().anyMatch(r -> r.contains(STRANGER) && r.contains(VM1)), server.refusals().toString());

        String unknown = "iqn.2026-12.io.lockstep:nothing-here";
        IscsiLoginException notFound = assertThrows(IscsiLoginException.class, () -> host(HOST_A, unknown));
        assertEquals(3, notFound.detail(), notFound.getMessage());
        assertEquals(0, server.sessions(), "no refused login left a session behind");
    }

    @Test
    void twoInitiatorsAreTwoNexusesAndTheirReservationsConflict() throws Exception {
        IscsiMedium a = host(HOST_A, VM1).takeUnitAttentions();
        IscsiMedium b = host(HOST_B, VM1).takeUnitAttentions();
        assertEquals(2, server.sessions());
        assertEquals(LUN_BYTES / 512, a.sectorCount());
        a.reserve();
        byte[] sector = new byte[512];
        Arrays.fill(sector, (byte) 7);
        a.write(10, sector, false);
        ReservationConflictException conflict = assertThrows(ReservationConflictException.class, () -> b.write(10, new byte[512], false));
        assertTrue(conflict.getMessage().contains("RESERVATION CONFLICT"), conflict.getMessage());
        assertThrows(ReservationConflictException.class, b::reserve);
        a.release();
        b.reserve();
        assertThrows(ReservationConflictException.class, () -> a.read(10, 1));
        assertArrayEquals(sector, b.read(10, 1));
        b.release();

        // persistent reservations by the same two names
        a.register(0, 0xA);
        b.register(0, 0xB);
        a.reserve(0xA, PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY);
        assertEquals(List.of(0xAL, 0xBL), a.readKeys().keys());
        assertEquals(0xA, b.readReservation().key());

        // the holder's session ends (I_T nexus loss): its SCSI-2 reservation goes with it
        a.clear(0xA);
        a.reserve();
        a.close();
        open.remove(a);
        long until = System.nanoTime() + 30_000_000_000L; // hang guard: the server notices the closed connection
        while (server.sessions() > 1 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        b.takeUnitAttentions();
        b.reserve();
        b.release();
    }

    @Test
    void oneInitiatorNameLoggingInAgainReplacesItsOldSession() throws Exception {
        IscsiMedium first = host(HOST_A, VM1).takeUnitAttentions();
        first.reserve();
        IscsiMedium second = host(HOST_A, VM1); // same name, same ISID: session reinstatement
        second.takeUnitAttentions();
        assertEquals(1, server.sessions());
        second.reserve(); // the old nexus, and its reservation, are gone
        second.release();
    }
}
