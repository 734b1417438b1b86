package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** POST /v1/vms/{vm}/shared-disks: attach a shared disk to a powered-off QEMU VM (its SCSI disk from the next power-on). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachSharedDiskRequest(String disk) {
}
