package io.lockstep.ft;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A machine's device state as the difference from the one the backup holds (QEMU's, without its RAM, is ~570 KiB
 * and changes in a few hundred bytes an epoch: docs/qemu-ft.md). The state is cut in 4 KiB pieces, each sent as
 * "same", a {@link PageDiff} difference or whole.
 *
 * <pre>
 * kind u8: 0 whole (length u32, bytes) | 1 difference (length u32, then per piece: 0 same | 1 length u16 + difference | 2 the piece)
 * </pre>
 */
final class DeviceDiff {

    private static final int PIECE = PageDiff.PAGE;

    private DeviceDiff() {
    }

    static byte[] encode(byte[] last, byte[] now) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            if (last == null || last.length != now.length) {
                out.writeByte(0);
                out.writeInt(now.length);
                out.write(now);
                return bytes.toByteArray();
            }
            out.writeByte(1);
            out.writeInt(now.length);
            byte[] a = new byte[PIECE];
            byte[] b = new byte[PIECE];
            for (int at = 0; at < now.length; at += PIECE) {
                int n = Math.min(PIECE, now.length - at);
                if (Arrays.equals(last, at, at + n, now, at, at + n)) {
                    out.writeByte(0);
                    continue;
                }
                Arrays.fill(a, (byte) 0);
                Arrays.fill(b, (byte) 0);
                System.arraycopy(last, at, a, 0, n);
                System.arraycopy(now, at, b, 0, n);
                byte[] diff = PageDiff.encode(a, b);
                if (diff != null && diff.length < n) {
                    out.writeByte(1);
                    out.writeShort(diff.length);
                    out.write(diff);
                } else {
                    out.writeByte(2);
                    out.write(now, at, n);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // (in memory)
        }
        return bytes.toByteArray();
    }

    /** The device state {@code encoded} describes, from {@code last} (null before the first); a malformed one is refused. */
    static byte[] apply(byte[] last, byte[] encoded) throws FtProtocolException {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        try {
            int kind = in.get();
            int length = in.getInt();
            if (length < 0 || length > Wire.MAX_PAYLOAD) {
                throw new FtProtocolException("a device state of " + length + " bytes (expected 0-" + Wire.MAX_PAYLOAD + ")");
            }
            if (kind == 0) {
                if (in.remaining() != length) {
                    throw new FtProtocolException("a whole device state of " + length + " bytes carries " + in.remaining());
                }
                byte[] s = new byte[length];
                in.get(s);
                return s;
            }
            if (kind != 1) {
                throw new FtProtocolException("a device state of kind " + kind + " (expected 0 whole or 1 difference)");
            }
            if (last == null || last.length != length) {
                throw new FtProtocolException("a device state as a difference from one of " + length + " bytes, but this backup holds "
                        + (last == null ? "none" : last.length + " bytes"));
            }
            byte[] s = last.clone();
            byte[] a = new byte[PIECE];
            for (int at = 0; at < length; at += PIECE) {
                int n = Math.min(PIECE, length - at);
                int piece = in.get();
                switch (piece) {
                    case 0 -> {
                    }
                    case 1 -> {
                        int dl = Short.toUnsignedInt(in.getShort());
                        if (dl > in.remaining()) {
                            throw new FtProtocolException("a device state difference of " + dl + " bytes with " + in.remaining() + " left");
                        }
                        byte[] diff = new byte[dl];
                        in.get(diff);
                        Arrays.fill(a, (byte) 0);
                        System.arraycopy(last, at, a, 0, n);
                        byte[] page = PageDiff.apply(a, diff);
                        System.arraycopy(page, 0, s, at, n);
                    }
                    case 2 -> in.get(s, at, n);
                    default -> throw new FtProtocolException("a device state piece of kind " + piece + " at byte " + at + " (expected 0-2)");
                }
            }
            if (in.hasRemaining()) {
                throw new FtProtocolException("a device state difference has " + in.remaining() + " bytes after its last piece");
            }
            return s;
        } catch (java.nio.BufferUnderflowException e) {
            throw new FtProtocolException("a device state ends before its " + (encoded.length < 5 ? "header" : "last piece") + " ("
                    + encoded.length + " bytes)");
        }
    }
}
