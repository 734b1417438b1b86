package io.lockstep.storage;

import java.io.IOException;

/**
 * A command ended with a status other than GOOD. Carries what a real target returns (status and sense) and,
 * for people, which command on which initiator, and what was expected and found.
 */
public class ScsiException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final ScsiStatus status;
    private final transient Sense sense;

    public ScsiException(String command, ScsiStatus status, Sense sense, String detail) {
        super(message(command, status, sense, detail));
        this.command = command;
        this.status = status;
        this.sense = sense;
    }

    private static String message(String command, ScsiStatus status, Sense sense, String detail) {
        StringBuilder text = new StringBuilder(command).append(": ").append(status);
        if (sense != null) {
            text.append(", ").append(sense);
        }
        if (detail != null && !detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }

    public String command() {
        return command;
    }

    public ScsiStatus status() {
        return status;
    }

    /** The sense data of a CHECK CONDITION; null for other statuses. */
    public Sense sense() {
        return sense;
    }

    public boolean isUnitAttention() {
        return sense != null && sense.key() == SenseKey.UNIT_ATTENTION;
    }
}
