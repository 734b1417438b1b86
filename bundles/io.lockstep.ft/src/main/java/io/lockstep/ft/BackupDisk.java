package io.lockstep.ft;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import io.lockstep.vdisk.BlockDevice;
import io.lockstep.vdisk.WriteDropView;

/**
 * The backup's disk: the write-drop view of the shared disk (reads go through, writes are acknowledged and not
 * issued — the primary issues them), keeping each dropped write until the primary says it is durable on the
 * shared disk. A backup that takes over writes what it kept, so no write the primary acknowledged but had not
 * yet made durable is lost.
 */
public final class BackupDisk implements BlockDevice {

    private final WriteDropView view;
    private final LongSupplier position;
    private final ArrayDeque<DiskWrite> kept = new ArrayDeque<>();

    public BackupDisk(BlockDevice shared, LongSupplier position) {
        this.view = new WriteDropView(shared);
        this.position = position;
    }

    @Override
    public long sectorCount() {
        return view.sectorCount();
    }

    @Override
    public byte[] read(long lba, int sectors) throws IOException {
        return view.read(lba, sectors);
    }

    @Override
    public synchronized void write(long lba, byte[] data) throws IOException {
        view.write(lba, data);
        kept.add(new DiskWrite(position.getAsLong(), lba, data.clone()));
    }

    /** Keeps a write the primary sent with an epoch. */
    synchronized void keep(DiskWrite w) {
        kept.add(w);
    }

    /** Forgets the writes issued below {@code flushedThrough}: the primary has them on the shared disk. */
    synchronized void trim(long flushedThrough) {
        while (!kept.isEmpty() && kept.peek().position() < flushedThrough) {
            kept.poll();
        }
    }

    /** The writes issued below {@code before} that may not be on the shared disk yet, oldest first. */
    synchronized List<DiskWrite> kept(long before) {
        List<DiskWrite> out = new ArrayList<>();
        for (DiskWrite w : kept) {
            if (w.position() < before) {
                out.add(w);
            }
        }
        return out;
    }

    synchronized int keptCount() {
        return kept.size();
    }

    @Override
    public void flush() {
    }

    public long droppedWrites() {
        return view.droppedWrites();
    }

    @Override
    public void close() {
    }
}
