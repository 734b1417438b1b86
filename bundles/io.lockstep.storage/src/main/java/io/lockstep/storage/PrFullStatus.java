package io.lockstep.storage;

import java.util.List;

/**
 * PERSISTENT RESERVE IN / READ FULL STATUS: the PR generation and, per registration, its key, the initiator (I_T
 * nexus) that holds it and whether that registration holds the reservation (with the reservation's type).
 */
public record PrFullStatus(long generation, List<Registrant> registrants) {

    /** One registration: {@code type} is the reservation's when {@code holder}, else null. */
    public record Registrant(String initiator, long key, boolean holder, PrType type) {
    }

    public PrFullStatus {
        registrants = List.copyOf(registrants);
    }
}
