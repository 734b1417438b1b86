package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code vm.power} event: a VM's new power state on a host (by whom when the DoS guard did it, from where after
 * a failover).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PowerEvent(String powerState, String host, String by, String failedOverFrom) {
}
