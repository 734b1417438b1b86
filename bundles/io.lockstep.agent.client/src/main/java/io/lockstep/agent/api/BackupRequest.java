package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * POST /v1/peer/ft/backups (signed, from the primary's agent): serve a backup of {@code vm} in {@code mode}, with
 * the pair's key, reading {@code disk}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupRequest(String vm, String mode, Integer epochMillis, String authKey, String disk) {
}
