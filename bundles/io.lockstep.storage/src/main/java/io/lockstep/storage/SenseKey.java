package io.lockstep.storage;

/** SCSI sense keys (SPC-4 table 48). */
public enum SenseKey {
    NO_SENSE(0x0),
    RECOVERED_ERROR(0x1),
    NOT_READY(0x2),
    MEDIUM_ERROR(0x3),
    HARDWARE_ERROR(0x4),
    ILLEGAL_REQUEST(0x5),
    UNIT_ATTENTION(0x6),
    DATA_PROTECT(0x7),
    BLANK_CHECK(0x8),
    VENDOR_SPECIFIC(0x9),
    COPY_ABORTED(0xA),
    ABORTED_COMMAND(0xB),
    VOLUME_OVERFLOW(0xD),
    MISCOMPARE(0xE);

    private final int code;

    SenseKey(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static SenseKey of(int code) {
        for (SenseKey key : values()) {
            if (key.code == (code & 0xF)) {
                return key;
            }
        }
        throw new IllegalArgumentException(String.format("unknown sense key 0x%x", code));
    }

    @Override
    public String toString() {
        return name().replace('_', ' ');
    }
}
