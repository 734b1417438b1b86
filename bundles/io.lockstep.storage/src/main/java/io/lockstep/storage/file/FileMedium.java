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
import io.lockstep.storage.PrKeys;
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
                TargetState state = lun.readState();
                index = state.nexusIndex(initiator);
                TargetState next = state.copy();
                if (index < 0) {
                    index = next.nexusNames.size();
                    if (index >= LunHeader.MAX_NEXUS || TargetState.sizeEstimate(next) + 256 > lun.header.stateSlotSize()) {
                        pruneDeadNexus(lun, next);
                        index = next.nexusNames.size();
                        if (index >= LunHeader.MAX_NEXUS) {
                            throw new IOException(lun.path + ": too many initiators (" + index + ") have logged in to this LUN");
                        }
                    }
                    next.nexusNames.add(initiator);
                }
                if (!lun.holdNexus(index)) {
                    throw new IOException("initiator " + initiator + " is already logged in to " + lun.path
                            + " from another session; log it out there first (each host or VM needs its own initiator name)");
                }
                if (next.scsi2Holder == index) {
                    next.scsi2Holder = TargetState.NO_HOLDER; // its previous session died holding it: I_T nexus loss
                }
                next.addUnitAttention(index, Sense.POWER_ON_RESET);
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

    /** Forgets nexus entries that hold nothing and are not logged in, to make room (indexes are renumbered). */
    private static void pruneDeadNexus(LunFile lun, TargetState state) throws IOException {
        List<String> keep = new ArrayList<>();
        List<Integer> oldIndex = new ArrayList<>();
        for (int i = 0; i < state.nexusNames.size(); i++) {
            boolean holds = state.registered(i) || state.unitAttentions.containsKey(i) || state.scsi2Holder == i
                    || state.prHolder == i || lun.nexusAlive(i);
            if (holds) {
                keep.add(state.nexusNames.get(i));
                oldIndex.add(i);
            }
        }
        if (keep.size() == state.nexusNames.size()) {
            return;
        }
        // Renumbering is only safe when no live nexus moves: keep the prefix of live ones in place.
        for (int i = 0; i < oldIndex.size(); i++) {
            if (oldIndex.get(i) != i && lun.nexusAlive(oldIndex.get(i))) {
                return;
            }
        }
        TargetState renumbered = state.copy();
        renumbered.nexusNames.clear();
        renumbered.nexusNames.addAll(keep);
        renumbered.registrations.clear();
        renumbered.unitAttentions.clear();
        for (int i = 0; i < oldIndex.size(); i++) {
            int old = oldIndex.get(i);
            if (state.registrations.containsKey(old)) {
                renumbered.registrations.put(i, state.registrations.get(old));
            }
            if (state.unitAttentions.containsKey(old)) {
                renumbered.unitAttentions.put(i, state.unitAttentions.get(old));
            }
            if (state.scsi2Holder == old) {
                renumbered.scsi2Holder = i;
            }
            if (state.prHolder == old) {
                renumbered.prHolder = i;
            }
        }
        state.nexusNames.clear();
        state.nexusNames.addAll(renumbered.nexusNames);
        state.registrations.clear();
        state.registrations.putAll(renumbered.registrations);
        state.unitAttentions.clear();
        state.unitAttentions.putAll(renumbered.unitAttentions);
        state.scsi2Holder = renumbered.scsi2Holder;
        state.prHolder = renumbered.prHolder;
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
        String cmd = "READ(16) lba " + lba + " x" + sectors;
        checkRange(cmd, lba, sectors);
        byte[] data = new byte[sectors * sectorSize()];
        beginIo(cmd, false);
        try (LunFile.DataRange range = lun.lockData(lba, sectors, true)) {
            int n = LunFile.readFully(lun.channel, ByteBuffer.wrap(data), lun.dataOffset(lba));
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
        String cmd = "WRITE(16)" + (fua ? " FUA" : "") + " lba " + lba;
        int sectors = sectorsOf(cmd, data);
        checkRange(cmd, lba, sectors);
        beginIo(cmd, true);
        try (LunFile.DataRange range = lun.lockData(lba, sectors, false)) {
            writeData(cmd, lba, data);
            if (fua) {
                lun.channel.force(false);
            }
        } finally {
            lun.unlockStateShared();
        }
    }

    @Override
    public void compareAndWrite(long lba, byte[] expected, byte[] replacement) throws IOException {
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
            LunFile.readFully(lun.channel, ByteBuffer.wrap(current), lun.dataOffset(lba));
            int mismatch = ByteBuffer.wrap(current).mismatch(ByteBuffer.wrap(expected));
            if (mismatch >= 0) {
                throw new MiscompareException(cmd, mismatch);
            }
            writeData(cmd, lba, replacement);
            lun.channel.force(false);
        } finally {
            lun.unlockStateShared();
        }
    }

    @Override
    public void flush() throws IOException {
        beginIo("SYNCHRONIZE CACHE", true);
        try {
            lun.channel.force(false);
        } finally {
            lun.unlockStateShared();
        }
    }

    private void writeData(String cmd, long lba, byte[] data) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(data);
        long position = lun.dataOffset(lba);
        try {
            while (src.hasRemaining()) {
                position += lun.channel.write(src, position);
            }
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
            boolean ok = false;
            try {
                TargetState state = lun.readState();
                if (state.pendingUnitAttention(nexus) != null) {
                    lun.unlockStateShared();
                    ok = true; // released above
                    reportUnitAttention(cmd);
                    continue; // the unit attention was already consumed by someone else: run the command
                }
                int holder = state.scsi2Holder;
                if (holder != TargetState.NO_HOLDER && holder != nexus) {
                    if (lun.nexusAlive(holder)) {
                        throw new ReservationConflictException(cmd, "the LUN is reserved (SCSI-2 RESERVE) by "
                                + state.nexusName(holder));
                    }
                    lun.unlockStateShared();
                    ok = true;
                    dropDeadScsi2Holder(holder);
                    continue;
                }
                if (state.reservationPresent() && !state.prType.allows(write, state.isHolder(nexus), state.registered(nexus))) {
                    throw new ReservationConflictException(cmd, initiator + " may not " + (write ? "write" : "read")
                            + " under the " + state.prType + " reservation held by "
                            + state.holderName()
                            + (state.registered(nexus) ? "" : " (" + initiator + " is not registered)"));
                }
                ok = true;
                return; // the state lock stays held for the data transfer
            } finally {
                if (!ok) {
                    lun.unlockStateShared();
                }
            }
        }
    }

    /** The holder of a SCSI-2 reservation has lost its nexus (its process died): the reservation ends. */
    private void dropDeadScsi2Holder(int holder) throws IOException {
        lun.lockStateExclusive();
        try {
            TargetState state = lun.readState();
            if (state.scsi2Holder == holder && !lun.nexusAlive(holder)) {
                TargetState next = state.copy();
                next.scsi2Holder = TargetState.NO_HOLDER;
                lun.commit(next);
            }
        } finally {
            lun.unlockStateExclusive();
        }
    }

    /** Consumes and throws this nexus's oldest unit attention; returns when there was none any more. */
    private void reportUnitAttention(String cmd) throws IOException {
        Sense sense;
        lun.lockStateExclusive();
        try {
            TargetState state = lun.readState();
            sense = state.pendingUnitAttention(nexus);
            if (sense == null) {
                return;
            }
            TargetState next = state.copy();
            next.consumeUnitAttention(nexus);
            lun.commit(next);
        } finally {
            lun.unlockStateExclusive();
        }
        throw new CheckConditionException(cmd, sense, "reported to " + initiator + "; the command was not executed");
    }

    // --- SCSI-2 reservations ----------------------------------------------------------------------------------

    @Override
    public void reserve() throws IOException {
        changeState("RESERVE(6)", (state, next) -> {
            int holder = state.scsi2Holder;
            if (holder != TargetState.NO_HOLDER && holder != nexus && lun.nexusAlive(holder)) {
                throw new ReservationConflictException("RESERVE(6)", "the LUN is already reserved by " + state.nexusName(holder));
            }
            next.scsi2Holder = nexus;
        });
    }

    @Override
    public void release() throws IOException {
        changeState("RELEASE(6)", (state, next) -> {
            if (state.scsi2Holder == nexus) {
                next.scsi2Holder = TargetState.NO_HOLDER;
            }
        });
    }

    // --- persistent reservations -----------------------------------------------------------------------------

    @Override
    public void register(long currentKey, long newKey) throws IOException {
        String cmd = "PERSISTENT RESERVE OUT REGISTER";
        changeState(cmd, (state, next) -> {
            Long held = state.registrations.get(nexus);
            long mine = held == null ? 0 : held;
            if (mine != currentKey) {
                throw new ReservationConflictException(cmd, String.format(
                        "%s is registered with key 0x%x, not the 0x%x given", initiator, mine, currentKey));
            }
            applyRegistration(cmd, state, next, newKey);
        });
    }

    @Override
    public void registerAndIgnoreExistingKey(long newKey) throws IOException {
        String cmd = "PERSISTENT RESERVE OUT REGISTER AND IGNORE EXISTING KEY";
        changeState(cmd, (state, next) -> applyRegistration(cmd, state, next, newKey));
    }

    private void applyRegistration(String cmd, TargetState state, TargetState next, long newKey) throws IOException {
        boolean registered = state.registered(nexus);
        if (newKey == 0) {
            if (!registered) {
                next.prGeneration++;
                return;
            }
            boolean wasHolder = state.isHolder(nexus);
            next.registrations.remove(nexus);
            if (wasHolder) {
                boolean allRegistrants = state.prHolder == TargetState.ALL_REGISTRANTS;
                if (!allRegistrants || next.registrations.isEmpty()) {
                    PrType type = state.prType;
                    next.clearReservation();
                    if (type.registrantsOnly()) {
                        next.registrations.keySet().forEach(n -> next.addUnitAttention(n, Sense.RESERVATIONS_RELEASED));
                    }
                }
            }
        } else {
            if (!registered && state.registrations.size() >= MAX_REGISTRATIONS) {
                throw new CheckConditionException(cmd, Sense.INSUFFICIENT_REGISTRATION_RESOURCES,
                        "all " + MAX_REGISTRATIONS + " registrations are in use");
            }
            next.registrations.put(nexus, newKey);
        }
        next.prGeneration++;
    }

    @Override
    public void reserve(long key, PrType type) throws IOException {
        String cmd = "PERSISTENT RESERVE OUT RESERVE";
        requireType(cmd, type);
        changeState(cmd, (state, next) -> {
            requireRegistered(cmd, state, key);
            if (state.reservationPresent()) {
                if (state.isHolder(nexus) && state.prType == type) {
                    return; // already held as asked
                }
                throw new ReservationConflictException(cmd, "a " + state.prType + " reservation is held by "
                        + state.holderName());
            }
            next.prHolder = type.allRegistrants() ? TargetState.ALL_REGISTRANTS : nexus;
            next.prType = type;
            next.prKey = type.allRegistrants() ? 0 : key;
        });
    }

    @Override
    public void release(long key, PrType type) throws IOException {
        String cmd = "PERSISTENT RESERVE OUT RELEASE";
        requireType(cmd, type);
        changeState(cmd, (state, next) -> {
            requireRegistered(cmd, state, key);
            if (!state.reservationPresent() || !state.isHolder(nexus)) {
                return; // GOOD, nothing to release
            }
            if (state.prType != type) {
                throw new CheckConditionException(cmd, Sense.of(SenseKey.ILLEGAL_REQUEST, 0x26, 0x04),
                        "the reservation is " + state.prType + ", not " + type + " (INVALID RELEASE OF PERSISTENT RESERVATION)");
            }
            PrType released = state.prType;
            next.clearReservation();
            if (released.registrantsOnly()) {
                next.registrations.keySet().stream().filter(n -> n != nexus)
                        .forEach(n -> next.addUnitAttention(n, Sense.RESERVATIONS_RELEASED));
            }
        });
    }

    @Override
    public void clear(long key) throws IOException {
        String cmd = "PERSISTENT RESERVE OUT CLEAR";
        changeState(cmd, (state, next) -> {
            requireRegistered(cmd, state, key);
            state.registrations.keySet().stream().filter(n -> n != nexus)
                    .forEach(n -> next.addUnitAttention(n, Sense.RESERVATIONS_PREEMPTED));
            next.registrations.clear();
            next.clearReservation();
            next.prGeneration++;
        });
    }

    @Override
    public void preempt(long key, long victimKey, PrType type) throws IOException {
        String cmd = "PERSISTENT RESERVE OUT PREEMPT";
        requireType(cmd, type);
        changeState(cmd, (state, next) -> {
            requireRegistered(cmd, state, key);
            boolean present = state.reservationPresent();
            boolean allRegistrants = present && state.prHolder == TargetState.ALL_REGISTRANTS;
            if (victimKey == 0 && !allRegistrants) {
                throw new CheckConditionException(cmd, Sense.INVALID_FIELD_IN_PARAMETER_LIST,
                        "the service action reservation key is 0, which preempts only an all-registrants reservation");
            }
            List<Integer> victims = new ArrayList<>();
            for (Map.Entry<Integer, Long> r : state.registrations.entrySet()) {
                if (r.getKey() != nexus && (victimKey == 0 || r.getValue() == victimKey)) {
                    victims.add(r.getKey());
                }
            }
            boolean holderPreempted = present && (allRegistrants ? victimKey == 0
                    : state.registrations.getOrDefault(state.prHolder, 0L) == victimKey);
            if (victims.isEmpty() && !holderPreempted) {
                throw new ReservationConflictException(cmd, String.format("no other initiator is registered with key 0x%x", victimKey));
            }
            for (int victim : victims) {
                next.registrations.remove(victim);
                next.addUnitAttention(victim, Sense.REGISTRATIONS_PREEMPTED);
            }
            if (holderPreempted) {
                boolean typeChanged = state.prType != type;
                next.prHolder = type.allRegistrants() ? TargetState.ALL_REGISTRANTS : nexus;
                next.prType = type;
                next.prKey = type.allRegistrants() ? 0 : key;
                if (typeChanged) {
                    next.registrations.keySet().stream().filter(n -> n != nexus)
                            .forEach(n -> next.addUnitAttention(n, Sense.RESERVATIONS_RELEASED));
                }
            } else if (present && !allRegistrants && !next.registrations.containsKey(state.prHolder)) {
                next.clearReservation(); // the holder lost its registration with the victims
            }
            next.prGeneration++;
        });
    }

    @Override
    public PrKeys readKeys() throws IOException {
        TargetState state = readStateForIn("PERSISTENT RESERVE IN READ KEYS");
        return new PrKeys(state.prGeneration, new ArrayList<>(state.registrations.values()));
    }

    @Override
    public PrReservation readReservation() throws IOException {
        TargetState state = readStateForIn("PERSISTENT RESERVE IN READ RESERVATION");
        if (!state.reservationPresent()) {
            return PrReservation.none(state.prGeneration);
        }
        return new PrReservation(state.prGeneration, true, state.prKey, state.prType);
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
            if (state.pendingUnitAttention(nexus) == null) {
                return state;
            }
            reportUnitAttention(cmd);
        }
    }

    private void requireRegistered(String cmd, TargetState state, long key) throws ReservationConflictException {
        Long held = state.registrations.get(nexus);
        if (held == null) {
            throw new ReservationConflictException(cmd, String.format("%s is not registered (key 0x%x given)", initiator, key));
        }
        if (held != key) {
            throw new ReservationConflictException(cmd, String.format("%s is registered with key 0x%x, not the 0x%x given",
                    initiator, held, key));
        }
    }

    private static void requireType(String cmd, PrType type) throws CheckConditionException {
        if (type == null) {
            throw new CheckConditionException(cmd, Sense.INVALID_FIELD_IN_CDB, "a reservation type is required (1, 3, 5, 6, 7 or 8)");
        }
    }

    @FunctionalInterface
    private interface StateChange {
        void apply(TargetState current, TargetState next) throws IOException;
    }

    /**
     * Runs a reservation command under the exclusive state lock: reports a pending unit attention first, then
     * applies {@code change} to a copy and commits it (nothing is written when it throws).
     */
    private void changeState(String cmd, StateChange change) throws IOException {
        ensureOpen(cmd);
        lun.lockStateExclusive();
        try {
            TargetState state = lun.readState();
            Sense pending = state.pendingUnitAttention(nexus);
            TargetState next = state.copy();
            if (pending != null) {
                next.consumeUnitAttention(nexus);
                lun.commit(next);
                throw new CheckConditionException(cmd, pending, "reported to " + initiator + "; the command was not executed");
            }
            change.apply(state, next);
            lun.commit(next);
        } finally {
            lun.unlockStateExclusive();
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
                if (state.scsi2Holder == nexus) { // I_T nexus loss ends a SCSI-2 reservation
                    TargetState next = state.copy();
                    next.scsi2Holder = TargetState.NO_HOLDER;
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
