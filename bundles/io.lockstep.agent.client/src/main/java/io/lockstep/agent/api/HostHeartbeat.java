package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /v1/datastores/{ds}/heartbeats and GET /v1/hosts: a heartbeat slot as this agent sees it — liveness judged on
 * its own clock; {@code url} and {@code fingerprint} (hosts only) where the host's agent left its card.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostHeartbeat(int slot, String host, String uuid, String state, long generation, long counter, long ageMillis, boolean live,
        Integer fencedBy, String url, String fingerprint) {
}
