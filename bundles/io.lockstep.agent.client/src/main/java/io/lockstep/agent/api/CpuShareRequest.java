package io.lockstep.agent.api;

/**
 * PUT /v1/vms/{vm}/cpu-share: the share of its vCPUs a QEMU VM may use, 0.05 to 1.0 (1.0: no limit) — applied at once
 * when it runs here, and kept in its vm.json for every power-on after, on any host.
 */
public record CpuShareRequest(Double share) {
}
