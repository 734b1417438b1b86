package io.lockstep.agent;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Optional;

/** An inclusive range of IPv4 addresses, written {@code FIRST-LAST} (VMs of a datacenter network take theirs from it). */
public record AddressRange(int first, int last) {

    public AddressRange {
        if (Integer.compareUnsigned(first, last) > 0) {
            throw new IllegalArgumentException("vm-addresses: expected FIRST-LAST with FIRST ≤ LAST, found " + text(first) + "-" + text(last));
        }
    }

    /** Parses {@code 10.213.7.100-10.213.7.199}; a clear error names what was expected and found. */
    public static AddressRange parse(String text) {
        int dash = text == null ? -1 : text.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("vm-addresses: expected FIRST-LAST (two IPv4 addresses), found '" + text + "'");
        }
        return new AddressRange(ipv4(text.substring(0, dash).trim()), ipv4(text.substring(dash + 1).trim()));
    }

    /** An IPv4 address in dotted form as an int; anything else is refused, naming it. */
    public static int ipv4(String dotted) {
        if (!dotted.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("expected an IPv4 address like 10.1.2.3, found '" + dotted + "'");
        }
        int v = 0;
        for (String part : dotted.split("\\.")) {
            int b = Integer.parseInt(part);
            if (b > 255) {
                throw new IllegalArgumentException("expected an IPv4 address (each part 0-255), found '" + dotted + "'");
            }
            v = (v << 8) | b;
        }
        return v;
    }

    public static String text(int v) {
        return (v >>> 24) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255);
    }

    public static InetAddress inet(String dotted) {
        int v = ipv4(dotted);
        try {
            return Inet4Address.getByAddress(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean contains(String dotted) {
        int v = ipv4(dotted);
        return Integer.compareUnsigned(v, first) >= 0 && Integer.compareUnsigned(v, last) <= 0;
    }

    /** The first address of the range that is not {@code taken}. */
    public Optional<String> firstFree(Collection<String> taken) {
        for (long v = Integer.toUnsignedLong(first); v <= Integer.toUnsignedLong(last); v++) {
            String a = text((int) v);
            if (!taken.contains(a)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public long size() {
        return Integer.toUnsignedLong(last) - Integer.toUnsignedLong(first) + 1;
    }

    @Override
    public String toString() {
        return text(first) + "-" + text(last);
    }
}
