package io.lockstep.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reservation rules of a SCSI logical unit (SPC-4 §5.13, with the SCSI-2/PR independence of tgt — see
 * docs/storage.md), applied to a {@link PrState}. One implementation serves the LUN file and every virtual
 * disk a guest reserves. Each method changes the state it is given or throws what a target answers; the
 * caller stores the state only when nothing was thrown.
 */
public final class PrEngine {

    private final int maxRegistrations;

    public PrEngine(int maxRegistrations) {
        this.maxRegistrations = maxRegistrations;
    }

    public int maxRegistrations() {
        return maxRegistrations;
    }

    // --- access ---------------------------------------------------------------------------------------------

    /**
     * May {@code initiator} read (or write) under the persistent reservation? (The SCSI-2 reservation, whose
     * holder may have lost its nexus, is the caller's to check first.)
     */
    public void checkAccess(PrState s, String initiator, boolean write, String cmd) throws ReservationConflictException {
        if (s.reservationPresent() && !s.type.allows(write, s.isHolder(initiator), s.registered(initiator))) {
            throw new ReservationConflictException(cmd, initiator + " may not " + (write ? "write" : "read") + " under the "
                    + s.type + " reservation held by " + s.holderName() + (s.registered(initiator) ? "" : " (" + initiator
                    + " is not registered)"));
        }
    }

    // --- SCSI-2 ---------------------------------------------------------------------------------------------

    /** RESERVE(6); {@code holderAlive} tells whether the current holder still has its nexus. */
    public void reserveScsi2(PrState s, String initiator, boolean holderAlive) throws ReservationConflictException {
        if (s.scsi2Holder != null && !s.scsi2Holder.equals(initiator) && holderAlive) {
            throw new ReservationConflictException("RESERVE(6)", "the LUN is already reserved by " + s.scsi2Holder);
        }
        s.scsi2Holder = initiator;
    }

    /** RELEASE(6): GOOD and no effect unless {@code initiator} holds it. */
    public void releaseScsi2(PrState s, String initiator) {
        if (initiator.equals(s.scsi2Holder)) {
            s.scsi2Holder = null;
        }
    }

    /** LOGICAL UNIT RESET: ends the SCSI-2 reservation; every initiator then hears 29/03. Persistent state stays. */
    public void lunReset(PrState s, Iterable<String> initiators) {
        s.scsi2Holder = null;
        for (String i : initiators) {
            s.addUnitAttention(i, Sense.BUS_DEVICE_RESET);
        }
    }

    // --- PERSISTENT RESERVE OUT ------------------------------------------------------------------------------

    public void register(PrState s, String initiator, long currentKey, long newKey) throws ScsiException {
        String cmd = "PERSISTENT RESERVE OUT REGISTER";
        Long held = s.registrations.get(initiator);
        long mine = held == null ? 0 : held;
        if (mine != currentKey) {
            throw new ReservationConflictException(cmd, String.format("%s is registered with key 0x%x, not the 0x%x given",
                    initiator, mine, currentKey));
        }
        applyRegistration(cmd, s, initiator, newKey);
    }

    public void registerAndIgnoreExistingKey(PrState s, String initiator, long newKey) throws ScsiException {
        applyRegistration("PERSISTENT RESERVE OUT REGISTER AND IGNORE EXISTING KEY", s, initiator, newKey);
    }

    private void applyRegistration(String cmd, PrState s, String initiator, long newKey) throws ScsiException {
        boolean registered = s.registered(initiator);
        if (newKey == 0) {
            if (registered) {
                boolean wasHolder = s.isHolder(initiator);
                s.registrations.remove(initiator);
                if (wasHolder && (!PrState.ALL_REGISTRANTS.equals(s.holder) || s.registrations.isEmpty())) {
                    PrType type = s.type;
                    s.clearReservation();
                    if (type.registrantsOnly()) {
                        s.registrations.keySet().forEach(i -> s.addUnitAttention(i, Sense.RESERVATIONS_RELEASED));
                    }
                }
            }
        } else {
            if (!registered && s.registrations.size() >= maxRegistrations) {
                throw new CheckConditionException(cmd, Sense.INSUFFICIENT_REGISTRATION_RESOURCES,
                        "all " + maxRegistrations + " registrations are in use");
            }
            s.registrations.put(initiator, newKey);
        }
        s.generation++;
    }

    public void reserve(PrState s, String initiator, long key, PrType type) throws ScsiException {
        String cmd = "PERSISTENT RESERVE OUT RESERVE";
        requireType(cmd, type);
        requireRegistered(cmd, s, initiator, key);
        if (s.reservationPresent()) {
            if (s.isHolder(initiator) && s.type == type) {
                return; // already held as asked
            }
            throw new ReservationConflictException(cmd, "a " + s.type + " reservation is held by " + s.holderName());
        }
        s.holder = type.allRegistrants() ? PrState.ALL_REGISTRANTS : initiator;
        s.type = type;
        s.key = type.allRegistrants() ? 0 : key;
    }

