package io.lockstep.cluster;

import java.io.IOException;

/** A medium is not formatted for Lockstep, or not in a way this version can use. Nothing was written to it. */
public class ClusterFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ClusterFormatException(String message) {
        super(message);
    }
}
