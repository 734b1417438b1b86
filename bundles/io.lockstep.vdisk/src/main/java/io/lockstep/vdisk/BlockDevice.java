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
}
