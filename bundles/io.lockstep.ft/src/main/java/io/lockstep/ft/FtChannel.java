package io.lockstep.ft;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.function.LongConsumer;
import java.util.zip.CRC32C;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The FT stream after the handshake (docs/ft.md "Sealing"): each message {@code type u8 | length u32 | sealed segments},
 * its payload cut into segments of at most {@link #SEGMENT} bytes (an empty payload is one empty segment), each
 * {@code AES-256-GCM(segment) | tag 16} under the key of its direction ({@link Handshake#keys}), with the 96-bit IV
 * {@code direction u32 | segment number u64} and the message's type and length as associated data. Each side counts
 * the segments it sent and received, so a message that was altered, replayed, reordered, cut short, left out, or
 * sealed for the other direction does not authenticate; the session is refused. Segments, not whole messages: a
 * reader holds at most one segment that has not authenticated, and the JDK's AES-GCM runs at gigabytes a second on
 * 64 KiB but at tens of megabytes on a 4 MiB buffer (measured, JDK 17). Writers share the channel (one lock: numbers
 * and bytes go out together); one thread reads.
 */
final class FtChannel {

    static final int TAG = 16;
    static final int SEGMENT = 64 << 10;
    private static final int PRIMARY_TO_BACKUP = 0x50324221; // "P2B!"
    private static final int BACKUP_TO_PRIMARY = 0x42325021; // "B2P!"

    private final DataInputStream in;
    private final DataOutputStream out;
    private final String peer;
    private final LongConsumer sentBytes;
    private final boolean sealed;
    private final Cipher sealer;
    private final Cipher opener;
    private final SecretKeySpec sendKey;
    private final SecretKeySpec receiveKey;
    private final int sendDirection;
    private final int receiveDirection;
    private long sent; // segments sealed (guarded by out)
    private long received; // segments opened (the reader's)

    private FtChannel(DataInputStream in, DataOutputStream out, String peer, LongConsumer sentBytes, Handshake.Keys keys, boolean primary) {
        this.in = in;
        this.out = out;
        this.peer = peer;
        this.sentBytes = sentBytes;
        this.sealed = keys != null;
        if (sealed) {
            sendKey = new SecretKeySpec(primary ? keys.primaryToBackup() : keys.backupToPrimary(), "AES");
            receiveKey = new SecretKeySpec(primary ? keys.backupToPrimary() : keys.primaryToBackup(), "AES");
            sendDirection = primary ? PRIMARY_TO_BACKUP : BACKUP_TO_PRIMARY;
            receiveDirection = primary ? BACKUP_TO_PRIMARY : PRIMARY_TO_BACKUP;
            try {
                sealer = Cipher.getInstance("AES/GCM/NoPadding");
                opener = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JVM has no AES-GCM", e);
            }
        } else {
            sendKey = receiveKey = null;
            sendDirection = receiveDirection = 0;
            sealer = opener = null;
        }
    }

    /** The primary's side; {@code sentBytes} hears how many bytes each message took on the wire. */
    static FtChannel primary(DataInputStream in, DataOutputStream out, Handshake.Sealing sealing, Handshake.Keys keys, LongConsumer sentBytes) {
        return new FtChannel(in, out, "the backup", sentBytes, sealing == Handshake.Sealing.AES_GCM ? keys : null, true);
    }

    static FtChannel backup(DataInputStream in, DataOutputStream out, Handshake.Sealing sealing, Handshake.Keys keys) {
        return new FtChannel(in, out, "the primary", b -> {
        }, sealing == Handshake.Sealing.AES_GCM ? keys : null, false);
    }

    boolean sealed() {
        return sealed;
    }

    void write(int type, byte[] payload) throws IOException {
        write(type, payload, true);
    }

    /**
     * A message the next one follows at once (an epoch's pages before its COMMIT): it goes out with that one's flush —
     * one system call for a small epoch, not two — or when the buffer fills.
     */
    void writeBuffered(int type, byte[] payload) throws IOException {
        write(type, payload, false);
    }

    private void write(int type, byte[] payload, boolean flush) throws IOException {
        synchronized (out) {
            byte[] frame = frame(type, payload);
            out.write(frame);
            if (flush) {
                out.flush();
            }
            sentBytes.accept(frame.length);
        }
    }

    /** The next message as it goes on the wire, sealed and numbered (the next bytes sent must be these) or with its CRC32C (cleartext). */
    byte[] frame(int type, byte[] payload) throws IOException {
        synchronized (out) {
            if (!sealed) {
                CRC32C crc = new CRC32C();
                crc.update(type);
                crc.update(payload);
                return java.nio.ByteBuffer.allocate(9 + payload.length).put((byte) type).putInt(payload.length).put(payload).putInt((int) crc.getValue())
                        .array();
            }
            int segments = segments(payload.length);
            byte[] frame = new byte[5 + payload.length + segments * TAG];
            header(frame, type, payload.length);
            try {
                int at = 5;
                for (int i = 0; i < segments; i++) {
                    int from = i * SEGMENT;
                    int n = Math.min(SEGMENT, payload.length - from);
                    sealer.init(Cipher.ENCRYPT_MODE, sendKey, new GCMParameterSpec(TAG * 8, iv(sendDirection, sent)));
                    sealer.updateAAD(frame, 0, 5);
                    at += sealer.doFinal(payload, from, n, frame, at);
                    sent++;
                }
            } catch (GeneralSecurityException e) {
                throw new IOException("sealing a " + Wire.name(type) + " message failed: " + e, e);
            }
            return frame;
        }
    }

    private static int segments(int length) {
        return length == 0 ? 1 : (int) ((length + (long) SEGMENT - 1) / SEGMENT);
    }

    /** The next message; one that does not authenticate (or, cleartext, whose CRC32C does not match) is refused. */
    Wire.Frame read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException(peer + " closed the connection");
        }
        int length = in.readInt();
        if (type == 0 || type >= Wire.NAMES.length || length < 0 || length > Wire.MAX_PAYLOAD) {
            throw new FtProtocolException(String.format("not an FT message from %s: type %d, length %d (expected a type 1-%d and at most %d bytes)",
                    peer, type, length, Wire.NAMES.length - 1, Wire.MAX_PAYLOAD));
        }
        String name = Wire.NAMES[type];
        if (!sealed) {
            byte[] payload = Wire.readFully(in, length, name);
            int stored = in.readInt();
            CRC32C crc = new CRC32C();
            crc.update(type);
            crc.update(payload);
            if (stored != (int) crc.getValue()) {
                throw new FtProtocolException("a damaged " + name + " message (" + length + " bytes): its CRC32C does not match");
            }
            return new Wire.Frame(type, payload);
        }
        byte[] header = new byte[5];
        header(header, type, length);
        // the whole payload is sized only once its first segment authenticated: before that, at most one segment
        byte[] payload = null;
        byte[] sealed = null;
        int segments = segments(length);
        for (int i = 0; i < segments; i++) {
            int n = Math.min(SEGMENT, length - i * SEGMENT);
            if (sealed == null || sealed.length != n + TAG) {
                sealed = Wire.readFully(in, n + TAG, name);
            } else {
                in.readFully(sealed);
            }
            try {
                opener.init(Cipher.DECRYPT_MODE, receiveKey, new GCMParameterSpec(TAG * 8, iv(receiveDirection, received)));
                opener.updateAAD(header);
                if (payload == null) {
                    byte[] first = opener.doFinal(sealed, 0, n + TAG);
                    payload = new byte[length]; // (the length was authenticated with the first segment)
                    System.arraycopy(first, 0, payload, 0, n);
                } else {
                    opener.doFinal(sealed, 0, n + TAG, payload, i * SEGMENT);
                }
            } catch (AEADBadTagException e) {
                throw new FtProtocolException(String.format("a %s message of %d bytes from %s does not authenticate (its segment %d, number %d in "
                        + "this direction): altered, replayed, reordered, cut short, or not sealed under this session's key", name, length, peer, i,
                        received));
            } catch (GeneralSecurityException e) {
                throw new IOException("opening a " + name + " message failed: " + e, e);
            }
            received++;
        }
        return new Wire.Frame(type, payload);
    }

    private static void header(byte[] frame, int type, int length) {
        frame[0] = (byte) type;
        frame[1] = (byte) (length >>> 24);
        frame[2] = (byte) (length >>> 16);
        frame[3] = (byte) (length >>> 8);
        frame[4] = (byte) length;
    }

    /** Never the same twice under one key: the direction is fixed per key and the number only grows (2^64 frames). */
    private static byte[] iv(int direction, long number) {
        return java.nio.ByteBuffer.allocate(12).putInt(direction).putLong(number).array();
    }
}
