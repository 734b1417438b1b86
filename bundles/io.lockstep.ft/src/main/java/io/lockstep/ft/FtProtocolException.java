package io.lockstep.ft;

import java.io.IOException;

/** A peer said something that is not the FT protocol, or not in order; the message says what was expected and found. */
public class FtProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public FtProtocolException(String message) {
        super(message);
    }
}
