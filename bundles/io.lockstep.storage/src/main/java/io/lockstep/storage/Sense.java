package io.lockstep.storage;

import java.util.Map;

/**
 * Sense data of a CHECK CONDITION: the key and the additional sense code/qualifier (ASC/ASCQ), plus the
 * INFORMATION field where the command defines one (for COMPARE AND WRITE, the offset of the first
 * differing byte). Encodes and decodes the fixed format (response code 0x70) and decodes the descriptor
 * format (0x72), as targets send either.
 */
public record Sense(SenseKey key, int asc, int ascq, long information) {

    // The conditions Lockstep raises or must understand, by name.
    public static final Sense LBA_OUT_OF_RANGE = of(SenseKey.ILLEGAL_REQUEST, 0x21, 0x00);
    public static final Sense INVALID_COMMAND_OPERATION_CODE = of(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00);
    public static final Sense INVALID_FIELD_IN_CDB = of(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00);
    public static final Sense INVALID_FIELD_IN_PARAMETER_LIST = of(SenseKey.ILLEGAL_REQUEST, 0x26, 0x00);
    public static final Sense PARAMETER_LIST_LENGTH_ERROR = of(SenseKey.ILLEGAL_REQUEST, 0x1A, 0x00);
    public static final Sense LOGICAL_UNIT_NOT_SUPPORTED = of(SenseKey.ILLEGAL_REQUEST, 0x25, 0x00);
    public static final Sense INSUFFICIENT_REGISTRATION_RESOURCES = of(SenseKey.ILLEGAL_REQUEST, 0x55, 0x04);
    public static final Sense MISCOMPARE_DURING_VERIFY = of(SenseKey.MISCOMPARE, 0x1D, 0x00);
    public static final Sense POWER_ON_RESET = of(SenseKey.UNIT_ATTENTION, 0x29, 0x00);
    public static final Sense BUS_DEVICE_RESET = of(SenseKey.UNIT_ATTENTION, 0x29, 0x03);
    public static final Sense INVALID_RELEASE_OF_PERSISTENT_RESERVATION = of(SenseKey.ILLEGAL_REQUEST, 0x26, 0x04);
    public static final Sense RESERVATIONS_PREEMPTED = of(SenseKey.UNIT_ATTENTION, 0x2A, 0x03);
    public static final Sense RESERVATIONS_RELEASED = of(SenseKey.UNIT_ATTENTION, 0x2A, 0x04);
    public static final Sense REGISTRATIONS_PREEMPTED = of(SenseKey.UNIT_ATTENTION, 0x2A, 0x05);
    public static final Sense WRITE_ERROR = of(SenseKey.MEDIUM_ERROR, 0x0C, 0x00);
    public static final Sense UNRECOVERED_READ_ERROR = of(SenseKey.MEDIUM_ERROR, 0x11, 0x00);
    public static final Sense INTERNAL_TARGET_FAILURE = of(SenseKey.HARDWARE_ERROR, 0x44, 0x00);

    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(0x0000, "NO ADDITIONAL SENSE INFORMATION"),
            Map.entry(0x0C00, "WRITE ERROR"),
            Map.entry(0x1100, "UNRECOVERED READ ERROR"),
            Map.entry(0x1A00, "PARAMETER LIST LENGTH ERROR"),
            Map.entry(0x1D00, "MISCOMPARE DURING VERIFY OPERATION"),
            Map.entry(0x2000, "INVALID COMMAND OPERATION CODE"),
            Map.entry(0x2100, "LOGICAL BLOCK ADDRESS OUT OF RANGE"),
            Map.entry(0x2400, "INVALID FIELD IN CDB"),
            Map.entry(0x2500, "LOGICAL UNIT NOT SUPPORTED"),
            Map.entry(0x2600, "INVALID FIELD IN PARAMETER LIST"),
            Map.entry(0x2604, "INVALID RELEASE OF PERSISTENT RESERVATION"),
            Map.entry(0x2900, "POWER ON, RESET, OR BUS DEVICE RESET OCCURRED"),
            Map.entry(0x2903, "BUS DEVICE RESET FUNCTION OCCURRED"),
            Map.entry(0x2A03, "RESERVATIONS PREEMPTED"),
            Map.entry(0x2A04, "RESERVATIONS RELEASED"),
            Map.entry(0x2A05, "REGISTRATIONS PREEMPTED"),
            Map.entry(0x3F0E, "REPORTED LUNS DATA HAS CHANGED"),
            Map.entry(0x4400, "INTERNAL TARGET FAILURE"),
            Map.entry(0x5504, "INSUFFICIENT REGISTRATION RESOURCES"));

    public Sense {
        if (asc < 0 || asc > 0xFF || ascq < 0 || ascq > 0xFF) {
            throw new IllegalArgumentException(String.format("ASC/ASCQ must be bytes, found %x/%x", asc, ascq));
        }
    }

    public static Sense of(SenseKey key, int asc, int ascq) {
        return new Sense(key, asc, ascq, 0);
    }

    public Sense withInformation(long value) {
        return new Sense(key, asc, ascq, value);
    }

    /** Same condition (key, ASC, ASCQ), whatever the INFORMATION field says. */
    public boolean is(Sense other) {
        return key == other.key && asc == other.asc && ascq == other.ascq;
    }

    public String description() {
        String text = DESCRIPTIONS.get((asc << 8) | ascq);
        return text != null ? text : String.format("ASC 0x%02X ASCQ 0x%02X", asc, ascq);
    }

    /** Fixed-format sense data (SPC-4 4.5.3), 18 bytes, current error. */
    public byte[] encodeFixed() {
        byte[] b = new byte[18];
        b[0] = (byte) (information != 0 ? 0xF0 : 0x70); // VALID bit when INFORMATION is meaningful
        b[2] = (byte) key.code();
        b[3] = (byte) (information >>> 24);
        b[4] = (byte) (information >>> 16);
        b[5] = (byte) (information >>> 8);
        b[6] = (byte) information;
        b[7] = 10; // additional sense length
        b[12] = (byte) asc;
        b[13] = (byte) ascq;
        return b;
    }

    /**
     * Decodes fixed (0x70/0x71) or descriptor (0x72/0x73) sense data.
     *
     * @throws IllegalArgumentException naming what was expected and found when the bytes are not sense data
     */
    public static Sense decode(byte[] data, int offset, int length) {
        if (length < 8) {
            throw new IllegalArgumentException("sense data: expected at least 8 bytes, found " + length);
        }
        int responseCode = data[offset] & 0x7F;
        switch (responseCode) {
            case 0x70, 0x71 -> {
                if (length < 14) {
                    throw new IllegalArgumentException("fixed-format sense data: expected at least 14 bytes, found " + length);
                }
                SenseKey key = SenseKey.of(data[offset + 2] & 0x0F);
                long info = ((data[offset] & 0x80) != 0)
                        ? ((data[offset + 3] & 0xFFL) << 24) | ((data[offset + 4] & 0xFFL) << 16)
                                | ((data[offset + 5] & 0xFFL) << 8) | (data[offset + 6] & 0xFFL)
                        : 0;
                return new Sense(key, data[offset + 12] & 0xFF, data[offset + 13] & 0xFF, info);
            }
            case 0x72, 0x73 -> {
                SenseKey key = SenseKey.of(data[offset + 1] & 0x0F);
                int asc = data[offset + 2] & 0xFF;
                int ascq = data[offset + 3] & 0xFF;
                long info = 0;
                int additional = data[offset + 7] & 0xFF;
                int p = offset + 8;
                int end = Math.min(offset + length, offset + 8 + additional);
                while (p + 2 <= end) {
                    int type = data[p] & 0xFF;
                    int len = data[p + 1] & 0xFF;
                    if (type == 0x00 && len >= 10 && p + 12 <= end) { // information descriptor
                        for (int i = 0; i < 8; i++) {
                            info = (info << 8) | (data[p + 4 + i] & 0xFF);
                        }
                    }
                    p += 2 + len;
                }
                return new Sense(key, asc, ascq, info);
            }
            default -> throw new IllegalArgumentException(String.format(
                    "sense data: expected response code 0x70-0x73, found 0x%02x", responseCode));
        }
    }

    @Override
    public String toString() {
        return String.format("%s: %s (%02X/%02X)%s", key, description(), asc, ascq,
                information != 0 ? " information " + information : "");
    }
}
