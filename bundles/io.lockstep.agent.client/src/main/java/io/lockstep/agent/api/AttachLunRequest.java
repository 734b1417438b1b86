package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * POST /v1/vms/{vm}/luns: attach a LUN to a powered-off VM (it logs in to it as its own initiator at power-on).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachLunRequest(String lun) {
}
