package io.lockstep.cluster.records;

import java.io.IOException;

/**
 * An on-disk record failed its check (magic, version or CRC32C): it is reported, never trusted, and nothing
 * is written over it by the operation that found it.
 */
public class CorruptRecordException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long lba;
    private final String record;

    public CorruptRecordException(String record, long lba, String detail) {
        super(record + " at sector " + lba + " is corrupt: " + detail + "; it was not trusted and nothing was written");
        this.lba = lba;
        this.record = record;
    }

    public long lba() {
        return lba;
    }

    public String record() {
        return record;
    }
}
