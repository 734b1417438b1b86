package io.lockstep.vm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import io.lockstep.storage.file.OwnerOnly;

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

    /** Creates (or replaces) the log {@code file}; a new file is readable by its owner only (0600): it holds every byte clients sent. */
    public static InputLog create(Path file, Header header) throws IOException {
        FileChannel ch = OwnerOnly.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16));
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

    /**
     * Reads a log: its header, its markers, and its inputs as a {@link Vm.ReplaySource}. Every length is checked against
     * what remains of the file before anything is allocated for it; what is wrong is an {@link InputLogFormatException}.
     */
    public static final class Reader implements Vm.ReplaySource, AutoCloseable {
        /** A record's bytes besides its payload: type, length, CRC32C. */
        private static final int RECORD_OVERHEAD = 1 + 4 + 4;
        /** A digest record's payload: position and SHA-256. */
        private static final int DIGEST_BYTES = 8 + 32;

        private final DataInputStream in;
        private final CountedInput counted;
        private final long size;
        private final Header header;
        private final Path file;
        private final Deque<InputEvent> ahead = new ArrayDeque<>();
        private long records;
        private boolean ended;

        private Reader(Path file, DataInputStream in, CountedInput counted, long size, Header header) {
            this.file = file;
            this.in = in;
            this.counted = counted;
            this.size = size;
            this.header = header;
        }

        public static Reader open(Path file) throws IOException {
            long size = Files.size(file);
            CountedInput counted = new CountedInput(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            DataInputStream in = new DataInputStream(counted);
            try {
                int magic = in.readInt();
                if (magic != MAGIC) {
                    throw new InputLogFormatException(file + ": not an input log: expected magic LSIL (4c53494c), found " + String.format("%08x", magic));
                }
                int version = in.readUnsignedShort();
                if (version != 1) {
                    throw new InputLogFormatException(file + ": input log version " + version + " is not supported (expected 1)");
                }
                int specLength = in.readUnsignedShort();
                if (specLength > size - counted.count) {
                    throw new InputLogFormatException(file + ": the header's guest spec is " + specLength + " bytes long; expected at most the "
                            + (size - counted.count) + " bytes that remain of the file");
                }
                byte[] spec = new byte[2 + specLength];
                spec[0] = (byte) (specLength >>> 8);
                spec[1] = (byte) specLength;
                in.readFully(spec, 2, specLength);
                String guestSpec;
                try {
                    guestSpec = DataInputStream.readUTF(new DataInputStream(new java.io.ByteArrayInputStream(spec)));
                } catch (java.io.UTFDataFormatException e) {
                    throw new InputLogFormatException(file + ": the header's guest spec is not modified UTF-8 (" + e.getMessage() + ")");
                }
                long memory = in.readLong();
                if (memory <= 0 || memory % GuestMemory.PAGE != 0 || memory / GuestMemory.PAGE > Integer.MAX_VALUE) {
                    throw new InputLogFormatException(file + ": the header gives a memory size of " + memory + " bytes; expected a positive "
                            + "multiple of " + GuestMemory.PAGE + " (at most " + (long) Integer.MAX_VALUE * GuestMemory.PAGE + ")");
                }
                return new Reader(file, in, counted, size, new Header(guestSpec, memory));
            } catch (EOFException e) {
                in.close();
                throw new InputLogFormatException(file + ": the input log ends inside its header (" + size + " bytes)");
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
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
                        ByteBuffer b = ByteBuffer.wrap(payload);
                        long position = b.getLong();
                        byte[] digest = new byte[32];
                        b.get(digest);
                        markers.add(new Marker(position, digest));
                    }
                }
            }
            return markers;
        }

        /**
         * The next record's payload (its type in {@code type[0]}), or null at the end — including a last record cut short
         * where the recorder stopped; a damaged record is named.
         */
        private byte[] next(int[] type) throws IOException {
            long at = counted.count;
            int t;
            try {
                t = in.readUnsignedByte();
            } catch (EOFException e) {
                return null;
            }
            try {
                if (t != TYPE_INPUT && t != TYPE_DIGEST) {
                    throw new InputLogFormatException(file + ": record " + records + " (at byte " + at + "): expected type 1 (input) or 2 (digest), "
                            + "found " + t);
                }
                int length = in.readInt();
                long max = t == TYPE_DIGEST ? DIGEST_BYTES : InputEvent.FIXED_BYTES + (long) InputEvent.MAX_PAYLOAD;
                long min = t == TYPE_DIGEST ? DIGEST_BYTES : InputEvent.FIXED_BYTES;
                if (length < min || length > max) {
                    throw new InputLogFormatException(file + ": record " + records + " (at byte " + at + "): expected a payload of " + min
                            + (min == max ? "" : " to " + max) + " bytes, found " + length);
                }
                if (length + 4L > size - counted.count) {
                    return null; // a record cut short by the recorder's end: the log ends before it (nothing allocated for it)
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
                    throw new InputLogFormatException(file + ": record " + records + " (at byte " + at + ") is damaged: its CRC32C is "
                            + String.format("%08x", crc.getValue()) + ", recorded " + String.format("%08x", stored));
                }
                type[0] = t;
                records++;
                return payload;
            } catch (EOFException e) {
                return null; // a record cut short by the recorder's end: the log ends before it
            }
        }

        /** The input a record holds: exactly one event filling the record. */
        private InputEvent event(byte[] payload) throws InputLogFormatException {
            try {
                DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(payload));
                InputEvent e = InputEvent.read(d, payload.length);
                if (d.available() != 0) {
                    throw new IOException(d.available() + " bytes follow the event");
                }
                return e;
            } catch (IOException e) {
                throw new InputLogFormatException(file + ": record " + (records - 1) + ": expected one input event of " + payload.length
                        + " bytes, found " + (e instanceof EOFException ? "one that runs past the record" : e.getMessage()));
            }
        }

        private void fill() throws IOException {
            int[] type = new int[1];
            while (ahead.isEmpty() && !ended) {
                byte[] payload = next(type);
                if (payload == null) {
                    ended = true;
                } else if (type[0] == TYPE_INPUT) {
                    ahead.add(event(payload));
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
