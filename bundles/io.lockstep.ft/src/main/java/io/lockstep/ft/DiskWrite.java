package io.lockstep.ft;

/** A guest's disk write and the position of the step that issued it. */
public record DiskWrite(long position, long lba, byte[] data) {

    static final int SECTOR = 512;

    int sectors() {
        return data.length / SECTOR;
    }
}
