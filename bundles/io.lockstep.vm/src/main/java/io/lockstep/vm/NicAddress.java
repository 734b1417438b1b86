package io.lockstep.vm;

import java.io.IOException;
import java.net.InetAddress;

/**
 * Where a VM's NIC listens: an address the host must hold while the VM runs there. On loopback (one network stack
 * for every host of a local datacenter) there is nothing to hold; a VM with its own address in a datacenter network
 * takes it on the host that runs it — the address is added to the host's interface and announced (gratuitous ARP)
 * before the NIC binds — and drops it when it stops or halts, so the address moves with the VM.
 */
public interface NicAddress {

    /** The address the NIC binds. */
    InetAddress address();

    /** Makes the address present on this host and announces it; the NIC binds only after this returned. */
    void claim() throws IOException;

    /** Lets go of the address (the VM stopped or halted here). Never throws: a failure is logged by the implementation. */
    void release();

    /** The loopback address: nothing to claim, nothing to release. */
    static NicAddress loopback() {
        return new NicAddress() {
            @Override
            public InetAddress address() {
                return InetAddress.getLoopbackAddress();
            }

            @Override
            public void claim() {
                // always there
            }

            @Override
            public void release() {
                // nothing held
            }

            @Override
            public String toString() {
                return "loopback";
            }
        };
    }
}
