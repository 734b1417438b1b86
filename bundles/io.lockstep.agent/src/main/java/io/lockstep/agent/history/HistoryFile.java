package io.lockstep.agent.history;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One entity's history: a fixed-size round-robin file (as RRDtool's) of a few archives, each a ring of rows at its own
 * resolution, every row the average, minimum and maximum of each series over the row's time. The layout, field by field,
 * is in docs/history.md; this class is its one encoder and decoder (the state slots: {@link HistoryState}).
 *
 * <pre>
 *      0  header, 512 B: magic "LSHISTRY", version, kind, metric and archive counts, base step, row size, created,
 *         entity name, metric names, archives (steps per row, rows, offset); CRC32C in bytes 508..511 — written once
 *    512  state slot A (1 KiB): "LSHS", length, sequence, last update, each archive's open row (start, sum/min/max/n per
 *         series); CRC32C after its used length
 *   1536  state slot B: the same; the valid slot with the higher sequence is the state, a write goes to the other one
 *   4096  archive 0's rows, then archive 1's …: a row is its start time (u32 epoch seconds, 0 = never written), then
 *         avg, min, max (f32 each, NaN = no sample) per series; the row of time t sits at (t / row seconds) mod rows
 * </pre>
 *
 * A row carries its own time, so a reader never needs the state to place it: a row whose stamp is not the time asked
 * for is a gap (the file wrapped past it, or nothing was recorded then), and a crash between a row and the state costs
 * nothing but the open rows' partial sums since the last state write. Samples are consolidated in memory; only a row
 * that ends is written (one row and one state slot per base step), so appending is cheap and never reads.
 */
public final class HistoryFile implements Closeable {

    public static final byte[] MAGIC = "LSHISTRY".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 512;
    public static final int SLOT_BYTES = 1024;
    public static final int SLOT_A = 512;
    public static final int SLOT_B = SLOT_A + SLOT_BYTES;
    public static final int DATA_OFFSET = 4096;
    public static final int MAX_METRICS = 12;
    public static final int MAX_ARCHIVES = 3;
    public static final int NAME_BYTES = 64;
    public static final int METRIC_NAME_BYTES = 16;
    static final int OFF_METRICS = 96;
    static final int OFF_ARCHIVES = OFF_METRICS + MAX_METRICS * METRIC_NAME_BYTES; // 288
    static final int ARCHIVE_BYTES = 16;
    static final int OFF_CRC = 508;

    /** One archive: a row every {@code stepsPerRow} base steps, {@code rows} of them in the ring. */
    public record Archive(int stepsPerRow, int rows) {
        public Archive {
            if (stepsPerRow < 1 || rows < 2) {
                throw new IllegalArgumentException("an archive needs at least 1 step per row and 2 rows, found " + stepsPerRow + " and " + rows);
            }
        }
    }

    /** The base step (s) and the archives of a new file. */
    public record Layout(int stepSeconds, List<Archive> archives) {
        public Layout {
            if (stepSeconds < 1 || archives.isEmpty() || archives.size() > MAX_ARCHIVES) {
                throw new IllegalArgumentException("a layout needs a step of 1 s or more and 1 to " + MAX_ARCHIVES + " archives, found " + stepSeconds
                        + " s and " + archives.size());
            }
        }

        /** 10 s for a day (8,640 rows), 5 min for 31 days (8,928 rows), each row avg/min/max. */
        public static Layout standard() {
            return of(10);
        }

        /** A day of {@code step}-second rows and 31 days of rows 30 steps long. */
        public static Layout of(int step) {
            return new Layout(step, List.of(new Archive(1, 86_400 / step), new Archive(30, 31 * 86_400 / (30 * step))));
        }
    }

    /** A file that is not a sound history file: says where, what was expected and what was found. */
    public static final class BadHistoryFile extends IOException {
        BadHistoryFile(Path file, String what) {
            super(file + ": " + what);
        }
    }

    /** Rows read over a range at one resolution: {@code points} rows from {@code fromSeconds}, one per {@code stepSeconds}. */
    public record Series(HistoryKind kind, String entity, int stepSeconds, long fromSeconds, int points, List<String> metrics, float[][] avg,
            float[][] min, float[][] max) {
        public long time(int i) {
            return fromSeconds + (long) i * stepSeconds;
        }

        public int metric(String name) {
            return metrics.indexOf(name);
        }
    }

