package io.lockstep.storage.iscsi;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted iSCSI target on loopback that misbehaves on purpose — the wire's bad input for the initiator's tests.
 * It logs initiators in (unless told to refuse), answers the discovery commands of a 1 MiB disk honestly, and hands
 * every other SCSI command to a {@link Script} that decides what goes back on the wire: a good answer, a truncated
 * PDU, a wrong opcode, an oversized data segment, a Reject, silence, a dropped connection.
 */
final class FakeTarget implements AutoCloseable {

    /** What to do with one SCSI command (its CDB and data-out) on connection number {@code connection}. */
    interface Script {
        void answer(Wire wire, Pdu command, int connection) throws IOException;
    }

    /** The target's side of one connection. */
    static final class Wire {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        int statSN = 1;
        int expCmdSN = 1;

        Wire(Socket s) throws IOException {
            socket = s;
            in = new BufferedInputStream(s.getInputStream());
            out = s.getOutputStream();
        }

        /** A SCSI Response with {@code status}; {@code sense} (fixed format) for CHECK CONDITION. */
        void respond(Pdu command, int status, byte[] sense) throws IOException {
            Pdu r = Pdu.of(Pdu.SCSI_RESPONSE, false).flags(0x80).byteAt(2, 0).byteAt(3, status).initiatorTaskTag(command.initiatorTaskTag())
                    .intAt(24, statSN++).intAt(28, expCmdSN).intAt(32, expCmdSN + 16);
            if (sense != null) {
                byte[] d = new byte[2 + sense.length];
                d[0] = (byte) (sense.length >>> 8);
                d[1] = (byte) sense.length;
                System.arraycopy(sense, 0, d, 2, sense.length);
                r.data(d);
            }
            raw(r.encode());
        }

        /** Data-In carrying {@code data} with status GOOD (phase collapse). */
        void dataIn(Pdu command, byte[] data, int offset) throws IOException {
            raw(Pdu.of(Pdu.DATA_IN, false).flags(0x81).byteAt(3, 0).initiatorTaskTag(command.initiatorTaskTag()).intAt(20, Pdu.RESERVED_TAG)
                    .intAt(24, statSN++).intAt(28, expCmdSN).intAt(32, expCmdSN + 16).intAt(36, 0).intAt(40, offset).data(data).encode());
        }

        void raw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void close() throws IOException {
            socket.close();
        }
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Script script = (w, c, n) -> w.respond(c, 0, null);
    private volatile int[] refuseLogin;
    private volatile Function<Map<String, String>, Map<String, String>> operational = said -> Map.of("HeaderDigest", "None", "DataDigest", "None",
            "MaxRecvDataSegmentLength", "8192", "ImmediateData", "Yes", "InitialR2T", "Yes", "ErrorRecoveryLevel", "0");
    private final byte[] disk = new byte[1 << 20];

    FakeTarget() throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "fake-target");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String uri() {
        return "iscsi://127.0.0.1:" + server.getLocalPort() + "/iqn.2026-11.io.lockstep.test:fake/0";
    }

    void script(Script s) {
        script = s;
    }

    /** Refuse every login with this status class and detail. */
    void refuseLogin(int statusClass, int detail) {
        refuseLogin = new int[] {statusClass, detail};
    }

