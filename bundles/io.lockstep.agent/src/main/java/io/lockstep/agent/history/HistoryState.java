package io.lockstep.agent.history;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A state slot of a history file (docs/history.md, "A state slot"): the writer's only changing metadata — a sequence,
 * the last sample's time, and each archive's open row (its start, and per series the sum, minimum, maximum and count of
 * the samples so far). Its one encoder and decoder, with its CRC32C.
 *
 * <pre>
 *  0  "LSHS" · 4  used length L = 24 + A·(8 + 20·M) · 8  sequence · 16  last sample (epoch s)
 * 24  per archive: open row's start (i64), then per series: sum (f64), min (f32), max (f32), count (u32)
 *  L  CRC32C of 0..L-1
 * </pre>
 */
final class HistoryState {

    static final byte[] MAGIC = "LSHS".getBytes(StandardCharsets.US_ASCII);

    final long[] rowStart;
    final double[][] sum;
    final float[][] lo;
    final float[][] hi;
    final int[][] n;
    long sequence;
    long lastUpdate;

    HistoryState(int archives, int metrics) {
        rowStart = new long[archives];
        sum = new double[archives][metrics];
        lo = new float[archives][metrics];
        hi = new float[archives][metrics];
        n = new int[archives][metrics];
    }

    static int bytes(int archives, int metrics) {
        return 24 + archives * (8 + 20 * metrics);
    }

    /** The slot's bytes (used length and CRC) with sequence {@code seq}. */
    ByteBuffer encode(long seq) {
        int archives = rowStart.length;
        int metrics = archives == 0 ? 0 : sum[0].length;
        int len = bytes(archives, metrics);
        ByteBuffer b = ByteBuffer.allocate(len + 4);
        b.put(0, MAGIC);
        b.putInt(4, len);
        b.putLong(8, seq);
        b.putLong(16, lastUpdate);
        int o = 24;
        for (int a = 0; a < archives; a++) {
            b.putLong(o, rowStart[a]);
            o += 8;
            for (int m = 0; m < metrics; m++) {
                b.putDouble(o, sum[a][m]);
                b.putFloat(o + 8, lo[a][m]);
                b.putFloat(o + 12, hi[a][m]);
                b.putInt(o + 16, n[a][m]);
                o += 20;
            }
        }
        b.putInt(o, HistoryFile.crc(b, 0, o));
        return b;
    }

    /**
     * The state in slot {@code b} for a file of {@code archives} × {@code metrics}; null when the slot is not sound, with
     * why in {@code why[0]} ("empty" for a slot never written).
     */
    static HistoryState decode(ByteBuffer b, int archives, int metrics, String[] why) {
        byte[] magic = new byte[4];
        b.get(0, magic);
        if (Arrays.equals(magic, new byte[4])) {
            why[0] = "empty";
            return null;
        }
        if (!Arrays.equals(magic, MAGIC)) {
            why[0] = "expected magic \"LSHS\", found " + HistoryFile.hex(magic);
            return null;
        }
        int len = b.getInt(4);
        if (len < 24 || len > b.capacity() - 4) {
            why[0] = "expected a length of 24-" + (b.capacity() - 4) + ", found " + len;
            return null;
        }
        int crc = HistoryFile.crc(b, 0, len);
        if (b.getInt(len) != crc) {
            why[0] = String.format("CRC32C expected %08x, found %08x", crc, b.getInt(len));
            return null;
        }
        if (len != bytes(archives, metrics)) {
            why[0] = "expected a length of " + bytes(archives, metrics) + " for " + archives + " archives of " + metrics + " series, found " + len;
            return null;
        }
        HistoryState s = new HistoryState(archives, metrics);
        s.sequence = b.getLong(8);
        s.lastUpdate = b.getLong(16);
        int o = 24;
        for (int a = 0; a < archives; a++) {
            s.rowStart[a] = b.getLong(o);
            o += 8;
            for (int m = 0; m < metrics; m++) {
                s.sum[a][m] = b.getDouble(o);
                s.lo[a][m] = b.getFloat(o + 8);
                s.hi[a][m] = b.getFloat(o + 12);
                s.n[a][m] = b.getInt(o + 16);
                o += 20;
            }
        }
        return s;
    }
}
