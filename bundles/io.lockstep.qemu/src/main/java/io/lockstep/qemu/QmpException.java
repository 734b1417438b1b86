package io.lockstep.qemu;

import java.io.IOException;

/**
 * A QMP command that did not succeed: QEMU answered with an error (then {@link #errorClass()} and {@link #desc()} are
 * QEMU's), or no answer came ({@link QmpTimeoutException}), or the connection closed before the answer.
 */
public class QmpException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String command;
    private final String errorClass;
    private final String desc;

    /** QEMU's error answer to {@code command}: "QMP stop: GenericError: …". */
    public QmpException(String command, String errorClass, String desc) {
        super("QMP " + command + ": " + errorClass + ": " + desc);
        this.command = command;
        this.errorClass = errorClass;
        this.desc = desc;
    }

    /** A failure without an answer from QEMU (connection closed, malformed answer); {@link #errorClass()} is null. */
    public QmpException(String command, String message, Throwable cause) {
        super("QMP " + command + ": " + message, cause);
        this.command = command;
        this.errorClass = null;
        this.desc = message;
    }

    /** The command that failed. */
    public String command() {
        return command;
    }

    /** QEMU's error class ("GenericError", "CommandNotFound", …), or null when QEMU did not answer. */
    public String errorClass() {
        return errorClass;
    }

    /** QEMU's error description, or what went wrong when QEMU did not answer. */
    public String desc() {
        return desc;
    }
}
