package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * GET /v1/events (a stream) and /v1/events/recent: something that happened, of a {@link EventType type}, about a
 * subject, on an agent; {@code data} as the type says.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(long id, long time, String type, String subject, String agent, JsonNode data) {
}
