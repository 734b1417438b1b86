package io.lockstep.ft;

import java.io.EOFException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The FT handshake (docs/ft.md "The protocol"): the primary's HELLO carries its nonce and an HMAC-SHA256 of itself
 * under the pair's key; the backup's WELCOME carries its nonce and an HMAC over the HELLO and itself, so each side
 * knows the other holds the key. Both then derive one key per direction from the pair's key and both nonces
 * ({@link #keys}): a recorded session's keys are never those of another.
 */
final class Handshake {

    static final int NONCE = 32;
    static final int MAC = 32;
    /** The pair's key: 32 bytes (what the agent generates per protection). */
    static final int KEY_HEX_DIGITS = 64;

    /** How the stream after the handshake is carried. */
    enum Sealing {
        /** Only for the benchmark's side-by-side comparison: CRC32C frames, as before issue 21. Neither the agent nor ft-node offers it. */
        CLEARTEXT_FOR_BENCHMARK,
        /** AES-256-GCM per frame under a key per direction (the default; the only one an operator can have). */
        AES_GCM
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshake() {
    }

    static byte[] freshNonce() {
        byte[] n = new byte[NONCE];
        RANDOM.nextBytes(n);
        return n;
    }

    /** Why {@code keyHex} cannot protect a pair (null when it can). */
    static String keyProblem(String keyHex) {
        if (keyHex == null || keyHex.isEmpty()) {
            return "no key: an FT pair needs its key (" + KEY_HEX_DIGITS + " hex digits, the same on both sides), or any process that reaches "
                    + "the backup's port could feed it a VM";
        }
        if (!keyHex.matches("[0-9a-f]{" + KEY_HEX_DIGITS + "}")) {
            return "the pair's key: expected " + KEY_HEX_DIGITS + " lower-case hex digits, found " + keyHex.length() + " characters";
        }
        return null;
    }

    static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] p : parts) {
                m.update(p);
            }
            return m.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] key(String keyHex) {
        return HexFormat.of().parseHex(keyHex);
    }

    /** The key each way: HMAC-SHA256(pair key, label ‖ primary nonce ‖ backup nonce). */
    record Keys(byte[] primaryToBackup, byte[] backupToPrimary) {
    }

    static Keys keys(String keyHex, byte[] primaryNonce, byte[] backupNonce) {
        byte[] k = key(keyHex);
        return new Keys(hmac(k, Wire.utf("lockstep-ft-p2b"), primaryNonce, backupNonce), hmac(k, Wire.utf("lockstep-ft-b2p"), primaryNonce, backupNonce));
    }

    /** The handshake a primary opens with. */
    record Hello(int version, FtMode mode, String pair, String guestSpec, long memoryBytes, long generation, int epochMillis, Sealing sealing,
            byte[] nonce, byte[] mac) {

        /** An unsigned HELLO with a fresh nonce (sign it with {@link #signed}). */
        Hello(FtMode mode, String pair, String guestSpec, long memoryBytes, long generation, int epochMillis, Sealing sealing) {
            this(Wire.VERSION, mode, pair, guestSpec, memoryBytes, generation, epochMillis, sealing, freshNonce(), new byte[0]);
        }

        /** This HELLO with an HMAC-SHA256 of its fields under {@code keyHex}. */
        Hello signed(String keyHex) {
            return new Hello(version, mode, pair, guestSpec, memoryBytes, generation, epochMillis, sealing, nonce,
                    hmac(key(keyHex), Wire.utf("lockstep-ft-hello"), unsigned().encode()));
        }

        /**
         * Why a backup of {@code pair} ({@code guestSpec}, {@code memoryBytes}) holding {@code keyHex} and sealing with
         * {@code sealing} refuses this HELLO, or null when it serves it.
         */
        String problemFor(String keyHex, Sealing local, String pair, String guestSpec, long memoryBytes) {
            if (!verifies(keyHex)) {
                return mac.length == 0 ? "the primary did not authenticate: this backup expects a signed HELLO"
                        : "the primary's HELLO carries a wrong signature (another key, or it was altered)";
            }
            if (sealing != local) {
                return "the primary's stream would be " + sealing + ", this backup's is " + local
                        + " (cleartext is for the FT benchmark's comparison only, on both sides)";
            }
            if (!this.pair.equals(pair)) {
                return "this is the backup of pair '" + pair + "', not '" + this.pair + "'";
            }
            if (!this.guestSpec.equals(guestSpec) || this.memoryBytes != memoryBytes) {
                return "an incompatible guest: this backup runs " + guestSpec + " with " + memoryBytes + " bytes of memory; the primary runs "
                        + this.guestSpec + " with " + this.memoryBytes;
            }
            return null;
        }

        Hello unsigned() {
            return new Hello(version, mode, pair, guestSpec, memoryBytes, generation, epochMillis, sealing, nonce, new byte[0]);
        }

        /** Whether this HELLO carries the right HMAC under {@code keyHex}; never without a key. */
        boolean verifies(String keyHex) {
            return keyProblem(keyHex) == null && mac.length == MAC
                    && MessageDigest.isEqual(mac, hmac(key(keyHex), Wire.utf("lockstep-ft-hello"), unsigned().encode()));
        }

        byte[] encode() {
            return Wire.body(out -> {
                out.writeInt(Wire.MAGIC);
                out.writeShort(version);
                out.writeByte(mode.ordinal());
                out.writeUTF(pair);
                out.writeUTF(guestSpec);
                out.writeLong(memoryBytes);
                out.writeLong(generation);
                out.writeInt(epochMillis);
                out.writeByte(sealing.ordinal());
                out.write(nonce);
                out.writeShort(mac.length);
                out.write(mac);
            });
        }

        static Hello decode(byte[] payload) throws IOException {
            Wire.Payload in = new Wire.Payload("HELLO", payload);
            try {
                int magic = in.readInt();
                if (magic != Wire.MAGIC) {
                    throw new FtProtocolException(String.format("not a Lockstep FT primary: expected magic LSFT (4c534654), found %08x", magic));
                }
                int version = in.readUnsignedShort();
                if (version != Wire.VERSION) {
                    throw new FtProtocolException("the primary speaks FT protocol version " + version + "; this backup speaks version " + Wire.VERSION);
                }
                int mode = in.readUnsignedByte();
                if (mode >= FtMode.values().length) {
                    throw new FtProtocolException("unknown replication mode " + mode + " (expected 0-" + (FtMode.values().length - 1) + ")");
                }
                String pair = in.readUTF();
                String spec = in.readUTF();
                long memory = in.readLong();
                long generation = in.readLong();
                int epoch = in.readInt();
                int sealing = in.readUnsignedByte();
                if (sealing >= Sealing.values().length) {
                    throw new FtProtocolException("unknown stream sealing " + sealing + " (expected 0-" + (Sealing.values().length - 1) + ")");
                }
                byte[] nonce = in.bytes(NONCE, "the nonce");
                byte[] mac = in.bytes(in.readUnsignedShort(), "the MAC");
                if (in.remaining() > 0) {
                    throw new FtProtocolException("a HELLO of " + payload.length + " bytes has " + in.remaining() + " bytes after its MAC (expected none)");
                }
                return new Hello(version, FtMode.values()[mode], pair, spec, memory, generation, epoch, Sealing.values()[sealing], nonce, mac);
            } catch (EOFException e) {
                throw in.truncated();
            } catch (java.io.UTFDataFormatException e) {
                throw new FtProtocolException("a HELLO of " + payload.length + " bytes names its pair or guest in text that is not modified UTF-8 ("
                        + e.getMessage() + ")");
            }
        }
    }

    /** The backup's answer: its nonce, and an HMAC over the HELLO it answers and itself (it holds the key too). */
    record Welcome(int version, byte[] nonce, byte[] mac) {

        static Welcome answering(byte[] helloPayload, String keyHex) {
            byte[] nonce = freshNonce();
            return new Welcome(Wire.VERSION, nonce, mac(keyHex, helloPayload, Wire.VERSION, nonce));
        }

        private static byte[] mac(String keyHex, byte[] helloPayload, int version, byte[] nonce) {
            return hmac(key(keyHex), Wire.utf("lockstep-ft-welcome"), helloPayload, new byte[] {(byte) (version >> 8), (byte) version}, nonce);
        }

        boolean verifies(byte[] helloPayload, String keyHex) {
            return mac.length == MAC && MessageDigest.isEqual(mac, mac(keyHex, helloPayload, version, nonce));
        }

        byte[] encode() {
            return Wire.body(out -> {
                out.writeInt(Wire.MAGIC);
                out.writeShort(version);
                out.write(nonce);
                out.write(mac);
            });
        }

        /** The WELCOME in {@code payload}; magic and version are checked first, so another protocol or version is named. */
        static Welcome decode(byte[] payload) throws IOException {
            Wire.Payload in = new Wire.Payload("WELCOME", payload);
            try {
                int magic = in.readInt();
                if (magic != Wire.MAGIC) {
                    throw new FtProtocolException(String.format("the peer's WELCOME carries magic %08x, not LSFT", magic));
                }
                int version = in.readUnsignedShort();
                if (version != Wire.VERSION) {
                    throw new FtProtocolException("the backup speaks FT protocol version " + version + "; this primary speaks version " + Wire.VERSION);
                }
                return new Welcome(version, in.bytes(NONCE, "the nonce"), in.bytes(MAC, "the MAC"));
            } catch (EOFException e) {
                throw in.truncated();
            }
        }
    }
}
