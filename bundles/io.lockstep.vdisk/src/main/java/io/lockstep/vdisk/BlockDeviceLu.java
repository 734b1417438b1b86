package io.lockstep.vdisk;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.lockstep.storage.Capabilities;
import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.Medium;
import io.lockstep.storage.MiscompareException;
import io.lockstep.storage.PrEngine;
import io.lockstep.storage.PrFullStatus;
import io.lockstep.storage.PrKeys;
import io.lockstep.storage.PrReservation;
import io.lockstep.storage.PrState;
import io.lockstep.storage.PrType;
import io.lockstep.storage.ReservationConflictException;
import io.lockstep.storage.Sense;

/**
 * One logical unit over a {@link BlockDevice} (a VM's {@link DiskChain}), served to any number of initiators: each
 * {@link #open} is one I_T nexus, a {@link Medium} whose {@link Medium#initiator()} holds reservations. READ, WRITE
 * (FUA), SYNCHRONIZE CACHE, READ CAPACITY and COMPARE AND WRITE go to the device; reservations (SCSI-2 and
 * persistent, by the rules of {@link PrEngine}) and unit attentions are kept <em>in memory</em>, per logical unit,
 * for the life of this object: they are not persisted across a restart and not seen by another process. Closing a
 * nexus ends its SCSI-2 reservation; closing the logical unit does not close the device (its owner does).
 */
public final class BlockDeviceLu {

    public static final int MAX_REGISTRATIONS = 128;
    private static final PrEngine ENGINE = new PrEngine(MAX_REGISTRATIONS);

    private final BlockDevice device;
    private final String uri;
    /** Reads and writes take it shared; reservation changes and unit attentions take it exclusive. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final PrState state = new PrState(16);
    /** Open nexus count per initiator name. */
    private final Map<String, Integer> nexus = new HashMap<>();

    public BlockDeviceLu(BlockDevice device, String uri) {
        this.device = Objects.requireNonNull(device);
        this.uri = Objects.requireNonNull(uri);
    }

    public BlockDevice device() {
        return device;
    }

    /** A new I_T nexus of {@code initiator}: its view of this logical unit. */
    public Medium open(String initiator) {
        Objects.requireNonNull(initiator);
        lock.writeLock().lock();
        try {
            nexus.merge(initiator, 1, Integer::sum);
        } finally {
            lock.writeLock().unlock();
        }
        return new Nexus(initiator);
    }

    private final class Nexus implements Medium {
        private final String initiator;
        private volatile boolean open = true;

        Nexus(String initiator) {
            this.initiator = initiator;
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
            return BlockDevice.SECTOR;
        }

        @Override
        public long sectorCount() {
            return device.sectorCount();
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(true, 255, true, true, MAX_REGISTRATIONS);
        }

        private void ensureOpen(String cmd) throws IOException {
            if (!open) {
                throw new IOException(cmd + ": the nexus of " + initiator + " to " + uri + " is closed");
            }
        }

        private void checkRange(String cmd, long lba, long bytes) throws CheckConditionException {
            if (bytes % BlockDevice.SECTOR != 0) {
                throw new CheckConditionException(cmd, Sense.INVALID_FIELD_IN_CDB, "expected whole sectors of 512 bytes, found " + bytes + " bytes");
            }
            long sectors = bytes / BlockDevice.SECTOR;
            long count = device.sectorCount();
            if (lba < 0 || sectors > count || lba > count - sectors) {
                throw new CheckConditionException(cmd, Sense.LBA_OUT_OF_RANGE, "sectors " + lba + "+" + sectors + " beyond the " + count + " of " + uri);
            }
        }

