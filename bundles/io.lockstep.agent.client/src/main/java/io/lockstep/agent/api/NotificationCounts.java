package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Notifications through the medium this host sent and received (preempts and directory refreshes in the
 * registrations view).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationCounts(long sent, Long preemptsSent, long received, Long directoryRefreshes) {
}
