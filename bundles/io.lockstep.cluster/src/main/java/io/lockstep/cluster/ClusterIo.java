package io.lockstep.cluster;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.Medium;
import io.lockstep.storage.MiscompareException;
import io.lockstep.storage.ReservationConflictException;
import io.lockstep.storage.Sense;
import io.lockstep.cluster.datastore.Datastore;

/**
 * Every sector I/O of the cluster protocol goes through here. It turns the target's transient answers into
 * waiting, so protocol code reads as if the medium were simple:
 * <ul>
 * <li>UNIT ATTENTION (a new session's POWER ON RESET, a reservation change …) is reported to the listeners
 * and the command retried, as initiators do;</li>
 * <li>RESERVATION CONFLICT while another host holds the device for a read-modify-write ({@code reserve}
 * mode) is retried with growing pauses for up to {@link Timing#reservationWait()}.</li>
 * </ul>
 * It also provides the one primitive every record change uses, {@link #update}, in both acquisition modes.
 */
public final class ClusterIo {

    /** Told of every unit attention this host's commands met (the notification protocol listens here). */
    public interface UnitAttentionListener {
        void unitAttention(Sense sense) throws IOException;
    }

    /**
     * Asked when a command meets RESERVATION CONFLICT: has this host lost its registration (a notification
     * whose unit attention another of its commands took)? If so it re-registers and refreshes, and returns
     * true so the command is retried at once.
     */
    public interface ConflictListener {
        boolean registrationLost() throws IOException;
    }

    /** The sector's content before and after an {@link #update}, and whether this call wrote it. */
    public record Update(byte[] before, byte[] after, boolean written) {
    }

    /** Computes a sector's replacement from its current content; null leaves the sector as it is. */
    @FunctionalInterface
    public interface SectorChange {
        byte[] apply(byte[] current) throws IOException;
    }

    static final int MAX_UNIT_ATTENTIONS = 16;
    static final int MAX_ATS_ATTEMPTS = 64;

    private final Medium medium;
    private final AcquisitionMode mode;
    private final Timing timing;
    private final CopyOnWriteArrayList<UnitAttentionListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ConflictListener conflictListener;

    public ClusterIo(Medium medium, AcquisitionMode mode, Timing timing) {
        this.medium = medium;
        this.mode = mode;
        this.timing = timing;
        if (mode == AcquisitionMode.ATS && !medium.capabilities().compareAndWrite()) {
            throw new IllegalArgumentException("acquisition mode ats needs COMPARE AND WRITE, which " + medium.uri()
                    + " does not offer; use the reserve mode");
        }
    }

    public Medium medium() {
        return medium;
    }

    public AcquisitionMode mode() {
        return mode;
    }

    public int sectorSize() {
        return medium.sectorSize();
    }

    public void addUnitAttentionListener(UnitAttentionListener listener) {
        listeners.add(listener);
    }

    public void setConflictListener(ConflictListener listener) {
        this.conflictListener = listener;
    }

    /** Checks run again before a command is retried after a unit attention (see {@link #read(long, int, Recheck)}). */
    @FunctionalInterface
    public interface Recheck {
        void run() throws IOException;
    }

    /** One command to the medium. */
    @FunctionalInterface
    public interface Command<T> {
        T run() throws IOException;
    }

    // --- which notifications a command met, and when every earlier command has said so ----------------------------

