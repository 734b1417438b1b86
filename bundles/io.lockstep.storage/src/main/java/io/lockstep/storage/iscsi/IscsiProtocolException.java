package io.lockstep.storage.iscsi;

import java.io.IOException;

/**
 * The target broke the iSCSI protocol (a truncated or malformed PDU, an opcode out of place, a data segment longer
 * than negotiated, a tag no task has). The connection it came on is not trusted again: it is closed, and commands
 * in flight on it are retried on a new one or failed, never left waiting.
 */
public class IscsiProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public IscsiProtocolException(String message) {
        super(message);
    }
}
