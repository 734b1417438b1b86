package io.lockstep.storage.iscsi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input from the wire, from a scripted target: each is a clear error naming what was expected and found, the
 * connection it came on is given up, and the medium goes on — the next command works on a new connection.
 */
class WireBadInputTest {

    private FakeTarget target;
    private IscsiMedium medium;

    @BeforeEach
    void up() throws IOException {
        target = new FakeTarget();
    }

    @AfterEach
    void down() throws IOException {
        if (medium != null) {
            medium.close();
        }
        target.close();
    }

    private IscsiMedium open() throws IOException {
        medium = IscsiMedium.open(IscsiMedium.Address.parse(target.uri()), "wire-test",
                new IscsiMedium.Options(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3)));
        return medium;
    }

    /** Misbehaves once, on the first connection; behaves on the ones after. */
    private void onceThen(FakeTarget.Script bad) {
        target.script((w, c, n) -> {
            if (n == 1) {
                bad.answer(w, c, n);
            } else {
                target.goodRead(w, c);
            }
        });
    }

    private void assertRecovers() throws IOException {
        assertArrayEquals(new byte[512], medium.read(5, 1), "the next command works");
        assertTrue(target.connections() >= 2, "on a new connection");
    }

    @Test
    void theDiscoveredGeometryIsTheTargets() throws IOException {
        open();
        assertEquals(2048, medium.sectorCount());
        assertEquals(512, medium.sectorSize());
        assertEquals(false, medium.capabilities().compareAndWrite(), "COMPARE AND WRITE answered INVALID OPERATION CODE");
        assertEquals("FAKE WIRE-TESTS", medium.product());
    }

    @Test
    void aTruncatedPduIsAProtocolErrorAndTheReadIsRetriedOnANewConnection() throws IOException {
        open();
        onceThen((w, c, n) -> {
            byte[] whole = Pdu.of(Pdu.DATA_IN, false).flags(0x81).initiatorTaskTag(c.initiatorTaskTag()).data(new byte[512]).encode();
            w.raw(java.util.Arrays.copyOf(whole, 30)); // a BHS cut short, then the connection ends
            w.close();
        });
        assertArrayEquals(new byte[512], medium.read(5, 1), "a read is repeated on a new connection: nothing can be undone by it");
        assertEquals(1, medium.counters().reconnects());
        assertEquals(1, medium.counters().retried());
    }

    @Test
    void anOpcodeNoTargetSendsIsNamedAndTheReadRetried() throws IOException {
        IscsiProtocolException e = assertThrows(IscsiProtocolException.class, () -> Pdu.read(new java.io.ByteArrayInputStream(
                Pdu.of(Pdu.SCSI_COMMAND, false).encode()), 8192));
        assertEquals("PDU from the target: expected a target opcode (0x20-0x26, 0x31, 0x32, 0x3f), found 0x01 (SCSI Command)", e.getMessage());
        open();
        onceThen((w, c, n) -> w.raw(Pdu.of(Pdu.SCSI_COMMAND, false).initiatorTaskTag(c.initiatorTaskTag()).encode()));
        assertRecovers();
        assertEquals(1, medium.counters().retried());
    }

    @Test
    void aWriteWhoseConnectionBreaksAfterItWasSentFailsWithOutcomeUnknownAndIsNotRepeated() throws IOException {
        open();
        int[] writesSeen = {0};
        target.script((w, c, n) -> {
            if ((c.byteAt(32) & 0xFF) == 0x8A) {
                writesSeen[0]++;
                if (n == 1) {
                    w.close(); // the target took the write, then the connection died before the status
                    return;
                }
                w.respond(c, 0, null);
            } else {
                target.goodRead(w, c);
            }
        });
        CommandOutcomeUnknownException e = assertThrows(CommandOutcomeUnknownException.class, () -> medium.write(7, new byte[512], true));
        assertTrue(e.getMessage().contains("WRITE(16) lba 7 FUA") && e.getMessage().contains("outcome unknown") && e.getMessage().contains("not repeated"),
                e.getMessage());
        assertEquals(1, writesSeen[0], "the write reached the target once and was not sent again");
        medium.write(7, new byte[512], true); // the medium reconnected for the next command
        assertEquals(2, writesSeen[0]);
        assertEquals(1, medium.counters().outcomeUnknown());
    }

    @Test
    void aDataSegmentLongerThanNegotiatedIsRefusedBeforeItIsRead() throws IOException {
        open();
        onceThen((w, c, n) -> {
            Pdu p = Pdu.of(Pdu.DATA_IN, false).flags(0x81).initiatorTaskTag(c.initiatorTaskTag());
            byte[] h = p.encode();
            h[5] = (byte) 0x40; // 4 MiB announced; the initiator declared 256 KiB
            w.raw(java.util.Arrays.copyOf(h, 48));
        });
        IscsiProtocolException e = assertThrows(IscsiProtocolException.class, () -> {
            byte[] h = Pdu.of(Pdu.DATA_IN, false).encode();
            h[5] = (byte) 0x40;
            Pdu.read(new java.io.ByteArrayInputStream(h), 256 * 1024);
        });
        assertEquals("SCSI Data-In: a data segment of 4194304 bytes, more than the MaxRecvDataSegmentLength of 262144 bytes this initiator declared",
                e.getMessage());
        assertRecovers();
    }

    @Test
    void dataInOutsideTheExpectedTransferIsAProtocolError() throws IOException {
        open();
        onceThen((w, c, n) -> w.dataIn(c, new byte[512], 4096)); // offset 4096 of a 512-byte read
        assertRecovers();
        assertEquals(1, medium.counters().retried());
    }

    @Test
    void aTargetThatRefusesTheLoginIsNamedWithItsReason() throws IOException {
        target.refuseLogin(2, 2);
        IscsiLoginException e = assertThrows(IscsiLoginException.class, this::open);
        assertTrue(e.getMessage().contains("refused: status 02/02, this initiator is not allowed to log in to this target (check the target's ACL"),
                e.getMessage());
        target.refuseLogin(2, 3);
        e = assertThrows(IscsiLoginException.class, this::open);
        assertTrue(e.getMessage().contains("no such target for this initiator"), e.getMessage());
    }

    @Test
    void aTargetThatInsistsOnDigestsIsRefusedClearly() throws IOException {
        target.operational(said -> Map.of("HeaderDigest", "CRC32C", "DataDigest", "None"));
        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains("the target insists on HeaderDigest=CRC32C, which this initiator does not implement (expected None)"),
                e.getMessage());
    }

    @Test
    void aRejectOfOurCommandFailsItWithTheReason() throws IOException {
        open();
        target.script((w, c, n) -> {
            if ((c.byteAt(32) & 0xFF) == 0x8A) {
                w.raw(Pdu.of(Pdu.REJECT, false).flags(0x80).byteAt(2, 0x09).initiatorTaskTag(Pdu.RESERVED_TAG).intAt(24, w.statSN++)
                        .intAt(28, w.expCmdSN).intAt(32, w.expCmdSN + 16).data(c.header()).encode());
            } else {
                target.goodRead(w, c);
            }
        });
        IOException e = assertThrows(IOException.class, () -> medium.write(3, new byte[512], false));
        assertTrue(e.getMessage().contains("the target rejected a SCSI Command: reason 0x09 (invalid PDU field)"), e.getMessage());
        assertRecovers();
    }

    @Test
    void aTargetThatStopsAnsweringTimesOutAndAReadIsRetried() throws IOException {
        open();
        onceThen((w, c, n) -> {
            // silence: no status ever comes on this connection
        });
        long t0 = System.nanoTime();
        assertArrayEquals(new byte[512], medium.read(9, 1));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 1900 && ms < 8000, "given up after the 2 s command timeout, then retried: " + ms + " ms");
    }

    @Test
    void malformedTextParametersAreNamed() {
        IscsiProtocolException noEquals = assertThrows(IscsiProtocolException.class, () -> TextParameters.decode("HeaderDigest\0".getBytes()));
        assertEquals("text parameters: expected key=value, found 'HeaderDigest'", noEquals.getMessage());
        IscsiProtocolException twice = assertThrows(IscsiProtocolException.class, () -> TextParameters.decode("A=1\0A=2\0".getBytes()));
        assertEquals("text parameters: key A given twice", twice.getMessage());
        IscsiProtocolException utf = assertThrows(IscsiProtocolException.class, () -> TextParameters.decode(new byte[] {'A', '=', (byte) 0xFF, 0}));
        assertEquals("text parameters: expected UTF-8, found bytes that are not", utf.getMessage());
        Map<String, String> m = new LinkedHashMap<>();
        m.put("InitiatorName", "iqn.2026-11.io.lockstep:a");
        m.put("MaxRecvDataSegmentLength", "262144");
        assertEquals(m, assertDoesNotThrow(() -> TextParameters.decode(TextParameters.encode(m))));
    }

    private static <T> T assertDoesNotThrow(java.util.concurrent.Callable<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badAddressesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IscsiMedium.Address.parse("iscsi://127.0.0.1:3260/iqn.x"));
        assertTrue(e.getMessage().contains("expected a target name and a LUN in the path"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> IscsiMedium.Address.parse("iscsi://127.0.0.1/iqn.x/lun"));
        assertTrue(e.getMessage().contains("expected a LUN number after the target name, found 'lun'"), e.getMessage());
        assertEquals(new IscsiMedium.Address("10.0.0.5", 3260, "iqn.2026-11.io.lockstep:ds1", 3), IscsiMedium.Address.parse("iscsi://10.0.0.5/iqn.2026-11.io.lockstep:ds1/3"));
        assertEquals("iqn.2026-11.io.lockstep:esx-a", IscsiMedium.initiatorNameOf("ESX_A".replace('_', '-')));
    }
}
