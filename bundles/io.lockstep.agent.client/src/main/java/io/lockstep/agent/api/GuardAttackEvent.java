package io.lockstep.agent.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code guard.attack} event: a VM is under attack — why, when the guard detected it, which VMs the policy
 * suspended and which it spared (FT primaries), and when that was done.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuardAttackEvent(String reason, long detectedAt, List<String> suspended, List<String> spared, long appliedAt) {
}
