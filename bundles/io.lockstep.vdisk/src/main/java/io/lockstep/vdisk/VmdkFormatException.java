package io.lockstep.vdisk;

import java.io.IOException;

/** A file is not a VMDK this implementation can use, or is damaged; the message says where and what. Nothing was written. */
public class VmdkFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public VmdkFormatException(String message) {
        super(message);
    }
}
