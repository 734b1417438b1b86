package io.lockstep.agent.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /v1/datastores/{ds}/files: a file or directory of the datastore's file system (on the LUN): its size as last made
 * durable, blocks and extents, when it last changed, who holds its owner field ({@code heldBy}: "host (mode)"), and a
 * clustered disk's virtual reservation's initiators and state when it has one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediumFile(String name, String kind, long sectors, long sizeBytes, long blocks, int extents, long modifiedMillis,
        List<String> heldBy, List<String> initiators, String reservation) {
}
