package io.lockstep.ft;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.lockstep.vdisk.BlockDevice;

/**
 * The protected primary's disk: the shared disk, with writes held back while protected. A disk write is an
 * output like a packet: it reaches the shared disk only when the backup could reproduce it — after the epoch
 * that made it is acknowledged (checkpointing), after the backup has the inputs up to its position (replay) —
 * so the shared disk never holds a write that a backup which takes over would not make too. The guest reads
 * its own held writes (an overlay by sector). Unprotected, writes go straight through.
 */
public final class FtDisk implements BlockDevice.Layered {

    private volatile BlockDevice disk;
    private final LongSupplier position;
    private final ArrayDeque<DiskWrite> pending = new ArrayDeque<>();
    private final Map<Long, DiskWrite> overlay = new HashMap<>();
    private boolean buffered;
    private long flushedThrough;
    private long released;

    /** {@code position}: the position of the step issuing a write (read on the vCPU thread). */
    public FtDisk(BlockDevice disk, LongSupplier position) {
        this.disk = disk;
        this.position = position;
    }

    @Override
    public long sectorCount() {
        return disk.sectorCount();
    }

    @Override
    public synchronized byte[] read(long lba, int sectors) throws IOException {
        byte[] data = disk.read(lba, sectors);
        if (!overlay.isEmpty()) {
            for (int i = 0; i < sectors; i++) {
                DiskWrite w = overlay.get(lba + i);
                if (w != null) {
                    System.arraycopy(w.data(), (int) (lba + i - w.lba()) * SECTOR, data, i * SECTOR, SECTOR);
                }
            }
        }
        return data;
    }

    @Override
    public synchronized void write(long lba, byte[] data) throws IOException {
        if (!buffered) {
            disk.write(lba, data);
            return;
        }
        io.lockstep.vdisk.DiskChain.checkRange(lba, data.length, sectorCount());
        DiskWrite w = new DiskWrite(position.getAsLong(), lba, data.clone());
        pending.add(w);
        for (int i = 0; i < w.sectors(); i++) {
            overlay.put(lba + i, w);
        }
    }

    /** Held writes are made durable by {@link #release}; a guest's flush does not wait for the backup. */
    @Override
    public synchronized void flush() throws IOException {
        if (!buffered) {
            disk.flush();
        }
    }

    /** Holds writes from now on. */
    public synchronized void hold() {
        buffered = true;
    }

    /** Writes every held write and goes back to writing straight through. */
    public synchronized void passThrough() throws IOException {
        release(Long.MAX_VALUE);
        buffered = false;
    }

    /** Held writes issued at positions in [{@code from}, {@code to}), oldest first (what an epoch carries). */
    public synchronized List<DiskWrite> heldBetween(long from, long to) {
        List<DiskWrite> out = new ArrayList<>();
        for (DiskWrite w : pending) {
            if (w.position() >= from && w.position() < to) {
                out.add(w);
            }
        }
        return out;
    }

    /** Writes the held writes issued below {@code through} to the shared disk, in order, and flushes. */
    public synchronized void release(long through) throws IOException {
        boolean any = false;
        DiskWrite w;
        while ((w = pending.peek()) != null && w.position() < through) {
            disk.write(w.lba(), w.data());
            pending.poll();
            for (int i = 0; i < w.sectors(); i++) {
                overlay.remove(w.lba() + i, w);
            }
            released++;
            any = true;
        }
        if (any) {
            disk.flush();
        }
        if (through != Long.MAX_VALUE) {
            flushedThrough = Math.max(flushedThrough, through);
        }
    }

    /** Every write issued below this position is on the shared disk and durable. */
    public synchronized long flushedThrough() {
        return flushedThrough;
    }

    public synchronized int held() {
        return pending.size();
    }

    public synchronized long releasedWrites() {
        return released;
    }

    /** Adds writes that another process issued and may not have made durable (a backup taking over). */
    public synchronized void holdAll(List<DiskWrite> writes) {
        buffered = true;
        for (DiskWrite w : writes) {
            pending.add(w);
            for (int i = 0; i < w.sectors(); i++) {
                overlay.put(w.lba() + i, w);
            }
        }
    }

    /** Moves to another handle on the shared disk (a writable one, once a new primary may write). */
    @Override
    public synchronized void reattach(BlockDevice newDisk) {
        this.disk = newDisk;
    }

    @Override
    public synchronized BlockDevice underlying() {
        return disk;
    }

    /** Closes nothing: the shared disk belongs to whoever opened it. */
    @Override
    public void close() {
    }
}
