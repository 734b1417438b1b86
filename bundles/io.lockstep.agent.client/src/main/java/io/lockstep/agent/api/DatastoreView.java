package io.lockstep.agent.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /v1/datastores: the datastore this host mounts — its medium, size, timing, slots, the hosts heartbeating on
 * it, notification counts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatastoreView(String name, String uuid, String medium, int sectorSize, long capacityBytes, TimingView timing, int slots,
        String folders, List<String> hosts, NotificationCounts notifications) {
}
