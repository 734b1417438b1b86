package io.lockstep.storage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a logical unit remembers about reservations, keyed by initiator name: registrations, the persistent
 * reservation, the SCSI-2 reservation, the PR generation and the unit attentions waiting per initiator.
 * {@link PrEngine} changes it by the rules of SPC-4; backends store it their own way (the file medium in its
 * state slots, a virtual disk in one sector of the shared medium).
 */
public final class PrState {

    /** The reservation holder value meaning "every registrant" (types 7 and 8). */
    public static final String ALL_REGISTRANTS = "*all-registrants*";

    public long generation;
    public final Map<String, Long> registrations = new LinkedHashMap<>();
    /** Null when no persistent reservation exists. */
    public String holder;
    public PrType type;
    public long key;
    /** Null when no SCSI-2 reservation exists. */
    public String scsi2Holder;
    public final Map<String, Deque<Sense>> unitAttentions = new LinkedHashMap<>();
    /** How many unit attentions may wait per initiator; the oldest is dropped beyond it. */
    private final int maxUnitAttentions;

    public PrState(int maxUnitAttentions) {
        this.maxUnitAttentions = maxUnitAttentions;
    }

    public PrState copy() {
        PrState c = new PrState(maxUnitAttentions);
        c.generation = generation;
        c.registrations.putAll(registrations);
        c.holder = holder;
        c.type = type;
        c.key = key;
        c.scsi2Holder = scsi2Holder;
        unitAttentions.forEach((i, q) -> c.unitAttentions.put(i, new ArrayDeque<>(q)));
        return c;
    }

    public boolean reservationPresent() {
        return holder != null;
    }

    public boolean registered(String initiator) {
        return registrations.containsKey(initiator);
    }

    public boolean isHolder(String initiator) {
        if (ALL_REGISTRANTS.equals(holder)) {
            return registered(initiator);
        }
        return initiator.equals(holder) && registered(initiator);
    }

    /** Who holds the persistent reservation, for messages. */
    public String holderName() {
        return ALL_REGISTRANTS.equals(holder) ? "all registrants" : holder;
    }

    public void clearReservation() {
        holder = null;
        type = null;
        key = 0;
    }

    public void addUnitAttention(String initiator, Sense sense) {
        Deque<Sense> queue = unitAttentions.computeIfAbsent(initiator, i -> new ArrayDeque<>());
        for (Sense pending : queue) {
            if (pending.is(sense)) {
                return;
            }
        }
        if (queue.size() >= maxUnitAttentions) {
            queue.pollFirst();
        }
        queue.addLast(sense);
    }

    public Sense pendingUnitAttention(String initiator) {
        Deque<Sense> queue = unitAttentions.get(initiator);
        return queue == null ? null : queue.peekFirst();
    }

    public void consumeUnitAttention(String initiator) {
        Deque<Sense> queue = unitAttentions.get(initiator);
        if (queue != null) {
            queue.pollFirst();
            if (queue.isEmpty()) {
                unitAttentions.remove(initiator);
            }
        }
    }
}
