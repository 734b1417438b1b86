package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The medium's timing, from its I/O timeout. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimingView(long ioTimeoutMillis, long heartbeatMillis, long leaseTimeoutMillis) {
}
