package io.lockstep.agent;

import java.util.List;

import io.lockstep.san.SanIdentity;
import io.lockstep.san.Wwn;

/**
 * What a VM's {@code vm.json} holds: fixed when the VM is created (its LUNs and shared disks may be attached later).
 * {@code address}: the VM's own address in the datacenter network, which moves with it (null: it listens on loopback).
 * {@code cpuShare}: the share of its vCPUs a QEMU VM may use (null: all), applied at each power-on wherever it runs,
 * changed by the API. {@code sharedDisks}: the shared disks attached to it (issue 24).
 */
record VmConfig(String name, String guest, long memoryMiB, long diskMiB, int port, long created, String createdOn, String wwpn, String wwnn,
        String iqn, List<String> luns, String address, Double cpuShare, List<String> sharedDisks) {

    VmConfig {
        luns = luns == null ? List.of() : List.copyOf(luns);
        sharedDisks = sharedDisks == null ? List.of() : List.copyOf(sharedDisks); // absent in a vm.json written before issue 24
    }

    VmConfig withLuns(List<String> l) {
        return new VmConfig(name, guest, memoryMiB, diskMiB, port, created, createdOn, wwpn, wwnn, iqn, l, address, cpuShare, sharedDisks);
    }

    VmConfig withCpuShare(double share) {
        return new VmConfig(name, guest, memoryMiB, diskMiB, port, created, createdOn, wwpn, wwnn, iqn, luns, address, share >= 1.0 ? null : share,
                sharedDisks);
    }

    /** With these shared disks attached (names of {@link SharedDisks}; served as SCSI disks to a QEMU guest). */
    VmConfig withSharedDisks(List<String> d) {
        return new VmConfig(name, guest, memoryMiB, diskMiB, port, created, createdOn, wwpn, wwnn, iqn, luns, address, cpuShare, d);
    }

    /** The CPU share it is to run with (1.0: no limit). */
    double share() {
        return cpuShare == null ? 1.0 : cpuShare;
    }

    /** The VM's SAN identity (null for a VM created before identities existed). */
    SanIdentity san() {
        return wwpn == null ? null : new SanIdentity(Wwn.parse(wwpn), Wwn.parse(wwnn), iqn);
    }
}
