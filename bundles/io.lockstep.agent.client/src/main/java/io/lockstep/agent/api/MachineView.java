package io.lockstep.agent.api;

/**
 * GET /v1/vms/{vm}/machine: what runs a QEMU VM on {@code host} — QEMU's pid and accelerator, its CPU time and
 * resident memory, the CPU share it is allowed (and, when below 1, the cgroup that holds its vCPU threads and the limit
 * the kernel reports there: "quota period" in microseconds), and its disk as the agent serves it (the iSCSI target and
 * portal on the host's loopback, and the initiator name that alone may log in: the VM's own IQN).
 */
public record MachineView(String vm, String host, long pid, String accel, double cpuSeconds, long rssBytes, double cpuShare, String diskTarget,
        String diskPortal, String initiator, Integer revertedTo, String cpuGroup, String cpuLimit) {
}
