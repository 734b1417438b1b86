package io.lockstep.cluster.datastore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A {@link FileChannel} over a datastore file, so code written against java.nio (virtual disks, checkpoints, logs) runs
 * on the medium unchanged. A channel opened on a directory reads nothing and forces nothing (the namespace is journaled).
 * Memory mapping is not offered; file locks are granted at once, the file's lease already keeps other hosts out.
 */
final class DatastoreChannel extends FileChannel {

    private final DatastoreFile file; // null: a directory
    private final boolean readable;
    private final boolean writable;
    private final boolean append;
    private final boolean sync;
    private long position;

    DatastoreChannel(DatastoreFile file, boolean readable, boolean writable, boolean append, boolean sync) {
        this.file = file;
        this.readable = readable;
        this.writable = writable;
        this.append = append;
        this.sync = sync;
    }

    private DatastoreFile file() throws IOException {
        if (!isOpen()) {
            throw new java.nio.channels.ClosedChannelException();
        }
        if (file == null) {
            throw new IOException("is a directory");
        }
        return file;
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public synchronized long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
            if (dsts[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        if (append) {
            position = file().size();
        }
        int n = write(src, position);
        position += n;
        return n;
    }

    @Override
    public synchronized long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += write(srcs[i]);
        }
        return total;
    }

    @Override
    public synchronized long position() throws IOException {
        file();
        return position;
    }

    @Override
    public synchronized FileChannel position(long newPosition) throws IOException {
        if (newPosition < 0) {
            throw new IllegalArgumentException("position: expected 0 or more, found " + newPosition);
        }
        file();
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        return file().size();
    }

    @Override
    public synchronized FileChannel truncate(long size) throws IOException {
        if (!writable) {
            throw new java.nio.channels.NonWritableChannelException();
        }
        if (size < file().size()) {
            file().truncate(size);
        }
        position = Math.min(position, size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        if (!isOpen()) {
            throw new java.nio.channels.ClosedChannelException();
        }
        if (file != null && writable) {
            file.force();
        }
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(count, 1 << 20));
        long done = 0;
        while (done < count) {
            buf.clear().limit((int) Math.min(buf.capacity(), count - done));
            int n = read(buf, position + done);
            if (n <= 0) {
                break;
            }
            buf.flip();
            while (buf.hasRemaining()) {
                target.write(buf);
            }
            done += n;
        }
        return done;
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(count, 1 << 20));
        long done = 0;
        while (done < count) {
            buf.clear().limit((int) Math.min(buf.capacity(), count - done));
            int n = src.read(buf);
            if (n <= 0) {
                break;
            }
            buf.flip();
            write(buf, position + done);
            done += n;
        }
        return done;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        if (!readable) {
            throw new NonReadableChannelException();
        }
        return file().read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        if (!writable) {
            throw new java.nio.channels.NonWritableChannelException();
        }
        int n = file().write(src, position);
        if (sync) {
            file.force();
        }
        return n;
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
        throw new UnsupportedOperationException("files on the datastore cannot be memory-mapped");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        file();
        return new Granted(this, position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return lock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        if (file != null) {
            file.close();
        }
    }

    private static final class Granted extends FileLock {
        private volatile boolean valid = true;

        Granted(FileChannel channel, long position, long size, boolean shared) {
            super(channel, position, size, shared);
        }

        @Override
        public boolean isValid() {
            return valid && channel().isOpen();
        }

        @Override
        public void release() {
            valid = false;
        }
    }
}
