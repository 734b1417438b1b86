package io.lockstep.ft;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A handshake's deadline: the socket is closed {@code millis} after it started, whatever the peer sends meanwhile (a
 * timeout per read lets a peer sending a byte every few seconds hold the handshake open for ever). One daemon thread
 * serves every deadline of the process.
 */
final class Deadline implements AutoCloseable {

    /** How long a handshake may take, from the connection to WELCOME (both sides). */
    static final int HANDSHAKE_MILLIS = 5000;

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final ScheduledFuture<?> closing;
    private volatile boolean expired;
    private final long end;

    private Deadline(Socket socket, long millis) {
        this.end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        this.closing = TIMER.schedule(() -> {
            expired = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    static Deadline closeAfter(Socket socket, long millis) {
        return new Deadline(socket, millis);
    }

    /** Whether it was cancelled in time (false: the socket is closed, or being closed). */
    boolean cancel() {
        return closing.cancel(false) || closing.isCancelled();
    }

    long remainingMillis() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()));
    }

    boolean expired() {
        return expired;
    }

    @Override
    public void close() {
        closing.cancel(false);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "ft-handshake-deadlines");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }
}
