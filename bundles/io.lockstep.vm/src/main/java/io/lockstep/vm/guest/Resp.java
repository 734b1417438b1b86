package io.lockstep.vm.guest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of RESP (the Redis serialization protocol) the KV guest speaks: commands as arrays of bulk
 * strings (what redis-cli and redis-benchmark send) or inline lines; replies as simple strings, errors,
 * integers, bulk strings, arrays, and — for a connection that chose protocol 3 with {@code HELLO 3} — RESP3's
 * null, map, set and verbatim string (in protocol 2 they become RESP2's null bulk string, flat array, array and
 * bulk string, as Redis sends them).
 */
final class Resp {

    static final int MAX_ARGS = 1024 * 1024;
    static final int MAX_BULK = 1 << 20;

    /** A parse: a complete command and the bytes it took, more bytes needed, or a protocol error. */
    record Parsed(List<byte[]> args, int consumed, String error) {
        static final Parsed INCOMPLETE = new Parsed(null, 0, null);

        boolean complete() {
            return args != null;
        }
    }

    private Resp() {
    }

    static Parsed parse(byte[] b, int len) {
        if (len == 0) {
            return Parsed.INCOMPLETE;
        }
        return b[0] == '*' ? array(b, len) : inline(b, len);
    }

    private static Parsed array(byte[] b, int len) {
        int p = 1;
        int eol = crlf(b, p, len);
        if (eol < 0) {
            return len > 64 ? error("too big multibulk count") : Parsed.INCOMPLETE;
        }
        long count = number(b, p, eol);
        if (count < -1 || count > MAX_ARGS) {
            return error("invalid multibulk length");
        }
        p = eol + 2;
        List<byte[]> args = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            if (p >= len) {
                return Parsed.INCOMPLETE;
            }
            if (b[p] != '$') {
                return error("expected '$', got '" + (char) b[p] + "'");
            }
            eol = crlf(b, p + 1, len);
            if (eol < 0) {
                return len - p > 64 ? error("too big bulk count") : Parsed.INCOMPLETE;
            }
            long n = number(b, p + 1, eol);
            if (n < 0 || n > MAX_BULK) {
                return error("invalid bulk length");
            }
            p = eol + 2;
            if (p + n + 2 > len) {
                return Parsed.INCOMPLETE;
            }
            if (b[p + (int) n] != '\r' || b[p + (int) n + 1] != '\n') {
                return error("expected CRLF after a bulk string of " + n + " bytes");
            }
            byte[] arg = new byte[(int) n];
            System.arraycopy(b, p, arg, 0, (int) n);
            args.add(arg);
            p += (int) n + 2;
        }
        return new Parsed(args, p, null);
    }

    private static Parsed inline(byte[] b, int len) {
        int nl = -1;
        for (int i = 0; i < len; i++) {
            if (b[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 0) {
            return len > 64 * 1024 ? error("too big inline request") : Parsed.INCOMPLETE;
        }
        int end = nl > 0 && b[nl - 1] == '\r' ? nl - 1 : nl;
        List<byte[]> args = new ArrayList<>();
        String line = new String(b, 0, end, StandardCharsets.ISO_8859_1);
        for (String word : line.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                args.add(word.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return new Parsed(args, nl + 1, null);
    }

    private static int crlf(byte[] b, int from, int len) {
        for (int i = from; i + 1 < len; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** A decimal number between {@code from} and {@code to}; Long.MIN_VALUE when it is not one. */
    private static long number(byte[] b, int from, int to) {
        if (to <= from || to - from > 19) {
            return Long.MIN_VALUE;
        }
        boolean negative = b[from] == '-';
        long n = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return Long.MIN_VALUE;
            }
            n = n * 10 + (b[i] - '0');
        }
        return negative ? -n : n;
    }

    private static Parsed error(String message) {
        return new Parsed(null, 0, message);
    }

    static byte[] simple(String s) {
        return ("+" + s + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] error(String prefixAndMessage, boolean raw) {
        return ("-" + prefixAndMessage + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] integer(long n) {
        return (":" + n + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] bulk(byte[] value) {
        if (value == null) {
            return "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
        }
        byte[] head = ("$" + value.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + value.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(value, 0, out, head.length, value.length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    static byte[] bulk(String value) {
        return bulk(value.getBytes(StandardCharsets.UTF_8));
    }

    /** No value: RESP3's null, or RESP2's null bulk string. */
    static byte[] nil(int protocol) {
        return (protocol == 3 ? "_\r\n" : "$-1\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** An array of replies already encoded. */
    static byte[] array(List<byte[]> encoded) {
        return aggregate('*', encoded.size(), encoded);
    }

    /** A map of encoded keys and values, alternating; RESP2 sends it as a flat array. */
    static byte[] map(int protocol, List<byte[]> keysAndValues) {
        if (keysAndValues.size() % 2 != 0) {
            throw new IllegalArgumentException("a map needs keys and values in pairs, found " + keysAndValues.size() + " elements");
        }
        return protocol == 3 ? aggregate('%', keysAndValues.size() / 2, keysAndValues) : array(keysAndValues);
    }

    /** A set of encoded replies; RESP2 sends it as an array. */
    static byte[] set(int protocol, List<byte[]> encoded) {
        return aggregate(protocol == 3 ? '~' : '*', encoded.size(), encoded);
    }

    /** Text meant for people (INFO, CLIENT INFO): RESP3's verbatim string, or a bulk string. */
    static byte[] verbatim(int protocol, String text) {
        if (protocol != 3) {
            return bulk(text);
        }
        byte[] body = ("txt:" + text).getBytes(StandardCharsets.UTF_8);
        return concat(("=" + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII), body, CRLF);
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private static byte[] aggregate(char type, int count, List<byte[]> encoded) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes((type + Integer.toString(count) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        encoded.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A command re-encoded as a RESP array (what the append log stores). */
    static byte[] encode(List<byte[]> args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] head = ("*" + args.size() + "\r\n").getBytes(StandardCharsets.US_ASCII);
        out.write(head, 0, head.length);
        for (byte[] a : args) {
            byte[] b = bulk(a);
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }
}
