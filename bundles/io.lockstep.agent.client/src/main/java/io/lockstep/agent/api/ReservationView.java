package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The medium's persistent reservation, when present: its key, holder and type. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReservationView(boolean present, String key, String host, String type) {
}
