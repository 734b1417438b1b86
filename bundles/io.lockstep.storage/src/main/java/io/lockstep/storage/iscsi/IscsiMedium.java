package io.lockstep.storage.iscsi;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import io.lockstep.storage.Capabilities;
import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.Medium;
import io.lockstep.storage.MiscompareException;
import io.lockstep.storage.PrKeys;
import io.lockstep.storage.PrReservation;
import io.lockstep.storage.PrType;
import io.lockstep.storage.ReservationConflictException;
import io.lockstep.storage.ScsiException;
import io.lockstep.storage.ScsiStatus;
import io.lockstep.storage.Sense;
import io.lockstep.storage.SenseKey;
import io.lockstep.storage.scsi.Cdb;

/**
 * The shared medium on a real iSCSI logical unit ({@code iscsi://host:port/target-iqn/lun}), through this package's
 * initiator. Each host (and each VM with its own SAN identity) logs in with its own initiator name; the session id is
 * derived from that name, so a reconnect — or a restarted process — is the same initiator port to the target and keeps
 * its persistent-reservation registrations.
 *
 * <p>Capabilities are discovered at login: READ CAPACITY(16) for the geometry, REPORT SUPPORTED OPERATION CODES and a
 * harmless COMPARE AND WRITE (the sector's own contents over themselves) for ATS, the Block Limits page for its largest
 * length. Where the target lacks COMPARE AND WRITE (stock tgt), the cluster layer runs in {@code reserve} mode.
 *
 * <p>A broken connection is re-established on the next command (login again, same initiator port). A command that was
 * in flight is retried when repeating it cannot undo anything another initiator did since (reads, PERSISTENT RESERVE
 * IN, REGISTER AND IGNORE EXISTING KEY, SYNCHRONIZE CACHE, TEST UNIT READY, INQUIRY, READ CAPACITY); any other fails with
 * {@link CommandOutcomeUnknownException} — never silently lost, never silently repeated.
 */
public final class IscsiMedium implements Medium {

    /** An {@code iscsi://host[:port]/target-name/lun} address. */
    public record Address(String host, int port, String target, int lun) {
        public static Address parse(String uri) {
            URI u;
            try {
                u = new URI(uri);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("iSCSI medium: expected iscsi://host:port/target-iqn/lun, found '" + uri + "': " + e.getMessage());
            }
            if (!"iscsi".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("iSCSI medium: expected iscsi://host:port/target-iqn/lun, found '" + uri + "'");
            }
            String path = u.getPath() == null ? "" : u.getPath();
            int slash = path.lastIndexOf('/');
            if (slash <= 0 || slash == path.length() - 1) {
                throw new IllegalArgumentException("iSCSI medium: expected a target name and a LUN in the path (/target-iqn/lun), found '" + path + "' in '"
                        + uri + "'");
            }
            String target = path.substring(1, slash);
            int lun;
            try {
                lun = Integer.parseInt(path.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("iSCSI medium: expected a LUN number after the target name, found '" + path.substring(slash + 1) + "' in '"
                        + uri + "'");
            }
            if (lun < 0 || lun > 16383) {
                throw new IllegalArgumentException("iSCSI medium: LUN: expected 0-16383, found " + lun);
            }
            return new Address(u.getHost(), u.getPort() < 0 ? 3260 : u.getPort(), target, lun);
        }

        public String uri() {
            return "iscsi://" + host + ":" + port + "/" + target + "/" + lun;
        }
    }

