package io.lockstep.agent.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * POST /v1/luns: a LUN on the datastore's target, presented only to the initiators named.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateLunRequest(String name, Long sizeMiB, List<String> presentedTo) {
}
