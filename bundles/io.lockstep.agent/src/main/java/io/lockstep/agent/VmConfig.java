package io.lockstep.agent;

import java.util.List;

import io.lockstep.san.SanIdentity;
import io.lockstep.san.Wwn;

/**
 * What a VM's {@code vm.json} holds: fixed when the VM is created (its LUNs may be attached later). {@code address}: the
 * VM's own address in the datacenter network, which moves with it (null: it listens on loopback).
 */
record VmConfig(String name, String guest, long memoryMiB, long diskMiB, int port, long created, String createdOn, String wwpn, String wwnn,
        String iqn, List<String> luns, String address) {

    VmConfig {
        luns = luns == null ? List.of() : List.copyOf(luns);
    }

    VmConfig withLuns(List<String> l) {
        return new VmConfig(name, guest, memoryMiB, diskMiB, port, created, createdOn, wwpn, wwnn, iqn, l, address);
    }

    /** The VM's SAN identity (null for a VM created before identities existed). */
    SanIdentity san() {
        return wwpn == null ? null : new SanIdentity(Wwn.parse(wwpn), Wwn.parse(wwnn), iqn);
    }
}
