package io.lockstep.cluster.datastore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.lockstep.cluster.ClusterIo;
import io.lockstep.cluster.Lease;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.cluster.records.Extent;
import io.lockstep.cluster.records.Superblock;

/**
 * A file as this host has it open: its lease, its extents, its size. Data goes straight to the blocks its extents name
 * (partial sectors read, changed and written whole); growing allocates blocks in one transaction, ahead of need
 * (doubling up to 256 MiB at a time, trimmed again at the last close); the size becomes durable at {@link #force}.
 * The entry on the medium never names a size whose data was not forced first, so a crash never shows another file's
 * old blocks.
 */
final class OpenFile {

    private static final int MAX_TRANSFER = 1 << 20;

    final DatastoreFiles fs;
    final Lease lease;
    final DatastoreFiles.Access access;
    int users = 1;
    /** Its last close is giving the lease back (guarded by the files' map). */
    boolean closing;

    private final Superblock sb;
    private final ClusterIo io;
    private final int ss;
    /** I/O holds it shared; a shrink holds it exclusive (so no read meets a freed block). */
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private DirectoryEntry durable;
    private List<Extent> extents;
    private long[] starts; // file block at which each extent begins
    private long size;

    OpenFile(DatastoreFiles fs, DirectoryEntry entry, List<Extent> extents, Lease lease, DatastoreFiles.Access access) {
        this.fs = fs;
        this.sb = fs.superblock();
        this.io = fs.datastore().io();
        this.ss = sb.sectorSize();
        this.lease = lease;
        this.access = access;
        this.durable = entry;
        this.size = entry.sizeBytes();
        setExtents(extents);
    }

    private void setExtents(List<Extent> list) {
        extents = List.copyOf(list);
        starts = new long[extents.size() + 1];
        for (int i = 0; i < extents.size(); i++) {
            starts[i + 1] = starts[i] + extents.get(i).blocks();
        }
    }

    synchronized DirectoryEntry durableEntry() {
        return durable;
    }

    synchronized DirectoryEntry entryNow() {
        return size == durable.sizeBytes() ? durable : durable.withSize(size, System.currentTimeMillis());
    }

    synchronized List<Extent> extents() {
        return extents;
    }

    synchronized long size() {
        return size;
    }

    synchronized long allocatedBytes() {
        return starts[starts.length - 1] * sb.blockBytes();
    }

    synchronized void extentsChanged(DirectoryEntry e, List<Extent> list) {
        durable = e;
        setExtents(list);
    }

    boolean shared() {
        return access == DatastoreFiles.Access.MULTI_WRITER;
    }

    int index() {
        return durableEntry().index();
    }

    /** A multi-writer file: its entry and extents as they are on the medium now (the size never goes below what this host wrote). */
    void refresh() throws IOException {
        DirectoryEntry fresh = fs.datastore().readEntry(index());
        if (!fresh.inUse() || !fresh.name().equals(durableEntry().name())) {
            throw new java.nio.file.NoSuchFileException(durableEntry().name(), null, "was deleted or renamed by another host");
        }
        long freshData = fresh.blocks() - (fresh.mapBlock() == DirectoryEntry.NO_MAP ? 0 : 1);
        boolean same = fresh.extentCount() == extents().size() && freshData == DatastoreFiles.dataBlocks(extents());
        List<Extent> list = same ? null : fs.readExtents(fresh);
        synchronized (this) {
            durable = fresh;
            size = Math.max(size, fresh.sizeBytes());
            if (list != null) {
                setExtents(list);
            }
        }
    }

    // --- mapping --------------------------------------------------------------------------------------------------------

    /** The medium sector of file sector {@code sector}, and how many sectors follow it contiguously (at most {@code max}). */
    long[] map(long sector, long max) {
        long[] st;
        List<Extent> ex;
        synchronized (this) {
            st = starts;
            ex = extents;
        }
        long bs = sb.blockSectors();
        long block = sector / bs;
        int i = java.util.Arrays.binarySearch(st, block);
        if (i < 0) {
            i = -i - 2;
        }
        while (i < ex.size() - 1 && st[i + 1] <= block) {
            i++; // past zero-length gaps (none today)
        }
        if ((i < 0 || i >= ex.size() || block >= st[st.length - 1]) && shared() && !refreshedFor(sector)) {
            return map(sector, max);
        }
        if (i < 0 || i >= ex.size()) {
            throw new IllegalStateException("file sector " + sector + " lies past the file's " + st[st.length - 1] + " blocks");
        }
        Extent x = ex.get(i);
        long within = sector - st[i] * bs;
        long lba = sb.blockLba(x.first()) + within;
        long run = x.blocks() * bs - within;
        return new long[] {lba, Math.min(run, max)};
    }

