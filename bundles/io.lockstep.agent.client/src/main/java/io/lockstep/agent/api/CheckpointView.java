package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /v1/vms/{vm}/checkpoints: a checkpoint — when it was taken, at which position, its parent, its size and disk,
 * whether the VM runs on it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckpointView(int id, String name, long created, long position, Integer parent, long bytes, String disk, boolean current) {
}
