package io.lockstep.vm;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;

import io.lockstep.vdisk.LayerName;

/**
 * The on-disk form of a checkpoint's memory and device state ({@code cp-000001.lscp}). Written front to back
 * while the guest runs, under a temporary name, and renamed when whole, so a file under its final name is
 * always complete; a reader still checks every byte.
 *
 * <pre>
 * header   "LSCP" | version u16 | id u32 | created u64 (epoch ms) | name UTF | guest spec UTF | memory bytes u64
 *          | position u64 | disk layer UTF (file name in the VM folder) | device state length u32 | device state
 * pages    (page index u32 | 4096 bytes)*   ascending index; pages that were never written are left out
 * trailer  0xFFFFFFFF | pages u32 | state digest (32) | "LSCE" | SHA-256 of every byte before it (32)
 * </pre>
 *
 * The state digest is {@link Vm#digest()} of the checkpointed state: SHA-256 of the device state and of every
 * non-zero page with its index.
 *
 * <p>A reader trusts no length: each string and the device state must fit in what remains of the file before it is
 * allocated, the device state must decode, and the disk layer must be a bare file name in the file's own folder
 * ({@link LayerName}) — a checkpoint cannot name a disk elsewhere for a revert to build on or a delete to remove.
 */
public final class CheckpointFile {

    static final int MAGIC = 0x4C534350; // "LSCP"
    static final int END_MAGIC = 0x4C534345; // "LSCE"
    static final int VERSION = 1;
    static final int END_OF_PAGES = 0xFFFFFFFF;
    /** The largest device state a header may give (a real one is a few hundred bytes plus queued inputs). */
    static final int MAX_DEVICE_STATE = 64 << 20;

    /** What a checkpoint file's header says. */
    public record Header(int id, long createdMillis, String name, String guestSpec, long memoryBytes, long position, String diskLayer,
            byte[] deviceState) {
        public int pageCount() {
            return (int) (memoryBytes / GuestMemory.PAGE);
        }
    }

    /** A whole, verified file: its header, how many pages it holds, its state digest. */
    public record Verified(Header header, int pages, byte[] stateDigest, long fileBytes) {
    }

    /** Receives the pages of a file being loaded. */
    @FunctionalInterface
    interface PageSink {
        void page(int index, byte[] content);
    }

    private CheckpointFile() {
    }

    /** Writes a checkpoint file's header as {@link #readHeader} reads it: magic, version, then the header's fields. */
    static void writeHeader(java.io.DataOutputStream out, Header h) throws IOException {
        out.writeInt(MAGIC);
        out.writeShort(VERSION);
        out.writeInt(h.id());
        out.writeLong(h.createdMillis());
        out.writeUTF(h.name());
        out.writeUTF(h.guestSpec());
        out.writeLong(h.memoryBytes());
        out.writeLong(h.position());
        out.writeUTF(h.diskLayer());
        out.writeInt(h.deviceState().length);
        out.write(h.deviceState());
    }

