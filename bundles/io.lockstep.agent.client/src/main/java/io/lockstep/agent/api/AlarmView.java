package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /v1/alarms, and the {@code alarm} event: a condition an operator should act on, while it is active and until
 * acknowledged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmView(String id, String severity, String subject, String text, long raised, Long cleared, boolean acknowledged,
        boolean active) {
}
