package io.lockstep.agent.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** GET /v1/datastores/{ds}/locks: a lock record in use — its entity, kind, mode, generation and owners. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LockView(int index, String entity, String kind, String mode, long generation, List<LockOwner> owners) {
}
