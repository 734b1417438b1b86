package io.lockstep.vm;

/** A guest touched memory outside its pages: a bug in the guest program, reported with the address. */
public class GuestMemoryFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GuestMemoryFault(long address, int length, long size) {
        super(String.format("guest memory fault: %d bytes at 0x%x, outside the guest's %d bytes", length, address, size));
    }
}
