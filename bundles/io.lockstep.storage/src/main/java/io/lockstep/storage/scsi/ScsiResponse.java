package io.lockstep.storage.scsi;

import io.lockstep.storage.ScsiStatus;
import io.lockstep.storage.Sense;

/** What a target answers to one command: status, sense data for CHECK CONDITION, and data-in. */
public record ScsiResponse(ScsiStatus status, Sense sense, byte[] dataIn, String detail) {

    public static ScsiResponse good(byte[] dataIn) {
        return new ScsiResponse(ScsiStatus.GOOD, null, dataIn, "");
    }

    public boolean good() {
        return status == ScsiStatus.GOOD;
    }

    @Override
    public String toString() {
        return status + (sense != null ? ", " + sense : "") + (detail.isEmpty() ? "" : ": " + detail);
    }
}
