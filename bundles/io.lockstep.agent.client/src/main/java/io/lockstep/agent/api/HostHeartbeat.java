package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /v1/datastores/{ds}/heartbeats and GET /v1/hosts: a heartbeat slot as this agent sees it — liveness judged on
 * its own clock; {@code url} and {@code fingerprint} (hosts only) where the host's agent left its card, {@code address}
 * the host's address (from its URL) and {@code reachable} whether the answering agent reached it over the network at its
 * last probe (once a second; null for itself). A live heartbeat means the host reaches the storage.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostHeartbeat(int slot, String host, String uuid, String state, long generation, long counter, long ageMillis, boolean live,
        Integer fencedBy, String url, String fingerprint, String address, Boolean reachable) {
}
