package io.lockstep.storage.iscsi;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.lockstep.storage.Medium;
import io.lockstep.storage.ScsiStatus;
import io.lockstep.storage.Sense;
import io.lockstep.storage.scsi.Cdb;
import io.lockstep.storage.scsi.ScsiResponse;
import io.lockstep.storage.scsi.ScsiTarget;

/**
 * An iSCSI target (RFC 7143, error recovery level 0, one connection per session, no digests, no authentication):
 * serves the logical units of one or more target names on one portal, each session its own I_T nexus. What an
 * initiator may reach is decided by an {@link Access} (the masking): an initiator whose name it does not allow for a
 * target is refused at login with status 02/02 (authorization failure), and the refusal is logged with both names.
 *
 * <p>Every session gets its own {@link Medium} per logical unit, opened for the session's initiator name: that name
 * is who holds reservations. The session's commands are executed in order, one at a time, by the connection's own
 * thread. Every length read from the wire is bounded before anything is allocated: a data segment longer than this
 * target declared is a protocol error (Reject, then the connection is closed); an Expected Data Transfer Length
 * beyond {@link Options#maxTransferBytes()} is answered CHECK CONDITION without allocating it. A connection that has
 * not finished its login within {@link Options#loginTimeout()} is dropped.
 */
public final class IscsiServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IscsiServer.class.getName());

    /** The masking: which targets exist, which initiators may log in to each, and the logical units they see. */
    public interface Access {

        /** The target names served, in the order SendTargets lists them. */
        List<String> targets();

        /** May {@code initiatorIqn} log in to {@code targetIqn} (and see it in discovery)? Names are lower case. */
        boolean allows(String targetIqn, String initiatorIqn);

        /**
         * The logical units of {@code targetIqn} as {@code initiatorIqn}'s own I_T nexus sees them, by LUN: each a
         * medium opened for that initiator. Called once per session, after {@link #allows}; the server closes every
         * medium when the session ends. An empty map refuses the login (02/02).
         */
        SortedMap<Integer, Medium> open(String targetIqn, String initiatorIqn) throws IOException;
    }

    /** Opens one logical unit for one initiator (one I_T nexus). */
    @FunctionalInterface
    public interface LunOpener {
        Medium open(String initiatorIqn) throws IOException;
    }

    /** A static masking table: targets, their LUNs, and the initiator names allowed on each target. */
    public static final class Masking implements Access {
        private final Map<String, SortedMap<Integer, LunOpener>> luns = new LinkedHashMap<>();
        private final Map<String, Set<String>> allowed = new LinkedHashMap<>();

        /** Adds LUN {@code lun} (0-16383) to target {@code targetIqn}, creating the target. */
        public synchronized Masking lun(String targetIqn, int lun, LunOpener opener) {
            if (lun < 0 || lun > 16383) {
                throw new IllegalArgumentException("LUN: expected 0-16383, found " + lun);
            }
            luns.computeIfAbsent(name(targetIqn), t -> new TreeMap<>()).put(lun, Objects.requireNonNull(opener));
            return this;
        }

        /** Lets these initiators log in to {@code targetIqn}. */
        public synchronized Masking allow(String targetIqn, String... initiatorIqns) {
            Set<String> set = allowed.computeIfAbsent(name(targetIqn), t -> new LinkedHashSet<>());
            for (String i : initiatorIqns) {
                set.add(name(i));
            }
            return this;
        }

        /** Removes {@code targetIqn}, its LUNs and who may log in (sessions it has stay until they end). */
        public synchronized Masking remove(String targetIqn) {
            luns.remove(name(targetIqn));
            allowed.remove(name(targetIqn));
            return this;
        }

        /** No longer lets {@code initiatorIqn} log in to {@code targetIqn} (sessions it has stay until they end). */
        public synchronized Masking deny(String targetIqn, String initiatorIqn) {
            allowed.getOrDefault(name(targetIqn), Set.of()).remove(name(initiatorIqn));
            return this;
        }

        @Override
        public synchronized List<String> targets() {
            return new ArrayList<>(luns.keySet());
        }

        @Override
        public synchronized boolean allows(String targetIqn, String initiatorIqn) {
            return luns.containsKey(targetIqn) && allowed.getOrDefault(targetIqn, Set.of()).contains(initiatorIqn);
        }

        @Override
        public SortedMap<Integer, Medium> open(String targetIqn, String initiatorIqn) throws IOException {
            SortedMap<Integer, LunOpener> openers;
            synchronized (this) {
                openers = new TreeMap<>(luns.getOrDefault(targetIqn, new TreeMap<>()));
            }
            SortedMap<Integer, Medium> opened = new TreeMap<>();
            try {
                for (Map.Entry<Integer, LunOpener> e : openers.entrySet()) {
                    opened.put(e.getKey(), e.getValue().open(initiatorIqn));
                }
            } catch (IOException | RuntimeException e) {
                closeAll(opened.values());
                throw e;
            }
            return opened;
        }
    }

    /**
     * @param loginTimeout a connection not in full feature phase by then is dropped
     * @param dataTimeout how long a write waits for each Data-Out PDU it asked for
     * @param maxRecvDataSegmentLength the largest data segment this target accepts (declared at login)
     * @param maxBurstLength the largest burst this target offers (negotiated down to the initiator's)
     * @param firstBurstLength the largest unsolicited data this target offers
     * @param maxTransferBytes the largest Expected Data Transfer Length of one command
     * @param maxConnections connections beyond this many are closed as they arrive
     * @param vendor INQUIRY vendor (8 characters)
     * @param product INQUIRY product (16 characters)
     * @param log where connection events and refusals go, besides the {@link System.Logger}
     */
    public record Options(Duration loginTimeout, Duration dataTimeout, int maxRecvDataSegmentLength, int maxBurstLength, int firstBurstLength,
            int maxTransferBytes, int maxConnections, String vendor, String product, Consumer<String> log) {

        public Options {
            if (maxRecvDataSegmentLength < 512 || maxRecvDataSegmentLength > 16777215) {
                throw new IllegalArgumentException("MaxRecvDataSegmentLength: expected 512 to 16777215, found " + maxRecvDataSegmentLength);
            }
            if (maxBurstLength < 512 || firstBurstLength < 512 || firstBurstLength > maxBurstLength || maxBurstLength > 16777215) {
                throw new IllegalArgumentException("bursts: expected 512 <= FirstBurstLength (" + firstBurstLength + ") <= MaxBurstLength ("
                        + maxBurstLength + ") <= 16777215");
            }
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(15), Duration.ofSeconds(60), 256 * 1024, 1024 * 1024, 256 * 1024, 16 * 1024 * 1024, 256,
                    "LOCKSTEP", "VDISK", m -> { });
        }

        public Options withLoginTimeout(Duration timeout) {
            return new Options(timeout, dataTimeout, maxRecvDataSegmentLength, maxBurstLength, firstBurstLength, maxTransferBytes, maxConnections,
                    vendor, product, log);
        }

        public Options withLog(Consumer<String> sink) {
            return new Options(loginTimeout, dataTimeout, maxRecvDataSegmentLength, maxBurstLength, firstBurstLength, maxTransferBytes,
                    maxConnections, vendor, product, sink);
        }
    }

    /** Login status (RFC 7143 §11.13.5). */
    private static final int INITIATOR_ERROR = 0x0200;
    private static final int AUTHENTICATION_FAILURE = 0x0201;
    private static final int AUTHORIZATION_FAILURE = 0x0202;
    private static final int NOT_FOUND = 0x0203;
    private static final int UNSUPPORTED_VERSION = 0x0205;
    private static final int MISSING_PARAMETER = 0x0207;
    private static final int SESSION_TYPE_NOT_SUPPORTED = 0x0209;
    private static final int SESSION_DOES_NOT_EXIST = 0x020A;
    private static final int INVALID_DURING_LOGIN = 0x020B;
    private static final int TARGET_ERROR = 0x0300;

    /** Reject reasons (RFC 7143 §11.17.1). */
    private static final int REJECT_PROTOCOL_ERROR = 0x04;
    private static final int REJECT_COMMAND_NOT_SUPPORTED = 0x05;
    private static final int REJECT_INVALID_PDU_FIELD = 0x09;

    /** The largest data segment of a Login or Text PDU before our MaxRecvDataSegmentLength applies (RFC 7143 §13.12). */
    private static final int LOGIN_SEGMENT = 8192;
    private static final int CMD_WINDOW = 32;
    private static final int REFUSALS_KEPT = 100;

    private final Access access;
    private final Options options;
    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Map<String, Connection> sessions = new ConcurrentHashMap<>();
    private final Deque<String> refusals = new ArrayDeque<>();
    private final AtomicInteger nextTsih = new AtomicInteger(1);
    private final AtomicInteger nextConnection = new AtomicInteger(1);
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "iscsi-login-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    /** Starts serving on {@code bind} (port 0: an ephemeral port, see {@link #port()}). */
    public IscsiServer(InetSocketAddress bind, Access access, Options options) throws IOException {
        this.access = Objects.requireNonNull(access);
        this.options = Objects.requireNonNull(options);
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(bind, 64);
        acceptor = new Thread(this::accept, "iscsi-target-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        log(System.Logger.Level.INFO, "iSCSI target listening on " + portal() + " for " + access.targets());
    }

    public IscsiServer(InetSocketAddress bind, Access access) throws IOException {
        this(bind, access, Options.defaults());
    }

    public int port() {
        return server.getLocalPort();
    }

    /** host:port of the portal, as initiators write it. */
    public String portal() {
        return hostPort(server.getInetAddress(), port());
    }

    /** {@code iscsi://host:port/target/lun}, the URL QEMU and {@link IscsiMedium} open. */
    public String uri(String targetIqn, int lun) {
        return "iscsi://" + portal() + "/" + targetIqn + "/" + lun;
    }

    /** Sessions in full feature phase now. */
    public int sessions() {
        return sessions.size();
    }

    /** The last logins refused (newest last), each naming the initiator, the target and why. */
    public List<String> refusals() {
        synchronized (refusals) {
            return new ArrayList<>(refusals);
        }
    }

    private static String hostPort(InetAddress a, int port) {
        String host = a.getHostAddress();
        return (a instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }

    private static String name(String iqn) {
        return iqn == null ? null : iqn.trim().toLowerCase(Locale.ROOT);
    }

    private void log(System.Logger.Level level, String message) {
        LOG.log(level, message);
        if (level.getSeverity() < System.Logger.Level.INFO.getSeverity()) {
            return;
        }
        try {
            options.log().accept(message);
        } catch (RuntimeException ignored) {
            // a log sink's failure is not the session's
        }
    }

    private void refused(String message) {
        synchronized (refusals) {
            if (refusals.size() >= REFUSALS_KEPT) {
                refusals.pollFirst();
            }
            refusals.addLast(message);
        }
        log(System.Logger.Level.WARNING, message);
    }

    private void accept() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    log(System.Logger.Level.ERROR, "iSCSI target on " + portal() + " stopped accepting: " + e);
                }
                return;
            }
            if (connections.size() >= options.maxConnections()) {
                log(System.Logger.Level.WARNING, "connection from " + s.getRemoteSocketAddress() + " closed: already "
                        + options.maxConnections() + " connections");
                closeQuietly(s);
                continue;
            }
            Connection c = new Connection(s, nextConnection.getAndIncrement());
            connections.add(c);
            watchdog.schedule(c::loginDeadline, options.loginTimeout().toMillis(), TimeUnit.MILLISECONDS);
            c.thread.start();
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        watchdog.shutdownNow();
        for (Connection c : connections) {
            c.drop();
        }
        for (Connection c : connections) {
            try {
                c.thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    private static void closeAll(Iterable<Medium> media) {
        for (Medium m : media) {
            closeQuietly(m);
        }
    }

    /** The initiator broke the protocol; the connection is closed after the Reject (if any) went out. */
    private static final class ProtocolViolation extends IOException {
        private static final long serialVersionUID = 1L;

        ProtocolViolation(String message) {
            super(message);
        }
    }

    /** A login refused with a status class and detail. */
    private static final class LoginRefused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        LoginRefused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** One TCP connection = one session (MaxConnections=1): login, then its commands in order, on its own thread. */
    private final class Connection implements Runnable {
        final Socket socket;
        final Thread thread;
        final String remote;
        InputStream in;
        OutputStream out;

        // sequence numbers
        int statSN = 1;
        int expCmdSN;

        // negotiated
        int sendSegment = 8192; // the initiator's MaxRecvDataSegmentLength
        int maxBurst = 262144;
        int firstBurst = 65536;
        boolean initialR2T = true;
        boolean immediateData = true;
        int recvSegment = LOGIN_SEGMENT; // what we accept now

        // session
        String initiator;
        String target;
        boolean discovery;
        byte[] isid;
        int tsih;
        String sessionKey;
        SortedMap<Integer, ScsiTarget> luns = new TreeMap<>();
        int nextTtt = 1;
        /** Requests read while a write waited for its Data-Out, in arrival order; and the unsolicited Data-Out of those commands. */
        final Deque<Pdu> backlog = new ArrayDeque<>();
        final Map<Integer, Deque<Pdu>> stashed = new java.util.HashMap<>();
        long stashedBytes;

        Connection(Socket socket, int n) {
            this.socket = socket;
            this.remote = String.valueOf(socket.getRemoteSocketAddress());
            this.thread = new Thread(this, "iscsi-conn-" + n);
            thread.setDaemon(true);
        }

        volatile boolean loggedIn;
        volatile boolean loginExpired;

        void drop() {
            closeQuietly(socket);
        }

        /** Drops the connection if it is still logging in (however slowly its bytes arrive). */
        void loginDeadline() {
            if (!loggedIn) {
                loginExpired = true;
                drop();
            }
        }

        String who() {
            return (initiator == null ? "an initiator" : initiator) + " at " + remote + (target == null ? "" : " on " + target);
        }

        @Override
        public void run() {
            try {
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                if (!login()) {
                    return;
                }
                fullFeature();
            } catch (SocketTimeoutException e) {
                log(System.Logger.Level.WARNING, "dropped " + who() + ": " + e.getMessage());
            } catch (EOFException e) {
                log(System.Logger.Level.DEBUG, who() + " closed the connection");
            } catch (ProtocolViolation e) {
                log(System.Logger.Level.WARNING, "closed the connection of " + who() + ": protocol error: " + e.getMessage());
            } catch (IOException e) {
                if (loginExpired) {
                    log(System.Logger.Level.WARNING, "dropped " + who() + ": login not finished within " + options.loginTimeout().toMillis() + " ms");
                } else if (!closed) {
                    log(System.Logger.Level.INFO, "connection of " + who() + " ended: " + e);
                }
            } catch (RuntimeException e) {
                log(System.Logger.Level.ERROR, "connection of " + who() + " failed: " + e);
            } finally {
                closeQuietly(socket);
                if (sessionKey != null) {
                    sessions.remove(sessionKey, this);
                }
                for (ScsiTarget t : luns.values()) {
                    closeQuietly(t.medium()); // I_T nexus loss
                }
                connections.remove(this);
            }
        }

        // --- reading ---------------------------------------------------------------------------------------

        private Pdu read() throws IOException {
            byte[] bhs = new byte[Pdu.BHS_LENGTH];
            int first = in.read();
            if (first < 0) {
                throw new EOFException("closed");
            }
            bhs[0] = (byte) first;
            readFully(bhs, 1, Pdu.BHS_LENGTH - 1, "a basic header segment");
            Pdu p = Pdu.ofHeader(bhs);
            int ahs = p.byteAt(4) * 4;
            int length = p.dataSegmentLength();
            if (length > recvSegment) {
                reject(bhs, REJECT_PROTOCOL_ERROR);
                throw new ProtocolViolation(String.format("%s (opcode 0x%02x) declares a data segment of %d bytes, more than the "
                        + "MaxRecvDataSegmentLength of %d bytes this target declared", Pdu.name(p.opcode()), p.opcode(), length, recvSegment));
            }
            if (ahs > 0) {
                readFully(new byte[ahs], 0, ahs, "additional header segments"); // at most 1020 bytes; none is used
            }
            byte[] data = new byte[length];
            readFully(data, 0, length, "a data segment of " + length + " bytes");
            int pad = Pdu.padding(length);
            if (pad > 0) {
                readFully(new byte[pad], 0, pad, "padding");
            }
            return p.data(data);
        }

        private void readFully(byte[] b, int off, int len, String what) throws IOException {
            int done = 0;
            while (done < len) {
                int n = in.read(b, off + done, len - done);
                if (n < 0) {
                    throw new ProtocolViolation("the connection ended after " + done + " of the " + len + " bytes of " + what);
                }
                done += n;
            }
        }

        // --- writing ---------------------------------------------------------------------------------------

        private Pdu response(int opcode, int itt) {
            return Pdu.of(opcode, false).flags(0x80).initiatorTaskTag(itt).intAt(28, expCmdSN).intAt(32, expCmdSN + CMD_WINDOW - 1);
        }

        /** Sends a PDU that carries status: it takes the next StatSN. */
        private void sendStatus(Pdu p) throws IOException {
            p.intAt(24, statSN++);
            send(p);
        }

        private void send(Pdu p) throws IOException {
            out.write(p.encode());
            out.flush();
        }

        private void reject(byte[] header, int reason) throws IOException {
            Pdu r = response(Pdu.REJECT, Pdu.RESERVED_TAG).byteAt(2, reason).data(java.util.Arrays.copyOf(header, Pdu.BHS_LENGTH));
            sendStatus(r);
        }

        // --- login -----------------------------------------------------------------------------------------

        /** The login phase; true when the session is in full feature phase. */
        private boolean login() throws IOException {
            long deadline = System.nanoTime() + options.loginTimeout().toNanos();
            Map<String, String> pending = new LinkedHashMap<>();
            boolean first = true;
            boolean announced = false;
            java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException("login not finished within " + options.loginTimeout().toMillis() + " ms");
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                Pdu req;
                try {
                    req = read();
                } catch (SocketTimeoutException e) {
                    throw new SocketTimeoutException("login not finished within " + options.loginTimeout().toMillis() + " ms");
                }
                if (req.opcode() != Pdu.LOGIN_REQUEST) {
                    refuseLogin(req, INVALID_DURING_LOGIN, "expected a Login Request during login, found " + Pdu.name(req.opcode()));
                    return false;
                }
                if (partial.size() + req.data().length > 4 * LOGIN_SEGMENT) {
                    refuseLogin(req, INITIATOR_ERROR, "login text longer than " + 4 * LOGIN_SEGMENT + " bytes");
                    return false;
                }
                partial.writeBytes(req.data());
                expCmdSN = req.intAt(24); // a Login Request is immediate: CmdSN does not advance
                int flags = req.flags();
                boolean transit = (flags & 0x80) != 0;
                boolean more = (flags & 0x40) != 0;
                int csg = (flags >> 2) & 3;
                int nsg = flags & 3;
                if (more) { // the initiator continues its text in the next PDU: acknowledge with an empty response
                    sendStatus(loginResponse(req, csg, csg, false));
                    continue;
                }
                byte[] text = partial.toByteArray();
                partial.reset();
                try {
                    if (first) {
                        isid = req.bytes(8, 6);
                        if (req.byteAt(3) > 0) {
                            throw new LoginRefused(UNSUPPORTED_VERSION, "iSCSI version " + req.byteAt(3) + " to " + req.byteAt(2)
                                    + " offered; this target speaks version 0 (RFC 7143)");
                        }
                        if (req.shortAt(14) != 0) {
                            throw new LoginRefused(SESSION_DOES_NOT_EXIST, "TSIH " + req.shortAt(14)
                                    + ": this target has one connection per session and adds none to an existing session");
                        }
                    }
                    Map<String, String> keys;
                    try {
                        keys = TextParameters.decode(text);
                    } catch (IscsiProtocolException e) {
                        throw new LoginRefused(INITIATOR_ERROR, e.getMessage());
                    }
                    if (first) {
                        identify(keys);
                        first = false;
                        if (!discovery) {
                            pending.put("TargetPortalGroupTag", "1");
                        }
                    }
                    if (csg == 2 || (transit && nsg != 3 && nsg <= csg) || (transit && nsg == 2)) {
                        throw new LoginRefused(INITIATOR_ERROR, "login stage " + csg + " to next stage " + nsg
                                + " is not a move from security (0) or operational (1) to operational or full feature (3)");
                    }
                    negotiate(keys, pending);
                    if (!announced && (csg == 1 || (transit && nsg == 3))) {
                        pending.put("MaxRecvDataSegmentLength", Integer.toString(options.maxRecvDataSegmentLength()));
                        announced = true;
                    }
                    boolean done = transit && nsg == 3;
                    if (done && !discovery) {
                        openSession();
                    }
                    Pdu resp = loginResponse(req, csg, transit ? nsg : csg, transit);
                    if (done) {
                        tsih = nextTsih.getAndUpdate(t -> t >= 0xFFFF ? 1 : t + 1);
                        resp.shortAt(14, tsih);
                    }
                    resp.data(TextParameters.encode(pending));
                    pending.clear();
                    sendStatus(resp);
                    if (done) {
                        recvSegment = options.maxRecvDataSegmentLength();
                        socket.setSoTimeout(0);
                        loggedIn = true;
                        log(System.Logger.Level.INFO, (discovery ? "discovery session of " : "session of ") + who() + " logged in (TSIH " + tsih
                                + (discovery ? "" : ", LUNs " + luns.keySet()) + ")");
                        return true;
                    }
                } catch (LoginRefused r) {
                    refuseLogin(req, r.status, r.getMessage());
                    return false;
                }
            }
        }

        private Pdu loginResponse(Pdu req, int csg, int nsg, boolean transit) {
            return Pdu.of(Pdu.LOGIN_RESPONSE, false).flags((transit ? 0x80 : 0) | (csg << 2) | (transit ? nsg : 0)).byteAt(2, 0).byteAt(3, 0)
                    .bytes(8, req.bytes(8, 6)).shortAt(14, 0).initiatorTaskTag(req.initiatorTaskTag()).intAt(28, expCmdSN)
                    .intAt(32, expCmdSN + CMD_WINDOW - 1);
        }

        private void refuseLogin(Pdu req, int status, String why) throws IOException {
            Pdu resp = Pdu.of(Pdu.LOGIN_RESPONSE, false).bytes(8, req.bytes(8, 6)).initiatorTaskTag(req.initiatorTaskTag()).intAt(28, expCmdSN)
                    .intAt(32, expCmdSN).byteAt(36, status >> 8).byteAt(37, status & 0xFF);
            String message = String.format("refused the login of initiator %s to target %s from %s: status %02x/%02x, %s",
                    initiator == null ? "(unnamed)" : initiator, target == null ? (discovery ? "(discovery)" : "(none named)") : target, remote,
                    status >> 8, status & 0xFF, why);
            refused(message);
            sendStatus(resp);
        }

        /** The first Login Request names the initiator, the session type and (normal sessions) the target. */
        private void identify(Map<String, String> keys) throws LoginRefused {
            initiator = name(keys.get("InitiatorName"));
            String type = keys.getOrDefault("SessionType", "Normal");
            discovery = type.equals("Discovery");
            target = discovery ? null : name(keys.get("TargetName"));
            if (initiator == null || initiator.isEmpty()) {
                throw new LoginRefused(MISSING_PARAMETER, "the first Login Request has no InitiatorName");
            }
            if (!discovery && !type.equals("Normal")) {
                throw new LoginRefused(SESSION_TYPE_NOT_SUPPORTED, "SessionType " + type + " is not Normal or Discovery");
            }
            if (!discovery) {
                if (target == null || target.isEmpty()) {
                    throw new LoginRefused(MISSING_PARAMETER, "a normal session's first Login Request has no TargetName");
                }
                if (!access.targets().stream().map(IscsiServer::name).toList().contains(target)) {
                    throw new LoginRefused(NOT_FOUND, "no target " + target + " here (this portal serves " + access.targets() + ")");
                }
                if (!access.allows(target, initiator)) {
                    throw new LoginRefused(AUTHORIZATION_FAILURE, "the masking does not allow initiator " + initiator + " on target " + target);
                }
            }
        }

        /** Answers the initiator's keys (RFC 7143 §13) into {@code answer}; declarative keys are recorded only. */
        private void negotiate(Map<String, String> keys, Map<String, String> answer) throws LoginRefused {
            for (Map.Entry<String, String> e : keys.entrySet()) {
                String key = e.getKey();
                String v = e.getValue();
                switch (key) {
                    case "InitiatorName", "TargetName", "SessionType", "InitiatorAlias" -> {
                        // identification, handled by identify()
                    }
                    case "AuthMethod" -> {
                        if (!List.of(v.split(",")).contains("None")) {
                            throw new LoginRefused(AUTHENTICATION_FAILURE, "AuthMethod " + v + " offered; this target speaks None only");
                        }
                        answer.put(key, "None");
                    }
                    case "HeaderDigest", "DataDigest" -> {
                        if (!List.of(v.split(",")).contains("None")) {
                            throw new LoginRefused(INITIATOR_ERROR, key + " " + v + " offered; this target speaks None only");
                        }
                        answer.put(key, "None");
                    }
                    case "MaxRecvDataSegmentLength" -> sendSegment = number(key, v, 512, 16777215);
                    case "MaxBurstLength" -> {
                        maxBurst = Math.min(number(key, v, 512, 16777215), options.maxBurstLength());
                        firstBurst = Math.min(firstBurst, maxBurst);
                        answer.put(key, Integer.toString(maxBurst));
                    }
                    case "FirstBurstLength" -> {
                        firstBurst = Math.min(Math.min(number(key, v, 512, 16777215), options.firstBurstLength()), maxBurst);
                        answer.put(key, Integer.toString(firstBurst));
                    }
                    case "InitialR2T" -> {
                        initialR2T = bool(key, v); // OR with this target's No
                        answer.put(key, initialR2T ? "Yes" : "No");
                    }
                    case "ImmediateData" -> {
                        immediateData = bool(key, v); // AND with this target's Yes
                        answer.put(key, immediateData ? "Yes" : "No");
                    }
                    case "MaxConnections", "MaxOutstandingR2T" -> {
                        number(key, v, 1, 65535);
                        answer.put(key, "1");
                    }
                    case "ErrorRecoveryLevel" -> {
                        number(key, v, 0, 2);
                        answer.put(key, "0");
                    }
                    case "DefaultTime2Wait" -> answer.put(key, Integer.toString(number(key, v, 0, 3600)));
                    case "DefaultTime2Retain" -> {
                        number(key, v, 0, 3600);
                        answer.put(key, "0");
                    }
                    case "DataPDUInOrder", "DataSequenceInOrder" -> {
                        bool(key, v);
                        answer.put(key, "Yes");
                    }
                    case "IFMarker", "OFMarker" -> answer.put(key, "No");
                    case "IFMarkInt", "OFMarkInt" -> answer.put(key, "Irrelevant");
                    case "TaskReporting" -> answer.put(key, "RFC3720");
                    default -> answer.put(key, "NotUnderstood");
                }
            }
        }

        private int number(String key, String v, int min, int max) throws LoginRefused {
            try {
                int n = Integer.parseInt(v);
                if (n < min) {
                    throw new NumberFormatException();
                }
                return Math.min(n, max);
            } catch (NumberFormatException e) {
                throw new LoginRefused(INITIATOR_ERROR, key + ": expected a number from " + min + " to " + max + ", found '" + v + "'");
            }
        }

        private boolean bool(String key, String v) throws LoginRefused {
            return switch (v) {
                case "Yes" -> true;
                case "No" -> false;
                default -> throw new LoginRefused(INITIATOR_ERROR, key + ": expected Yes or No, found '" + v + "'");
            };
        }

        /** Ends an older session of the same initiator port (session reinstatement), then opens this one's LUNs. */
        private void openSession() throws LoginRefused {
            sessionKey = initiator + "," + HexFormat.of().formatHex(isid) + "," + target;
            Connection old = sessions.put(sessionKey, this);
            if (old != null && old != this) {
                log(System.Logger.Level.INFO, "session reinstatement: " + who() + " logs in again; its old session ends");
                old.drop();
                try {
                    old.thread.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            SortedMap<Integer, Medium> media;
            try {
                media = access.open(target, initiator);
            } catch (IOException | RuntimeException e) {
                sessions.remove(sessionKey, this);
                sessionKey = null;
                throw new LoginRefused(TARGET_ERROR, "the logical units of " + target + " could not be opened for " + initiator + ": " + e);
            }
            if (media.isEmpty()) {
                sessions.remove(sessionKey, this);
                sessionKey = null;
                throw new LoginRefused(AUTHORIZATION_FAILURE, "no logical unit of " + target + " for initiator " + initiator);
            }
            media.forEach((lun, m) -> luns.put(lun, new ScsiTarget(m, options.vendor(), options.product())));
        }

        // --- full feature phase ------------------------------------------------------------------------------

        private void fullFeature() throws IOException {
            while (true) {
                Pdu p = backlog.isEmpty() ? read() : backlog.pollFirst();
                int op = p.opcode();
                switch (op) {
                    case Pdu.SCSI_COMMAND -> {
                        advance(p);
                        if (discovery) {
                            reject(p.header(), REJECT_PROTOCOL_ERROR);
                        } else {
                            command(p);
                        }
                    }
                    case Pdu.NOP_OUT -> {
                        advance(p);
                        if (p.initiatorTaskTag() != Pdu.RESERVED_TAG) {
                            byte[] ping = p.data().length > sendSegment ? java.util.Arrays.copyOf(p.data(), sendSegment) : p.data();
                            sendStatus(response(Pdu.NOP_IN, p.initiatorTaskTag()).intAt(20, Pdu.RESERVED_TAG).bytes(8, p.bytes(8, 8)).data(ping));
                        }
                    }
                    case Pdu.TEXT_REQUEST -> {
                        advance(p);
                        text(p);
                    }
                    case Pdu.TASK_MANAGEMENT_REQUEST -> {
                        advance(p);
                        taskManagement(p);
                    }
                    case Pdu.LOGOUT_REQUEST -> {
                        advance(p);
                        sendStatus(response(Pdu.LOGOUT_RESPONSE, p.initiatorTaskTag()).byteAt(2, 0).shortAt(40, 0).shortAt(42, 0));
                        log(System.Logger.Level.INFO, who() + " logged out");
                        return;
                    }
                    case Pdu.DATA_OUT -> reject(p.header(), REJECT_INVALID_PDU_FIELD); // no write of this session waits for it
                    default -> {
                        log(System.Logger.Level.WARNING, who() + " sent " + Pdu.name(op) + String.format(" (opcode 0x%02x)", op)
                                + ", which is not an initiator's request this target takes: rejected");
                        reject(p.header(), REJECT_COMMAND_NOT_SUPPORTED);
                    }
                }
            }
        }

        /** CmdSN: a non-immediate request takes the next number. */
        private void advance(Pdu p) {
            if (!p.immediate()) {
                int cmdSN = p.intAt(24);
                if (cmdSN - expCmdSN >= 0) {
                    expCmdSN = cmdSN + 1;
                }
            }
        }

        private void text(Pdu p) throws IOException {
            Map<String, String> keys;
            try {
                keys = TextParameters.decode(p.data());
            } catch (IscsiProtocolException e) {
                reject(p.header(), REJECT_PROTOCOL_ERROR);
                return;
            }
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            String which = keys.get("SendTargets");
            if (which != null) {
                String portal = hostPort(socket.getLocalAddress(), socket.getLocalPort()) + ",1";
                for (String t : access.targets()) {
                    String n = name(t);
                    boolean asked = which.equals("All") ? discovery || n.equals(target) : which.isEmpty() ? n.equals(target) : name(which).equals(n);
                    if (asked && access.allows(n, initiator)) {
                        answer.writeBytes(("TargetName=" + t + "\0TargetAddress=" + portal + "\0").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            for (String key : keys.keySet()) {
                if (!key.equals("SendTargets")) {
                    answer.writeBytes((key + "=NotUnderstood\0").getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] data = answer.toByteArray();
            if (data.length > sendSegment) {
                data = java.util.Arrays.copyOf(data, 0); // a SendTargets list this long is not expected; say nothing rather than too much
                log(System.Logger.Level.WARNING, "SendTargets answer for " + who() + " longer than its MaxRecvDataSegmentLength; sent empty");
            }
            sendStatus(response(Pdu.TEXT_RESPONSE, p.initiatorTaskTag()).intAt(20, Pdu.RESERVED_TAG).data(data));
        }

        private void taskManagement(Pdu p) throws IOException {
            int function = p.flags() & 0x7F;
            int lun = lunOf(p);
            int response;
            switch (function) {
                case 1, 2, 3 -> response = 0; // ABORT TASK, ABORT TASK SET, CLEAR TASK SET: commands run one at a time, none is in flight
                case 5, 6 -> { // LOGICAL UNIT RESET; TARGET WARM RESET (every LUN of the session)
                    Iterable<ScsiTarget> which = function == 6 ? luns.values() : luns.containsKey(lun) ? List.of(luns.get(lun)) : List.of();
                    if (function == 5 && !luns.containsKey(lun)) {
                        response = 2; // LUN does not exist
                        break;
                    }
                    response = 0;
                    for (ScsiTarget t : which) {
                        try {
                            t.medium().lunReset();
                        } catch (IOException e) {
                            log(System.Logger.Level.WARNING, "LUN RESET from " + who() + " failed: " + e.getMessage());
                            response = 255;
                        }
                    }
                    log(System.Logger.Level.INFO, (function == 5 ? "LOGICAL UNIT RESET of LUN " + lun : "TARGET WARM RESET") + " by " + who());
                }
                case 8 -> response = 4; // TASK REASSIGN: no allegiance reassignment at ERL 0
                default -> response = 5; // CLEAR ACA, TARGET COLD RESET and the rest: not supported
            }
            sendStatus(response(Pdu.TASK_MANAGEMENT_RESPONSE, p.initiatorTaskTag()).byteAt(2, response));
        }

        private int lunOf(Pdu p) {
            int b0 = p.byteAt(8);
            int method = b0 >>> 6;
            return method == 1 ? ((b0 & 0x3F) << 8) | p.byteAt(9) : method == 0 ? p.byteAt(9) : -1;
        }

        private void command(Pdu p) throws IOException {
            int itt = p.initiatorTaskTag();
            int flags = p.flags();
            boolean reading = (flags & 0x40) != 0;
            boolean writing = (flags & 0x20) != 0;
            long edtl = p.intAt(20) & 0xFFFFFFFFL;
            byte[] cdb = p.bytes(32, 16);
            int lun = lunOf(p);
            byte[] immediate = p.data();
            if (immediate.length > 0 && (!writing || !immediateData || immediate.length > firstBurst || immediate.length > edtl)) {
                reject(p.header(), REJECT_PROTOCOL_ERROR);
                throw new ProtocolViolation(String.format("SCSI Command (itt 0x%08x) carries %d bytes of immediate data: ImmediateData=%s, "
                        + "FirstBurstLength %d, write bit %s, Expected Data Transfer Length %d", itt, immediate.length, immediateData ? "Yes" : "No",
                        firstBurst, writing, edtl));
            }
            if (edtl > options.maxTransferBytes()) {
                if (writing) {
                    drainUnsolicited(p, immediate.length, edtl);
                }
                respond(p, reading, edtl, new ScsiResponse(ScsiStatus.CHECK_CONDITION, Sense.INVALID_FIELD_IN_CDB, new byte[0],
                        "Expected Data Transfer Length " + edtl + " beyond " + options.maxTransferBytes()));
                return;
            }
            byte[] dataOut = null;
            if (writing) {
                dataOut = receive(p, immediate, (int) edtl);
            }
            respond(p, reading, edtl, execute(lun, cdb, dataOut));
        }

        private ScsiResponse execute(int lun, byte[] cdb, byte[] dataOut) {
            int opcode = cdb[0] & 0xFF;
            if (opcode == Cdb.REPORT_LUNS) {
                ByteBuffer b = ByteBuffer.allocate(8 + 8 * luns.size());
                b.putInt(8 * luns.size()).putInt(0);
                for (int l : luns.keySet()) {
                    b.put(l < 256 ? (byte) 0 : (byte) (0x40 | (l >>> 8))).put((byte) l).putShort((short) 0).putInt(0);
                }
                long allocation = ByteBuffer.wrap(cdb).getInt(6) & 0xFFFFFFFFL;
                return ScsiResponse.good(java.util.Arrays.copyOf(b.array(), (int) Math.min(b.capacity(), allocation)));
            }
            if (opcode == 0x03) { // REQUEST SENSE: nothing pending (sense goes with the command's status)
                byte[] sense = new byte[18];
                sense[0] = 0x70;
                sense[7] = 10;
                return ScsiResponse.good(java.util.Arrays.copyOf(sense, Math.min(18, cdb[4] & 0xFF)));
            }
            ScsiTarget t = luns.get(lun);
            if (t == null) {
                if (opcode == Cdb.INQUIRY && (cdb[1] & 1) == 0) {
                    byte[] d = new byte[36];
                    d[0] = 0x7F; // qualifier 3: no logical unit here
                    d[4] = 31;
                    return ScsiResponse.good(java.util.Arrays.copyOf(d, Math.min(36, ((cdb[3] & 0xFF) << 8) | (cdb[4] & 0xFF))));
                }
                return new ScsiResponse(ScsiStatus.CHECK_CONDITION, Sense.LOGICAL_UNIT_NOT_SUPPORTED, new byte[0], "no LUN " + lun + " for " + initiator);
            }
            return t.execute(cdb, dataOut);
        }

        /** Collects a write's data: immediate data, unsolicited Data-Out (InitialR2T=No), then R2T bursts for the rest. */
        private byte[] receive(Pdu cmd, byte[] immediate, int edtl) throws IOException {
            byte[] buf = new byte[edtl];
            System.arraycopy(immediate, 0, buf, 0, immediate.length);
            int received = immediate.length;
            int itt = cmd.initiatorTaskTag();
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, options.dataTimeout().toMillis()));
            try {
                if (!cmd.isFinal()) { // unsolicited Data-Out follows, up to FirstBurstLength
                    if (initialR2T) {
                        throw protocolError(cmd, "the SCSI Command has no F bit but InitialR2T=Yes forbids unsolicited Data-Out");
                    }
                    received = dataOutSequence(cmd, itt, Pdu.RESERVED_TAG, buf, received, Math.min(firstBurst, edtl) - received, received);
                }
                int r2tsn = 0;
                while (received < edtl) {
                    int ttt = nextTtt++ & 0x7FFFFFFF;
                    int length = Math.min(maxBurst, edtl - received);
                    send(response(Pdu.R2T, itt).bytes(8, cmd.bytes(8, 8)).intAt(20, ttt).intAt(24, statSN).intAt(36, r2tsn++).intAt(40, received)
                            .intAt(44, length));
                    received = dataOutSequence(cmd, itt, ttt, buf, received, length, received);
                }
            } finally {
                socket.setSoTimeout(0);
            }
            return buf;
        }

        /** Reads Data-Out PDUs of one sequence (up to its F bit) into {@code buf}[start, start+length); returns the new received count. */
        private int dataOutSequence(Pdu cmd, int itt, int ttt, byte[] buf, int start, int length, int received) throws IOException {
            int end = start + length;
            while (true) {
                Pdu d = nextDataOut(cmd, itt, ttt);
                int offset = d.intAt(40);
                int n = d.data().length;
                if (offset != received || n > end - offset) {
                    reject(d.header(), REJECT_INVALID_PDU_FIELD);
                    throw protocolError(cmd, "Data-Out of " + n + " bytes at offset " + Integer.toUnsignedString(offset) + ": expected in order from "
                            + received + " up to " + end);
                }
                System.arraycopy(d.data(), 0, buf, offset, n);
                received += n;
                if (d.isFinal()) {
                    return received;
                }
            }
        }

        /**
         * The next Data-Out of task {@code itt} for transfer tag {@code ttt}. With several commands in flight the
         * initiator sends more commands (and their unsolicited Data-Out) before the data this target asked for: they
         * are kept, bounded, and handled in order after this command.
         */
        private Pdu nextDataOut(Pdu cmd, int itt, int ttt) throws IOException {
            if (ttt == Pdu.RESERVED_TAG) {
                Deque<Pdu> early = stashed.get(itt);
                if (early != null && !early.isEmpty()) {
                    Pdu d = early.pollFirst();
                    stashedBytes -= d.data().length;
                    if (early.isEmpty()) {
                        stashed.remove(itt);
                    }
                    return d;
                }
            }
            while (true) {
                Pdu d = read();
                if (d.opcode() == Pdu.DATA_OUT) {
                    if (d.initiatorTaskTag() == itt && d.intAt(20) == ttt) {
                        return d;
                    }
                    if (d.intAt(20) == Pdu.RESERVED_TAG && queuedCommand(d.initiatorTaskTag())) {
                        stashedBytes += d.data().length;
                        if (stashedBytes > (long) CMD_WINDOW * firstBurst) {
                            reject(d.header(), REJECT_PROTOCOL_ERROR);
                            throw protocolError(cmd, "more unsolicited Data-Out for waiting commands than " + CMD_WINDOW + " first bursts");
                        }
                        stashed.computeIfAbsent(d.initiatorTaskTag(), t -> new ArrayDeque<>()).addLast(d);
                        continue;
                    }
                    reject(d.header(), REJECT_INVALID_PDU_FIELD);
                    throw protocolError(cmd, String.format("expected Data-Out with itt 0x%08x and ttt 0x%08x, found itt 0x%08x and ttt 0x%08x", itt,
                            ttt, d.initiatorTaskTag(), d.intAt(20)));
                }
                if (backlog.size() >= 2 * CMD_WINDOW) {
                    reject(d.header(), REJECT_PROTOCOL_ERROR);
                    throw protocolError(cmd, "more than " + 2 * CMD_WINDOW + " requests sent while this target waited for Data-Out");
                }
                backlog.addLast(d); // a later command, a NOP-Out, a task management request: handled after this command
            }
        }

        private boolean queuedCommand(int itt) {
            for (Pdu p : backlog) {
                if (p.opcode() == Pdu.SCSI_COMMAND && p.initiatorTaskTag() == itt) {
                    return true;
                }
            }
            return false;
        }

        /** A write refused before its data was allocated: the unsolicited Data-Out it sends is read and dropped. */
        private void drainUnsolicited(Pdu cmd, int immediate, long edtl) throws IOException {
            if (cmd.isFinal()) {
                return;
            }
            long left = Math.min(firstBurst, edtl) - immediate;
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, options.dataTimeout().toMillis()));
            try {
                while (true) {
                    Pdu d = nextDataOut(cmd, cmd.initiatorTaskTag(), Pdu.RESERVED_TAG);
                    left -= d.data().length;
                    if (d.isFinal() || left <= 0) {
                        return;
                    }
                }
            } finally {
                socket.setSoTimeout(0);
            }
        }

        private ProtocolViolation protocolError(Pdu cmd, String what) {
            return new ProtocolViolation(String.format("SCSI Command 0x%02x (itt 0x%08x): %s", cmd.byteAt(32), cmd.initiatorTaskTag(), what));
        }

        /** Data-In in PDUs of at most the initiator's MaxRecvDataSegmentLength (status in the last when GOOD), else a SCSI Response. */
        private void respond(Pdu cmd, boolean reading, long edtl, ScsiResponse r) throws IOException {
            int itt = cmd.initiatorTaskTag();
            byte[] data = r.dataIn();
            if (r.good() && reading && data.length > 0 && edtl > 0) {
                int n = (int) Math.min(data.length, edtl);
                int residualFlag = data.length > edtl ? 0x04 : data.length < edtl ? 0x02 : 0;
                long residual = Math.abs(data.length - edtl);
                int dataSN = 0;
                for (int off = 0; off < n;) {
                    int len = Math.min(sendSegment, n - off);
                    int burstEnd = (off / maxBurst + 1) * maxBurst;
                    len = Math.min(len, burstEnd - off);
                    boolean last = off + len == n;
                    boolean endOfBurst = last || off + len == burstEnd;
                    Pdu d = Pdu.of(Pdu.DATA_IN, false).flags((endOfBurst ? 0x80 : 0) | (last ? 0x01 | residualFlag : 0)).byteAt(3, 0)
                            .initiatorTaskTag(itt).intAt(20, Pdu.RESERVED_TAG).intAt(28, expCmdSN).intAt(32, expCmdSN + CMD_WINDOW - 1)
                            .intAt(36, dataSN++).intAt(40, off).intAt(44, last ? (int) residual : 0)
                            .data(off == 0 && len == data.length ? data : java.util.Arrays.copyOfRange(data, off, off + len));
                    if (last) {
                        d.intAt(24, statSN++);
                    }
                    out.write(d.encode());
                    off += len;
                }
                out.flush();
                return;
            }
            Pdu resp = response(Pdu.SCSI_RESPONSE, itt).byteAt(2, 0).byteAt(3, r.status().code());
            if (reading && edtl > 0) {
                resp.flags(0x80 | 0x02).intAt(44, (int) edtl); // underflow: no data
            }
            if (r.sense() != null) {
                byte[] sense = r.sense().encodeFixed();
                byte[] d = new byte[2 + sense.length];
                d[0] = (byte) (sense.length >>> 8);
                d[1] = (byte) sense.length;
                System.arraycopy(sense, 0, d, 2, sense.length);
                resp.data(d);
            }
            if (!r.good()) {
                log(System.Logger.Level.DEBUG, String.format("command 0x%02x from %s: %s", cmd.byteAt(32), who(), r));
            }
            sendStatus(resp);
        }
    }
}
