package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /v1/host: this agent's host — its name and identity, where its API is, its heartbeat slot and generation,
 * whether it was fenced, what it runs, and how many of its writes the target refused (RESERVATION CONFLICT: it was fenced).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostInfo(String name, String uuid, String version, String url, String fingerprint, long pid, long started, long uptimeMillis,
        int slot, long heartbeatGeneration, boolean heartbeatValid, String fenced, String medium, String datastore, int vmsRunning,
        int backups, String java, long refusedWrites) {
}
