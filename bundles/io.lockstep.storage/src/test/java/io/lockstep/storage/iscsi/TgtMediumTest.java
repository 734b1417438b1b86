package io.lockstep.storage.iscsi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.PrReservation;
import io.lockstep.storage.PrType;
import io.lockstep.storage.ReservationConflictException;
import io.lockstep.storage.ScsiException;
import io.lockstep.storage.Sense;
import io.lockstep.storage.SenseKey;

/**
 * The iSCSI medium against a real target (Debian's tgt, a private tgtd on loopback) and checked with tools nobody
 * here wrote: the backing file itself, and libiscsi's {@code iscsi-readcapacity16} and {@code iscsi-inq}.
 */
class TgtMediumTest {

    private TgtTarget tgt;
    private TgtTarget.Lun lun;
    private final List<IscsiMedium> open = new ArrayList<>();

    @BeforeEach
    void up() throws IOException {
        tgt = TgtTarget.shared();
        lun = tgt.lun("medium", 8L << 20, List.of());
    }

    @AfterEach
    void down() throws IOException {
        open.forEach(IscsiMedium::close);
        tgt.remove(lun);
    }

    private IscsiMedium host(String name) throws IOException {
        IscsiMedium m = IscsiMedium.open(lun.uri(), name);
        open.add(m);
        return m;
    }

    private static IscsiMedium settled(IscsiMedium m) throws IOException {
        return m.takeUnitAttentions();
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), String.join(" ", cmd) + " finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    @Test
    void theGeometryAndCapabilitiesAreTheTargetsAsLibiscsiSeesThem() throws Exception {
        IscsiMedium a = host("esx-a");
        assertEquals(512, a.sectorSize());
        assertEquals((8L << 20) / 512, a.sectorCount());
        assertFalse(a.capabilities().compareAndWrite(), "stock tgt lists COMPARE AND WRITE but answers INVALID OPERATION CODE");
        assertTrue(a.capabilities().scsi2Reservations() && a.capabilities().persistentReservations());
        String cap = run("iscsi-readcapacity16", lun.uri());
        assertTrue(cap.contains("RETURNED LOGICAL BLOCK ADDRESS:" + (a.sectorCount() - 1)) && cap.contains("LOGICAL BLOCK LENGTH IN BYTES:512"), cap);
        String inq = run("iscsi-inq", lun.uri());
        assertTrue(inq.contains("DIRECT_ACCESS"), inq);
        assertTrue(a.product().startsWith("IET"), a.product());
    }

