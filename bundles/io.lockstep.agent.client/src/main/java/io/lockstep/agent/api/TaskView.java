package io.lockstep.agent.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /v1/tasks/{id}, and the {@code task} event: a long operation with its progress, whether it can be cancelled,
 * and its result.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskView(String id, String kind, String subject, String state, double progress, String message, boolean cancellable,
        long started, Long finished, Map<String, Object> result) {
}
