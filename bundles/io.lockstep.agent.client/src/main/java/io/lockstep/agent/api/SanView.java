package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A VM's own SAN identity: WWPN, WWNN, iSCSI name, and the initiator name it logs in to LUNs as. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SanView(String wwpn, String wwnn, String iqn, String initiator) {
}