    @Test
    void writesOfEverySizeLandOnTheTargetsDiskAndReadBackThroughAnotherInitiator() throws Exception {
        IscsiMedium a = settled(host("esx-a"));
        IscsiMedium b = settled(host("esx-b"));
        Random r = new Random(7);
        // one sector (immediate data), 64 KiB (immediate + unsolicited), 1 MiB (past FirstBurstLength: R2T and Data-Out)
        long lba = 8;
        for (int sectors : new int[] {1, 128, 2048}) {
            byte[] data = new byte[sectors * 512];
            r.nextBytes(data);
            a.write(lba, data, sectors == 1);
            assertArrayEquals(data, b.read(lba, sectors), sectors + " sectors through the other initiator");
            try (RandomAccessFile f = new RandomAccessFile(lun.file().toFile(), "r")) {
                byte[] onDisk = new byte[data.length];
                f.seek(lba * 512);
                f.readFully(onDisk);
                assertArrayEquals(data, onDisk, sectors + " sectors in tgt's backing file");
            }
            lba += sectors + 3;
        }
        a.flush();
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class, () -> a.read(a.sectorCount(), 1));
        assertTrue(past.getMessage().contains("outside the 16384 sectors"), past.getMessage());
    }

    @Test
    void aPreemptedInitiatorMeetsTheUnitAttentionThenTheConflictAndWritesAgainOnceRegistered() throws IOException {
        IscsiMedium a = settled(host("esx-a"));
        IscsiMedium b = settled(host("esx-b"));
        IscsiMedium c = settled(host("esx-c"));
        a.registerAndIgnoreExistingKey(0xA);
        b.registerAndIgnoreExistingKey(0xB);
        c.registerAndIgnoreExistingKey(0xC);
        a.reserve(0xA, PrType.WRITE_EXCLUSIVE_ALL_REGISTRANTS);
        assertEquals(List.of(0xAL, 0xBL, 0xCL), c.readKeys().keys());
        PrReservation res = b.readReservation();
        assertTrue(res.present() && res.type() == PrType.WRITE_EXCLUSIVE_ALL_REGISTRANTS, res.toString());
        b.write(100, new byte[512], false); // a registrant writes under All Registrants
        a.preempt(0xA, 0xB, PrType.WRITE_EXCLUSIVE_ALL_REGISTRANTS);
        CheckConditionException ua = assertThrows(CheckConditionException.class, () -> b.write(100, new byte[512], false));
        assertEquals(SenseKey.UNIT_ATTENTION, ua.sense().key());
        assertEquals(0x2A, ua.sense().asc(), "RESERVATIONS/REGISTRATIONS PREEMPTED: " + ua.sense());
        assertThrows(ReservationConflictException.class, () -> b.write(100, new byte[512], false));
        assertArrayEquals(new byte[512], b.read(100, 1), "reads stay open to everyone under Write Exclusive");
        b.registerAndIgnoreExistingKey(0xB);
        b.write(100, new byte[512], false);
        assertEquals(List.of(0xAL, 0xCL, 0xBL), c.readKeys().keys());
        c.clear(0xC);
        assertFalse(settled(a).readReservation().present());
    }

    @Test
    void scsi2ReserveShutsOthersOutAndALogicalUnitResetEndsIt() throws IOException {
        IscsiMedium a = settled(host("esx-a"));
        IscsiMedium b = settled(host("esx-b"));
        a.reserve();
        assertThrows(ReservationConflictException.class, () -> b.read(0, 1));
        assertThrows(ReservationConflictException.class, () -> b.reserve());
        b.lunReset(); // a clustered guest breaking a dead node's RESERVE
        try {
            b.read(0, 1);
        } catch (CheckConditionException resetNotice) {
            assertEquals(0x29, resetNotice.sense().asc(), resetNotice.getMessage());
        }
        b.reserve();
        b.release();
    }

    @Test
    void aDroppedConnectionIsReestablishedAndTheRegistrationSurvivesIt() throws IOException {
        IscsiMedium a = settled(host("esx-a"));
        a.registerAndIgnoreExistingKey(0xA);
        byte[] data = new byte[512];
        Arrays.fill(data, (byte) 0x5A);
        a.write(3, data, true);
        a.dropConnection();
        byte[] back = null;
        for (int i = 0; i < 3 && back == null; i++) {
            try {
                back = a.read(3, 1);
            } catch (CheckConditionException ua) {
                assertTrue(ua.isUnitAttention(), "a new session starts with a unit attention: " + ua.getMessage());
            }
        }
        assertArrayEquals(data, back);
        assertEquals(1, a.counters().reconnects());
        assertTrue(a.readKeys().keys().contains(0xAL), "the same initiator port (name + ISID) keeps its registration");
    }

    @Test
    void aLunNotPresentedToAnInitiatorRefusesItsLoginWithTheReason() throws IOException {
        TgtTarget.Lun masked = tgt.lun("masked", 1 << 20, List.of("vm-one"));
        try {
            IscsiMedium.open(masked.uri(), "vm-one").close();
            IscsiLoginException e = assertThrows(IscsiLoginException.class, () -> IscsiMedium.open(masked.uri(), "vm-two"));
            assertEquals(2, e.statusClass(), e.getMessage()); // an initiator error: tgt says "not found" (02/03) to initiators outside the ACL
            assertTrue(e.getMessage().contains("the target's ACL for this initiator name"), e.getMessage());
            IscsiLoginException missing = assertThrows(IscsiLoginException.class, () -> IscsiMedium.open(
                    "iscsi://127.0.0.1:" + tgt.port() + "/iqn.2026-11.io.lockstep.test:nobody/1", "vm-one"));
            assertTrue(missing.getMessage().contains("refused"), missing.getMessage());
        } finally {
            tgt.remove(masked);
        }
    }

    @Test
    void aTargetThatIsNotThereIsNamedAfterTheConnectTimeout() {
        IOException e = assertThrows(IOException.class, () -> IscsiMedium.open(IscsiMedium.Address.parse("iscsi://127.0.0.1:1/iqn.x:y/1"), "esx-a",
                new IscsiMedium.Options(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(1))));
        assertTrue(e.getMessage().startsWith("iSCSI: cannot connect to 127.0.0.1:1"), e.getMessage());
    }

    @Test
    void anUnknownOpcodeComesBackAsIllegalRequestWithItsSense() throws IOException {
        IscsiMedium a = settled(host("esx-a"));
        ScsiException e = assertThrows(ScsiException.class, () -> a.compareAndWrite(0, new byte[512], new byte[512]));
        assertEquals(Sense.INVALID_COMMAND_OPERATION_CODE.asc(), e.sense().asc(), e.getMessage());
    }
}
