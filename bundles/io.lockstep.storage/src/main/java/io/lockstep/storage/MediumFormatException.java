package io.lockstep.storage;

import java.io.IOException;

/**
 * A file or device is not what it was opened as (not a Lockstep LUN, another sector size, a damaged header):
 * nothing was written to it. The message says what was expected and what was found, and where.
 */
public class MediumFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public MediumFormatException(String message) {
        super(message);
    }
}
