package io.lockstep.cli;

import java.io.IOException;

import io.lockstep.storage.CheckConditionException;

/** Small things every command shares. */
final class Cli {

    private Cli() {
    }

    /** An initiator name for a command that only looks: unique per process. */
    static String observerName() {
        return "lockstep-cli-" + ProcessHandle.current().pid();
    }

    interface ScsiCall<T> {
        T call() throws IOException;
    }

    /** Runs a command again after unit attentions (a new session's POWER ON RESET, at least). */
    static <T> T retryingUnitAttention(ScsiCall<T> call) throws IOException {
        for (int i = 0;; i++) {
            try {
                return call.call();
            } catch (CheckConditionException e) {
                if (!e.isUnitAttention() || i > 16) {
                    throw e;
                }
            }
        }
    }
}
