package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A registration key and the host it belongs to (null for a key no heartbeating host has). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationView(String key, String host) {
}