    /** How long to wait, and how hard to try. */
    public record Options(Duration connectTimeout, Duration commandTimeout, Duration pingAfter, Duration reconnectFor) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(30));
        }
    }

    private final Address address;
    private final String initiatorName;
    private final byte[] isid;
    private final Options options;
    private final Object connecting = new Object();
    private volatile IscsiConnection connection;
    private volatile boolean closed;
    private int sectorSize;
    private long sectorCount;
    private Capabilities capabilities;
    private String product = "";
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder outcomeUnknown = new LongAdder();

    private IscsiMedium(Address address, String initiatorName, Options options) {
        this.address = address;
        this.initiatorName = initiatorName;
        this.isid = isidOf(initiatorName);
        this.options = options;
    }

    public static IscsiMedium open(String uri, String initiator) throws IOException {
        return open(Address.parse(uri), initiator, Options.defaults());
    }

    /** Logs {@code initiator} in to the target and discovers the logical unit's geometry and capabilities. */
    public static IscsiMedium open(Address address, String initiator, Options options) throws IOException {
        IscsiMedium m = new IscsiMedium(address, initiatorNameOf(initiator), options);
        m.connection = IscsiConnection.login(address.host(), address.port(), address.target(), m.initiatorName, m.isid, options.connectTimeout(),
                options.pingAfter());
        try {
            m.discover();
        } catch (IOException | RuntimeException e) {
            m.connection.close();
            throw e;
        }
        return m;
    }

    /**
     * The iSCSI name this initiator logs in with: {@code name} itself when it is one (iqn., eui., naa.), otherwise
     * {@code iqn.2026-11.io.lockstep:} and the name in the characters an IQN allows.
     */
    public static String initiatorNameOf(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("initiator: expected a host name or an iSCSI name (iqn. …), found nothing");
        }
        String lower = name.toLowerCase();
        if (lower.startsWith("iqn.") || lower.startsWith("eui.") || lower.startsWith("naa.")) {
            return lower;
        }
        return "iqn.2026-11.io.lockstep:" + lower.replaceAll("[^a-z0-9.:-]", "-");
    }

    /** A random-format ISID (RFC 7143 §11.12.5, type 10b) derived from the initiator name: the same port every time. */
    static byte[] isidOf(String initiatorName) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(initiatorName.getBytes(StandardCharsets.UTF_8));
            byte[] isid = new byte[6];
            isid[0] = (byte) 0x80; // T = 10b: random
            System.arraycopy(h, 0, isid, 1, 5);
            return isid;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- discovery -----------------------------------------------------------------------------------------------------

    private void discover() throws IOException {
        byte[] inquiry = quietly("INQUIRY", Cdb.inquiry(false, 0, 96), null, 96, true);
        if (inquiry.length < 36) {
            throw new IOException("INQUIRY of " + uri() + ": expected at least 36 bytes of standard data, found " + inquiry.length);
        }
        int qualifier = (inquiry[0] & 0xE0) >> 5;
        int type = inquiry[0] & 0x1F;
        if (qualifier != 0) {
            throw new CheckConditionException("INQUIRY of " + uri(), Sense.LOGICAL_UNIT_NOT_SUPPORTED, "the target has no logical unit " + address.lun()
                    + " for initiator " + initiatorName + " (peripheral qualifier " + qualifier + "; LUN masking or a wrong LUN)");
        }
        if (type != 0) {
            throw new IOException("INQUIRY of " + uri() + ": expected a direct-access block device (peripheral type 0), found type " + type);
        }
        product = new String(inquiry, 8, 8, StandardCharsets.US_ASCII).trim() + " " + new String(inquiry, 16, 16, StandardCharsets.US_ASCII).trim();
        byte[] cap = quietly("READ CAPACITY(16)", Cdb.readCapacity16(), null, 32, true);
        if (cap.length < 12) {
            throw new IOException("READ CAPACITY(16) of " + uri() + ": expected 32 bytes, found " + cap.length);
        }
        ByteBuffer b = ByteBuffer.wrap(cap);
        sectorCount = b.getLong(0) + 1;
        sectorSize = b.getInt(8);
        if (sectorSize < 512 || sectorSize > 65536 || Integer.bitCount(sectorSize) != 1) {
            throw new IOException("READ CAPACITY(16) of " + uri() + ": expected a logical block size that is a power of two from 512 to 65536, found "
                    + sectorSize);
        }
        int maxCaw = 1;
        try {
            byte[] limits = quietly("INQUIRY (Block Limits)", Cdb.inquiry(true, 0xB0, 64), null, 64, true);
            if (limits.length > 5 && (limits[1] & 0xFF) == 0xB0 && (limits[5] & 0xFF) > 0) {
                maxCaw = limits[5] & 0xFF;
            }
        } catch (ScsiException notOffered) {
            // no Block Limits page: one sector, the least every ATS target offers
        }
        boolean ats = compareAndWriteWorks();
        boolean scsi2 = supported(Cdb.RESERVE_6, -1) != Boolean.FALSE;
        capabilities = new Capabilities(ats, ats ? maxCaw : 0, scsi2, true, Integer.MAX_VALUE);
    }

    /** REPORT SUPPORTED OPERATION CODES for one command: true, false, or null when the target cannot say. */
    private Boolean supported(int opcode, int serviceAction) throws IOException {
        try {
            byte[] r = quietly("REPORT SUPPORTED OPERATION CODES", Cdb.reportSupportedOperationCode(opcode, serviceAction), null, 64, true);
            if (r.length < 2) {
                return null;
            }
            int support = r[1] & 0x07;
            return support == 3 || support == 5 ? Boolean.TRUE : support == 1 ? Boolean.FALSE : null;
        } catch (ScsiException notOffered) {
            return null;
        }
    }

    /**
     * Does COMPARE AND WRITE work here? Asked first, then tried without changing anything: the last sector compared
     * with random bytes and "replaced" by the same bytes — a MISCOMPARE proves the command works and writes nothing
     * (and were the sector ever to hold exactly those bytes, they would be written over themselves). Tgt, for one,
     * lists the command but answers INVALID OPERATION CODE.
     */
    private boolean compareAndWriteWorks() throws IOException {
        Boolean listed = supported(Cdb.COMPARE_AND_WRITE, -1);
        if (listed == Boolean.FALSE) {
            return false;
        }
        byte[] guess = new byte[sectorSize];
        new java.security.SecureRandom().nextBytes(guess);
        byte[] both = new byte[2 * sectorSize];
        System.arraycopy(guess, 0, both, 0, sectorSize);
        System.arraycopy(guess, 0, both, sectorSize, sectorSize);
        try {
            quietly("COMPARE AND WRITE (probe)", Cdb.compareAndWrite(sectorCount - 1, 1), both, 0, false);
            return true;
        } catch (MiscompareException expected) {
            return true;
        } catch (ReservationConflictException cannotTell) {
            return listed == Boolean.TRUE; // another host's reservation window, or ours missing: the target's list decides
        } catch (CheckConditionException e) {
            if (e.sense() != null && e.sense().key() == SenseKey.ILLEGAL_REQUEST) {
                return false;
            }
            throw e;
        }
    }

    /**
     * A command during discovery: unit attentions (a new session's power-on/reset notice) are retried a few times,
     * and another host's SCSI-2 reservation window (a few commands long) is waited out for up to a second.
     */
    private byte[] quietly(String name, byte[] cdb, byte[] out, int readLength, boolean idempotent) throws IOException {
        long until = System.nanoTime() + 1_000_000_000L;
        long pause = 1;
        for (int i = 0;; i++) {
            try {
                return command(name, cdb, out, readLength, idempotent);
            } catch (CheckConditionException e) {
                if (!e.isUnitAttention() || i >= 4) {
                    throw e;
                }
            } catch (ReservationConflictException e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                sleep(pause);
                pause = Math.min(50, pause * 2);
            }
        }
    }

    // --- commands ----------------------------------------------------------------------------------------------------

    private IscsiConnection connection() throws IOException {
        IscsiConnection c = connection;
        if (c != null && !c.isBroken()) {
            return c;
        }
        synchronized (connecting) {
            c = connection;
            if (c != null && !c.isBroken()) {
                return c;
            }
            if (closed) {
                throw new IOException(uri() + ": this initiator (" + initiatorName + ") logged out");
            }
            long until = System.nanoTime() + options.reconnectFor().toNanos();
            long backoff = 50;
            IOException last = c == null ? null : c.brokenBecause();
            while (true) {
                try {
                    c = IscsiConnection.login(address.host(), address.port(), address.target(), initiatorName, isid, options.connectTimeout(),
                            options.pingAfter());
                    connection = c;
                    reconnects.increment();
                    return c;
                } catch (IscsiLoginException refused) {
                    throw refused; // a refusal is an answer: retrying will not change it
                } catch (IOException e) {
                    last = e;
                }
                if (System.nanoTime() + backoff * 1_000_000L > until) {
                    throw new IOException(uri() + ": could not reconnect for " + options.reconnectFor().toSeconds() + " s: " + last.getMessage(), last);
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted reconnecting to " + uri());
                }
                backoff = Math.min(1000, backoff * 2);
            }
        }
    }

    /**
     * One SCSI command: sent, its status mapped to what {@link Medium} promises (MiscompareException, RESERVATION
     * CONFLICT, CHECK CONDITION with sense), a lost connection handled as the class comment says, BUSY and TASK SET
     * FULL retried for a while.
     */
    private static final boolean TRACE = Boolean.getBoolean("lockstep.iscsi.trace");

    private byte[] command(String name, byte[] cdb, byte[] out, int readLength, boolean idempotent) throws IOException {
        if (!TRACE) {
            return execute(name, cdb, out, readLength, idempotent);
        }
        long t0 = System.nanoTime();
        String outcome = "GOOD";
        try {
            return execute(name, cdb, out, readLength, idempotent);
        } catch (IOException e) {
            outcome = e instanceof ScsiException se ? se.status() + (se.sense() == null ? "" : " " + se.sense()) : e.getClass().getSimpleName();
            throw e;
        } finally {
            System.err.printf("iscsi %d %s %s: %s (%.3f ms)%n", System.nanoTime() / 1000, initiatorName.substring(initiatorName.indexOf(':') + 1), name,
                    outcome, (System.nanoTime() - t0) / 1e6);
        }
    }

    private byte[] execute(String name, byte[] cdb, byte[] out, int readLength, boolean idempotent) throws IOException {
        long busyUntil = System.nanoTime() + options.commandTimeout().toNanos();
        int lostAttempts = 0;
        while (true) {
            IscsiConnection.Result r;
            IscsiConnection c = connection();
            try {
                r = c.execute(address.lun(), cdb, out, readLength, options.commandTimeout());
            } catch (IscsiConnection.ConnectionLostException e) {
                if ((!e.sent() || idempotent) && lostAttempts++ < 3) {
                    retried.increment();
                    continue;
                }
                outcomeUnknown.increment();
                throw new CommandOutcomeUnknownException(name + " on " + uri() + " as " + initiatorName, e.getMessage());
            } catch (TimeoutException e) {
                if (idempotent && lostAttempts++ < 3) {
                    retried.increment();
                    continue;
                }
                outcomeUnknown.increment();
                throw new CommandOutcomeUnknownException(name + " on " + uri() + " as " + initiatorName, "no answer within "
                        + options.commandTimeout().toMillis() + " ms; the connection was given up");
            } catch (IscsiProtocolException e) {
                c.fail(e); // a rejected PDU: the connection is not trusted again
                throw new IOException(name + " on " + uri() + ": " + e.getMessage(), e);
            }
            switch (r.status()) {
                case GOOD, CONDITION_MET -> {
                    return r.data();
                }
                case CHECK_CONDITION -> {
                    Sense s = r.sense();
                    if (s == null) {
                        throw new ScsiException(name + " on " + uri(), ScsiStatus.CHECK_CONDITION, null, "CHECK CONDITION without sense data");
                    }
                    if (s.key() == SenseKey.MISCOMPARE) {
                        throw new MiscompareException(name + " on " + uri(), s.information());
                    }
                    throw new CheckConditionException(name + " on " + uri() + " as " + initiatorName, s, null);
                }
                case RESERVATION_CONFLICT -> throw new ReservationConflictException(name + " on " + uri() + " as " + initiatorName,
                        "the target refuses it under its current reservation");
                case BUSY, TASK_SET_FULL -> {
                    if (System.nanoTime() > busyUntil) {
                        throw new ScsiException(name + " on " + uri(), r.status(), null, "still " + r.status() + " after "
                                + options.commandTimeout().toMillis() + " ms");
                    }
                    sleep(5);
                }
                default -> throw new ScsiException(name + " on " + uri(), r.status(), r.sense(), null);
            }
        }
    }

    private static void sleep(long ms) throws java.io.InterruptedIOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }

    // --- the Medium contract -------------------------------------------------------------------------------------------

    @Override
    public String initiator() {
        return initiatorName;
    }

    @Override
    public String uri() {
        return address.uri();
    }

    @Override
    public int sectorSize() {
        return sectorSize;
    }

    @Override
    public long sectorCount() {
        return sectorCount;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /** Vendor and product as the target's INQUIRY data says. */
    public String product() {
        return product;
    }

    /** Reconnects made, commands retried after one, commands failed with an unknown outcome. */
    public record Counters(long reconnects, long retried, long outcomeUnknown) {
    }

    public Counters counters() {
        return new Counters(reconnects.sum(), retried.sum(), outcomeUnknown.sum());
    }

    private void range(String command, long lba, long sectors) {
        if (lba < 0 || sectors < 0 || lba + sectors > sectorCount) {
            throw new IllegalArgumentException(command + ": sectors [" + lba + ", " + (lba + sectors) + ") outside the " + sectorCount
                    + " sectors of " + uri());
        }
    }

    @Override
    public byte[] read(long lba, int sectors) throws IOException {
        range("READ(16)", lba, sectors);
        byte[] data = command("READ(16) lba " + lba + " x" + sectors, Cdb.read16(lba, sectors), null, sectors * sectorSize, true);
        if (data.length != sectors * sectorSize) {
            throw new IOException("READ(16) lba " + lba + " x" + sectors + " on " + uri() + ": expected " + sectors * sectorSize + " bytes, the target sent "
                    + data.length);
        }
        return data;
    }

    @Override
    public void write(long lba, byte[] data, boolean fua) throws IOException {
        if (data.length == 0 || data.length % sectorSize != 0) {
            throw new IllegalArgumentException("WRITE(16): expected whole " + sectorSize + "-byte sectors, found " + data.length + " bytes");
        }
        range("WRITE(16)", lba, data.length / sectorSize);
        command("WRITE(16) lba " + lba + (fua ? " FUA" : ""), Cdb.write16(lba, data.length / sectorSize, fua), data, 0, false);
    }

    @Override
    public void compareAndWrite(long lba, byte[] expected, byte[] replacement) throws IOException {
        if (!capabilities.compareAndWrite()) {
            throw new CheckConditionException("COMPARE AND WRITE lba " + lba + " on " + uri(), Sense.INVALID_COMMAND_OPERATION_CODE,
                    "this target does not offer COMPARE AND WRITE (use the reserve acquisition mode)");
        }
        if (expected.length != replacement.length || expected.length == 0 || expected.length % sectorSize != 0) {
            throw new IllegalArgumentException("COMPARE AND WRITE: expected two buffers of the same whole number of sectors, found " + expected.length
                    + " and " + replacement.length + " bytes");
        }
        int sectors = expected.length / sectorSize;
        range("COMPARE AND WRITE", lba, sectors);
        byte[] both = new byte[2 * expected.length];
        System.arraycopy(expected, 0, both, 0, expected.length);
        System.arraycopy(replacement, 0, both, expected.length, replacement.length);
        command("COMPARE AND WRITE lba " + lba, Cdb.compareAndWrite(lba, sectors), both, 0, false);
    }

    @Override
    public void flush() throws IOException {
        command("SYNCHRONIZE CACHE(10)", Cdb.synchronizeCache10(), null, 0, true);
    }

    @Override
    public void reserve() throws IOException {
        command("RESERVE(6)", Cdb.reserve6(), null, 0, false);
    }

    @Override
    public void release() throws IOException {
        command("RELEASE(6)", Cdb.release6(), null, 0, false);
    }

    @Override
    public void lunReset() throws IOException {
        int response;
        try {
            response = connection().taskManagement(5, address.lun(), Pdu.RESERVED_TAG, options.commandTimeout());
        } catch (TimeoutException e) {
            throw new CommandOutcomeUnknownException("LOGICAL UNIT RESET of " + uri(), "no answer within " + options.commandTimeout().toMillis() + " ms");
        }
        if (response != 0) {
            throw new IOException("LOGICAL UNIT RESET of " + uri() + ": the target answered " + response + " ("
                    + switch (response) {
                        case 1 -> "task does not exist";
                        case 2 -> "LUN does not exist";
                        case 3 -> "task still allegiant";
                        case 5 -> "function not supported";
                        case 6 -> "function authorization failed";
                        default -> "function rejected";
                    } + "), not 'function complete'");
        }
    }

    private void prOut(String name, int action, PrType type, long key, long serviceActionKey, boolean idempotent) throws IOException {
        command("PERSISTENT RESERVE OUT " + name, Cdb.persistentReserveOut(action, type), Cdb.prOutParameters(key, serviceActionKey), 0, idempotent);
    }

    @Override
    public void register(long currentKey, long newKey) throws IOException {
        prOut("REGISTER", Cdb.PR_OUT_REGISTER, null, currentKey, newKey, false);
    }

    @Override
    public void registerAndIgnoreExistingKey(long newKey) throws IOException {
        prOut("REGISTER AND IGNORE EXISTING KEY", Cdb.PR_OUT_REGISTER_AND_IGNORE, null, 0, newKey, true);
    }

    @Override
    public void reserve(long key, PrType type) throws IOException {
        prOut("RESERVE", Cdb.PR_OUT_RESERVE, type, key, 0, false);
    }

    @Override
    public void release(long key, PrType type) throws IOException {
        prOut("RELEASE", Cdb.PR_OUT_RELEASE, type, key, 0, false);
    }

    @Override
    public void clear(long key) throws IOException {
        prOut("CLEAR", Cdb.PR_OUT_CLEAR, null, key, 0, false);
    }

    @Override
    public void preempt(long key, long victimKey, PrType type) throws IOException {
        prOut("PREEMPT", Cdb.PR_OUT_PREEMPT, type, key, victimKey, false);
    }

    @Override
    public PrKeys readKeys() throws IOException {
        byte[] r = command("PERSISTENT RESERVE IN READ KEYS", Cdb.persistentReserveIn(Cdb.PR_IN_READ_KEYS, 8192), null, 8192, true);
        if (r.length < 8) {
            throw new IOException("READ KEYS on " + uri() + ": expected at least 8 bytes, found " + r.length);
        }
        ByteBuffer b = ByteBuffer.wrap(r);
        long generation = b.getInt(0) & 0xFFFFFFFFL;
        int length = b.getInt(4);
        if (length < 0 || length % 8 != 0) {
            throw new IOException("READ KEYS on " + uri() + ": expected an additional length that is a multiple of 8, found " + length);
        }
        List<Long> keys = new ArrayList<>();
        for (int p = 8; p + 8 <= Math.min(r.length, 8 + length); p += 8) {
            keys.add(b.getLong(p));
        }
        return new PrKeys(generation, keys);
    }

    @Override
    public PrReservation readReservation() throws IOException {
        byte[] r = command("PERSISTENT RESERVE IN READ RESERVATION", Cdb.persistentReserveIn(Cdb.PR_IN_READ_RESERVATION, 64), null, 64, true);
        if (r.length < 8) {
            throw new IOException("READ RESERVATION on " + uri() + ": expected at least 8 bytes, found " + r.length);
        }
        ByteBuffer b = ByteBuffer.wrap(r);
        long generation = b.getInt(0) & 0xFFFFFFFFL;
        int length = b.getInt(4);
        if (length == 0) {
            return PrReservation.none(generation);
        }
        if (length < 16 || r.length < 24) {
            throw new IOException("READ RESERVATION on " + uri() + ": expected 16 bytes of reservation descriptor, found " + length);
        }
        try {
            return new PrReservation(generation, true, b.getLong(8), PrType.of(r[21] & 0x0F));
        } catch (IllegalArgumentException e) {
            throw new IOException("READ RESERVATION on " + uri() + ": " + e.getMessage());
        }
    }

    /**
     * Takes the unit attentions waiting for this initiator (a new session's power-on notice, say) with TEST UNIT
     * READY, for tools that do not expect them on their first command. Returns this medium.
     */
    public IscsiMedium takeUnitAttentions() throws IOException {
        for (int i = 0; i < 4; i++) {
            try {
                testUnitReady();
                break;
            } catch (CheckConditionException e) {
                if (!e.isUnitAttention()) {
                    throw e;
                }
            }
        }
        return this;
    }

    /** TEST UNIT READY (for tools and tests: the target answers, and any pending unit attention is reported). */
    public void testUnitReady() throws IOException {
        command("TEST UNIT READY", Cdb.testUnitReady(), null, 0, true);
    }

    /** For tests: break the current connection as a network failure would (the next command reconnects). */
    public void dropConnection() {
        IscsiConnection c = connection;
        if (c != null) {
            c.fail(new IOException("dropped on purpose"));
        }
    }

    @Override
    public void close() {
        closed = true;
        IscsiConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public String toString() {
        return uri() + " as " + initiatorName;
    }
}
