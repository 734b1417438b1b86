package io.lockstep.storage;

import java.io.IOException;

/**
 * The shared medium as one initiator sees it: a logical unit addressed in sectors, with the commands a SCSI
 * target offers to hosts that share it. Every call is one command from this initiator (one I_T nexus);
 * failures carry the status and sense a real target returns ({@link ScsiException} and subclasses).
 *
 * <p>Atomicity: a write of one sector is all or nothing; a larger write is not. COMPARE AND WRITE is atomic
 * against every other command to the same sectors, from any initiator and any process.
 *
 * <p>Implementations: {@code io.lockstep.storage.file.FileMedium} (one ordinary file shared by processes on
 * one machine) and, later, an iSCSI medium. Open one with {@link Media#open}.
 */
public interface Medium extends AutoCloseable {

    /** This initiator's name (an iSCSI IQN, a host name …): the identity every reservation is tied to. */
    String initiator();

    /** Where this medium lives, as a URI that {@link Media#open} accepts. */
    String uri();

    int sectorSize();

    long sectorCount();

    Capabilities capabilities();

    /** READ: {@code sectors} sectors from {@code lba}. */
    byte[] read(long lba, int sectors) throws IOException;

    /** WRITE: {@code data} (a whole number of sectors) at {@code lba}; with {@code fua}, durable on return. */
    void write(long lba, byte[] data, boolean fua) throws IOException;

    /**
     * COMPARE AND WRITE (ATS): if the sectors at {@code lba} hold exactly {@code expected}, replace them with
     * {@code replacement} durably and atomically; otherwise write nothing and throw {@link MiscompareException}.
     */
    void compareAndWrite(long lba, byte[] expected, byte[] replacement) throws IOException;

    /**
     * TEST UNIT READY: reports (throws, and so consumes) this initiator's oldest pending unit attention, as a target
     * does; returns when there is none. Media without unit attentions of their own keep this default.
     */
    default void testUnitReady() throws IOException {
    }

    /** SYNCHRONIZE CACHE: everything written so far is durable. */
    void flush() throws IOException;

    // --- SCSI-2 reservation of the whole device ---------------------------------------------------------

    /** RESERVE(6): exclusive access to the whole logical unit until {@link #release()} or I_T nexus loss. */
    void reserve() throws IOException;

    /** RELEASE(6): gives up this initiator's SCSI-2 reservation (GOOD even when it held none). */
    void release() throws IOException;

    /**
     * LOGICAL UNIT RESET (task management): ends any SCSI-2 reservation and tells every initiator (29/03);
     * persistent reservations and registrations stay. Clustered guests use it to break a dead node's RESERVE.
     */
    void lunReset() throws IOException;

    // --- SCSI-3 persistent reservations (PERSISTENT RESERVE OUT / IN) ------------------------------------

    /** REGISTER: replaces this initiator's key {@code currentKey} (0 when unregistered) by {@code newKey}; 0 unregisters. */
    void register(long currentKey, long newKey) throws IOException;

    /** REGISTER AND IGNORE EXISTING KEY: registers {@code newKey} whatever this initiator held (0 unregisters). */
    void registerAndIgnoreExistingKey(long newKey) throws IOException;

    /** RESERVE: creates a persistent reservation of {@code type} held through registered {@code key}. */
    void reserve(long key, PrType type) throws IOException;

    /** RELEASE: releases the persistent reservation this initiator holds through {@code key}. */
    void release(long key, PrType type) throws IOException;

    /** CLEAR: removes every registration and the reservation. */
    void clear(long key) throws IOException;

    /**
     * PREEMPT: removes the registrations of {@code victimKey} (they get a unit attention, REGISTRATIONS
     * PREEMPTED); when the victim held the reservation, this initiator takes it over with {@code type}.
     */
    void preempt(long key, long victimKey, PrType type) throws IOException;

    /** READ KEYS. */
    PrKeys readKeys() throws IOException;

    /** READ RESERVATION. */
    PrReservation readReservation() throws IOException;

    /**
     * READ FULL STATUS: every registration with the initiator that holds it. Media that cannot name the initiators
     * keep this default, which answers ILLEGAL REQUEST as a target without the service action does.
     */
    default PrFullStatus readFullStatus() throws IOException {
        throw new CheckConditionException("PERSISTENT RESERVE IN READ FULL STATUS", Sense.INVALID_FIELD_IN_CDB,
                "this medium (" + uri() + ") does not report the full status");
    }

    /**
     * Before a command that neither transfers data nor handles reservations (TEST UNIT READY, READ CAPACITY, MODE
     * SENSE, START STOP UNIT …): RESERVATION CONFLICT when another initiator holds the SCSI-2 reservation (SPC-2
     * 5.5.1). Persistent reservations let these commands through. Media without SCSI-2 state keep this default.
     */
    default void checkScsi2Reservation(String cmd) throws IOException {
    }

    /** Ends this initiator's session (I_T nexus loss): its SCSI-2 reservation ends; registrations persist. */
    @Override
    void close() throws IOException;
}
