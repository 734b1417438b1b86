package io.lockstep.storage.iscsi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.storage.file.FileMedium;
import io.lockstep.storage.scsi.Cdb;

/**
 * The target's side of the wire, PDU by PDU, from a hand-written initiator: sequence numbers, Data-In split by the
 * initiator's MaxRecvDataSegmentLength, writes with immediate data then R2T and Data-Out, NOP-Out, task management,
 * and bad input — an oversized data segment, an opcode no initiator sends, a login that never finishes. After each,
 * the server still serves another session.
 */
class IscsiServerWireTest {

    static final String TARGET = "iqn.2026-12.io.lockstep:wire";
    static final String HOST = "iqn.2026-12.io.lockstep:wire-host";
    static final String OTHER = "iqn.2026-12.io.lockstep:other-host";

    @TempDir
    Path dir;
    Path lun;
    IscsiServer server;
    final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void up() throws IOException {
        lun = dir.resolve("wire.lun");
        FileMedium.create(lun, 512, 2048);
        IscsiServer.Masking masking = new IscsiServer.Masking().lun(TARGET, 0, i -> FileMedium.open(lun, i)).allow(TARGET, HOST, OTHER);
        server = new IscsiServer(new InetSocketAddress("127.0.0.1", 0), masking,
                IscsiServer.Options.defaults().withLoginTimeout(Duration.ofMillis(800)).withLog(log::add));
    }