    void operational(Function<Map<String, String>, Map<String, String>> answer) {
        operational = answer;
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                int n = connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s, n), "fake-target-" + n);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, int n) {
        try {
            Wire w = new Wire(s);
            if (!login(w)) {
                return;
            }
            while (true) {
                Pdu p = readInitiatorPdu(w.in);
                switch (p.opcode()) {
                    case Pdu.SCSI_COMMAND -> {
                        w.expCmdSN = p.intAt(24) + 1;
                        int op = p.byteAt(32) & 0xFF;
                        boolean lastSector = op == 0x88 && ByteBuffer.wrap(p.bytes(32, 16)).getLong(2) == disk.length / 512 - 1;
                        if (op == 0x12 || op == 0x9E || op == 0xA3 || op == 0x89 || lastSector) {
                            discovery(w, p);
                        } else {
                            script.answer(w, p, n);
                        }
                    }
                    case Pdu.NOP_OUT -> {
                        if (p.initiatorTaskTag() != Pdu.RESERVED_TAG) {
                            w.raw(Pdu.of(Pdu.NOP_IN, false).flags(0x80).initiatorTaskTag(p.initiatorTaskTag()).intAt(20, Pdu.RESERVED_TAG)
                                    .intAt(24, w.statSN++).intAt(28, w.expCmdSN).intAt(32, w.expCmdSN + 16).encode());
                        }
                    }
                    case Pdu.LOGOUT_REQUEST -> {
                        w.raw(Pdu.of(Pdu.LOGOUT_RESPONSE, false).flags(0x80).initiatorTaskTag(p.initiatorTaskTag()).intAt(24, w.statSN++)
                                .intAt(28, w.expCmdSN).intAt(32, w.expCmdSN + 16).encode());
                        w.close();
                        return;
                    }
                    default -> {
                        // Data-Out and the rest: this fake target asks for no data
                    }
                }
            }
        } catch (IOException e) {
            // the initiator went away, or the script closed the connection
        }
    }

    private static Pdu readInitiatorPdu(InputStream in) throws IOException {
        byte[] bhs = in.readNBytes(Pdu.BHS_LENGTH);
        if (bhs.length < Pdu.BHS_LENGTH) {
            throw new IOException("closed");
        }
        Pdu p = Pdu.ofHeader(bhs);
        int len = p.dataSegmentLength();
        byte[] data = in.readNBytes(len + Pdu.padding(len));
        return p.data(java.util.Arrays.copyOf(data, len));
    }

    private boolean login(Wire w) throws IOException {
        while (true) {
            Pdu req = readInitiatorPdu(w.in);
            if (req.opcode() != Pdu.LOGIN_REQUEST) {
                return false;
            }
            int csg = (req.flags() >> 2) & 3;
            int nsg = req.flags() & 3;
            Pdu resp = Pdu.of(Pdu.LOGIN_RESPONSE, false).bytes(8, req.bytes(8, 6)).initiatorTaskTag(req.initiatorTaskTag()).intAt(24, w.statSN++)
                    .intAt(28, 1).intAt(32, 16);
            int[] refuse = refuseLogin;
            if (refuse != null) {
                w.raw(resp.byteAt(36, refuse[0]).byteAt(37, refuse[1]).encode());
                w.close();
                return false;
            }
            Map<String, String> said = TextParameters.decode(req.data());
            Map<String, String> answer = csg == 0 ? Map.of("AuthMethod", "None", "TargetPortalGroupTag", "1") : operational.apply(said);
            resp.flags(0x80 | (csg << 2) | nsg).shortAt(14, nsg == 3 ? 7 : 0).data(TextParameters.encode(answer));
            w.raw(resp.encode());
            if (nsg == 3) {
                return true;
            }
        }
    }

    private void discovery(Wire w, Pdu p) throws IOException {
        int op = p.byteAt(32) & 0xFF;
        if (op == 0x12) { // INQUIRY
            if ((p.byteAt(33) & 1) != 0) {
                w.respond(p, 2, new byte[] {0x70, 0, 0x05, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x24, 0, 0, 0, 0, 0});
                return;
            }
            byte[] inq = new byte[36];
            System.arraycopy("FAKE    WIRE-TESTS      ".getBytes(), 0, inq, 8, 24);
            w.dataIn(p, inq, 0);
        } else if (op == 0x88) { // the probe's read of the last sector
            goodRead(w, p);
        } else if (op == 0x89) { // COMPARE AND WRITE: not offered
            w.respond(p, 2, new byte[] {0x70, 0, 0x05, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x20, 0, 0, 0, 0, 0});
        } else if (op == 0x9E) { // READ CAPACITY(16)
            ByteBuffer b = ByteBuffer.allocate(32);
            b.putLong(disk.length / 512 - 1).putInt(512);
            w.dataIn(p, b.array(), 0);
        } else { // REPORT SUPPORTED OPERATION CODES: not offered
            w.respond(p, 2, new byte[] {0x70, 0, 0x05, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x20, 0, 0, 0, 0, 0});
        }
    }

    /** Answers a READ(16) with the fake disk's contents (for scripts that behave). */
    void goodRead(Wire w, Pdu p) throws IOException {
        ByteBuffer cdb = ByteBuffer.wrap(p.bytes(32, 16));
        long lba = cdb.getLong(2);
        int blocks = cdb.getInt(10);
        w.dataIn(p, java.util.Arrays.copyOfRange(disk, (int) lba * 512, (int) (lba + blocks) * 512), 0);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
