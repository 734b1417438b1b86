package io.lockstep.vm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * A recording of a guest run: what the guest is (spec, memory size) and every input it was given, each at its
 * position, with state digests taken along the way. Replaying it from boot must reproduce the same digest at
 * every marker; the first one that differs names where the run stopped being deterministic.
 *
 * <pre>
 * header:  "LSIL" | version u16 | guest spec (UTF) | memory bytes u64
 * record:  type u8 (1 input, 2 digest) | length u32 | payload | CRC32C(payload) u32
 * input:   InputEvent (position, kind, channel, payload)      digest: position u64 | SHA-256 (32 bytes)
 * </pre>
 */
public final class InputLog implements Consumer<InputEvent>, AutoCloseable {

    static final int MAGIC = 0x4C53494C; // "LSIL"
    static final int TYPE_INPUT = 1;
    static final int TYPE_DIGEST = 2;

    /** What the log says about the guest it recorded. */
    public record Header(String guestSpec, long memoryBytes) {
    }

    /** A digest taken during the recorded run. */
    public record Marker(long position, byte[] digest) {
    }

    private final DataOutputStream out;
    private long inputs;

    private InputLog(DataOutputStream out) {
        this.out = out;
    }

    public static InputLog create(Path file, Header header) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        out.writeInt(MAGIC);
        out.writeShort(1);
        out.writeUTF(header.guestSpec());
        out.writeLong(header.memoryBytes());
        return new InputLog(out);
    }

    /** Records an input (a {@link Vm} recorder). */
    @Override
    public synchronized void accept(InputEvent e) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            e.write(new DataOutputStream(b));
            record(TYPE_INPUT, b.toByteArray());
            inputs++;
        } catch (IOException x) {
            throw new java.io.UncheckedIOException("writing the input log", x);
        }
    }

    /** Records the digest of the state at {@code position} (taken with the vCPU paused there). */
    public synchronized void marker(long position, byte[] digest) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeLong(position);
        d.write(digest);
        record(TYPE_DIGEST, b.toByteArray());
        out.flush();
    }

    private void record(int type, byte[] payload) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        out.writeByte(type);
        out.writeInt(payload.length);
        out.write(payload);
        out.writeInt((int) crc.getValue());
    }

    public synchronized long inputs() {
        return inputs;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** Reads a log: its header, its markers, and its inputs as a {@link Vm.ReplaySource}. */
    public static final class Reader implements Vm.ReplaySource, AutoCloseable {
        private final DataInputStream in;
        private final Header header;
        private final Path file;
        private final Deque<InputEvent> ahead = new ArrayDeque<>();
        private boolean ended;

        private Reader(Path file, DataInputStream in, Header header) {
            this.file = file;
            this.in = in;
            this.header = header;
        }

        public static Reader open(Path file) throws IOException {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            try {
                int magic = in.readInt();
                if (magic != MAGIC) {
                    throw new IOException(file + ": not an input log: expected magic LSIL, found " + Integer.toHexString(magic));
                }
                int version = in.readUnsignedShort();
                if (version != 1) {
                    throw new IOException(file + ": input log version " + version + " is not supported");
                }
                return new Reader(file, in, new Header(in.readUTF(), in.readLong()));
            } catch (EOFException e) {
                in.close();
                throw new IOException(file + ": the input log ends inside its header");
            }
        }

        public Header header() {
            return header;
        }

        /** Every digest marker in the log (reads the whole file once). */
        public static List<Marker> markers(Path file) throws IOException {
            List<Marker> markers = new ArrayList<>();
            try (Reader r = open(file)) {
                int[] type = new int[1];
                byte[] payload;
                while ((payload = r.next(type)) != null) {
                    if (type[0] == TYPE_DIGEST) {
                        DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(payload));
                        long position = d.readLong();
                        byte[] digest = new byte[32];
                        d.readFully(digest);
                        markers.add(new Marker(position, digest));
                    }
                }
            }
            return markers;
        }

        /** The next record's payload (its type in {@code type[0]}), or null at the end; a damaged record is named. */
        private byte[] next(int[] type) throws IOException {
            int t;
            try {
                t = in.readUnsignedByte();
            } catch (EOFException e) {
                return null;
            }
            try {
                int length = in.readInt();
                if (length < 0 || length > InputEvent.MAX_PAYLOAD + 64) {
                    throw new IOException(file + ": an input log record of " + length + " bytes");
                }
                // read as it arrives, not allocated from the length: a damaged length costs no more memory than the file has
                byte[] payload = in.readNBytes(length);
                if (payload.length < length) {
                    return null; // cut short, as below
                }
                int stored = in.readInt();
                CRC32C crc = new CRC32C();
                crc.update(payload);
                if (stored != (int) crc.getValue()) {
                    throw new IOException(file + ": an input log record is damaged (CRC32C)");
                }
                if (t != TYPE_INPUT && t != TYPE_DIGEST) {
                    throw new IOException(file + ": unknown record type " + t);
                }
                type[0] = t;
                return payload;
            } catch (EOFException e) {
                return null; // a record cut short by the recorder's end: the log ends before it
            }
        }

        private void fill() throws IOException {
            int[] type = new int[1];
            while (ahead.isEmpty() && !ended) {
                byte[] payload = next(type);
                if (payload == null) {
                    ended = true;
                } else if (type[0] == TYPE_INPUT) {
                    ahead.add(InputEvent.read(new DataInputStream(new java.io.ByteArrayInputStream(payload))));
                }
            }
        }

        @Override
        public InputEvent peek(long millis) throws IOException {
            fill();
            return ahead.peek();
        }

        @Override
        public InputEvent take() throws IOException {
            fill();
            return ahead.poll();
        }

        public boolean ended() throws IOException {
            fill();
            return ended && ahead.isEmpty();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        static InputStream stream(Path file) throws IOException {
            return Files.newInputStream(file);
        }
    }
}
