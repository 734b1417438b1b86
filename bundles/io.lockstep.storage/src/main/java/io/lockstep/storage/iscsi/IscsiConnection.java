package io.lockstep.storage.iscsi;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.lockstep.storage.ScsiStatus;
import io.lockstep.storage.Sense;

/**
 * One iSCSI session over one TCP connection, in full feature phase after {@link #login}: error recovery level 0, no
 * digests, one connection (RFC 7143). SCSI commands are sent from any thread ({@link #execute}); a reader thread takes
 * the target's PDUs and completes them: Data-In assembled by buffer offset, R2T answered with Data-Out, SCSI Response
 * with its status and sense, NOP-In pings answered, asynchronous messages and rejects handled. Command and status
 * sequence numbers follow RFC 7143 §4.2.2: a command waits while CmdSN would pass MaxCmdSN.
 *
 * <p>When the connection breaks — closed, reset, a protocol error, a command or ping unanswered — every task on it
 * fails with {@link ConnectionLostException}, which says whether the command had reached the wire; {@link IscsiMedium}
 * decides whether to retry it on a new connection.
 */
final class IscsiConnection implements AutoCloseable {

    /** What was negotiated at login, and who we are. */
    record Negotiated(int maxSendDataSegment, int maxBurst, int firstBurst, boolean immediateData, boolean initialR2T, int tsih,
            Map<String, String> targetSaid) {
    }

    /** A finished SCSI command: status, sense (CHECK CONDITION), the data read, the residual. */
    record Result(ScsiStatus status, Sense sense, byte[] data, int residual) {
    }

    /** The connection broke while a command was on it. {@code sent}: its command PDU had gone out whole. */
    static final class ConnectionLostException extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean sent;

        ConnectionLostException(String message, boolean sent, Throwable cause) {
            super(message, cause);
            this.sent = sent;
        }

