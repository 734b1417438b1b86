package io.lockstep.vm;

import java.io.IOException;

/** A replay no longer follows its recording: the guest did something the recorded run did not (or vice versa). */
public class ReplayDivergenceException extends IOException {

    private static final long serialVersionUID = 1L;

    public ReplayDivergenceException(String message) {
        super(message);
    }
}
