package io.lockstep.vdisk;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault-tolerant backup's view of the disk it shares with its primary (ARCHITECTURE "FT pairs"): reads
 * go to the shared disk; writes are acknowledged without being issued, because the primary issues the same
 * writes. Only the primary's writes reach the disk, whatever the backup replays.
 */
public final class WriteDropView implements BlockDevice {

    private final BlockDevice shared;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedBytes = new AtomicLong();

    public WriteDropView(BlockDevice shared) {
        this.shared = shared;
    }

    @Override
    public long sectorCount() {
        return shared.sectorCount();
    }

    @Override
    public byte[] read(long lba, int sectors) throws IOException {
        return shared.read(lba, sectors);
    }

    /** Acknowledged, not issued (checked like a real write, so a bad one fails the same way on both sides). */
    @Override
    public void write(long lba, byte[] data) throws IOException {
        DiskChain.checkRange(lba, data.length, sectorCount());
        dropped.incrementAndGet();
        droppedBytes.addAndGet(data.length);
    }

    @Override
    public void flush() {
        // nothing was written
    }

    public long droppedWrites() {
        return dropped.get();
    }

    public long droppedBytes() {
        return droppedBytes.get();
    }

    /** Closes the view only; the shared disk belongs to whoever opened it. */
    @Override
    public void close() {
    }
}