    private boolean refreshedFor(long sector) {
        try {
            long before = allocatedBytes();
            refresh();
            return allocatedBytes() == before; // nothing new: the sector is past the file for everyone
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- reading and writing ---------------------------------------------------------------------------------------------

    int read(ByteBuffer dst, long position) throws IOException {
        if (shared() && position + dst.remaining() > size()) {
            refresh(); // another writer may have written past what this host knows
        }
        rw.readLock().lock();
        try {
            long end = Math.min(size(), position + dst.remaining());
            if (position >= end) {
                return position >= size() && dst.hasRemaining() ? -1 : 0;
            }
            int total = (int) (end - position);
            long pos = position;
            while (pos < end) {
                long first = pos / ss;
                long[] run = map(first, MAX_TRANSFER / ss);
                long runEnd = Math.min(end, (first + run[1]) * ss);
                int sectors = (int) ((runEnd - first * ss + ss - 1) / ss);
                byte[] bytes = io.read(run[0], sectors);
                int off = (int) (pos - first * ss);
                dst.put(bytes, off, (int) (runEnd - pos));
                pos = runEnd;
            }
            return total;
        } finally {
            rw.readLock().unlock();
        }
    }

    int write(ByteBuffer src, long position) throws IOException {
        if (access == DatastoreFiles.Access.READ) {
            throw new java.nio.channels.NonWritableChannelException();
        }
        int n = src.remaining();
        long end = position + n;
        lease.ensureValid();
        if (shared() && end > size()) {
            refresh(); // another writer may have grown it
        }
        if (end > allocatedBytes()) {
            long have = allocatedBytes() / sb.blockBytes();
            long need = (end + sb.blockBytes() - 1) / sb.blockBytes();
            long ahead = Math.min(Math.max(have, 1), (256L << 20) / sb.blockBytes());
            long want = Math.max(need, have + ahead);
            try {
                fs.grow(this, want);
            } catch (FileSystemException noRoomForMore) {
                if (want == need) {
                    throw noRoomForMore;
                }
                fs.grow(this, need); // without the headroom, if that fits
            }
        }
        rw.readLock().lock();
        try {
            long oldSize = size();
            if (position > oldSize) {
                writeRaw(oldSize, new byte[0], position - oldSize); // the gap reads as zeros, not as a deleted file's blocks
            }
            byte[] data = new byte[n];
            src.get(data);
            writeRaw(position, data, n);
            synchronized (this) {
                size = Math.max(size, end);
            }
            return n;
        } finally {
            rw.readLock().unlock();
        }
    }

    /** Writes {@code length} bytes (of {@code data}, zeros when it is shorter) at {@code position}, whole sectors to the medium. */
    private void writeRaw(long position, byte[] data, long length) throws IOException {
        long pos = position;
        long end = position + length;
        int from = 0;
        while (pos < end) {
            long first = pos / ss;
            long[] run = map(first, MAX_TRANSFER / ss);
            long runEnd = Math.min(end, (first + run[1]) * ss);
            int sectors = (int) ((runEnd - first * ss + ss - 1) / ss);
            byte[] buf = new byte[sectors * ss];
            int head = (int) (pos - first * ss);
            int len = (int) (runEnd - pos);
            boolean partialHead = head != 0;
            boolean partialTail = (head + len) % ss != 0;
            if (partialHead) {
                System.arraycopy(io.read(run[0], 1), 0, buf, 0, ss);
            }
            if (partialTail && (sectors > 1 || !partialHead)) {
                System.arraycopy(io.read(run[0] + sectors - 1, 1), 0, buf, (sectors - 1) * ss, ss);
            }
            int copy = (int) Math.max(0, Math.min(len, data.length - from));
            if (copy > 0) {
                System.arraycopy(data, from, buf, head, copy);
            }
            if (copy < len) {
                java.util.Arrays.fill(buf, head + copy, head + len, (byte) 0);
            }
            io.write(run[0], buf, false);
            from += len;
            pos = runEnd;
        }
    }

    void truncate(long newSize) throws IOException {
        if (access == DatastoreFiles.Access.READ) {
            throw new java.nio.channels.NonWritableChannelException();
        }
        if (newSize < 0) {
            throw new IllegalArgumentException("size: expected 0 or more bytes, found " + newSize);
        }
        rw.writeLock().lock();
        try {
            if (newSize >= size()) {
                return;
            }
            io.flush();
            fs.shrink(this, newSize);
            synchronized (this) {
                size = newSize;
            }
        } finally {
            rw.writeLock().unlock();
        }
    }

    /** Forces the data to the medium, then the size (one sector) when it changed. */
    void force() throws IOException {
        io.flush();
        if (access != DatastoreFiles.Access.READ) {
            lease.ensureValid();
            fs.persistSize(this);
        }
    }

    /** The entry with the size as it is now, when that differs from the durable one (called under the metadata lock). */
    synchronized DirectoryEntry sizeChange() {
        return size == durable.sizeBytes() ? null : durable.withSize(size, System.currentTimeMillis());
    }

    synchronized void persisted(DirectoryEntry e) {
        durable = e;
    }

    /** At the last close: the size made durable, the blocks allocated ahead of need given back. */
    void lastClose() throws IOException {
        if (shared() && lease.valid()) {
            force(); // what it holds ahead of need stays: another host may be writing it
        } else if (access == DatastoreFiles.Access.WRITE && lease.valid()) {
            force();
            long keep = (size() + sb.blockBytes() - 1) / sb.blockBytes();
            if (DatastoreFiles.dataBlocks(extents()) > keep) {
                rw.writeLock().lock();
                try {
                    fs.shrink(this, size());
                } finally {
                    rw.writeLock().unlock();
                }
            }
        }
    }
}
