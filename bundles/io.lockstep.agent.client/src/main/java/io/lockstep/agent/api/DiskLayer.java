package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One file of a disk chain and its size. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiskLayer(String file, long bytes) {
}