        /** Under the shared lock on return: a pending unit attention is reported (thrown) first, then reservations decide. */
        private void beginIo(String cmd, boolean write) throws IOException {
            ensureOpen(cmd);
            lock.readLock().lock();
            boolean holding = true;
            try {
                if (state.pendingUnitAttention(initiator) != null) {
                    lock.readLock().unlock();
                    holding = false;
                    reportUnitAttention(cmd);
                    lock.readLock().lock();
                    holding = true;
                }
                String holder = state.scsi2Holder;
                if (holder != null && !holder.equals(initiator)) {
                    throw new ReservationConflictException(cmd, "the LUN is reserved (SCSI-2 RESERVE) by " + holder);
                }
                ENGINE.checkAccess(state, initiator, write, cmd);
                holding = false; // the caller releases it after the transfer
            } finally {
                if (holding) {
                    lock.readLock().unlock();
                }
            }
        }

        private void reportUnitAttention(String cmd) throws IOException {
            lock.writeLock().lock();
            Sense sense;
            try {
                sense = state.pendingUnitAttention(initiator);
                if (sense == null) {
                    return;
                }
                state.consumeUnitAttention(initiator);
            } finally {
                lock.writeLock().unlock();
            }
            throw new CheckConditionException(cmd, sense, "reported to " + initiator + "; the command was not executed");
        }