    @AfterEach
    void down() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        server.close();
    }

    /** A hand-rolled initiator connection. */
    final class Wire {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        int cmdSN = 1;
        int itt = 1;
        int lastStatSN;
        Map<String, String> answered;

        Wire() throws IOException {
            socket = new Socket();
            sockets.add(socket);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            socket.setSoTimeout(30_000); // hang guard
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        /** One Login Request from operational straight to full feature phase with these keys. */
        Pdu login(Map<String, String> extra) throws IOException {
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("InitiatorName", HOST);
            keys.put("TargetName", TARGET);
            keys.put("SessionType", "Normal");
            keys.put("HeaderDigest", "None");
            keys.put("DataDigest", "None");
            keys.putAll(extra);
            Pdu req = Pdu.of(Pdu.LOGIN_REQUEST, true).flags(0x80 | (1 << 2) | 3).bytes(8, new byte[] {(byte) 0x80, 1, 2, 3, 4, 5})
                    .initiatorTaskTag(itt++).intAt(24, cmdSN).data(TextParameters.encode(keys));
            send(req);
            Pdu resp = Pdu.read(in, 1 << 20);
            assertEquals(Pdu.LOGIN_RESPONSE, resp.opcode(), resp.toString());
            assertEquals(0, resp.byteAt(36), "login status class: " + resp.byteAt(36) + "/" + resp.byteAt(37));
            assertEquals(0x80 | (1 << 2) | 3, resp.flags(), "transit to full feature phase");
            assertTrue(resp.shortAt(14) != 0, "a TSIH");
            answered = TextParameters.decode(resp.data());
            lastStatSN = resp.intAt(24);
            return resp;
        }

        void send(Pdu p) throws IOException {
            out.write(p.encode());
            out.flush();
        }

        void raw(byte[] b) throws IOException {
            out.write(b);
            out.flush();
        }

        Pdu read() throws IOException {
            return Pdu.read(in, 1 << 24);
        }

        /** The next status-carrying PDU: StatSN is the one after the last, ExpCmdSN covers every command sent. */
        void checkStatus(Pdu p) {
            assertEquals(lastStatSN + 1, p.intAt(24), "StatSN of " + p);
            lastStatSN = p.intAt(24);
            assertEquals(cmdSN, p.intAt(28), "ExpCmdSN of " + p);
            assertTrue(p.intAt(32) - p.intAt(28) >= 0, "MaxCmdSN >= ExpCmdSN");
        }

        Pdu command(byte[] cdb, boolean read, boolean write, int edtl, byte[] immediate, boolean finalBit) {
            byte[] c = java.util.Arrays.copyOf(cdb, 16);
            return Pdu.of(Pdu.SCSI_COMMAND, false).flags((finalBit ? 0x80 : 0) | (read ? 0x40 : 0) | (write ? 0x20 : 0) | 1).lun(0)
                    .initiatorTaskTag(itt++).intAt(20, edtl).intAt(24, cmdSN++).intAt(28, lastStatSN + 1).bytes(32, c)
                    .data(immediate);
        }

        /** TEST UNIT READY until GOOD: takes the new nexus's unit attention (29/00). */
        void settle() throws IOException {
            for (int i = 0; i < 4; i++) {
                send(command(Cdb.testUnitReady(), false, false, 0, new byte[0], true));
                Pdu r = read();
                assertEquals(Pdu.SCSI_RESPONSE, r.opcode(), r.toString());
                checkStatus(r);
                if (r.byteAt(3) == 0) {
                    return;
                }
            }
            throw new AssertionError("TEST UNIT READY never GOOD");
        }

        boolean closedByPeer() throws IOException {
            try {
                return in.read() < 0;
            } catch (java.net.SocketException reset) {
                return true;
            }
        }
    }

    private void anotherSessionStillWorks() throws IOException {
        try (IscsiMedium m = IscsiMedium.open(server.uri(TARGET, 0), OTHER)) { // HOST may still hold a session
            m.takeUnitAttentions();
            assertEquals(2048, m.sectorCount());
            m.read(0, 1);
        }
    }

    @Test
    void readsAreSplitByTheInitiatorsMaxRecvDataSegmentLengthWithStatusInTheLastDataIn() throws IOException {
        byte[] content = new byte[64 * 1024];
        new Random(5).nextBytes(content);
        try (io.lockstep.storage.Medium m = IscsiServerTest.direct(lun)) {
            m.write(100, content, true);
        }
        Wire w = new Wire();
        w.login(Map.of("MaxRecvDataSegmentLength", "4096", "ErrorRecoveryLevel", "0", "MaxConnections", "1", "UnknownKey", "x"));
        assertEquals("None", w.answered.get("HeaderDigest"));
        assertEquals("1", w.answered.get("MaxConnections"));
        assertEquals("0", w.answered.get("ErrorRecoveryLevel"));
        assertEquals("NotUnderstood", w.answered.get("UnknownKey"));
        assertEquals("262144", w.answered.get("MaxRecvDataSegmentLength"));
        // TEST UNIT READY takes the new nexus's unit attention (29/00)
        w.send(w.command(Cdb.testUnitReady(), false, false, 0, new byte[0], true));
        Pdu tur = w.read();
        assertEquals(Pdu.SCSI_RESPONSE, tur.opcode());
        assertEquals(0x02, tur.byteAt(3), "CHECK CONDITION with the unit attention");
        w.checkStatus(tur);

        w.send(w.command(Cdb.read16(100, 128), true, false, content.length, new byte[0], true));
        ByteBuffer got = ByteBuffer.allocate(content.length);
        int expectedDataSN = 0;
        while (true) {
            Pdu d = w.read();
            assertEquals(Pdu.DATA_IN, d.opcode(), d.toString());
            assertTrue(d.data().length <= 4096, "a Data-In of " + d.data().length + " bytes, more than the 4096 declared");
            assertEquals(expectedDataSN++, d.intAt(36), "DataSN");
            assertEquals(got.position(), d.intAt(40), "buffer offset");
            got.put(d.data());
            if ((d.flags() & 0x01) != 0) {
                assertEquals(0, d.byteAt(3), "GOOD");
                assertTrue((d.flags() & 0x80) != 0, "status only with the F bit");
                w.checkStatus(d);
                break;
            }
        }
        assertEquals(16, expectedDataSN);
        assertArrayEquals(content, got.array());

        // NOP-Out ping: echoed with its data
        w.send(Pdu.of(Pdu.NOP_OUT, true).flags(0x80).initiatorTaskTag(0x77).intAt(20, Pdu.RESERVED_TAG).intAt(24, w.cmdSN).data(new byte[] {1, 2, 3}));
        Pdu nop = w.read();
        assertEquals(Pdu.NOP_IN, nop.opcode());
        assertEquals(0x77, nop.initiatorTaskTag());
        assertArrayEquals(new byte[] {1, 2, 3}, nop.data());
        w.checkStatus(nop);

        // task management: LUN RESET and ABORT TASK answered "function complete"
        for (int function : new int[] {5, 1}) {
            w.send(Pdu.of(Pdu.TASK_MANAGEMENT_REQUEST, true).flags(0x80 | function).lun(0).initiatorTaskTag(w.itt++).intAt(20, 1234)
                    .intAt(24, w.cmdSN));
            Pdu tmf = w.read();
            assertEquals(Pdu.TASK_MANAGEMENT_RESPONSE, tmf.opcode());
            assertEquals(0, tmf.byteAt(2), "function " + function + " complete");
            w.checkStatus(tmf);
        }

        // logout
        w.send(Pdu.of(Pdu.LOGOUT_REQUEST, true).flags(0x80).initiatorTaskTag(w.itt++).intAt(24, w.cmdSN));
        Pdu bye = w.read();
        assertEquals(Pdu.LOGOUT_RESPONSE, bye.opcode());
        assertEquals(0, bye.byteAt(2));
        w.checkStatus(bye);
        assertTrue(w.closedByPeer());
    }

    @Test
    void aWriteTakesImmediateDataThenAsksForTheRestByR2T() throws IOException {
        Wire w = new Wire();
        w.login(Map.of("ImmediateData", "Yes", "InitialR2T", "Yes", "FirstBurstLength", "4096", "MaxBurstLength", "16384"));
        assertEquals("4096", w.answered.get("FirstBurstLength"));
        assertEquals("16384", w.answered.get("MaxBurstLength"));
        assertEquals("Yes", w.answered.get("InitialR2T"));
        w.settle();
        byte[] data = new byte[40 * 1024];
        new Random(9).nextBytes(data);
        Pdu cmd = w.command(Cdb.write16(300, 80, false), false, true, data.length, java.util.Arrays.copyOf(data, 4096), true);
        w.send(cmd);
        int received = 4096;
        int r2ts = 0;
        Pdu status;
        while (true) {
            Pdu p = w.read();
            if (p.opcode() != Pdu.R2T) {
                status = p;
                break;
            }
            assertEquals(cmd.initiatorTaskTag(), p.initiatorTaskTag());
            assertEquals(r2ts++, p.intAt(36), "R2TSN");
            assertEquals(received, p.intAt(40), "R2T buffer offset");
            int length = p.intAt(44);
            assertTrue(length <= 16384, "an R2T of " + length + " bytes, more than MaxBurstLength");
            for (int off = 0; off < length; off += 8192) { // Data-Out PDUs of 8 KiB (the target's default is 256 KiB)
                int n = Math.min(8192, length - off);
                w.send(Pdu.of(Pdu.DATA_OUT, false).flags(off + n == length ? 0x80 : 0).lun(0).initiatorTaskTag(cmd.initiatorTaskTag())
                        .intAt(20, p.intAt(20)).intAt(28, w.lastStatSN + 1).intAt(36, off / 8192).intAt(40, received + off)
                        .data(java.util.Arrays.copyOfRange(data, received + off, received + off + n)));
            }
            received += length;
        }
        assertEquals(3, r2ts, "36 KiB after the immediate data, in bursts of at most 16 KiB");
        assertEquals(Pdu.SCSI_RESPONSE, status.opcode(), status.toString());
        assertEquals(0, status.byteAt(3), "GOOD");
        w.checkStatus(status);
        try (io.lockstep.storage.Medium m = IscsiServerTest.direct(lun)) {
            assertArrayEquals(data, m.read(300, 80));
        }
    }

    @Test
    void commandsSentWhileAWriteWaitsForItsDataAreKeptAndRunInOrder() throws IOException {
        Wire w = new Wire();
        w.login(Map.of("ImmediateData", "Yes", "InitialR2T", "No", "FirstBurstLength", "8192", "MaxBurstLength", "65536"));
        assertEquals("No", w.answered.get("InitialR2T"));
        w.settle();
        byte[] a = new byte[16384];
        byte[] b = new byte[8192];
        new Random(1).nextBytes(a);
        new Random(2).nextBytes(b);
        // A: 4 KiB immediate, 4 KiB unsolicited Data-Out, 8 KiB by R2T; B (sent before A's R2T is answered): 4 + 4 KiB unsolicited
        Pdu cmdA = w.command(Cdb.write16(40, 32, false), false, true, a.length, java.util.Arrays.copyOf(a, 4096), false);
        w.send(cmdA);
        w.send(dataOut(cmdA, Pdu.RESERVED_TAG, 0, 4096, java.util.Arrays.copyOfRange(a, 4096, 8192), true));
        Pdu cmdB = w.command(Cdb.write16(90, 16, false), false, true, b.length, java.util.Arrays.copyOf(b, 4096), false);
        w.send(cmdB);
        w.send(dataOut(cmdB, Pdu.RESERVED_TAG, 0, 4096, java.util.Arrays.copyOfRange(b, 4096, 8192), true));
        w.send(Pdu.of(Pdu.NOP_OUT, true).flags(0x80).initiatorTaskTag(0x79).intAt(20, Pdu.RESERVED_TAG).intAt(24, w.cmdSN));
        Pdu r2t = w.read();
        assertEquals(Pdu.R2T, r2t.opcode(), r2t.toString());
        assertEquals(cmdA.initiatorTaskTag(), r2t.initiatorTaskTag());
        assertEquals(8192, r2t.intAt(40));
        assertEquals(8192, r2t.intAt(44));
        w.send(dataOut(cmdA, r2t.intAt(20), 0, 8192, java.util.Arrays.copyOfRange(a, 8192, 16384), true));
        Pdu doneA = w.read();
        Pdu doneB = w.read();
        Pdu nop = w.read();
        assertEquals(Pdu.SCSI_RESPONSE, doneA.opcode(), doneA.toString());
        assertEquals(cmdA.initiatorTaskTag(), doneA.initiatorTaskTag(), "A answered first");
        assertEquals(0, doneA.byteAt(3));
        assertEquals(cmdB.initiatorTaskTag(), doneB.initiatorTaskTag(), "then B");
        assertEquals(0, doneB.byteAt(3));
        assertEquals(Pdu.NOP_IN, nop.opcode(), "then the NOP-Out sent after them");
        assertEquals(doneA.intAt(24) + 1, doneB.intAt(24), "StatSN");
        assertEquals(doneB.intAt(24) + 1, nop.intAt(24), "StatSN");
        try (io.lockstep.storage.Medium m = IscsiServerTest.direct(lun)) {
            assertArrayEquals(a, m.read(40, 32));
            assertArrayEquals(b, m.read(90, 16));
        }
    }

    private static Pdu dataOut(Pdu cmd, int ttt, int dataSN, int offset, byte[] data, boolean last) {
        return Pdu.of(Pdu.DATA_OUT, false).flags(last ? 0x80 : 0).lun(0).initiatorTaskTag(cmd.initiatorTaskTag()).intAt(20, ttt).intAt(36, dataSN)
                .intAt(40, offset).data(data);
    }

    @Test
    void anOversizedDataSegmentIsRejectedAndTheConnectionClosedWithoutAllocatingIt() throws IOException {
        Wire w = new Wire();
        w.login(Map.of());
        Pdu huge = w.command(Cdb.write16(0, 1, false), false, true, 512, new byte[0], true);
        byte[] bhs = huge.encode();
        bhs[5] = (byte) 0xFF; // a data segment of 16 MiB - 1 declared, none sent
        bhs[6] = (byte) 0xFF;
        bhs[7] = (byte) 0xFF;
        w.raw(bhs);
        Pdu reject = w.read();
        assertEquals(Pdu.REJECT, reject.opcode(), reject.toString());
        assertEquals(0x04, reject.byteAt(2), "reason: protocol error");
        assertTrue(w.closedByPeer());
        assertTrue(List.copyOf(log).stream().anyMatch(l -> l.contains("16777215") && l.contains("MaxRecvDataSegmentLength")), log.toString());

        // before login the limit is 8 KiB
        Wire early = new Wire();
        byte[] login = Pdu.of(Pdu.LOGIN_REQUEST, true).flags(0x87).encode();
        login[5] = 0x10; // 1 MiB of login text
        early.raw(login);
        assertEquals(Pdu.REJECT, early.read().opcode());
        assertTrue(early.closedByPeer());
        anotherSessionStillWorks();
    }

    @Test
    void anOpcodeNoInitiatorSendsIsRejectedAndTheSessionGoesOn() throws IOException {
        Wire w = new Wire();
        w.login(Map.of());
        Pdu garbage = Pdu.of(0x1C, false).flags(0x80).initiatorTaskTag(0x55).data(new byte[] {9, 9, 9, 9, 9});
        w.send(garbage);
        Pdu reject = w.read();
        assertEquals(Pdu.REJECT, reject.opcode());
        assertEquals(0x05, reject.byteAt(2), "reason: command not supported");
        assertEquals(0x1C, Pdu.ofHeader(reject.data()).opcode(), "the rejected header comes back");
        // a Data-Out nobody asked for
        w.send(Pdu.of(Pdu.DATA_OUT, false).flags(0x80).initiatorTaskTag(0x999).intAt(20, 42).data(new byte[512]));
        assertEquals(Pdu.REJECT, w.read().opcode());
        // the session still answers
        w.send(Pdu.of(Pdu.NOP_OUT, true).flags(0x80).initiatorTaskTag(0x78).intAt(20, Pdu.RESERVED_TAG).intAt(24, w.cmdSN));
        assertEquals(Pdu.NOP_IN, w.read().opcode());
        // a command for a LUN that does not exist: CHECK CONDITION, LOGICAL UNIT NOT SUPPORTED
        Pdu cmd = w.command(Cdb.read16(0, 1), true, false, 512, new byte[0], true).lun(7);
        w.send(cmd);
        Pdu r = w.read();
        assertEquals(Pdu.SCSI_RESPONSE, r.opcode());
        assertEquals(0x02, r.byteAt(3));
        assertEquals(0x25, r.data()[2 + 12] & 0xFF, "ASC 25h");
        // a READ beyond the Block Limits: refused, nothing allocated
        w.send(w.command(Cdb.read16(0, 0x7FFFFFFF), true, false, 0x7FFFFFFF, new byte[0], true));
        Pdu big = w.read();
        assertEquals(Pdu.SCSI_RESPONSE, big.opcode());
        assertEquals(0x02, big.byteAt(3));
        anotherSessionStillWorks();
    }

    @Test
    void aLoginThatNeverFinishesIsDropped() throws IOException {
        Wire silent = new Wire();
        Wire slow = new Wire();
        slow.raw(new byte[] {0x43, (byte) 0x87, 0}); // three bytes of a Login Request, then nothing
        Wire half = new Wire(); // a security stage answered, the operational stage never sent
        Pdu req = Pdu.of(Pdu.LOGIN_REQUEST, true).flags(0x80 | 1).bytes(8, new byte[] {(byte) 0x80, 9, 9, 9, 9, 9}).initiatorTaskTag(1)
                .data(TextParameters.encode(Map.of("InitiatorName", HOST, "TargetName", TARGET, "AuthMethod", "None")));
        half.send(req);
        Pdu resp = half.read();
        assertEquals(Pdu.LOGIN_RESPONSE, resp.opcode());
        assertEquals("None", TextParameters.decode(resp.data()).get("AuthMethod"));
        assertEquals("1", TextParameters.decode(resp.data()).get("TargetPortalGroupTag"));
        anotherSessionStillWorks(); // while three logins hang
        assertTrue(silent.closedByPeer(), "a silent connection is dropped at the login deadline");
        assertTrue(slow.closedByPeer());
        assertTrue(half.closedByPeer());
        // the connection's thread logs the drop after the socket closed (the watchdog closes it): wait for the line
        long end = System.nanoTime() + 30_000_000_000L;
        while (List.copyOf(log).stream().noneMatch(l -> l.contains("login not finished within 800 ms")) && System.nanoTime() < end) {
            sleep(20);
        }
        assertTrue(List.copyOf(log).stream().anyMatch(l -> l.contains("login not finished within 800 ms")), log.toString());
        anotherSessionStillWorks();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
