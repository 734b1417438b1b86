package io.lockstep.vm;

import java.io.IOException;

/** A checkpoint file that cannot be used: not one, damaged, or cut short; the message names the file and what is wrong. */
public class CheckpointFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public CheckpointFormatException(String message) {
        super(message);
    }
}
