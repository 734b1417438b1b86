package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to a backup request: where the backup listens for its primary (its host's address; none: loopback). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupAnswer(int port, String host, String address) {
}
