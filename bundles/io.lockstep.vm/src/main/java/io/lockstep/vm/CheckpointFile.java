package io.lockstep.vm;

import java.io.BufferedInputStream;
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
 */
public final class CheckpointFile {

    static final int MAGIC = 0x4C534350; // "LSCP"
    static final int END_MAGIC = 0x4C534345; // "LSCE"
    static final int VERSION = 1;
    static final int END_OF_PAGES = 0xFFFFFFFF;

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

    /** Reads just the header (for listing); a file that is not a checkpoint is named as such. */
    public static Header readHeader(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            return header(file, in);
        } catch (EOFException e) {
            throw new CheckpointFormatException(file + ": the checkpoint file ends inside its header (" + Files.size(file) + " bytes)");
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
                DataInputStream in = new DataInputStream(digesting)) {
            Header h;
            try {
                h = header(file, in);
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

    private static Header header(Path file, DataInputStream in) throws IOException {
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
        String name = utf(file, in, "name");
        String spec = utf(file, in, "guest spec");
        long memory = in.readLong();
        if (memory <= 0 || memory % GuestMemory.PAGE != 0 || memory / GuestMemory.PAGE > Integer.MAX_VALUE) {
            throw new CheckpointFormatException(file + ": the header gives a memory size of " + memory
                    + " bytes; expected a positive multiple of " + GuestMemory.PAGE);
        }
        long position = in.readLong();
        String disk = utf(file, in, "disk layer");
        int deviceLength = in.readInt();
        if (deviceLength < 0 || deviceLength > 64 << 20) {
            throw new CheckpointFormatException(file + ": the header gives a device state of " + deviceLength + " bytes");
        }
        // read as it arrives, not allocated from the length: a damaged length costs no more memory than the file has
        byte[] device = in.readNBytes(deviceLength);
        if (device.length < deviceLength) {
            throw new CheckpointFormatException(file + ": the header gives a device state of " + deviceLength + " bytes but the file ends after "
                    + device.length + " of them");
        }
        return new Header(id, created, name, spec, memory, position, disk, device);
    }

    private static String utf(Path file, DataInputStream in, String field) throws IOException {
        try {
            return in.readUTF();
        } catch (UTFDataFormatException e) {
            throw new CheckpointFormatException(file + ": the header's " + field + " is not a string (modified UTF-8): " + e.getMessage());
        }
    }
}
