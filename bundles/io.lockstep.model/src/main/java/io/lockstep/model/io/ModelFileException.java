package io.lockstep.model.io;

import java.io.IOException;

/** A file that is not a Lockstep datacenter (missing, damaged, foreign): the message says what was expected and found. */
public final class ModelFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
