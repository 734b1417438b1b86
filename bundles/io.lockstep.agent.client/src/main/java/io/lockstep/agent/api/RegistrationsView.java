package io.lockstep.agent.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /v1/datastores/{ds}/registrations: the persistent-reservation registrations on the medium, its reservation,
 * and this host's notification counts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationsView(long generation, List<RegistrationView> registrations, ReservationView reservation,
        NotificationCounts notifications) {
}
