package io.lockstep.storage;

/** SCSI status codes (SAM-5) that a logical unit returns for a command. */
public enum ScsiStatus {
    GOOD(0x00),
    CHECK_CONDITION(0x02),
    CONDITION_MET(0x04),
    BUSY(0x08),
    RESERVATION_CONFLICT(0x18),
    TASK_SET_FULL(0x28),
    ACA_ACTIVE(0x30),
    TASK_ABORTED(0x40);

    private final int code;

    ScsiStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ScsiStatus of(int code) {
        for (ScsiStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException(String.format("unknown SCSI status 0x%02x", code));
    }

    @Override
    public String toString() {
        return name().replace('_', ' ');
    }
}
