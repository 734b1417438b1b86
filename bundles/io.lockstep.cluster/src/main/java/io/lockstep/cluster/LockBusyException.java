package io.lockstep.cluster;

import java.io.IOException;

/** A lock stayed held by live hosts for as long as the caller was willing to wait. Nothing was written. */
public class LockBusyException extends IOException {

    private static final long serialVersionUID = 1L;

    public LockBusyException(String message) {
        super(message);
    }
}