        boolean sent() {
            return sent;
        }
    }

    private static final int MAX_RECV_DATA_SEGMENT = 256 * 1024;

    private final String where;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Object sendLock = new Object();
    private final Map<Integer, Task> tasks = new ConcurrentHashMap<>();
    private final AtomicInteger nextTag = new AtomicInteger(1);
    private final Duration pingAfter;
    private Negotiated negotiated;
    private int cmdSN = 1;
    private volatile int expStatSN;
    private volatile int maxCmdSN = 1;
    private volatile IOException broken;
    private volatile long lastHeard = System.nanoTime();
    private Thread reader;
    private Thread keepalive;
    private final CompletableFuture<Pdu> logoutResponse = new CompletableFuture<>();
    private final Map<Integer, CompletableFuture<Pdu>> management = new ConcurrentHashMap<>();
    private final Map<Integer, CompletableFuture<Pdu>> pings = new ConcurrentHashMap<>();
    private volatile Sense asyncSense;

    private IscsiConnection(String where, Socket socket, Duration pingAfter) throws IOException {
        this.where = where;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.pingAfter = pingAfter;
    }

    /**
     * Connects to {@code host:port} and logs in to {@code targetName} as {@code initiatorName} with session id
     * {@code isid} (kept across reconnects, so the target sees the same initiator port and its registrations).
     */
    static IscsiConnection login(String host, int port, String targetName, String initiatorName, byte[] isid, Duration timeout, Duration pingAfter)
            throws IOException {
        Socket s = new Socket();
        String where = targetName + " at " + host + ":" + port;
        try {
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) timeout.toMillis());
        } catch (IOException e) {
            s.close();
            throw new IOException("iSCSI: cannot connect to " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
        IscsiConnection c = new IscsiConnection(where, s, pingAfter);
        try {
            c.negotiated = c.negotiate(targetName, initiatorName, isid);
            s.setSoTimeout(0); // from now on the reader waits; liveness comes from pings
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        c.start();
        return c;
    }

    Negotiated negotiated() {
        return negotiated;
    }

    // --- login (RFC 7143 §6.3, §13) ------------------------------------------------------------------------------

    private Negotiated negotiate(String targetName, String initiatorName, byte[] isid) throws IOException {
        int itt = nextTag.getAndIncrement();
        // security negotiation: no authentication
        Map<String, String> security = new LinkedHashMap<>();
        security.put("InitiatorName", initiatorName);
        security.put("TargetName", targetName);
        security.put("SessionType", "Normal");
        security.put("AuthMethod", "None");
        Map<String, String> answered = new LinkedHashMap<>();
        int[] stage = {0};
        int tsih = exchangeStage(itt, isid, 0, 1, security, answered, stage);
        if (stage[0] == 1) {
            Map<String, String> operational = new LinkedHashMap<>();
            operational.put("HeaderDigest", "None");
            operational.put("DataDigest", "None");
            operational.put("MaxConnections", "1");
            operational.put("InitialR2T", "No");
            operational.put("ImmediateData", "Yes");
            operational.put("MaxRecvDataSegmentLength", Integer.toString(MAX_RECV_DATA_SEGMENT));
            operational.put("MaxBurstLength", Integer.toString(1024 * 1024));
            operational.put("FirstBurstLength", Integer.toString(256 * 1024));
            operational.put("DefaultTime2Wait", "0");
            operational.put("DefaultTime2Retain", "0");
            operational.put("MaxOutstandingR2T", "1");
            operational.put("DataPDUInOrder", "Yes");
            operational.put("DataSequenceInOrder", "Yes");
            operational.put("ErrorRecoveryLevel", "0");
            tsih = exchangeStage(itt, isid, 1, 3, operational, answered, stage);
        }
        if (stage[0] != 3) {
            throw new IOException("iSCSI login to " + where + ": the target did not move to full feature phase (stopped at stage " + stage[0] + ")");
        }
        for (String digest : new String[] {"HeaderDigest", "DataDigest"}) {
            String v = answered.getOrDefault(digest, "None");
            if (!v.equals("None")) {
                throw new IOException("iSCSI login to " + where + ": the target insists on " + digest + "=" + v + ", which this initiator does not "
                        + "implement (expected None)");
            }
        }
        String erl = answered.getOrDefault("ErrorRecoveryLevel", "0");
        if (!erl.equals("0")) {
            throw new IOException("iSCSI login to " + where + ": ErrorRecoveryLevel: expected 0, the target answered " + erl);
        }
        int maxSend = number(answered, "MaxRecvDataSegmentLength", 8192, 512, 16777215);
        int maxBurst = Math.min(1024 * 1024, number(answered, "MaxBurstLength", 262144, 512, 16777215));
        int firstBurst = Math.min(Math.min(256 * 1024, maxBurst), number(answered, "FirstBurstLength", 65536, 512, 16777215));
        boolean immediate = "Yes".equals(answered.getOrDefault("ImmediateData", "Yes"));
        boolean initialR2T = !"No".equals(answered.getOrDefault("InitialR2T", "Yes"));
        return new Negotiated(maxSend, maxBurst, firstBurst, immediate, initialR2T, tsih, Map.copyOf(answered));
    }

    private int number(Map<String, String> answered, String key, int dflt, int min, int max) throws IOException {
        String v = answered.get(key);
        if (v == null || v.equals("Irrelevant") || v.equals("NotUnderstood")) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IscsiProtocolException("iSCSI login to " + where + ": " + key + ": expected a number from " + min + " to " + max + ", found '" + v + "'");
        }
    }

    /** Sends login requests of one stage until the target lets us move to {@code next}; returns the TSIH. */
    private int exchangeStage(int itt, byte[] isid, int current, int next, Map<String, String> keys, Map<String, String> answered, int[] stage)
            throws IOException {
        Map<String, String> send = keys;
        for (int round = 0; round < 8; round++) {
            Pdu req = Pdu.of(Pdu.LOGIN_REQUEST, true).flags(0x80 | (current << 2) | next) // T=1: we would move on
                    .byteAt(2, 0).byteAt(3, 0).bytes(8, isid).shortAt(14, 0).initiatorTaskTag(itt).shortAt(20, 0).intAt(24, cmdSN)
                    .intAt(28, expStatSN).data(TextParameters.encode(send));
            send(req);
            Pdu resp = Pdu.read(in, MAX_RECV_DATA_SEGMENT);
            if (resp.opcode() != Pdu.LOGIN_RESPONSE) {
                throw new IscsiProtocolException("iSCSI login to " + where + ": expected a Login Response, found a " + Pdu.name(resp.opcode()));
            }
            int statusClass = resp.byteAt(36);
            int detail = resp.byteAt(37);
            if (statusClass != 0) {
                throw new IscsiLoginException(where, statusClass, detail, TextParameters.decode(resp.data()));
            }
            if (resp.initiatorTaskTag() != itt) {
                throw new IscsiProtocolException(String.format("iSCSI login to %s: Login Response for task 0x%08x, expected 0x%08x", where,
                        resp.initiatorTaskTag(), itt));
            }
            expStatSN = resp.intAt(24) + 1;
            maxCmdSN = resp.intAt(32);
            answered.putAll(TextParameters.decode(resp.data()));
            boolean transit = (resp.flags() & 0x80) != 0;
            int nsg = resp.flags() & 0x3;
            if (transit) {
                stage[0] = nsg;
                return resp.shortAt(14);
            }
            send = Map.of(); // the target wants another round of this stage (it may have more to say)
        }
        throw new IscsiProtocolException("iSCSI login to " + where + ": the target kept stage " + current + " open for 8 rounds");
    }

    // --- full feature phase --------------------------------------------------------------------------------------------

    private void start() {
        reader = new Thread(this::readLoop, "iscsi-reader " + where);
        reader.setDaemon(true);
        reader.start();
        if (pingAfter != null && !pingAfter.isZero()) {
            keepalive = new Thread(this::keepaliveLoop, "iscsi-keepalive " + where);
            keepalive.setDaemon(true);
            keepalive.start();
        }
    }

    /** One SCSI command on this connection. */
    private final class Task {
        final int itt;
        final int lun;
        final byte[] cdb;
        final byte[] dataOut;
        final byte[] dataIn;
        final CompletableFuture<Result> done = new CompletableFuture<>();
        volatile boolean sent;
        int received;

        Task(int itt, int lun, byte[] cdb, byte[] dataOut, int readLength) {
            this.itt = itt;
            this.lun = lun;
            this.cdb = cdb;
            this.dataOut = dataOut;
            this.dataIn = new byte[readLength];
        }

        String name() {
            return String.format("opcode 0x%02x (task 0x%08x)", cdb[0] & 0xFF, itt);
        }
    }

    /**
     * Sends {@code cdb} to {@code lun} with {@code dataOut} (a write; null for none) or expecting up to
     * {@code readLength} bytes, and waits at most {@code timeout} for its status.
     *
     * @throws ConnectionLostException when the connection broke first (or was already broken)
     * @throws TimeoutException when the target did not answer in time (the connection is then given up)
     */
    Result execute(int lun, byte[] cdb, byte[] dataOut, int readLength, Duration timeout) throws IOException, TimeoutException {
        if (broken != null) {
            throw new ConnectionLostException("connection to " + where + " is down: " + broken.getMessage(), false, broken);
        }
        int itt = tag();
        Task t = new Task(itt, lun, cdb, dataOut, readLength);
        tasks.put(itt, t);
        try {
            try {
                sendCommand(lun, t);
            } catch (ConnectionLostException lost) {
                throw lost;
            } catch (IOException e) { // the socket failed under the write: the connection is gone
                fail(e);
                throw new ConnectionLostException(t.name() + " on " + where + ": the connection failed while sending it (" + e.getMessage() + ")", t.sent, e);
            }
            return t.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for " + t.name() + " on " + where);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (TimeoutException e) {
            fail(new IOException(t.name() + " unanswered after " + timeout.toMillis() + " ms"));
            throw e;
        } finally {
            tasks.remove(itt);
        }
    }

    private int tag() {
        int itt;
        do {
            itt = nextTag.getAndIncrement();
        } while (itt == Pdu.RESERVED_TAG || itt == 0);
        return itt;
    }

    private void sendCommand(int lun, Task t) throws IOException {
        Negotiated n = negotiated;
        boolean write = t.dataOut != null && t.dataOut.length > 0;
        int immediateLength = write && n.immediateData() ? Math.min(t.dataOut.length, Math.min(n.firstBurst(), n.maxSendDataSegment())) : 0;
        // unsolicited Data-Out after the command (InitialR2T=No), up to FirstBurstLength in all
        int unsolicitedEnd = write && !n.initialR2T() ? Math.min(t.dataOut.length, n.firstBurst()) : immediateLength;
        boolean more = unsolicitedEnd > immediateLength;
        synchronized (sendLock) {
            awaitWindow();
            Pdu cmd = Pdu.of(Pdu.SCSI_COMMAND, false).flags((more ? 0 : 0x80) | (write ? 0x20 : 0) | (t.dataIn.length > 0 ? 0x40 : 0) | 0x01)
                    .lun(lun).initiatorTaskTag(t.itt).intAt(20, write ? t.dataOut.length : t.dataIn.length).intAt(24, cmdSN++).intAt(28, expStatSN);
            byte[] cdb16 = new byte[16];
            System.arraycopy(t.cdb, 0, cdb16, 0, Math.min(16, t.cdb.length));
            cmd.bytes(32, cdb16);
            if (immediateLength > 0) {
                cmd.data(java.util.Arrays.copyOf(t.dataOut, immediateLength));
            }
            // counted as sent before its first byte goes: once any byte may have left, the target may act on it, and
            // the reader may see the connection die before this thread returns from the write
            t.sent = true;
            send(cmd);
            if (more) {
                sendData(t, Pdu.RESERVED_TAG, immediateLength, unsolicitedEnd - immediateLength, 0);
            }
        }
    }

    /** Waits (with the send lock held) while the next CmdSN would pass the target's MaxCmdSN. */
    private void awaitWindow() throws IOException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (cmdSN - maxCmdSN > 0) { // serial arithmetic: CmdSN > MaxCmdSN
            if (broken != null) {
                throw new ConnectionLostException("connection to " + where + " is down: " + broken.getMessage(), false, broken);
            }
            if (System.nanoTime() > until) {
                throw new IOException("iSCSI " + where + ": the target's command window stayed closed for 30 s (CmdSN " + cmdSN + ", MaxCmdSN " + maxCmdSN + ")");
            }
            try {
                sendLock.wait(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted waiting for the target's command window");
            }
        }
    }

    /** Data-Out PDUs for [offset, offset + length) of a task's data, each at most the target's MaxRecvDataSegmentLength. */
    private void sendData(Task t, int ttt, int offset, int length, int firstDataSN) throws IOException {
        int max = negotiated.maxSendDataSegment();
        int dataSN = firstDataSN;
        for (int done = 0; done < length;) {
            int n = Math.min(max, length - done);
            boolean last = done + n == length;
            Pdu d = Pdu.of(Pdu.DATA_OUT, false).flags(last ? 0x80 : 0).lun(t.lun).initiatorTaskTag(t.itt).intAt(20, ttt).intAt(28, expStatSN)
                    .intAt(36, dataSN++).intAt(40, offset + done).data(java.util.Arrays.copyOfRange(t.dataOut, offset + done, offset + done + n));
            send(d);
            done += n;
        }
    }

    private void send(Pdu pdu) throws IOException {
        synchronized (sendLock) {
            pdu.write(out);
            out.flush();
        }
    }

    private void readLoop() {
        try {
            while (broken == null) {
                Pdu p = Pdu.read(in, MAX_RECV_DATA_SEGMENT);
                lastHeard = System.nanoTime();
                dispatch(p);
            }
        } catch (EOFException e) {
            fail(new IOException("the target closed the connection"));
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new IscsiProtocolException("reading from " + where + ": " + e));
        }
    }

    private void sequence(Pdu p, boolean statSN) {
        if (statSN) {
            expStatSN = p.intAt(24) + 1;
        }
        int max = p.intAt(32);
        int exp = p.intAt(28);
        if (max - exp >= -1) { // RFC 7143 §4.2.2.1: MaxCmdSN < ExpCmdSN - 1 (serial) means ignore
            maxCmdSN = max;
        }
    }

    private void dispatch(Pdu p) throws IOException {
        switch (p.opcode()) {
            case Pdu.SCSI_RESPONSE -> {
                sequence(p, true);
                Task t = task(p);
                ScsiStatus status = status(t, p.byteAt(3));
                if (p.byteAt(2) != 0) {
                    t.done.completeExceptionally(new IOException(String.format("%s on %s: the target's iSCSI response was 0x%02x (target failure), not "
                            + "'command completed'", t.name(), where, p.byteAt(2))));
                    return;
                }
                Sense sense = null;
                byte[] d = p.data();
                if (d.length >= 2) {
                    int senseLength = ((d[0] & 0xFF) << 8) | (d[1] & 0xFF);
                    if (senseLength > d.length - 2) {
                        throw new IscsiProtocolException(t.name() + ": sense length " + senseLength + " but only " + (d.length - 2) + " bytes of sense data");
                    }
                    if (senseLength > 0) {
                        try {
                            sense = Sense.decode(d, 2, senseLength);
                        } catch (IllegalArgumentException e) {
                            throw new IscsiProtocolException(t.name() + ": " + e.getMessage());
                        }
                    }
                }
                int residual = (p.flags() & 0x06) != 0 ? p.intAt(44) : 0;
                t.done.complete(new Result(status, sense, received(t), residual));
            }
            case Pdu.DATA_IN -> {
                Task t = task(p);
                int offset = p.intAt(40);
                byte[] d = p.data();
                if (offset < 0 || offset + d.length > t.dataIn.length) {
                    throw new IscsiProtocolException(String.format("Data-In for %s: bytes [%d, %d) outside the %d bytes expected", t.name(), offset,
                            offset + d.length, t.dataIn.length));
                }
                System.arraycopy(d, 0, t.dataIn, offset, d.length);
                t.received = Math.max(t.received, offset + d.length);
                sequence(p, (p.flags() & 0x01) != 0);
                if ((p.flags() & 0x01) != 0) { // S: status in this PDU
                    if ((p.flags() & 0x80) == 0) {
                        throw new IscsiProtocolException("Data-In for " + t.name() + " carries status without the final bit");
                    }
                    int residual = (p.flags() & 0x06) != 0 ? p.intAt(44) : 0;
                    t.done.complete(new Result(status(t, p.byteAt(3)), null, received(t), residual));
                }
            }
            case Pdu.R2T -> {
                sequence(p, false);
                Task t = task(p);
                int offset = p.intAt(40);
                int length = p.intAt(44);
                if (t.dataOut == null || offset < 0 || length <= 0 || (long) offset + length > t.dataOut.length || length > negotiated.maxBurst()) {
                    throw new IscsiProtocolException(String.format("R2T for %s asks for %d bytes at offset %d; the command has %d bytes to send (MaxBurstLength %d)",
                            t.name(), length, offset, t.dataOut == null ? 0 : t.dataOut.length, negotiated.maxBurst()));
                }
                sendData(t, p.intAt(20), offset, length, 0);
            }
            case Pdu.NOP_IN -> {
                sequence(p, p.initiatorTaskTag() != Pdu.RESERVED_TAG);
                if (p.initiatorTaskTag() != Pdu.RESERVED_TAG) {
                    CompletableFuture<Pdu> ping = pings.remove(p.initiatorTaskTag());
                    if (ping != null) {
                        ping.complete(p);
                    }
                } else if (p.intAt(20) != Pdu.RESERVED_TAG) { // the target pings us: answer with its tag
                    synchronized (sendLock) {
                        send(Pdu.of(Pdu.NOP_OUT, true).flags(0x80).lun(0).initiatorTaskTag(Pdu.RESERVED_TAG).intAt(20, p.intAt(20)).intAt(24, cmdSN)
                                .intAt(28, expStatSN));
                    }
                }
            }
            case Pdu.TASK_MANAGEMENT_RESPONSE -> {
                sequence(p, true);
                CompletableFuture<Pdu> f = management.remove(p.initiatorTaskTag());
                if (f == null) {
                    throw new IscsiProtocolException(String.format("Task Management Response for task 0x%08x, which was not asked", p.initiatorTaskTag()));
                }
                f.complete(p);
            }
            case Pdu.LOGOUT_RESPONSE -> {
                sequence(p, true);
                logoutResponse.complete(p);
            }
            case Pdu.ASYNC_MESSAGE -> {
                sequence(p, true);
                int event = p.byteAt(36);
                switch (event) {
                    case 0 -> { // a SCSI asynchronous event: its sense data (a unit attention) comes with the next command anyway
                        byte[] d = p.data();
                        if (d.length >= 2) {
                            int len = ((d[0] & 0xFF) << 8) | (d[1] & 0xFF);
                            if (len > 0 && len <= d.length - 2) {
                                asyncSense = Sense.decode(d, 2, len);
                            }
                        }
                    }
                    case 1, 2, 3 -> // the target asks us to log out, or will drop the connection: give it up now, reconnect on use
                        fail(new IOException("the target announced it is ending the connection (asynchronous event " + event + ")"));
                    default -> {
                        // parameter negotiation requests and vendor events: nothing this initiator must do
                    }
                }
            }
            case Pdu.REJECT -> {
                sequence(p, true);
                int reason = p.byteAt(2);
                Pdu rejected = p.data().length >= Pdu.BHS_LENGTH ? Pdu.ofHeader(p.data()) : null;
                Task t = rejected == null ? null : tasks.get(rejected.initiatorTaskTag());
                String why = String.format("the target rejected a %s: reason 0x%02x (%s)", rejected == null ? "PDU" : Pdu.name(rejected.opcode()), reason,
                        rejectReason(reason));
                if (t != null) {
                    t.done.completeExceptionally(new IscsiProtocolException(t.name() + " on " + where + ": " + why));
                } else {
                    throw new IscsiProtocolException(why);
                }
            }
            default -> throw new IscsiProtocolException("a " + Pdu.name(p.opcode()) + " from " + where + " in full feature phase, where no such PDU belongs");
        }
    }

    private static ScsiStatus status(Task t, int code) throws IscsiProtocolException {
        try {
            return ScsiStatus.of(code);
        } catch (IllegalArgumentException e) {
            throw new IscsiProtocolException(t.name() + ": " + e.getMessage());
        }
    }

    private static String rejectReason(int reason) {
        return switch (reason) {
            case 0x02 -> "data digest error";
            case 0x03 -> "SNACK reject";
            case 0x04 -> "protocol error";
            case 0x05 -> "command not supported";
            case 0x06 -> "immediate command rejected";
            case 0x07 -> "task in progress";
            case 0x08 -> "invalid data ack";
            case 0x09 -> "invalid PDU field";
            case 0x0a -> "long operation reject: out of resources";
            case 0x0c -> "waiting for logout";
            default -> "reserved";
        };
    }

    private Task task(Pdu p) throws IscsiProtocolException {
        Task t = tasks.get(p.initiatorTaskTag());
        if (t == null) {
            throw new IscsiProtocolException(String.format("a %s for task 0x%08x, which is not in flight on %s", Pdu.name(p.opcode()), p.initiatorTaskTag(),
                    where));
        }
        return t;
    }

    private static byte[] received(Task t) {
        return t.received == t.dataIn.length ? t.dataIn : java.util.Arrays.copyOf(t.dataIn, t.received);
    }

    /** The last SCSI asynchronous event's sense, if the target sent one (informational). */
    Sense asyncSense() {
        return asyncSense;
    }

    // --- liveness, task management, logout ----------------------------------------------------------------------------

    private void keepaliveLoop() {
        while (broken == null) {
            try {
                Thread.sleep(Math.max(50, pingAfter.toMillis() / 2));
            } catch (InterruptedException e) {
                return;
            }
            if (broken != null) {
                return;
            }
            if (System.nanoTime() - lastHeard > pingAfter.toNanos()) {
                try {
                    ping(pingAfter);
                } catch (IOException | TimeoutException e) {
                    fail(new IOException("no answer to a NOP-Out ping within " + pingAfter.toMillis() + " ms"));
                    return;
                }
            }
        }
    }

    /** NOP-Out ping (immediate); waits for the NOP-In that answers it. */
    void ping(Duration timeout) throws IOException, TimeoutException {
        int itt = tag();
        CompletableFuture<Pdu> f = new CompletableFuture<>();
        pings.put(itt, f);
        try {
            synchronized (sendLock) {
                send(Pdu.of(Pdu.NOP_OUT, true).flags(0x80).lun(0).initiatorTaskTag(itt).intAt(20, Pdu.RESERVED_TAG).intAt(24, cmdSN).intAt(28, expStatSN));
            }
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted pinging " + where);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pings.remove(itt);
        }
    }

    /**
     * A task management function (immediate): {@code function} 5 is LOGICAL UNIT RESET, 1 ABORT TASK of
     * {@code referencedTag}. Returns the target's response code (0: function complete).
     */
    int taskManagement(int function, int lun, int referencedTag, Duration timeout) throws IOException, TimeoutException {
        int itt = tag();
        CompletableFuture<Pdu> f = new CompletableFuture<>();
        management.put(itt, f);
        try {
            synchronized (sendLock) {
                send(Pdu.of(Pdu.TASK_MANAGEMENT_REQUEST, true).flags(0x80 | function).lun(lun).initiatorTaskTag(itt).intAt(20, referencedTag).intAt(24, cmdSN)
                        .intAt(28, expStatSN).intAt(32, cmdSN).intAt(36, 0));
            }
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS).byteAt(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for a task management response from " + where);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            management.remove(itt);
        }
    }

    /** Breaks the connection: every task, ping and management request on it fails; the socket is closed. */
    void fail(IOException why) {
        synchronized (this) {
            if (broken != null) {
                return;
            }
            broken = why;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket that already failed
        }
        for (Task t : tasks.values()) {
            t.done.completeExceptionally(new ConnectionLostException(t.name() + " on " + where + ": the connection was lost (" + why.getMessage() + ")",
                    t.sent, why));
        }
        for (CompletableFuture<Pdu> f : pings.values()) {
            f.completeExceptionally(why);
        }
        for (CompletableFuture<Pdu> f : management.values()) {
            f.completeExceptionally(why);
        }
        logoutResponse.completeExceptionally(why);
        synchronized (sendLock) {
            sendLock.notifyAll();
        }
    }

    boolean isBroken() {
        return broken != null;
    }

    IOException brokenBecause() {
        return broken;
    }

    /** Logout (close the session), then the socket. */
    @Override
    public void close() {
        if (broken == null) {
            try {
                int itt = tag();
                synchronized (sendLock) {
                    send(Pdu.of(Pdu.LOGOUT_REQUEST, true).flags(0x80).initiatorTaskTag(itt).intAt(24, cmdSN).intAt(28, expStatSN));
                }
                logoutResponse.get(2, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException | ExecutionException | TimeoutException e) {
                // leaving anyway: the target ends the session when the connection closes
            }
        }
        fail(new IOException("logged out"));
        if (keepalive != null) {
            keepalive.interrupt();
        }
    }

    String where() {
        return where;
    }

    static boolean isTimeout(Throwable t) {
        return t instanceof SocketTimeoutException || t instanceof TimeoutException;
    }
}
