package io.lockstep.cluster.datastore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

import io.lockstep.cluster.records.DirectoryEntry;

/**
 * An open file of the datastore: positional reads and writes, size, truncate, force. Writes past the end grow the file;
 * its new size is durable once {@link #force} returns (as with fsync). Closing the last handle of this host gives the
 * file's lease back.
 */
public final class DatastoreFile implements AutoCloseable {

    private final OpenFile file;
    private final DatastoreFiles.Access access;
    private volatile boolean closed;

    DatastoreFile(OpenFile file, DatastoreFiles.Access access) {
        this.file = file;
        this.access = access;
    }

    public String name() {
        return file.durableEntry().name();
    }

    public DatastoreFiles.Access access() {
        return access;
    }

    /** The entry as this host has it now (size included, whether or not it is durable yet). */
    public DirectoryEntry entry() {
        return file.entryNow();
    }

    /** The size: for a multi-writer file, as the medium has it now (another host may have grown it; one sector read). */
    public long size() throws IOException {
        ensureOpen();
        if (file.shared()) {
            file.refresh();
        }
        return file.size();
    }

    /** Reads into {@code dst} from {@code position}; -1 at or past the end. */
    public int read(ByteBuffer dst, long position) throws IOException {
        ensureOpen();
        return file.read(dst, position);
    }

    /** Writes all of {@code src} at {@code position}, growing the file (a gap before it reads as zeros). */
    public int write(ByteBuffer src, long position) throws IOException {
        ensureOpen();
        if (access == DatastoreFiles.Access.READ) {
            throw new java.nio.channels.NonWritableChannelException();
        }
        return file.write(src, position);
    }

    public void truncate(long size) throws IOException {
        ensureOpen();
        file.truncate(size);
    }

    /** The data written so far, then the size, on the medium. */
    public void force() throws IOException {
        ensureOpen();
        file.force();
    }

    /**
     * Where file sector {@code sector} lies on the medium, and how many sectors from it are contiguous there (at most
     * {@code max}): for those that address the file's blocks directly, as a clustered disk does.
     */
    public long[] mediumRun(long sector, long max) throws IOException {
        ensureOpen();
        return file.map(sector, max);
    }

    public boolean isOpen() {
        return !closed;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (closed) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        file.fs.detach(file);
    }
}
