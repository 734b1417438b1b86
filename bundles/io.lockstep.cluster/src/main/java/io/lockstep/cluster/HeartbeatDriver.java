package io.lockstep.cluster;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What runs a host's heartbeat renewals, every heartbeat interval. A host's renewals run on a daemon thread of their
 * own ({@link #DAEMON}); a test that must make a host hang or die at a moment of its choosing (as SIGSTOP and SIGKILL do
 * to a process) drives them itself — the protocol does not change, only who calls it.
 */
public interface HeartbeatDriver {

    /** Renewals that run until stopped. */
    interface Renewals {
        /** Stops the renewals: none starts after this; with {@code await}, a renewal in progress is waited for (bounded). */
        void stop(boolean await);
    }

    /** Starts calling {@code renewal} every {@code interval} for {@code host}. */
    Renewals start(String host, Duration interval, Runnable renewal);

    /** A daemon thread of maximal priority per host, at a fixed rate (a late renewal is caught up at once). */
    HeartbeatDriver DAEMON = (host, interval, renewal) -> {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lockstep-heartbeat-" + host);
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        long every = interval.toMillis();
        s.scheduleAtFixedRate(renewal, every, every, TimeUnit.MILLISECONDS);
        // stopping does not interrupt: a thread interrupted in the middle of file I/O closes the FileChannel that every
        // initiator of this JVM shares on that LUN; a renewal in progress finishes (bounded by the reservation wait)
        return await -> {
            s.shutdown();
            if (await) {
                try {
                    if (!s.awaitTermination(interval.multipliedBy(2).toMillis() + 5000, TimeUnit.MILLISECONDS)) {
                        System.getLogger(HeartbeatDriver.class.getName()).log(System.Logger.Level.WARNING,
                                host + ": the heartbeat renewal did not finish; leaving it to end on its own");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    };
}
