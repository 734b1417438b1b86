package io.lockstep.cluster;

import java.time.Duration;

/**
 * Heartbeat renewals a test drives: they run as the daemon's do until the test holds them (the host's commands are
 * then its test thread's alone, for counting or for watching what it has not seen yet), hangs the host (its renewals
 * stop, its session lives on: SIGSTOP) or kills it (SIGKILL, with its medium closed by {@link TestCluster#crash}).
 */
final class TestHeartbeats implements HeartbeatDriver {

    private volatile boolean held;
    private volatile boolean dead;
    private Renewals daemon;

    @Override
    public Renewals start(String host, Duration interval, Runnable renewal) {
        daemon = HeartbeatDriver.DAEMON.start(host, interval, () -> {
            if (!held && !dead) {
                renewal.run();
            }
        });
        return daemon;
    }

    /** While held, no renewal runs (the host stays valid for the self-fence time after its last one). */
    void hold(boolean hold) {
        held = hold;
    }

    /** No renewal runs again; one in progress is waited for. */
    void stop() {
        dead = true;
        if (daemon != null) {
            daemon.stop(true);
        }
    }
}
