package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every error answer: what was expected and what was found, the field at fault, the HTTP status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorView(String error, String field, int status) {
}
