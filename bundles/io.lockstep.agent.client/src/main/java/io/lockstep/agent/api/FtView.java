package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /v1/vms/{vm}/ft: a VM's FT role here ({@code primary}, {@code backup}, {@code none}) and state; a primary's
 * backup host, mode, epoch and statistics; a backup's primary.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FtView(String role, String state, String backup, String primary, String mode, Integer epochMillis, String reason,
        FtStatsView stats) {
}