    private final Path path;
    private final FileChannel channel;
    private final HistoryKind kind;
    private final String entity;
    private final int step;
    private final int rowBytes;
    private final List<String> metrics;
    private final int[] stepsPerRow;
    private final int[] rows;
    private final long[] offsets;
    private final long length;
    private HistoryState state; // the open rows and the last sample (only the writer keeps it)
    private int slot; // where the state read or last written is: 0 = A, 1 = B
    private long refused;
    private boolean unsaved; // samples in the open rows that the state on disk does not have

    private HistoryFile(Path path, FileChannel channel, ByteBuffer header) throws IOException {
        this.path = path;
        this.channel = channel;
        header.order(java.nio.ByteOrder.BIG_ENDIAN);
        byte[] magic = new byte[8];
        header.get(0, magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new BadHistoryFile(path, "expected magic \"LSHISTRY\" at offset 0, found " + hex(magic) + " (\"" + printable(magic) + "\"): not a history file");
        }
        int crcFound = header.getInt(OFF_CRC);
        int crcExpected = crc(header, 0, OFF_CRC);
        if (crcFound != crcExpected) {
            throw new BadHistoryFile(path, String.format("header damaged: CRC32C expected %08x, found %08x at offset %d", crcExpected, crcFound, OFF_CRC));
        }
        int version = header.getShort(8) & 0xFFFF;
        if (version != VERSION) {
            throw new BadHistoryFile(path, "expected format version " + VERSION + " at offset 8, found " + version);
        }
        this.kind = HistoryKind.ofCode(header.get(10) & 0xFF);
        if (kind == null) {
            throw new BadHistoryFile(path, "expected a kind 1 (vm), 2 (host) or 3 (pair) at offset 10, found " + (header.get(10) & 0xFF));
        }
        int m = header.get(11) & 0xFF;
        int a = header.get(12) & 0xFF;
        if (m < 1 || m > MAX_METRICS || a < 1 || a > MAX_ARCHIVES) {
            throw new BadHistoryFile(path, "expected 1-" + MAX_METRICS + " series and 1-" + MAX_ARCHIVES + " archives at offsets 11-12, found " + m + " and " + a);
        }
        this.step = header.getInt(16);
        this.rowBytes = header.getInt(20);
        if (step < 1 || rowBytes != rowBytes(m)) {
            throw new BadHistoryFile(path, "expected a step of 1 s or more and rows of " + rowBytes(m) + " bytes at offsets 16-23, found " + step + " s and "
                    + rowBytes);
        }
        this.entity = text(header, 32, NAME_BYTES);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            names.add(text(header, OFF_METRICS + i * METRIC_NAME_BYTES, METRIC_NAME_BYTES));
        }
        this.metrics = List.copyOf(names);
        this.stepsPerRow = new int[a];
        this.rows = new int[a];
        this.offsets = new long[a];
        long end = DATA_OFFSET;
        for (int i = 0; i < a; i++) {
            int o = OFF_ARCHIVES + i * ARCHIVE_BYTES;
            stepsPerRow[i] = header.getInt(o);
            rows[i] = header.getInt(o + 4);
            offsets[i] = header.getLong(o + 8);
            if (stepsPerRow[i] < 1 || rows[i] < 2 || offsets[i] != end) {
                throw new BadHistoryFile(path, "archive " + i + " (offset " + o + "): expected steps per row ≥ 1, rows ≥ 2 and its rows at " + end + ", found "
                        + stepsPerRow[i] + ", " + rows[i] + " and " + offsets[i]);
            }
            end += (long) rows[i] * rowBytes;
        }
        this.length = end;
        long size = channel.size();
        if (size < length) {
            throw new BadHistoryFile(path, "truncated: the header promises " + length + " bytes (" + a + " archives of " + Arrays.toString(rows) + " rows of "
                    + rowBytes + " B), found " + size);
        }
        this.state = new HistoryState(a, m);
    }

    static int rowBytes(int metrics) {
        return 4 + 12 * metrics;
    }

    // --- opening --------------------------------------------------------------------------------------------------

    /**
     * The history file at {@code path} for appending: opened (its state read) when it exists, else made with {@code layout}
     * (written beside it and moved in, so no reader sees half a header). A file that exists but is not sound is refused
     * (never written over): the error names it.
     */
    public static HistoryFile openOrCreate(Path path, HistoryKind kind, String entity, Layout layout, long nowMillis) throws IOException {
        if (!Files.exists(path)) {
            Path tmp = path.resolveSibling(path.getFileName() + ".new");
            Files.deleteIfExists(tmp);
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                format(c, kind, entity, layout, nowMillis);
                c.force(true);
            }
            try {
                Files.move(tmp, path);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp); // another writer made it first: use theirs
            }
        }
        FileChannel c = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            HistoryFile f = new HistoryFile(path, c, readHeader(path, c));
            if (f.kind != kind || !f.entity.equals(entity)) {
                throw new BadHistoryFile(path, "expected the history of " + kind.name().toLowerCase() + " '" + entity + "', found that of "
                        + f.kind.name().toLowerCase() + " '" + f.entity + "'");
            }
            f.readState();
            return f;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static void format(FileChannel c, HistoryKind kind, String entity, Layout layout, long nowMillis) throws IOException {
        List<String> names = kind.metricNames();
        if (names.size() > MAX_METRICS) {
            throw new IllegalArgumentException(kind + ": at most " + MAX_METRICS + " series, found " + names.size());
        }
        byte[] name = entity.getBytes(StandardCharsets.UTF_8);
        if (name.length > NAME_BYTES) {
            throw new IllegalArgumentException("an entity name is at most " + NAME_BYTES + " bytes of UTF-8, found " + name.length + " ('" + entity + "')");
        }
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES);
        h.put(0, MAGIC);
        h.putShort(8, (short) VERSION);
        h.put(10, (byte) kind.code());
        h.put(11, (byte) names.size());
        h.put(12, (byte) layout.archives().size());
        h.putInt(16, layout.stepSeconds());
        h.putInt(20, rowBytes(names.size()));
        h.putLong(24, nowMillis);
        h.put(32, name);
        for (int i = 0; i < names.size(); i++) {
            byte[] b = names.get(i).getBytes(StandardCharsets.US_ASCII);
            h.put(OFF_METRICS + i * METRIC_NAME_BYTES, b, 0, Math.min(b.length, METRIC_NAME_BYTES - 1));
        }
        long end = DATA_OFFSET;
        for (int i = 0; i < layout.archives().size(); i++) {
            Archive a = layout.archives().get(i);
            int o = OFF_ARCHIVES + i * ARCHIVE_BYTES;
            h.putInt(o, a.stepsPerRow());
            h.putInt(o + 4, a.rows());
            h.putLong(o + 8, end);
            end += (long) a.rows() * rowBytes(names.size());
        }
        h.putInt(OFF_CRC, crc(h, 0, OFF_CRC));
        writeFully(c, h, 0);
        // the first state (sequence 1, no open rows) in slot A; slot B stays zero ("empty") until the first write goes there
        ByteBuffer st = new HistoryState(layout.archives().size(), names.size()).encode(1);
        writeFully(c, st, SLOT_A);
        // the file's full size: a byte at its end (sparse where the file system allows; rows read before they are written are
        // all zeros, whose stamp 0 says "never written")
        writeFully(c, ByteBuffer.allocate(1), end - 1);
    }

    private static ByteBuffer readHeader(Path path, FileChannel c) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES);
        readFully(c, h, 0);
        if (h.position() < HEADER_BYTES) {
            byte[] got = new byte[Math.min(8, h.position())];
            h.get(0, got);
            if (got.length == 8 && !Arrays.equals(got, MAGIC)) {
                throw new BadHistoryFile(path, "expected magic \"LSHISTRY\" at offset 0, found " + hex(got) + " (\"" + printable(got) + "\"): not a history file");
            }
            throw new BadHistoryFile(path, "truncated: expected a " + HEADER_BYTES + "-byte header, found " + h.position() + " bytes");
        }
        return h;
    }

    /** The state: the valid slot with the higher sequence. A damaged slot beside a valid one is the write a crash cut. */
    private void readState() throws IOException {
        String[] why = new String[2];
        HistoryState[] read = new HistoryState[2];
        for (int s = 0; s < 2; s++) {
            ByteBuffer b = ByteBuffer.allocate(SLOT_BYTES);
            readFully(channel, b, s == 0 ? SLOT_A : SLOT_B);
            String[] w = new String[1];
            read[s] = HistoryState.decode(b, rows.length, metrics.size(), w);
            why[s] = w[0];
        }
        if (read[0] == null && read[1] == null) {
            throw new BadHistoryFile(path, "no sound state: slot A (offset " + SLOT_A + ") " + why[0] + "; slot B (offset " + SLOT_B + ") " + why[1]);
        }
        slot = read[1] == null || (read[0] != null && read[0].sequence >= read[1].sequence) ? 0 : 1;
        state = read[slot];
    }

    /** Writes the state into the slot it was not read from (or last written to), with the next sequence. */
    private void writeState() throws IOException {
        int next = 1 - slot;
        writeFully(channel, state.encode(state.sequence + 1), next == 0 ? SLOT_A : SLOT_B);
        slot = next;
        state.sequence++;
    }

    // --- appending ------------------------------------------------------------------------------------------------

    /**
     * Adds a sample taken at {@code epochSeconds} ({@code values} in the order of {@link #metrics()}, NaN for a series not
     * known now). Rows that end before this sample are written. A sample older than the last one is refused (false): the
     * clock went back.
     */
    public synchronized boolean update(long epochSeconds, double[] values) throws IOException {
        if (values.length != metrics.size()) {
            throw new IllegalArgumentException("expected " + metrics.size() + " values (" + metrics + "), found " + values.length);
        }
        if (epochSeconds < state.lastUpdate) {
            refused++;
            return false;
        }
        boolean wrote = false;
        for (int a = 0; a < rows.length; a++) {
            long secs = (long) step * stepsPerRow[a];
            long start = epochSeconds - Math.floorMod(epochSeconds, secs);
            if (start != state.rowStart[a]) {
                if (state.rowStart[a] != 0) {
                    writeRow(a);
                    wrote = true;
                }
                state.rowStart[a] = start;
                Arrays.fill(state.sum[a], 0);
                Arrays.fill(state.n[a], 0);
            }
            for (int m = 0; m < values.length; m++) {
                float v = (float) values[m];
                if (Double.isNaN(values[m])) {
                    continue;
                }
                if (state.n[a][m] == 0) {
                    state.lo[a][m] = v;
                    state.hi[a][m] = v;
                } else {
                    state.lo[a][m] = Math.min(state.lo[a][m], v);
                    state.hi[a][m] = Math.max(state.hi[a][m], v);
                }
                state.sum[a][m] += values[m];
                state.n[a][m]++;
            }
        }
        state.lastUpdate = epochSeconds;
        if (wrote) {
            writeState();
        }
        unsaved = !wrote;
        return true;
    }

    private void writeRow(int a) throws IOException {
        long secs = (long) step * stepsPerRow[a];
        int index = (int) Math.floorMod(state.rowStart[a] / secs, (long) rows[a]);
        ByteBuffer r = ByteBuffer.allocate(rowBytes);
        r.putInt(0, (int) state.rowStart[a]);
        for (int m = 0; m < metrics.size(); m++) {
            boolean none = state.n[a][m] == 0;
            r.putFloat(4 + 12 * m, none ? Float.NaN : (float) (state.sum[a][m] / state.n[a][m]));
            r.putFloat(8 + 12 * m, none ? Float.NaN : state.lo[a][m]);
            r.putFloat(12 + 12 * m, none ? Float.NaN : state.hi[a][m]);
        }
        writeFully(channel, r, offsets[a] + (long) index * rowBytes);
    }

    /** Makes what was written durable. */
    public void force() throws IOException {
        channel.force(false);
    }

    /** Samples refused because they were older than the last one. */
    public long refused() {
        return refused;
    }

    // --- reading --------------------------------------------------------------------------------------------------

    /**
     * Reads the rows of {@code path} over {@code [fromSeconds, toSeconds]} at the resolution {@code stepSeconds} (one of
     * {@link #resolutions()}; 0: the finest whose ring still reaches back to {@code fromSeconds}). Rows never written,
     * or written for another time (the ring wrapped past them), are NaN.
     */
    public static Series read(Path path, long fromSeconds, long toSeconds, int stepSeconds) throws IOException {
        try (FileChannel c = FileChannel.open(path, StandardOpenOption.READ)) {
            HistoryFile f = new HistoryFile(path, c, readHeader(path, c));
            return f.rows(fromSeconds, toSeconds, stepSeconds);
        }
    }

    /** The layout of a file: its kind, entity, series and resolutions, without reading rows. */
    public static HistoryFile describe(Path path) throws IOException {
        try (FileChannel c = FileChannel.open(path, StandardOpenOption.READ)) {
            return new HistoryFile(path, c, readHeader(path, c));
        }
    }

    private Series rows(long from, long to, int stepSeconds) throws IOException {
        if (to < from) {
            throw new IllegalArgumentException("expected from ≤ to, found from " + from + " > to " + to);
        }
        int a = -1;
        if (stepSeconds > 0) {
            for (int i = 0; i < rows.length; i++) {
                if ((long) step * stepsPerRow[i] == stepSeconds) {
                    a = i;
                }
            }
            if (a < 0) {
                throw new IllegalArgumentException("step: expected one of " + resolutions() + " s (this file's resolutions), found " + stepSeconds);
            }
        } else {
            long now = Math.max(to, System.currentTimeMillis() / 1000);
            for (int i = 0; i < rows.length && a < 0; i++) {
                if ((long) step * stepsPerRow[i] * rows[i] >= now - from) {
                    a = i;
                }
            }
            if (a < 0) {
                a = rows.length - 1;
            }
        }
        int secs = step * stepsPerRow[a];
        long first = from - Math.floorMod(from, secs);
        long last = to - Math.floorMod(to, secs);
        long count = (last - first) / secs + 1;
        if (count > rows[a]) { // more than the ring holds: the most recent ring's worth
            first = last - (long) (rows[a] - 1) * secs;
            count = rows[a];
        }
        int points = (int) count;
        int m = metrics.size();
        float[][] avg = new float[m][points];
        float[][] min = new float[m][points];
        float[][] max = new float[m][points];
        int startIndex = (int) Math.floorMod(first / secs, (long) rows[a]);
        ByteBuffer buf = ByteBuffer.allocate(points * rowBytes);
        // one or two reads: up to the ring's end, then from its start
        int firstPart = Math.min(points, rows[a] - startIndex);
        buf.limit(firstPart * rowBytes);
        readFully(channel, buf, offsets[a] + (long) startIndex * rowBytes);
        if (firstPart < points) {
            buf.limit(points * rowBytes);
            readFully(channel, buf, offsets[a]);
        }
        for (int i = 0; i < points; i++) {
            int o = i * rowBytes;
            long stamp = Integer.toUnsignedLong(buf.getInt(o));
            boolean here = stamp == first + (long) i * secs && stamp != 0;
            for (int k = 0; k < m; k++) {
                avg[k][i] = here ? buf.getFloat(o + 4 + 12 * k) : Float.NaN;
                min[k][i] = here ? buf.getFloat(o + 8 + 12 * k) : Float.NaN;
                max[k][i] = here ? buf.getFloat(o + 12 + 12 * k) : Float.NaN;
            }
        }
        return new Series(kind, entity, secs, first, points, metrics, avg, min, max);
    }

    /** The resolutions of this file's archives, finest first (seconds per row). */
    public List<Integer> resolutions() {
        List<Integer> out = new ArrayList<>();
        for (int s : stepsPerRow) {
            out.add(step * s);
        }
        return out;
    }

    public HistoryKind kind() {
        return kind;
    }

    public String entity() {
        return entity;
    }

    public List<String> metrics() {
        return metrics;
    }

    public int stepSeconds() {
        return step;
    }

    /** The file's size as its header lays it out. */
    public long length() {
        return length;
    }

    public Path path() {
        return path;
    }

    /** Saves the open rows' sums (when samples came since the last state write) and closes the file. */
    @Override
    public synchronized void close() throws IOException {
        try {
            if (unsaved && channel.isOpen()) {
                writeState();
                unsaved = false;
                channel.force(false);
            }
        } finally {
            channel.close();
        }
    }

    // --- bytes ----------------------------------------------------------------------------------------------------

    static int crc(ByteBuffer b, int from, int to) {
        CRC32C c = new CRC32C();
        ByteBuffer d = b.duplicate();
        d.limit(to);
        d.position(from);
        c.update(d);
        return (int) c.getValue();
    }

    private static void writeFully(FileChannel c, ByteBuffer b, long at) throws IOException {
        b.position(0);
        while (b.hasRemaining()) {
            at += c.write(b, at);
        }
    }

    /** Reads into {@code b} from its position up to its limit, or to the end of the file (b's position then tells how far). */
    private static void readFully(FileChannel c, ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            int r = c.read(b, at);
            if (r < 0) {
                return;
            }
            at += r;
        }
    }

    private static String text(ByteBuffer b, int at, int max) {
        int len = 0;
        while (len < max && b.get(at + len) != 0) {
            len++;
        }
        byte[] s = new byte[len];
        b.get(at, s);
        return new String(s, StandardCharsets.UTF_8);
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x));
        }
        return s.toString();
    }

    private static String printable(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(x >= 32 && x < 127 ? (char) x : '.');
        }
        return s.toString();
    }
}
