package io.lockstep.qemu;

import java.nio.charset.StandardCharsets;

/** The last {@code capacity} bytes written, for a console's tail. Thread-safe. */
final class ByteRing {
    private final byte[] buf;
    private long total;

    ByteRing(int capacity) {
        buf = new byte[capacity];
    }

    synchronized void append(byte[] b, int off, int len) {
        if (len >= buf.length) {
            off += len - buf.length;
            total += len - buf.length;
            len = buf.length;
        }
        int pos = (int) (total % buf.length);
        int first = Math.min(len, buf.length - pos);
        System.arraycopy(b, off, buf, pos, first);
        System.arraycopy(b, off + first, buf, 0, len - first);
        total += len;
    }

    /** Bytes ever written. */
    synchronized long total() {
        return total;
    }

    synchronized byte[] snapshot() {
        int n = (int) Math.min(total, buf.length);
        byte[] out = new byte[n];
        int start = (int) ((total - n) % buf.length);
        int first = Math.min(n, buf.length - start);
        System.arraycopy(buf, start, out, 0, first);
        System.arraycopy(buf, 0, out, first, n - first);
        return out;
    }

    String text() {
        return new String(snapshot(), StandardCharsets.UTF_8);
    }

    /** The bytes kept and the total written, read together (a reader that polls knows exactly which bytes the text holds). */
    record Tail(long total, byte[] bytes) {
    }

    synchronized Tail tail() {
        return new Tail(total, snapshot());
    }

    /** As {@link #tail()}, only the bytes after the first {@code after} written (those still kept). */
    synchronized Tail tail(long after) {
        byte[] all = snapshot();
        long start = total - all.length;
        int from = (int) Math.min(all.length, Math.max(0, after - start));
        return new Tail(total, from == 0 ? all : java.util.Arrays.copyOfRange(all, from, all.length));
    }
}
