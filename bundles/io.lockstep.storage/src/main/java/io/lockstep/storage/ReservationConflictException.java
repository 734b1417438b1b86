package io.lockstep.storage;

/** RESERVATION CONFLICT: another initiator's reservation, or our missing registration, forbids the command. */
public class ReservationConflictException extends ScsiException {

    private static final long serialVersionUID = 1L;

    public ReservationConflictException(String command, String detail) {
        super(command, ScsiStatus.RESERVATION_CONFLICT, null, detail);
    }
}
