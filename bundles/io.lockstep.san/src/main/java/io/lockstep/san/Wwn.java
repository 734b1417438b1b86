package io.lockstep.san;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A Fibre Channel world wide name in the IEEE NAA formats 5 (registered) or 6 (registered extended, its first 8
 * bytes): 16 hex digits, the first one the NAA. Written as eight colon-separated bytes
 * ({@code 5c:af:00:d0:00:00:12:34}) or plain; as an initiator name it is {@code naa.5cafe00d00001234}.
 */
public record Wwn(long value) {

    public Wwn {
        int naa = (int) (value >>> 60);
        if (naa != 5 && naa != 6) {
            throw new IllegalArgumentException("WWN: expected NAA 5 or 6 (the first hex digit), found NAA " + naa + " in " + hex(value));
        }
    }

    /** Reads {@code 50:01:43:80:12:34:56:78}, {@code 5001438012345678} or {@code naa.5001438012345678}; anything else is refused saying why. */
    public static Wwn parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("WWN: expected 16 hex digits, found nothing");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("naa.")) {
            t = t.substring(4);
        }
        if (t.contains(":") && !t.matches("([0-9a-f]{2}:){7}[0-9a-f]{2}")) {
            throw new IllegalArgumentException("WWN: expected 8 colon-separated bytes (5c:af:00:d0:00:00:12:34), found '" + text + "'");
        }
        String hex = t.replace(":", "");
        if (!hex.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("WWN: expected 16 hex digits, found '" + text + "' (" + hex.length() + " characters)");
        }
        return new Wwn(Long.parseUnsignedLong(hex, 16));
    }

    public int naa() {
        return (int) (value >>> 60);
    }

    /** The 24-bit IEEE company identifier (NAA 5: the bits after the NAA). */
    public int companyId() {
        return (int) ((value >>> 36) & 0xFFFFFF);
    }

    static String hex(long v) {
        return String.format("%016x", v);
    }

    /** Eight colon-separated bytes, lower case. */
    @Override
    public String toString() {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (56 - 8 * i));
        }
        return HexFormat.ofDelimiter(":").formatHex(b);
    }

    /** The name an initiator with this port name logs in as: {@code naa.} and 16 hex digits. */
    public String initiatorName() {
        return "naa." + hex(value);
    }
}
