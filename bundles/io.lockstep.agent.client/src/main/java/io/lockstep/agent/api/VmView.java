package io.lockstep.agent.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /v1/vms/{vm}: a VM — its configuration and SAN identity, its own address in the datacenter network (none: it
 * listens on loopback), its LUNs, where it runs and in which power state
 * (with a note when an operator should know something), its FT role and disk chain; {@code cpuShare}: the share of its
 * vCPUs a QEMU VM may use (what its QEMU runs with while it runs here, else what its vm.json says for the next power-on;
 * absent for a Java guest); {@code sharedDisks}: the shared disks attached to it (absent: none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VmView(String name, String guest, long memoryMiB, long diskMiB, int port, SanView san, List<String> luns, String powerState,
        String host, Long position, String note, FtView ft, DiskView disk, String address, Double cpuShare,
        List<String> sharedDisks) {
}
