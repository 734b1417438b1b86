package io.lockstep.storage;

/**
 * PERSISTENT RESERVE IN / READ RESERVATION: the PR generation and, when a reservation exists, its key and
 * type. For the all-registrants types the key is 0, as SPC-4 reports it.
 */
public record PrReservation(long generation, boolean present, long key, PrType type) {

    public static PrReservation none(long generation) {
        return new PrReservation(generation, false, 0, null);
    }

    @Override
    public String toString() {
        return present ? String.format("%s by key 0x%x (generation %d)", type, key, generation)
                : "no reservation (generation " + generation + ")";
    }
}
