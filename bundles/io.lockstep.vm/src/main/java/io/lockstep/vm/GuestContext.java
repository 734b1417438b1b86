package io.lockstep.vm;

import java.io.IOException;

/**
 * All a guest program may touch: its memory, the inputs delivered to it, its outputs, its disk. Nothing else —
 * no clock, no randomness, no host state — so the same inputs at the same positions give the same state.
 */
public interface GuestContext {

    GuestMemory memory();

    /** Steps executed so far (the position the next input would be stamped with). */
    long position();

    /** The oldest input delivered and not yet taken, or null. */
    InputEvent nextInput();

    /** Sends {@code bytes} on {@code connection} (the NIC releases it to the outside). */
    void send(int connection, byte[] bytes);

    long diskSectors();

    byte[] diskRead(long lba, int sectors) throws IOException;

    void diskWrite(long lba, byte[] data) throws IOException;
}
