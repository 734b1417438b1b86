package io.lockstep.ft;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Messages between an FT primary and its backup, over one TCP connection. The handshake (HELLO, WELCOME, or the
 * ERROR that refuses it) goes as {@code type u8 | length u32 | payload | CRC32C(type, payload) u32}, at most
 * {@link #MAX_HANDSHAKE} bytes; everything after it is sealed by an {@link FtChannel}. No length a peer sends is
 * allocated before the bytes it announces have arrived: a peer that declares 64 MiB and sends ten bytes costs
 * 64 KiB.
 */
final class Wire {

    static final int MAGIC = 0x4C534654; // "LSFT"
    /** 2: the stream is sealed after the handshake (AES-GCM), HELLO and WELCOME carry nonces and MACs (issue 21). */
    static final int VERSION = 2;
    static final int MAX_PAYLOAD = 64 << 20;
    /** HELLO, WELCOME and a refusal fit in this: a peer cannot make the backup hold more before it proved the key. */
    static final int MAX_HANDSHAKE = 4096;
    /** Payload bytes are read (and the buffer grown) in steps of this: what a peer announces is not what it sent. */
    static final int CHUNK = 64 << 10;

    static final int HELLO = 1;
    static final int WELCOME = 2;
    static final int ERROR = 3;
    static final int PAGES = 4;
    static final int COMMIT = 5;
    static final int ACK = 6;
    static final int EVENTS = 7;
    static final int PROGRESS = 8;
    static final int HEARTBEAT = 9;
    static final int DIGEST = 10;
    static final int VERIFIED = 11;

    static final String[] NAMES = {"?", "HELLO", "WELCOME", "ERROR", "PAGES", "COMMIT", "ACK", "EVENTS", "PROGRESS", "HEARTBEAT", "DIGEST",
        "VERIFIED"};

    record Frame(int type, byte[] payload) {
        Payload in() {
            return new Payload(name(), payload);
        }

        String name() {
            return Wire.name(type);
        }
    }

    static String name(int type) {
        return type > 0 && type < NAMES.length ? NAMES[type] : "type " + type;
    }

    /**
     * A message's payload being read: a length or count in it is checked against the bytes that remain before
     * anything is allocated for it, and a payload that ends early is refused (not taken for the connection closing).
     */
    static final class Payload extends DataInputStream {
        private final String message;
        private final int size;

        Payload(String message, byte[] payload) {
            super(new ByteArrayInputStream(payload));
            this.message = message;
            this.size = payload.length;
        }

        int remaining() {
            try {
                return in.available();
            } catch (IOException e) {
                throw new IllegalStateException(e); // (a byte array's stream does not fail)
            }
        }

        /** {@code n} bytes of the payload; {@code what} names the field in the refusal. */
        byte[] bytes(int n, String what) throws IOException {
            if (n < 0 || n > remaining()) {
                throw new FtProtocolException(String.format("a %s message of %d bytes: %s of %d bytes, but %d bytes remain (expected 0-%d)",
                        message, size, what, n, remaining(), remaining()));
            }
            byte[] b = new byte[n];
            readFully(b);
            return b;
        }

        /** A count of items each at least {@code minBytes} long, checked against what remains before it sizes anything. */
        int count(int n, int minBytes, String what) throws FtProtocolException {
            if (n < 0 || (long) n * minBytes > remaining()) {
                throw new FtProtocolException(String.format("a %s message of %d bytes: %d %s, but %d bytes remain (expected 0-%d of at least %d bytes each)",
                        message, size, n, what, remaining(), remaining() / minBytes, minBytes));
            }
            return n;
        }

        /** Refuses a payload that ended before its fields did (the EOF of a byte array, not of the connection). */
        FtProtocolException truncated() {
            return new FtProtocolException(String.format("a %s message of %d bytes ends before its fields do", message, size));
        }
    }

    private Wire() {
    }

    /** A handshake message (cleartext, checked by CRC32C: nothing is secret yet, and a HELLO carries its own MAC). */
    static void write(DataOutputStream out, int type, byte[] payload) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(type);
        crc.update(payload);
        synchronized (out) {
            out.writeByte(type);
            out.writeInt(payload.length);
            out.write(payload);
            out.writeInt((int) crc.getValue());
            out.flush();
        }
    }

    /** The next handshake message, of at most {@code maxPayload} bytes; a damaged or foreign one is refused saying what arrived. */
    static Frame read(DataInputStream in, int maxPayload) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("the peer closed the connection");
        }
        int length = in.readInt();
        if (type == 0 || type >= NAMES.length || length < 0 || length > maxPayload) {
            throw new FtProtocolException(String.format("not an FT message: type %d, length %d (expected a type 1-%d and at most %d bytes)",
                    type, length, NAMES.length - 1, maxPayload));
        }
        byte[] payload = readFully(in, length, NAMES[type]);
        int stored = in.readInt();
        CRC32C crc = new CRC32C();
        crc.update(type);
        crc.update(payload);
        if (stored != (int) crc.getValue()) {
            throw new FtProtocolException("a damaged " + NAMES[type] + " message (" + length + " bytes): its CRC32C does not match");
        }
        return new Frame(type, payload);
    }

    /**
     * {@code length} bytes from {@code in}, the buffer growing (doubling from {@link #CHUNK}) as they arrive: what is
     * allocated is at most twice what the peer actually sent.
     */
    static byte[] readFully(InputStream in, int length, String what) throws IOException {
        byte[] buf = new byte[Math.min(length, CHUNK)];
        int have = 0;
        while (have < length) {
            if (have == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(length, 2L * buf.length));
            }
            int n = in.read(buf, have, buf.length - have);
            if (n < 0) {
                throw new EOFException("the peer closed the connection inside a " + what + " message (" + have + " of " + length + " bytes)");
            }
            have += n;
        }
        return buf;
    }

    /** Reads the first bytes a peer sent when they are not a handshake, to name what it speaks. */
    static String describeForeign(byte[] first) {
        StringBuilder s = new StringBuilder();
        for (byte b : first) {
            s.append(b >= 32 && b < 127 ? (char) b : '.');
        }
        return "'" + s + "'";
    }

    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    static byte[] body(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            body.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
