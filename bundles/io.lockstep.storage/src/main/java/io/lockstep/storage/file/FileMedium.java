package io.lockstep.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lockstep.storage.Capabilities;
import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.Medium;
import io.lockstep.storage.MiscompareException;
import io.lockstep.storage.PrFullStatus;
import io.lockstep.storage.PrKeys;
import io.lockstep.storage.PrEngine;
import io.lockstep.storage.PrReservation;
import io.lockstep.storage.PrType;
import io.lockstep.storage.ReservationConflictException;
import io.lockstep.storage.Sense;
import io.lockstep.storage.SenseKey;

/**
 * The embedded medium: one ordinary file is the logical unit, and every process on the machine that opens it
 * is an initiator of its own. Reservation semantics follow SPC-4, with two choices made to match the
 * target we test against (tgt) where they matter to the cluster protocol:
 * <ul>
 * <li>SCSI-2 RESERVE(6)/RELEASE(6) and persistent reservations are independent: a SCSI-2 reservation
 * blocks other initiators' READ, WRITE, COMPARE AND WRITE and SYNCHRONIZE CACHE, never PERSISTENT RESERVE
 * IN/OUT, and persistent reservations never block RESERVE(6);</li>
 * <li>every new session starts with a POWER ON, RESET unit attention, as real targets report.</li>
 * </ul>
 * Registrations belong to the initiator name and survive its sessions (like APTPL); unit attentions wait for
 * the initiator's next command, even across its restarts. A pending unit attention is reported by every
 * command (PERSISTENT RESERVE IN/OUT too) before any reservation check, once, oldest first.
 */
public final class FileMedium implements Medium {

    /** The longest COMPARE AND WRITE, in sectors (the CDB field is one byte). */
    public static final int MAX_ATS_SECTORS = 255;
    public static final int MAX_REGISTRATIONS = 128;
    private static final PrEngine ENGINE = new PrEngine(MAX_REGISTRATIONS);

    private final LunFile lun;
    private final String initiator;
    private final int nexus;
    private final String uri;
    private boolean closed;

    private FileMedium(LunFile lun, String initiator, int nexus) {
        this.lun = lun;
        this.initiator = initiator;
        this.nexus = nexus;
        this.uri = lun.path.toUri().toString();
    }

    /**
     * Creates a LUN file of {@code sectorCount} sectors of {@code sectorSize} bytes (sparse). Refuses to
     * overwrite an existing file.
     */
    public static LunHeader create(Path file, int sectorSize, long sectorCount) throws IOException {
        return LunFile.create(file, sectorSize, sectorCount);
    }

    /**
     * Creates a LUN file presented only to {@code initiators} from its first moment (empty: every initiator); it is
     * published whole, masking included, or not at all: a second creation of the name gets a
     * {@link java.nio.file.FileAlreadyExistsException}, a list that does not fit an {@link IllegalArgumentException}.
     */
    public static LunHeader create(Path file, int sectorSize, long sectorCount, java.util.Collection<String> initiators) throws IOException {
        for (String i : initiators) {
            validateInitiator(i);
        }
        return LunFile.create(file, sectorSize, sectorCount, initiators);
    }

    /** Reads a LUN file's header without logging in (for tools). */
    public static LunHeader header(Path file) throws IOException {
        LunFile lun = LunFile.acquire(file);
        try {
            return lun.header;
        } finally {
            lun.releaseUser();
        }
    }

