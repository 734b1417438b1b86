package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An owner of a lock: its slot and host, the heartbeat generation it took the lock in, since when it holds it,
 * whether it is live, and why it is stale when it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LockOwner(int slot, String host, long heartbeatGeneration, long acquiredAt, long heldMillis, boolean live, String stale) {
}