    /** Reads just the header (for listing); a file that is not a checkpoint is named as such. */
    public static Header readHeader(Path file) throws IOException {
        long size = Files.size(file);
        try (CountedInput counted = new CountedInput(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                DataInputStream in = new DataInputStream(counted)) {
            return header(file, in, counted, size);
        } catch (EOFException e) {
            throw new CheckpointFormatException(file + ": the checkpoint file ends inside its header (" + size + " bytes)");
        }
    }

    /** Reads and checks the whole file: every record, the state digest and the file's SHA-256. */
    public static Verified verify(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Hands the pages to {@code sink} as it reads them, checking the file as {@link #verify} does; a caller that
     * must not see a bad file's pages verifies it first.
     */
    static Verified load(Path file, PageSink sink) throws IOException {
        return read(file, sink);
    }

    private static Verified read(Path file, PageSink sink) throws IOException {
        MessageDigest fileSha = Vm.sha256();
        long size = Files.size(file);
        try (InputStream raw = Files.newInputStream(file);
                DigestInputStream digesting = new DigestInputStream(new BufferedInputStream(raw, 1 << 16), fileSha);
                CountedInput counted = new CountedInput(digesting);
                DataInputStream in = new DataInputStream(counted)) {
            Header h;
            try {
                h = header(file, in, counted, size);
            } catch (EOFException e) {
                throw new CheckpointFormatException(file + ": the checkpoint file ends inside its header (" + size + " bytes)");
            }
            MessageDigest state = Vm.sha256();
            state.update(h.deviceState());
            byte[] page = new byte[GuestMemory.PAGE];
            byte[] index = new byte[4];
            int pages = 0;
            long last = -1;
            try {
                while (true) {
                    int at = in.readInt();
                    if (at == END_OF_PAGES) {
                        break;
                    }
                    if (at < 0 || at >= h.pageCount() || at <= last) {
                        throw new CheckpointFormatException(file + ": page record " + pages + " names page " + (at & 0xFFFFFFFFL)
                                + "; expected an index above " + last + " and below " + h.pageCount());
                    }
                    in.readFully(page);
                    if (!GuestMemory.isZero(page)) {
                        index[0] = (byte) (at >>> 24);
                        index[1] = (byte) (at >>> 16);
                        index[2] = (byte) (at >>> 8);
                        index[3] = (byte) at;
                        state.update(index);
                        state.update(page);
                    }
                    if (sink != null) {
                        sink.page(at, page.clone());
                    }
                    last = at;
                    pages++;
                }
                int count = in.readInt();
                byte[] recorded = new byte[32];
                in.readFully(recorded);
                int end = in.readInt();
                if (end != END_MAGIC) {
                    throw new CheckpointFormatException(file + ": expected the end mark LSCE after " + pages + " pages, found "
                            + Integer.toHexString(end));
                }
                if (count != pages) {
                    throw new CheckpointFormatException(file + ": the trailer counts " + count + " pages but the file holds " + pages);
                }
                byte[] computedFile = fileSha.digest();
                digesting.on(false);
                byte[] storedFile = new byte[32];
                in.readFully(storedFile);
                if (!Arrays.equals(computedFile, storedFile)) {
                    throw new CheckpointFormatException(file + ": the file is damaged: its bytes hash to " + Vm.hex(computedFile).substring(0, 16)
                            + "… but it was written as " + Vm.hex(storedFile).substring(0, 16) + "…");
                }
                byte[] computed = state.digest();
                if (!Arrays.equals(computed, recorded)) {
                    throw new CheckpointFormatException(file + ": the pages hash to state " + Vm.hex(computed).substring(0, 16)
                            + "… but the trailer records " + Vm.hex(recorded).substring(0, 16) + "…");
                }
                if (in.read() >= 0) {
                    throw new CheckpointFormatException(file + ": bytes follow the end of the checkpoint");
                }
                return new Verified(h, pages, recorded, size);
            } catch (EOFException e) {
                throw new CheckpointFormatException(file + ": the checkpoint file is cut short: it ends (at " + size + " bytes) after "
                        + pages + " pages, before its trailer");
            }
        }
    }

    private static Header header(Path file, DataInputStream in, CountedInput counted, long size) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new CheckpointFormatException(file + ": not a checkpoint file: expected magic LSCP (4c534350), found "
                    + String.format("%08x", magic));
        }
        int version = in.readUnsignedShort();
        if (version != VERSION) {
            throw new CheckpointFormatException(file + ": checkpoint format version " + version + "; this build reads version " + VERSION);
        }
        int id = in.readInt();
        long created = in.readLong();
        String name = utf(file, in, counted, size, "name");
        String spec = utf(file, in, counted, size, "guest spec");
        long memory = in.readLong();
        if (memory <= 0 || memory % GuestMemory.PAGE != 0 || memory / GuestMemory.PAGE > Integer.MAX_VALUE) {
            throw new CheckpointFormatException(file + ": the header gives a memory size of " + memory
                    + " bytes; expected a positive multiple of " + GuestMemory.PAGE);
        }
        long position = in.readLong();
        String disk = utf(file, in, counted, size, "disk layer");
        String problem = LayerName.problem(file.toAbsolutePath().normalize().getParent(), disk);
        if (problem != null) {
            throw new CheckpointFormatException(file + ": the header's disk layer: expected a bare file name in the VM folder, found " + problem);
        }
        int deviceLength = in.readInt();
        long remaining = size - counted.count;
        if (deviceLength < 0 || deviceLength > MAX_DEVICE_STATE || deviceLength > remaining) {
            throw new CheckpointFormatException(file + ": the header gives a device state of " + deviceLength + " bytes; expected 0 to "
                    + Math.min(MAX_DEVICE_STATE, remaining) + " (what remains of the file, at most " + MAX_DEVICE_STATE + ")");
        }
        byte[] device = new byte[deviceLength];
        in.readFully(device);
        try {
            DeviceState.decode(device); // a revert restores it with the guest stopped: it must not fail there
        } catch (IOException | RuntimeException e) {
            throw new CheckpointFormatException(file + ": the header's device state (" + deviceLength + " bytes) does not decode: " + e.getMessage());
        }
        return new Header(id, created, name, spec, memory, position, disk, device);
    }

    /** A string as DataOutputStream.writeUTF wrote it, its length checked against what remains of the file before it is read. */
    private static String utf(Path file, DataInputStream in, CountedInput counted, long size, String what) throws IOException {
        int length = in.readUnsignedShort();
        long remaining = size - counted.count;
        if (length > remaining) {
            throw new CheckpointFormatException(file + ": the header's " + what + " is " + length + " bytes long; expected at most the "
                    + remaining + " bytes that remain of the file");
        }
        byte[] encoded = new byte[2 + length];
        encoded[0] = (byte) (length >>> 8);
        encoded[1] = (byte) length;
        in.readFully(encoded, 2, length);
        try {
            return DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(encoded)));
        } catch (UTFDataFormatException e) {
            throw new CheckpointFormatException(file + ": the header's " + what + " is not modified UTF-8 (" + e.getMessage() + ")");
        }
    }
}