    private final java.util.concurrent.atomic.AtomicLong issued = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.ConcurrentHashMap<Long, Thread> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong notificationsMet = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Sends one command, remembering it as in flight until it has come back — and, when it met a notification (a
     * unit attention about reservations or registrations), until that is counted. The target hands a unit attention
     * to whichever of this host's commands comes first; a thread that then reads a cache must know that every command
     * the target may have run before its own has told what it met ({@link #awaitEarlierCommands}).
     */
    private <T> T issue(Command<T> command) throws IOException {
        long ticket = issued.incrementAndGet();
        inFlight.put(ticket, Thread.currentThread());
        try {
            return command.run();
        } catch (CheckConditionException e) {
            if (e.isUnitAttention() && e.sense().asc() == 0x2A) {
                notificationsMet.incrementAndGet();
            }
            throw e;
        } finally {
            inFlight.remove(ticket);
        }
    }

    /** Notifications (unit attentions 2A/xx) any of this host's commands met so far. */
    public long notificationsMet() {
        return notificationsMet.get();
    }

    /**
     * Waits until every command issued before this call by another thread has come back and counted what it met
     * (commands are short; at most {@code reservationWait} is waited). Returns false when that time ran out.
     */
    public boolean awaitEarlierCommands() {
        long upTo = issued.get();
        long until = System.nanoTime() + timing.reservationWait().toNanos();
        Thread me = Thread.currentThread();
        while (true) {
            boolean waiting = false;
            for (java.util.Map.Entry<Long, Thread> e : inFlight.entrySet()) {
                if (e.getKey() <= upTo && e.getValue() != me) {
                    waiting = true;
                    break;
                }
            }
            if (!waiting) {
                return true;
            }
            if (System.nanoTime() > until) {
                return false;
            }
            LockSupport.parkNanos(20_000);
        }
    }

    private <T> T retrying(Command<T> command) throws IOException {
        return retrying(command, null);
    }

    /**
     * For the notification handler's own commands: unit attentions go to {@code attentions} (not to the
     * listeners, which are busy with the one being handled) and the command is retried; another host's
     * reservation window is waited out as usual.
     */
    public <T> T quietly(Command<T> command, java.util.function.Consumer<Sense> attentions) throws IOException {
        int seen = 0;
        long waitedNanos = 0;
        long pause = 50_000;
        while (true) {
            try {
                return issue(command);
            } catch (CheckConditionException e) {
                if (!e.isUnitAttention() || ++seen > MAX_UNIT_ATTENTIONS) {
                    throw e;
                }
                attentions.accept(e.sense());
            } catch (ReservationConflictException e) {
                if (waitedNanos > timing.reservationWait().toNanos()) {
                    throw e;
                }
                long p = pause + ThreadLocalRandom.current().nextLong(pause);
                LockSupport.parkNanos(p);
                waitedNanos += p;
                pause = Math.min(pause * 2, 5_000_000);
            }
        }
    }

    private <T> T retrying(Command<T> command, Recheck recheck) throws IOException {
        int attentions = 0;
        long waitedNanos = 0;
        long pause = 50_000; // 50 µs, doubling to 5 ms
        while (true) {
            try {
                return issue(command);
            } catch (CheckConditionException e) {
                if (!e.isUnitAttention() || ++attentions > MAX_UNIT_ATTENTIONS) {
                    throw e;
                }
                for (UnitAttentionListener l : listeners) {
                    l.unitAttention(e.sense());
                }
                if (recheck != null) {
                    recheck.run(); // what the command depended on may have changed with the notification
                }
            } catch (ReservationConflictException e) {
                ConflictListener cl = conflictListener;
                if (cl != null && cl.registrationLost()) {
                    if (recheck != null) {
                        recheck.run();
                    }
                    continue;
                }
                if (waitedNanos > timing.reservationWait().toNanos()) {
                    throw new ReservationConflictException(e.command(), "the device stayed reserved by another host for "
                            + waitedNanos / 1_000_000 + " ms (" + e.getMessage() + ")");
                }
                long p = pause + ThreadLocalRandom.current().nextLong(pause);
                LockSupport.parkNanos(p);
                if (Thread.interrupted()) {
                    throw new InterruptedIOException("interrupted while the device was reserved by another host");
                }
                waitedNanos += p;
                pause = Math.min(pause * 2, 5_000_000);
            }
        }
    }

    public byte[] read(long lba, int sectors) throws IOException {
        return retrying(() -> medium.read(lba, sectors));
    }

    public byte[] read(long lba) throws IOException {
        return read(lba, 1);
    }

    /**
     * A read on behalf of something that depends on cached shared state (a guest's access to a reserved
     * virtual disk): when a notification arrives instead, {@code recheck} runs again — and may refuse — before
     * the read is retried.
     */
    public byte[] read(long lba, int sectors, Recheck recheck) throws IOException {
        return retrying(() -> medium.read(lba, sectors), recheck);
    }

    /** A write that depends on cached shared state; see {@link #read(long, int, Recheck)}. */
    public void write(long lba, byte[] data, boolean fua, Recheck recheck) throws IOException {
        retrying(() -> {
            medium.write(lba, data, fua);
            return null;
        }, recheck);
    }

    public void write(long lba, byte[] data, boolean fua) throws IOException {
        retrying(() -> {
            medium.write(lba, data, fua);
            return null;
        });
    }

    /** READ KEYS, retried through unit attentions. */
    public java.util.List<Long> readKeysRetrying() throws IOException {
        return retrying(medium::readKeys).keys();
    }

    public void flush() throws IOException {
        retrying(() -> {
            medium.flush();
            return null;
        });
    }

    /**
     * Changes one sector atomically with respect to every other host's update of it: reads it (or starts from
     * {@code known}, saving a read when the caller just read it), applies {@code change}, and writes the result
     * with COMPARE AND WRITE ({@code ats}) or inside a device reservation ({@code reserve}). With ATS, a
     * miscompare re-reads and re-applies {@code change} to what is there now.
     */
    public Update update(long lba, byte[] known, SectorChange change) throws IOException {
        return mode == AcquisitionMode.ATS ? updateWithAts(lba, known, change) : updateWithReservation(lba, change);
    }

    private Update updateWithAts(long lba, byte[] known, SectorChange change) throws IOException {
        byte[] current = known != null ? known : read(lba);
        for (int attempt = 0; attempt < MAX_ATS_ATTEMPTS; attempt++) {
            byte[] next = change.apply(current);
            if (next == null) {
                return new Update(current, current, false);
            }
            if (Arrays.equals(next, current)) {
                return new Update(current, current, false);
            }
            byte[] expected = current;
            try {
                retrying(() -> {
                    medium.compareAndWrite(lba, expected, next);
                    return null;
                });
                return new Update(expected, next, true);
            } catch (MiscompareException e) {
                current = read(lba); // someone else changed it: decide again on what is there now
            }
        }
        throw new IOException("sector " + lba + " changed under " + MAX_ATS_ATTEMPTS + " compare-and-writes in a row; giving up");
    }

    /**
     * The monitor this host's reservation windows on the medium hold. Whoever needs both it and another lock takes
     * it first: a notification met inside a window is handled there (under the Datastore's notification lock), so
     * the notification handler, which updates the notification record in a window of its own, must take the
     * window's monitor before its own lock too, or the two deadlock.
     */
    public Object windowLock() {
        return medium;
    }

    private Update updateWithReservation(long lba, SectorChange change) throws IOException {
        // A SCSI-2 reservation belongs to the I_T nexus, not to a thread or a call: this host's windows on one
        // medium never overlap (threads wait on the medium) and nest (a notification handled inside a window may
        // update the notification record): only the outermost RESERVE and RELEASE reach the target, or an inner
        // RELEASE would end the outer window in the middle of its read-modify-write.
        synchronized (medium) {
            int[] depth = WINDOWS.computeIfAbsent(medium, m -> new int[1]);
            if (depth[0]++ == 0) {
                try {
                    retrying(() -> {
                        medium.reserve();
                        return null;
                    });
                } catch (IOException | RuntimeException e) {
                    depth[0]--;
                    throw e;
                }
            }
            try {
                byte[] current = insideReservation(lba, () -> medium.read(lba, 1));
                byte[] next = change.apply(current);
                if (next == null || Arrays.equals(next, current)) {
                    return new Update(current, current, false);
                }
                insideReservation(lba, () -> {
                    medium.write(lba, next, true);
                    return null;
                });
                return new Update(current, next, true);
            } finally {
                if (--depth[0] == 0) {
                    retrying(() -> {
                        medium.release();
                        return null;
                    });
                }
            }
        }
    }

    /** Per medium: how deep this process is in reservation windows (see {@link #updateWithReservation}). */
    private static final java.util.Map<Medium, int[]> WINDOWS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * A command inside this host's reservation window. Unit attentions are retried; a RESERVATION CONFLICT
     * means the reservation was lost (a reset, or another host took this one for dead), so the update is
     * abandoned — retrying would write a record computed from what may no longer be there.
     */
    private <T> T insideReservation(long lba, Command<T> command) throws IOException {
        for (int attentions = 0;; attentions++) {
            try {
                return issue(command);
            } catch (CheckConditionException e) {
                if (!e.isUnitAttention() || attentions >= MAX_UNIT_ATTENTIONS) {
                    throw e;
                }
                for (UnitAttentionListener l : listeners) {
                    l.unitAttention(e.sense());
                }
            } catch (ReservationConflictException e) {
                ConflictListener cl = conflictListener;
                if (cl != null && cl.registrationLost()) {
                    continue; // this host had been unregistered (notified): registered again, the window still ours
                }
                throw new IOException("lost the device reservation while updating sector " + lba
                        + "; the update was abandoned (" + e.getMessage() + ")", e);
            }
        }
    }
}
