package io.lockstep.qemu;

import java.time.Duration;

/** No answer to a QMP command within its timeout: QEMU is hung, stopped (SIGSTOP) or overloaded. */
public final class QmpTimeoutException extends QmpException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    public QmpTimeoutException(String command, Duration timeout) {
        super(command, "no answer within " + timeout.toMillis() + " ms (QEMU hung, stopped or overloaded?)", (Throwable) null);
        this.timeout = timeout;
    }

    /** How long the caller waited. */
    public Duration timeout() {
        return timeout;
    }
}
