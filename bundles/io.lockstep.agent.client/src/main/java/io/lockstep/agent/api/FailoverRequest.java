package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * POST /v1/vms/{vm}/ft/failover: a test failover ({@code test} must be true: a real one happens when a host fails).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FailoverRequest(boolean test) {
}
