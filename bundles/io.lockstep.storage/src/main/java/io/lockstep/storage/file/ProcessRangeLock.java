package io.lockstep.storage.file;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A shared/exclusive lock on one byte range of a file that holds across threads <em>and</em> processes.
 * Across processes it is an OS record lock (fcntl), which the kernel drops when a process dies, so a SIGKILL
 * never leaves it held. Within this JVM a read/write lock comes first, because the JVM refuses overlapping
 * OS locks from one process; in-process shared holders share one OS shared lock.
 */
final class ProcessRangeLock {

    private final LunFile lun;
    private final long position;
    private final long length;
    private final ReentrantReadWriteLock local = new ReentrantReadWriteLock();
    private int sharedHolders;
    private FileLock osShared;
    private FileLock osExclusive;

    ProcessRangeLock(LunFile lun, long position, long length) {
        this.lun = lun;
        this.position = position;
        this.length = length;
    }

    void lockShared() throws IOException {
        local.readLock().lock();
        try {
            synchronized (this) {
                if (sharedHolders == 0) {
                    osShared = lun.channel().lock(position, length, true);
                }
                sharedHolders++;
            }
        } catch (IOException | RuntimeException | Error e) {
            local.readLock().unlock();
            throw e;
        }
    }

    void unlockShared() throws IOException {
        try {
            synchronized (this) {
                if (--sharedHolders == 0) {
                    FileLock lock = osShared;
                    osShared = null;
                    if (lock != null && lock.isValid()) {
                        lock.release();
                    }
                }
            }
        } finally {
            local.readLock().unlock();
        }
    }

    void lockExclusive() throws IOException {
        local.writeLock().lock();
        try {
            osExclusive = lun.channel().lock(position, length, false);
        } catch (IOException | RuntimeException | Error e) {
            local.writeLock().unlock();
            throw e;
        }
    }

    void unlockExclusive() throws IOException {
        try {
            FileLock lock = osExclusive;
            osExclusive = null;
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } finally {
            local.writeLock().unlock();
        }
    }

    boolean heldExclusivelyByCurrentThread() {
        return local.isWriteLockedByCurrentThread();
    }
}
