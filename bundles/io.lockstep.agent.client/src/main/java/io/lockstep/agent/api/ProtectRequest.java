package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * POST /v1/vms/{vm}/ft: protect a VM with a backup on another host ({@code mode} checkpoint or replay; the agent's
 * epoch when none is given).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProtectRequest(String backup, String mode, Integer epochMillis) {
}
