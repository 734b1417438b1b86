package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * POST /v1/shared-disks: a virtual disk that several VMs (on any hosts) share and reserve with SCSI commands — a thick
 * file on the datastore, its reservations in the file's reservation record on the medium.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateSharedDiskRequest(String name, Long sizeMiB) {
}
