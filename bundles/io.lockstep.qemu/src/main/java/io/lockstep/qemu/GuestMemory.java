package io.lockstep.qemu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A guest's RAM as the file that backs it ({@link QemuSpec#memoryFile()}: {@code memory-backend-file,share=on}),
 * mapped into this JVM: read-only for the primary (what the guest wrote is seen at once, no copy through QEMU), or
 * writable for a backup's copy, which a QEMU taking over then uses as its RAM. Files above 1 GiB are mapped in
 * several pieces of 1 GiB (a Java buffer holds at most 2 GiB). The file's offset is the RAM block's offset, which on a
 * q35 machine below 2 GiB of RAM is the guest-physical address.
 *
 * <p>A mapping is let go when the buffers are collected (Java 17 has no supported unmap); the file may be deleted at
 * any time, its memory is freed with the last mapping.
 */
public final class GuestMemory {

    /** The page the scans compare and the copies carry. */
    public static final int PAGE = 4096;

    static final int PIECE = 1 << 30;

    private final Path file;
    private final long size;
    private final boolean writable;
    private final ByteBuffer[] pieces;

    private GuestMemory(Path file, long size, boolean writable, ByteBuffer[] pieces) {
        this.file = file;
        this.size = size;
        this.writable = writable;
        this.pieces = pieces;
    }

    /** Maps the first {@code bytes} of {@code file} (QEMU's memory file) read-only. */
    public static GuestMemory map(Path file, long bytes) throws IOException {
        check(file, bytes);
        if (!Files.isRegularFile(file)) {
            throw new IOException("guest memory: expected the memory file " + file + " (made by QEMU), found "
                    + (Files.exists(file) ? "no regular file" : "nothing"));
        }
        long has = Files.size(file);
        if (has < bytes) {
            throw new IOException("guest memory: expected " + file + " to hold at least " + bytes + " bytes, found "
                    + has);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new GuestMemory(file, bytes, false, map(ch, FileChannel.MapMode.READ_ONLY, bytes));
        }
    }

    /**
     * Maps {@code file} writable, making it (zero-filled) or growing it to {@code bytes} first: a backup's copy of a
     * guest's RAM, into which received pages are written and with which a QEMU can start.
     */
    public static GuestMemory mapWritable(Path file, long bytes) throws IOException {
        check(file, bytes);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            if (ch.size() < bytes) {
                ch.write(ByteBuffer.allocate(1), bytes - 1);
            }
            return new GuestMemory(file, bytes, true, map(ch, FileChannel.MapMode.READ_WRITE, bytes));
        }
    }

    private static void check(Path file, long bytes) {
        if (bytes <= 0 || bytes % PAGE != 0) {
            throw new IllegalArgumentException("guest memory " + file + ": expected a positive multiple of " + PAGE
                    + " bytes, found " + bytes);
        }
    }

    private static ByteBuffer[] map(FileChannel ch, FileChannel.MapMode mode, long bytes) throws IOException {
        int n = (int) ((bytes + PIECE - 1) / PIECE);
        ByteBuffer[] out = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            long at = (long) i * PIECE;
            MappedByteBuffer b = ch.map(mode, at, Math.min(PIECE, bytes - at));
            out[i] = b;
        }
        return out;
    }

    public Path file() {
        return file;
    }

    /** Bytes mapped. */
    public long size() {
        return size;
    }

    /** Pages mapped. */
    public int pages() {
        return (int) (size / PAGE);
    }

    public boolean writable() {
        return writable;
    }

    /** How many pieces (of 1 GiB, the last maybe shorter) the mapping has. */
    int pieceCount() {
        return pieces.length;
    }

    /** Piece {@code i} itself (shared position: use absolute access or a slice). */
    ByteBuffer piece(int i) {
        return pieces[i];
    }

    /** Page {@code page} as a read-only view (its content changes with the guest's). */
    public ByteBuffer page(int page) {
        checkPage(page);
        long at = (long) page * PAGE;
        return pieces[(int) (at / PIECE)].slice((int) (at % PIECE), PAGE).asReadOnlyBuffer();
    }

    /** Writes {@code PAGE} bytes from {@code src} (from its position, which is left unchanged) into page {@code page}. */
    public void writePage(int page, ByteBuffer src) {
        if (!writable) {
            throw new IllegalStateException("guest memory " + file + ": expected a writable mapping, found it read-only");
        }
        checkPage(page);
        if (src.remaining() < PAGE) {
            throw new IllegalArgumentException("page " + page + ": expected " + PAGE + " bytes, found "
                    + src.remaining());
        }
        long at = (long) page * PAGE;
        pieces[(int) (at / PIECE)].put((int) (at % PIECE), src, src.position(), PAGE);
    }

    private void checkPage(int page) {
        if (page < 0 || page >= pages()) {
            throw new IndexOutOfBoundsException("guest memory " + file + ": expected a page in [0, " + pages()
                    + "), found " + page);
        }
    }

    @Override
    public String toString() {
        return "GuestMemory[" + file + ", " + (size >> 20) + " MiB" + (writable ? ", writable" : "") + "]";
    }
}