        @Override
        public byte[] read(long lba, int sectors) throws IOException {
            checkRange("READ", lba, (long) sectors * BlockDevice.SECTOR);
            beginIo("READ", false);
            try {
                return device.read(lba, sectors);
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public void write(long lba, byte[] data, boolean fua) throws IOException {
            checkRange("WRITE", lba, data.length);
            beginIo("WRITE", true);
            try {
                device.write(lba, data);
                if (fua) {
                    device.flush();
                }
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public void compareAndWrite(long lba, byte[] expected, byte[] replacement) throws IOException {
            String cmd = "COMPARE AND WRITE";
            if (expected.length != replacement.length) {
                throw new CheckConditionException(cmd, Sense.INVALID_FIELD_IN_PARAMETER_LIST, "expected " + expected.length
                        + " bytes to compare and as many to write, found " + replacement.length);
            }
            checkRange(cmd, lba, expected.length);
            ensureOpen(cmd);
            lock.writeLock().lock(); // atomic against every other command of this logical unit
            try {
                Sense pending = state.pendingUnitAttention(initiator);
                if (pending != null) {
                    state.consumeUnitAttention(initiator);
                    throw new CheckConditionException(cmd, pending, "reported to " + initiator + "; the command was not executed");
                }
                String holder = state.scsi2Holder;
                if (holder != null && !holder.equals(initiator)) {
                    throw new ReservationConflictException(cmd, "the LUN is reserved (SCSI-2 RESERVE) by " + holder);
                }
                ENGINE.checkAccess(state, initiator, true, cmd);
                byte[] found = device.read(lba, expected.length / BlockDevice.SECTOR);
                for (int i = 0; i < found.length; i++) {
                    if (found[i] != expected[i]) {
                        throw new MiscompareException(cmd, i);
                    }
                }
                device.write(lba, replacement);
                device.flush();
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Override
        public void testUnitReady() throws IOException {
            ensureOpen("TEST UNIT READY");
            reportUnitAttention("TEST UNIT READY");
        }

        @Override
        public void flush() throws IOException {
            ensureOpen("SYNCHRONIZE CACHE");
            device.flush();
        }

        // --- reservations ----------------------------------------------------------------------------------

        @FunctionalInterface
        private interface Change {
            void apply() throws IOException;
        }

        private void change(String cmd, Change change) throws IOException {
            ensureOpen(cmd);
            lock.writeLock().lock();
            try {
                Sense pending = state.pendingUnitAttention(initiator);
                if (pending != null) {
                    state.consumeUnitAttention(initiator);
                    throw new CheckConditionException(cmd, pending, "reported to " + initiator + "; the command was not executed");
                }
                PrState before = state.copy();
                try {
                    change.apply();
                } catch (IOException | RuntimeException e) {
                    restore(before);
                    throw e;
                }
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Override
        public void reserve() throws IOException {
            change("RESERVE(6)", () -> {
                String holder = state.scsi2Holder;
                ENGINE.reserveScsi2(state, initiator, holder != null && nexus.containsKey(holder));
            });
        }

        @Override
        public void release() throws IOException {
            change("RELEASE(6)", () -> ENGINE.releaseScsi2(state, initiator));
        }

        @Override
        public void lunReset() throws IOException {
            ensureOpen("LOGICAL UNIT RESET");
            lock.writeLock().lock();
            try {
                Set<String> everyone = new LinkedHashSet<>(nexus.keySet());
                everyone.addAll(state.registrations.keySet());
                ENGINE.lunReset(state, everyone);
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Override
        public void register(long currentKey, long newKey) throws IOException {
            change("PERSISTENT RESERVE OUT REGISTER", () -> ENGINE.register(state, initiator, currentKey, newKey));
        }

        @Override
        public void registerAndIgnoreExistingKey(long newKey) throws IOException {
            change("PERSISTENT RESERVE OUT REGISTER AND IGNORE EXISTING KEY", () -> ENGINE.registerAndIgnoreExistingKey(state, initiator, newKey));
        }

        @Override
        public void reserve(long key, PrType type) throws IOException {
            change("PERSISTENT RESERVE OUT RESERVE", () -> ENGINE.reserve(state, initiator, key, type));
        }

        @Override
        public void release(long key, PrType type) throws IOException {
            change("PERSISTENT RESERVE OUT RELEASE", () -> ENGINE.release(state, initiator, key, type));
        }

        @Override
        public void clear(long key) throws IOException {
            change("PERSISTENT RESERVE OUT CLEAR", () -> ENGINE.clear(state, initiator, key));
        }

        @Override
        public void preempt(long key, long victimKey, PrType type) throws IOException {
            change("PERSISTENT RESERVE OUT PREEMPT", () -> ENGINE.preempt(state, initiator, key, victimKey, type));
        }

        @Override
        public PrKeys readKeys() throws IOException {
            ensureOpen("PERSISTENT RESERVE IN READ KEYS");
            lock.readLock().lock();
            try {
                return ENGINE.readKeys(state);
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public PrFullStatus readFullStatus() throws IOException {
            ensureOpen("PERSISTENT RESERVE IN READ FULL STATUS");
            lock.readLock().lock();
            try {
                return ENGINE.readFullStatus(state);
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public void checkScsi2Reservation(String cmd) throws IOException {
            ensureOpen(cmd);
            lock.readLock().lock();
            try {
                ENGINE.checkScsi2(state, initiator, true, cmd);
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public PrReservation readReservation() throws IOException {
            ensureOpen("PERSISTENT RESERVE IN READ RESERVATION");
            lock.readLock().lock();
            try {
                return ENGINE.readReservation(state);
            } finally {
                lock.readLock().unlock();
            }
        }

        /** I_T nexus loss: a SCSI-2 reservation of this initiator ends with its last nexus; registrations stay. */
        @Override
        public void close() {
            if (!open) {
                return;
            }
            open = false;
            lock.writeLock().lock();
            try {
                int left = nexus.merge(initiator, -1, Integer::sum);
                if (left <= 0) {
                    nexus.remove(initiator);
                    if (initiator.equals(state.scsi2Holder)) {
                        state.scsi2Holder = null;
                    }
                }
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Override
        public String toString() {
            return initiator + " on " + uri;
        }
    }

    /** Puts the state back as it was before a change that threw (PrEngine changes the state it is given). */
    private void restore(PrState before) {
        state.generation = before.generation;
        state.registrations.clear();
        state.registrations.putAll(before.registrations);
        state.holder = before.holder;
        state.type = before.type;
        state.key = before.key;
        state.scsi2Holder = before.scsi2Holder;
        state.unitAttentions.clear();
        state.unitAttentions.putAll(before.unitAttentions);
    }
}
