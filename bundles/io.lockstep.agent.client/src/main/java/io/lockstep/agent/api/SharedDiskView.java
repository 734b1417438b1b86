package io.lockstep.agent.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /v1/shared-disks/{disk}: a shared virtual disk, the VMs it is attached to, and its SCSI reservations as the
 * medium holds them — the registered initiators (each a VM's IQN, the I_T nexus a guest reserves with) with their
 * keys, the persistent reservation (holder, type) and a SCSI-2 reservation's holder.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SharedDiskView(String name, String file, long sizeBytes, List<String> attachedTo, List<Registration> registrations,
        String reservationHolder, String reservationType, String scsi2Holder, long generation) {

    /** One registered I_T nexus: the initiator (a VM's IQN) and its reservation key, in hex. */
    public record Registration(String initiator, String key) {
    }
}
