package io.lockstep.vm;

import java.io.IOException;

/**
 * A checkpoint file, or a VM folder's record of its running disk, that cannot be used: not one, damaged, cut short, a
 * length larger than what remains of the file, or a disk name that is not a bare file name in the VM folder. The
 * message names the file, what was expected and what was found. Nothing was changed.
 */
public class CheckpointFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public CheckpointFormatException(String message) {
        super(message);
    }
}
