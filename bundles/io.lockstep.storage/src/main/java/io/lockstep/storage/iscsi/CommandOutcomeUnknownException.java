package io.lockstep.storage.iscsi;

import java.io.IOException;

/**
 * A command reached the target, then the connection broke (or the target stopped answering) before its status came
 * back: it may or may not have taken effect. It is not repeated, because repeating a write or a reservation change
 * could undo what another initiator did since; the caller decides (read and look, or start over). The connection is
 * re-established for the next command.
 */
public class CommandOutcomeUnknownException extends IOException {

    private static final long serialVersionUID = 1L;

    public CommandOutcomeUnknownException(String command, String why) {
        super(command + ": outcome unknown — " + why + "; it was not repeated (that could undo another initiator's change), the next command reconnects");
    }
}
