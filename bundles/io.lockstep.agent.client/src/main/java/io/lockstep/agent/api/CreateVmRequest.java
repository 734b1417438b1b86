package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * POST /v1/vms: a new VM — its name, guest spec, memory and disk sizes, NIC port (0 or absent: a free one), and its
 * own SAN identity when given (both WWPN and WWNN, or neither: one is made).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateVmRequest(String name, String guest, Long memoryMiB, Long diskMiB, Integer port, String wwpn, String wwnn) {
}
