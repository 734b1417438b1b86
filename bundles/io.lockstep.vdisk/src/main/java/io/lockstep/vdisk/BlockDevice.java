package io.lockstep.vdisk;

import java.io.IOException;

/** A disk as a guest uses it: 512-byte sectors, read, written, flushed. */
public interface BlockDevice extends AutoCloseable {

    int SECTOR = 512;

    long sectorCount();

    byte[] read(long lba, int sectors) throws IOException;

    void write(long lba, byte[] data) throws IOException;

    /** Every write so far is durable when this returns. */
    void flush() throws IOException;

    @Override
    void close() throws IOException;

    /**
     * A device that stands in front of another (an FT pair's held-write disk in front of the VM's delta chain):
     * checkpoints see through it to the chain and move the device, not the VM, to a new chain.
     */
    interface Layered extends BlockDevice {
        BlockDevice underlying();

        void reattach(BlockDevice newDisk);
    }

    /** The device under every {@link Layered} front of {@code disk}. */
    static BlockDevice innermost(BlockDevice disk) {
        BlockDevice d = disk;
        while (d instanceof Layered l) {
            d = l.underlying();
        }
        return d;
    }
}
