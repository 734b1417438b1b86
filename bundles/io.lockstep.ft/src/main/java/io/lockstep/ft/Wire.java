package io.lockstep.ft;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Messages between an FT primary and its backup, over one TCP connection:
 * {@code type u8 | length u32 | payload | CRC32C(type, payload) u32}. The first message each way is a
 * handshake carrying the magic {@code LSFT} and the protocol version.
 */
final class Wire {

    static final int MAGIC = 0x4C534654; // "LSFT"
    static final int VERSION = 1;
    static final int MAX_PAYLOAD = 64 << 20;

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
        DataInputStream in() {
            return new DataInputStream(new java.io.ByteArrayInputStream(payload));
        }

        String name() {
            return type > 0 && type < NAMES.length ? NAMES[type] : "type " + type;
        }
    }

    private Wire() {
    }

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

    /** The next message; a damaged or foreign one is refused saying what arrived. */
    static Frame read(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("the peer closed the connection");
        }
        int length = in.readInt();
        if (type == 0 || type >= NAMES.length || length < 0 || length > MAX_PAYLOAD) {
            throw new FtProtocolException(String.format("not an FT message: type %d, length %d (expected a type 1-%d and at most %d bytes)",
                    type, length, NAMES.length - 1, MAX_PAYLOAD));
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        int stored = in.readInt();
        CRC32C crc = new CRC32C();
        crc.update(type);
        crc.update(payload);
        if (stored != (int) crc.getValue()) {
            throw new FtProtocolException("a damaged " + NAMES[type] + " message (" + length + " bytes): its CRC32C does not match");
        }
        return new Frame(type, payload);
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

    /** The handshake a primary opens with. */
    record Hello(int version, FtMode mode, String pair, String guestSpec, long memoryBytes, long generation, int epochMillis, byte[] mac) {
        Hello(int version, FtMode mode, String pair, String guestSpec, long memoryBytes, long generation, int epochMillis) {
            this(version, mode, pair, guestSpec, memoryBytes, generation, epochMillis, new byte[0]);
        }

        /** This HELLO with an HMAC-SHA256 of its fields under {@code keyHex} (unchanged when the key is empty). */
        Hello signed(String keyHex) {
            return keyHex.isEmpty() ? this
                    : new Hello(version, mode, pair, guestSpec, memoryBytes, generation, epochMillis, mac(keyHex, unsigned().encode()));
        }

        Hello unsigned() {
            return new Hello(version, mode, pair, guestSpec, memoryBytes, generation, epochMillis, new byte[0]);
        }

        /** Whether this HELLO carries the right HMAC under {@code keyHex} (always true when the key is empty). */
        boolean verifies(String keyHex) {
            return keyHex.isEmpty() || java.security.MessageDigest.isEqual(mac, mac(keyHex, unsigned().encode()));
        }

        static byte[] mac(String keyHex, byte[] data) {
            try {
                javax.crypto.Mac m = javax.crypto.Mac.getInstance("HmacSHA256");
                m.init(new javax.crypto.spec.SecretKeySpec(java.util.HexFormat.of().parseHex(keyHex), "HmacSHA256"));
                return m.doFinal(data);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] encode() {
            return body(out -> {
                out.writeInt(MAGIC);
                out.writeShort(version);
                out.writeByte(mode.ordinal());
                out.writeUTF(pair);
                out.writeUTF(guestSpec);
                out.writeLong(memoryBytes);
                out.writeLong(generation);
                out.writeInt(epochMillis);
                out.writeShort(mac.length);
                out.write(mac);
            });
        }

        static Hello decode(byte[] payload) throws IOException {
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new FtProtocolException(String.format("not a Lockstep FT primary: expected magic LSFT (4c534654), found %08x", magic));
            }
            int version = in.readUnsignedShort();
            if (version != VERSION) {
                throw new FtProtocolException("the primary speaks FT protocol version " + version + "; this backup speaks version " + VERSION);
            }
            int mode = in.readUnsignedByte();
            if (mode >= FtMode.values().length) {
                throw new FtProtocolException("unknown replication mode " + mode);
            }
            String pair = in.readUTF();
            String spec = in.readUTF();
            long memory = in.readLong();
            long generation = in.readLong();
            int epoch = in.readInt();
            byte[] mac = new byte[in.available() >= 2 ? in.readUnsignedShort() : 0];
            in.readFully(mac);
            return new Hello(version, FtMode.values()[mode], pair, spec, memory, generation, epoch, mac);
        }
    }
}
