package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * POST /v1/vms/{vm}/checkpoints: a checkpoint with a label, its memory written at most {@code rateLimitMiBps}
 * (absent or 0: no limit).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckpointRequest(String name, Long rateLimitMiBps) {
}
