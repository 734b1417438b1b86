package io.lockstep.agent.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** GET /v1/luns/{lun}: a LUN on the datastore's target, its size, and the initiators it is presented to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LunView(String name, long sizeBytes, List<String> presentedTo) {
}