    public void release(PrState s, String initiator, long key, PrType type) throws ScsiException {
        String cmd = "PERSISTENT RESERVE OUT RELEASE";
        requireType(cmd, type);
        requireRegistered(cmd, s, initiator, key);
        if (!s.reservationPresent() || !s.isHolder(initiator)) {
            return; // GOOD, nothing to release
        }
        if (s.type != type) {
            throw new CheckConditionException(cmd, Sense.INVALID_RELEASE_OF_PERSISTENT_RESERVATION,
                    "the reservation is " + s.type + ", not " + type);
        }
        PrType released = s.type;
        s.clearReservation();
        if (released.registrantsOnly()) {
            s.registrations.keySet().stream().filter(i -> !i.equals(initiator))
                    .forEach(i -> s.addUnitAttention(i, Sense.RESERVATIONS_RELEASED));
        }
    }

    public void clear(PrState s, String initiator, long key) throws ScsiException {
        String cmd = "PERSISTENT RESERVE OUT CLEAR";
        requireRegistered(cmd, s, initiator, key);
        s.registrations.keySet().stream().filter(i -> !i.equals(initiator))
                .forEach(i -> s.addUnitAttention(i, Sense.RESERVATIONS_PREEMPTED));
        s.registrations.clear();
        s.clearReservation();
        s.generation++;
    }

    public void preempt(PrState s, String initiator, long key, long victimKey, PrType type) throws ScsiException {
        String cmd = "PERSISTENT RESERVE OUT PREEMPT";
        requireType(cmd, type);
        requireRegistered(cmd, s, initiator, key);
        boolean present = s.reservationPresent();
        boolean allRegistrants = present && PrState.ALL_REGISTRANTS.equals(s.holder);
        if (victimKey == 0 && !allRegistrants) {
            throw new CheckConditionException(cmd, Sense.INVALID_FIELD_IN_PARAMETER_LIST,
                    "the service action reservation key is 0, which preempts only an all-registrants reservation");
        }
        List<String> victims = new ArrayList<>();
        for (Map.Entry<String, Long> r : s.registrations.entrySet()) {
            if (!r.getKey().equals(initiator) && (victimKey == 0 || r.getValue() == victimKey)) {
                victims.add(r.getKey());
            }
        }
        boolean holderPreempted = present && (allRegistrants ? victimKey == 0
                : s.registrations.getOrDefault(s.holder, 0L) == victimKey);
        if (victims.isEmpty() && !holderPreempted) {
            throw new ReservationConflictException(cmd, String.format("no other initiator is registered with key 0x%x", victimKey));
        }
        for (String victim : victims) {
            s.registrations.remove(victim);
            s.addUnitAttention(victim, Sense.REGISTRATIONS_PREEMPTED);
        }
        if (holderPreempted) {
            boolean typeChanged = s.type != type;
            s.holder = type.allRegistrants() ? PrState.ALL_REGISTRANTS : initiator;
            s.type = type;
            s.key = type.allRegistrants() ? 0 : key;
            if (typeChanged) {
                s.registrations.keySet().stream().filter(i -> !i.equals(initiator))
                        .forEach(i -> s.addUnitAttention(i, Sense.RESERVATIONS_RELEASED));
            }
        } else if (present && !allRegistrants && !s.registrations.containsKey(s.holder)) {
            s.clearReservation(); // the holder lost its registration with the victims
        }
        s.generation++;
    }

    // --- PERSISTENT RESERVE IN -------------------------------------------------------------------------------

    public PrKeys readKeys(PrState s) {
        return new PrKeys(s.generation, new ArrayList<>(s.registrations.values()));
    }

    public PrReservation readReservation(PrState s) {
        return s.reservationPresent() ? new PrReservation(s.generation, true, s.key, s.type) : PrReservation.none(s.generation);
    }

    /** READ FULL STATUS: every registration in registration order, the holders marked. */
    public PrFullStatus readFullStatus(PrState s) {
        List<PrFullStatus.Registrant> out = new ArrayList<>();
        for (Map.Entry<String, Long> r : s.registrations.entrySet()) {
            boolean holder = s.reservationPresent() && s.isHolder(r.getKey());
            out.add(new PrFullStatus.Registrant(r.getKey(), r.getValue(), holder, holder ? s.type : null));
        }
        return new PrFullStatus(s.generation, out);
    }

    /**
     * May {@code initiator} run a command other than READ, WRITE and the reservation commands under the SCSI-2
     * reservation? (SPC-2 5.5.1: only INQUIRY, REPORT LUNS, REQUEST SENSE and RELEASE pass another initiator's
     * RESERVE; a persistent reservation lets such commands through, SPC-4 table 63.) {@code holderAlive} as for
     * {@link #reserveScsi2}.
     */
    public void checkScsi2(PrState s, String initiator, boolean holderAlive, String cmd) throws ReservationConflictException {
        if (s.scsi2Holder != null && !s.scsi2Holder.equals(initiator) && holderAlive) {
            throw new ReservationConflictException(cmd, "the LUN is reserved (SCSI-2 RESERVE) by " + s.scsi2Holder);
        }
    }

    private static void requireRegistered(String cmd, PrState s, String initiator, long key) throws ReservationConflictException {
        Long held = s.registrations.get(initiator);
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
}