    /**
     * Logs {@code initiator} in to the LUN in {@code file}: a new I_T nexus. One process at a time may have a
     * given initiator logged in.
     */
    public static FileMedium open(Path file, String initiator) throws IOException {
        validateInitiator(initiator);
        LunFile lun = LunFile.acquire(file);
        try {
            int index;
            lun.lockStateExclusive();
            try {
                TargetState next = lun.readState().copy();
                if (!next.presentedTo.isEmpty() && !next.presentedTo.contains(initiator)) {
                    throw new CheckConditionException("LOGIN to " + lun.path, Sense.LOGICAL_UNIT_NOT_SUPPORTED,
                            "this LUN is not presented to initiator " + initiator + " (LUN masking: it is presented to "
                                    + next.presentedTo.size() + " initiator" + (next.presentedTo.size() == 1 ? "" : "s") + ")");
                }
                index = next.nexusIndex(initiator);
                if (index < 0) {
                    index = freeNexus(lun, next, initiator);
                }
                if (!lun.holdNexus(index)) {
                    throw new IOException("initiator " + initiator + " is already logged in to " + lun.path
                            + " from another session; log it out there first (each host or VM needs its own initiator name)");
                }
                if (initiator.equals(next.pr.scsi2Holder)) {
                    next.pr.scsi2Holder = null; // its previous session died holding it: I_T nexus loss
                }
                next.pr.addUnitAttention(initiator, Sense.POWER_ON_RESET);
                lun.commit(next);
            } finally {
                lun.unlockStateExclusive();
            }
            return new FileMedium(lun, initiator, index);
        } catch (IOException | RuntimeException e) {
            lun.releaseUser();
            throw e;
        }
    }

    /**
     * A nexus number for a new initiator: a new one while they last, else one whose initiator holds nothing
     * and is not logged in (its number is reused; numbers of live initiators never change).
     */
    private static int freeNexus(LunFile lun, TargetState next, String initiator) throws IOException {
        int bytes = initiator.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 2;
        if (next.nexusNames.size() < LunHeader.MAX_NEXUS && next.sizeEstimate() + bytes + 64 <= lun.header.stateSlotSize()) {
            next.nexusNames.add(initiator);
            return next.nexusNames.size() - 1;
        }
        for (int i = 0; i < next.nexusNames.size(); i++) {
            String old = next.nexusNames.get(i);
            if (!next.holdsState(old) && !lun.nexusAlive(i)) {
                next.nexusNames.set(i, initiator);
                return i;
            }
        }
        throw new IOException(lun.path + ": too many initiators (" + next.nexusNames.size()
                + ") hold state on this LUN; no nexus number is free");
    }

    /**
     * LUN masking, as a storage administrator sets it on a target: the LUN in {@code file} is presented only to
     * {@code initiators} (an empty set presents it to every initiator). An initiator outside the set is refused at
     * login with CHECK CONDITION, ILLEGAL REQUEST, LOGICAL UNIT NOT SUPPORTED; sessions already logged in are
     * not cut (as on targets that apply masking at the next login).
     */
    public static void mask(Path file, java.util.Collection<String> initiators) throws IOException {
        for (String i : initiators) {
            validateInitiator(i);
        }
        LunFile lun = LunFile.acquire(file);
        try {
            lun.lockStateExclusive();
            try {
                TargetState next = lun.readState().copy();
                next.presentedTo.clear();
                next.presentedTo.addAll(initiators);
                if (next.sizeEstimate() > lun.header.stateSlotSize()) {
                    throw new IOException(lun.path + ": " + initiators.size() + " initiator names do not fit the target state");
                }
                lun.commit(next);
            } finally {
                lun.unlockStateExclusive();
            }
        } finally {
            lun.releaseUser();
        }
    }

