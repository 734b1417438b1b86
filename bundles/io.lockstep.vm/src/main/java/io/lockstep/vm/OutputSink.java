package io.lockstep.vm;

/** Where a guest's outputs go (the NIC frontend; an FT pair holds them until the backup has acknowledged). */
@FunctionalInterface
public interface OutputSink {

    /** Called on the vCPU thread; {@code sequence} counts this connection's outputs from 1. */
    void output(int connection, long sequence, byte[] bytes, long position);
}
