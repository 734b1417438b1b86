package io.lockstep.agent;

import java.util.List;

import io.lockstep.san.SanIdentity;
import io.lockstep.san.Wwn;

/**
 * What a VM's {@code vm.json} holds: fixed when the VM is created (its LUNs and shared disks may be attached later). {@code address}: the
 * VM's own address in the datacenter network, which moves with it (null: it listens on loopback).
 */
record VmConfig(String name, String guest, long memoryMiB, long diskMiB, int port, long created, String createdOn, String wwpn, String wwnn,
        String iqn, List<String> luns, String address, List<String> sharedDisks) {

    VmConfig {
        luns = luns == null ? List.of() : List.copyOf(luns);
        sharedDisks = sharedDisks == null ? List.of() : List.copyOf(sharedDisks); // absent in a vm.json written before issue 24
    }

    VmConfig withLuns(List<String> l) {
        return new VmConfig(name, guest, memoryMiB, diskMiB, port, created, createdOn, wwpn, wwnn, iqn, l, address, sharedDisks);
    }

    /** With these shared disks attached (names of {@link SharedDisks}; served as SCSI disks to a QEMU guest). */
    VmConfig withSharedDisks(List<String> d) {
        return new VmConfig(name, guest, memoryMiB, diskMiB, port, created, createdOn, wwpn, wwnn, iqn, luns, address, d);
    }

    /** The VM's SAN identity (null for a VM created before identities existed). */
    SanIdentity san() {
        return wwpn == null ? null : new SanIdentity(Wwn.parse(wwpn), Wwn.parse(wwnn), iqn);
    }
}