    /** The initiators the LUN in {@code file} is presented to (empty: every initiator). */
    public static java.util.SortedSet<String> presentedTo(Path file) throws IOException {
        LunFile lun = LunFile.acquire(file);
        try {
            lun.lockStateExclusive();
            try {
                return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(lun.readState().presentedTo));
            } finally {
                lun.unlockStateExclusive();
            }
        } finally {
            lun.releaseUser();
        }
    }

    private static void validateInitiator(String initiator) {
        if (initiator == null || initiator.isBlank()) {
            throw new IllegalArgumentException("initiator name: expected a non-empty name (an IQN or host name), found "
                    + (initiator == null ? "none" : "'" + initiator + "'"));
        }
        int bytes = initiator.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > TargetState.MAX_NAME_BYTES) {
            throw new IllegalArgumentException("initiator name: expected at most " + TargetState.MAX_NAME_BYTES
                    + " bytes (the iSCSI limit), found " + bytes);
        }
    }

    @Override
    public String initiator() {
        return initiator;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public int sectorSize() {
        return lun.header.sectorSize();
    }

    @Override
    public long sectorCount() {
        return lun.header.sectorCount();
    }

    public Path file() {
        return lun.path;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, MAX_ATS_SECTORS, true, true, MAX_REGISTRATIONS);
    }

    // --- data commands ------------------------------------------------------------------------------------

    @Override
    public byte[] read(long lba, int sectors) throws IOException {
        return guarded("read", () -> doRead(lba, sectors));
    }

    private byte[] doRead(long lba, int sectors) throws IOException {
        String cmd = "READ(16) lba " + lba + " x" + sectors;
        checkRange(cmd, lba, sectors);
        byte[] data = new byte[sectors * sectorSize()];
        beginIo(cmd, false);
        try (LunFile.DataRange range = lun.lockData(lba, sectors, true)) {
            int n = LunFile.readFully(lun.channel(), ByteBuffer.wrap(data), lun.dataOffset(lba));
            if (n < data.length) {
                throw new CheckConditionException(cmd, Sense.UNRECOVERED_READ_ERROR,
                        "the LUN file ended after " + n + " of " + data.length + " bytes");
            }
        } finally {
            lun.unlockStateShared();
        }
        return data;
    }

    @Override
    public void write(long lba, byte[] data, boolean fua) throws IOException {
        guarded("write", () -> {
            doWrite(lba, data, fua);
            return null;
        });
    }

    private void doWrite(long lba, byte[] data, boolean fua) throws IOException {
        String cmd = "WRITE(16)" + (fua ? " FUA" : "") + " lba " + lba;
        int sectors = sectorsOf(cmd, data);
        checkRange(cmd, lba, sectors);
        beginIo(cmd, true);
        try (LunFile.DataRange range = lun.lockData(lba, sectors, false)) {
            writeData(cmd, lba, data);
            if (fua) {
                lun.channel().force(false);
            }
        } finally {
            lun.unlockStateShared();
        }
    }

    @Override
    public void compareAndWrite(long lba, byte[] expected, byte[] replacement) throws IOException {
        guarded("compareAndWrite", () -> {
            doCompareAndWrite(lba, expected, replacement);
            return null;
        });
    }

    private void doCompareAndWrite(long lba, byte[] expected, byte[] replacement) throws IOException {
        String cmd = "COMPARE AND WRITE lba " + lba;
        int sectors = sectorsOf(cmd, expected);
        if (replacement == null || replacement.length != expected.length) {
            throw new CheckConditionException(cmd, Sense.INVALID_FIELD_IN_CDB, "compare data is " + expected.length
                    + " bytes but write data is " + (replacement == null ? "missing" : replacement.length + " bytes")
                    + "; they must be the same number of sectors");
        }
        if (sectors > MAX_ATS_SECTORS) {
            throw new CheckConditionException(cmd, Sense.INVALID_FIELD_IN_CDB, "at most " + MAX_ATS_SECTORS
                    + " sectors per COMPARE AND WRITE, found " + sectors);
        }
        checkRange(cmd, lba, sectors);
        beginIo(cmd, true);
        try (LunFile.DataRange range = lun.lockData(lba, sectors, false)) {
            byte[] current = new byte[expected.length];
            LunFile.readFully(lun.channel(), ByteBuffer.wrap(current), lun.dataOffset(lba));
            int mismatch = ByteBuffer.wrap(current).mismatch(ByteBuffer.wrap(expected));
            if (mismatch >= 0) {
                throw new MiscompareException(cmd, mismatch);
            }
            writeData(cmd, lba, replacement);
            lun.channel().force(false);
        } finally {
            lun.unlockStateShared();
        }
    }

    @Override
    public void flush() throws IOException {
        guarded("flush", () -> {
            doFlush();
            return null;
        });
    }

    private void doFlush() throws IOException {
        beginIo("SYNCHRONIZE CACHE", true);
        try {
            lun.channel().force(false);
        } finally {
            lun.unlockStateShared();
        }
    }

    private void writeData(String cmd, long lba, byte[] data) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(data);
        long position = lun.dataOffset(lba);
        try {
            while (src.hasRemaining()) {
                position += lun.channel().write(src, position);
            }
        } catch (java.nio.channels.ClosedChannelException | java.nio.channels.FileLockInterruptionException e) {
            throw e; // not the medium's fault: see guarded()
        } catch (IOException e) {
            CheckConditionException failure = new CheckConditionException(cmd, Sense.WRITE_ERROR, e.toString());
            failure.initCause(e);
            throw failure;
        }
    }

    private int sectorsOf(String cmd, byte[] data) throws CheckConditionException {
        if (data == null || data.length == 0 || data.length % sectorSize() != 0) {
            throw new CheckConditionException(cmd, Sense.INVALID_FIELD_IN_CDB, "data must be a whole number of "
                    + sectorSize() + "-byte sectors, found " + (data == null ? "none" : data.length + " bytes"));
        }
        return data.length / sectorSize();
    }

    private void checkRange(String cmd, long lba, int sectors) throws CheckConditionException {
        if (sectors <= 0) {
            throw new CheckConditionException(cmd, Sense.INVALID_FIELD_IN_CDB, "transfer length must be at least 1 sector, found " + sectors);
        }
        if (lba < 0 || lba + sectors > sectorCount() || lba + sectors < lba) {
            throw new CheckConditionException(cmd, Sense.LBA_OUT_OF_RANGE.withInformation(Math.max(0, lba)),
                    "sectors " + lba + ".." + (lba + sectors - 1) + " are outside the LUN's " + sectorCount()
                            + " sectors (0.." + (sectorCount() - 1) + ")");
        }
    }

    /**
     * Starts a data command: takes the state lock shared (the caller releases it), reports a pending unit
     * attention, and refuses the command when a reservation forbids it.
     */
    private void beginIo(String cmd, boolean write) throws IOException {
        ensureOpen(cmd);
        while (true) {
            lun.lockStateShared();
            boolean holding = true;
            try {
                TargetState state = lun.readState();
                if (state.pr.pendingUnitAttention(initiator) != null) {
                    lun.unlockStateShared();
                    holding = false;
                    reportUnitAttention(cmd);
                    continue; // someone else consumed it meanwhile: run the command
                }
                String holder = state.pr.scsi2Holder;
                if (holder != null && !holder.equals(initiator)) {
                    if (lun.nexusAlive(state.nexusIndex(holder))) {
                        throw new ReservationConflictException(cmd, "the LUN is reserved (SCSI-2 RESERVE) by " + holder);
                    }
                    lun.unlockStateShared();
                    holding = false;
                    dropDeadScsi2Holder(holder);
                    continue;
                }
                ENGINE.checkAccess(state.pr, initiator, write, cmd);
                holding = false; // stays held for the data transfer; the caller releases it
                return;
            } finally {
                if (holding) {
                    lun.unlockStateShared();
                }
            }
        }
    }

    /** The holder of a SCSI-2 reservation has lost its nexus (its process died): the reservation ends. */
    private void dropDeadScsi2Holder(String holder) throws IOException {
        lun.lockStateExclusive();
        try {
            TargetState state = lun.readState();
            if (holder.equals(state.pr.scsi2Holder) && !lun.nexusAlive(state.nexusIndex(holder))) {
                TargetState next = state.copy();
                next.pr.scsi2Holder = null;
                lun.commit(next);
            }
        } finally {
            lun.unlockStateExclusive();
        }
    }

    /** Consumes and throws this initiator's oldest unit attention; returns when there was none any more. */
    private void reportUnitAttention(String cmd) throws IOException {
        Sense sense;
        lun.lockStateExclusive();
        try {
            TargetState next = lun.readState().copy();
            sense = next.pr.pendingUnitAttention(initiator);
            if (sense == null) {
                return;
            }
            next.pr.consumeUnitAttention(initiator);
            lun.commit(next);
        } finally {
            lun.unlockStateExclusive();
        }
        throw new CheckConditionException(cmd, sense, "reported to " + initiator + "; the command was not executed");
    }

    // --- SCSI-2 reservations and resets -------------------------------------------------------------------------

    @Override
    public void reserve() throws IOException {
        guarded("reserve", () -> {
            doReserve();
            return null;
        });
    }

    private void doReserve() throws IOException {
        changeState("RESERVE(6)", next -> {
            String holder = next.pr.scsi2Holder;
            boolean alive = holder != null && !holder.equals(initiator) && lun.nexusAlive(next.nexusIndex(holder));
            ENGINE.reserveScsi2(next.pr, initiator, alive);
        });
    }

    @Override
    public void release() throws IOException {
        guarded("release", () -> {
            doRelease();
            return null;
        });
    }

    private void doRelease() throws IOException {
        changeState("RELEASE(6)", next -> ENGINE.releaseScsi2(next.pr, initiator));
    }

    @Override
    public void lunReset() throws IOException {
        guarded("lunReset", () -> {
            doLunReset();
            return null;
        });
    }

    private void doLunReset() throws IOException {
        // task management, not a command: no unit attention is reported to the caller first
        ensureOpen("LOGICAL UNIT RESET");
        lun.lockStateExclusive();
        try {
            TargetState next = lun.readState().copy();
            ENGINE.lunReset(next.pr, next.nexusNames);
            lun.commit(next);
        } finally {
            lun.unlockStateExclusive();
        }
    }

    // --- persistent reservations -----------------------------------------------------------------------------

    @Override
    public void register(long currentKey, long newKey) throws IOException {
        guarded("register", () -> {
            doRegister(currentKey, newKey);
            return null;
        });
    }

    private void doRegister(long currentKey, long newKey) throws IOException {
        changeState("PERSISTENT RESERVE OUT REGISTER", next -> ENGINE.register(next.pr, initiator, currentKey, newKey));
    }

    @Override
    public void registerAndIgnoreExistingKey(long newKey) throws IOException {
        guarded("registerAndIgnoreExistingKey", () -> {
            doRegisterAndIgnoreExistingKey(newKey);
            return null;
        });
    }

    private void doRegisterAndIgnoreExistingKey(long newKey) throws IOException {
        changeState("PERSISTENT RESERVE OUT REGISTER AND IGNORE EXISTING KEY",
                next -> ENGINE.registerAndIgnoreExistingKey(next.pr, initiator, newKey));
    }

    @Override
    public void reserve(long key, PrType type) throws IOException {
        guarded("reserve", () -> {
            doReserve(key, type);
            return null;
        });
    }

    private void doReserve(long key, PrType type) throws IOException {
        changeState("PERSISTENT RESERVE OUT RESERVE", next -> ENGINE.reserve(next.pr, initiator, key, type));
    }

    @Override
    public void release(long key, PrType type) throws IOException {
        guarded("release", () -> {
            doRelease(key, type);
            return null;
        });
    }

    private void doRelease(long key, PrType type) throws IOException {
        changeState("PERSISTENT RESERVE OUT RELEASE", next -> ENGINE.release(next.pr, initiator, key, type));
    }

    @Override
    public void clear(long key) throws IOException {
        guarded("clear", () -> {
            doClear(key);
            return null;
        });
    }

    private void doClear(long key) throws IOException {
        changeState("PERSISTENT RESERVE OUT CLEAR", next -> ENGINE.clear(next.pr, initiator, key));
    }

    @Override
    public void preempt(long key, long victimKey, PrType type) throws IOException {
        guarded("preempt", () -> {
            doPreempt(key, victimKey, type);
            return null;
        });
    }

    private void doPreempt(long key, long victimKey, PrType type) throws IOException {
        changeState("PERSISTENT RESERVE OUT PREEMPT", next -> ENGINE.preempt(next.pr, initiator, key, victimKey, type));
    }

    @Override
    public void testUnitReady() throws IOException {
        guarded("testUnitReady", () -> readStateForIn("TEST UNIT READY"));
    }

    @Override
    public PrKeys readKeys() throws IOException {
        return guarded("readKeys", () -> doReadKeys());
    }

    private PrKeys doReadKeys() throws IOException {
        return ENGINE.readKeys(readStateForIn("PERSISTENT RESERVE IN READ KEYS").pr);
    }

    @Override
    public PrReservation readReservation() throws IOException {
        return guarded("readReservation", () -> doReadReservation());
    }

    private PrReservation doReadReservation() throws IOException {
        return ENGINE.readReservation(readStateForIn("PERSISTENT RESERVE IN READ RESERVATION").pr);
    }

    @Override
    public PrFullStatus readFullStatus() throws IOException {
        return guarded("readFullStatus", () -> ENGINE.readFullStatus(readStateForIn("PERSISTENT RESERVE IN READ FULL STATUS").pr));
    }

    @Override
    public void checkScsi2Reservation(String cmd) throws IOException {
        guarded("checkScsi2Reservation", () -> {
            ensureOpen(cmd);
            TargetState state;
            boolean alive;
            lun.lockStateShared();
            try {
                state = lun.readState();
                String holder = state.pr.scsi2Holder;
                alive = holder == null || holder.equals(initiator) || lun.nexusAlive(state.nexusIndex(holder));
            } finally {
                lun.unlockStateShared();
            }
            if (alive) {
                ENGINE.checkScsi2(state.pr, initiator, true, cmd);
            } else {
                dropDeadScsi2Holder(state.pr.scsi2Holder); // its nexus is gone: the reservation ended with it
            }
            return null;
        });
    }

    private TargetState readStateForIn(String cmd) throws IOException {
        ensureOpen(cmd);
        while (true) {
            lun.lockStateShared();
            TargetState state;
            try {
                state = lun.readState();
            } finally {
                lun.unlockStateShared();
            }
            if (state.pr.pendingUnitAttention(initiator) == null) {
                return state;
            }
            reportUnitAttention(cmd);
        }
    }

    @FunctionalInterface
    private interface StateChange {
        void apply(TargetState next) throws IOException;
    }

    /**
     * Runs a reservation command under the exclusive state lock: reports a pending unit attention first, then
     * applies {@code change} to a copy and commits it (nothing is written when it throws).
     */
    private void changeState(String cmd, StateChange change) throws IOException {
        ensureOpen(cmd);
        lun.lockStateExclusive();
        try {
            TargetState next = lun.readState().copy();
            Sense pending = next.pr.pendingUnitAttention(initiator);
            if (pending != null) {
                next.pr.consumeUnitAttention(initiator);
                lun.commit(next);
                throw new CheckConditionException(cmd, pending, "reported to " + initiator + "; the command was not executed");
            }
            change.apply(next);
            lun.commit(next);
        } finally {
            lun.unlockStateExclusive();
        }
    }

    @FunctionalInterface
    private interface Body<T> {
        T run() throws IOException;
    }

    /**
     * Runs a command; when the shared channel was closed under it (a thread of this JVM was interrupted in
     * the middle of file I/O), the file is opened again: the interrupted command ends with ABORTED COMMAND,
     * any other is retried once. Either way the medium stays usable for every session.
     */
    private <T> T guarded(String name, Body<T> body) throws IOException {
        try {
            return body.run();
        } catch (java.nio.channels.FileLockInterruptionException e) {
            // interrupted while waiting for a record lock: the channel is still open, nothing was done
            throw new CheckConditionException(name, Sense.of(SenseKey.ABORTED_COMMAND, 0x00, 0x00),
                    "the calling thread was interrupted while waiting for the LUN's lock; nothing was done");
        } catch (java.nio.channels.ClosedChannelException e) {
            if (closed) {
                throw e;
            }
            boolean interrupted = e instanceof java.nio.channels.ClosedByInterruptException || Thread.currentThread().isInterrupted();
            Thread.interrupted(); // reopening must not be interrupted again
            lun.channel();
            if (interrupted) {
                Thread.currentThread().interrupt();
                throw new CheckConditionException(name, Sense.of(SenseKey.ABORTED_COMMAND, 0x00, 0x00),
                        "the calling thread was interrupted during file I/O; the command may not have completed");
            }
            return body.run();
        }
    }

    private void ensureOpen(String cmd) throws IOException {
        if (closed) {
            throw new IOException(cmd + ": the session of " + initiator + " to " + lun.path + " is closed");
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lun.lockStateExclusive();
            try {
                TargetState state = lun.readState();
                if (initiator.equals(state.pr.scsi2Holder)) { // I_T nexus loss ends a SCSI-2 reservation
                    TargetState next = state.copy();
                    next.pr.scsi2Holder = null;
                    lun.commit(next);
                }
            } finally {
                lun.unlockStateExclusive();
            }
        } finally {
            lun.dropNexus(nexus);
            lun.releaseUser();
        }
    }

    @Override
    public String toString() {
        return initiator + "@" + uri;
    }

    /** For tools and tests: the raw header of the LUN this session is on. */
    public LunHeader lunHeader() {
        return lun.header;
    }
}
