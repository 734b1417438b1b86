package io.lockstep.agent.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /v1/datastores/{ds}/files: a file in the medium's directory, with its virtual reservation's initiators and
 * state when it has one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediumFile(String name, String kind, long sectors, List<String> initiators, String reservation) {
}
