package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code ft.status} event: a side of an FT pair entered a state ({@code in-sync}, {@code live} …), why, at which
 * position.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FtStatusEvent(String state, String reason, long position, String line, String host, String role) {
}
