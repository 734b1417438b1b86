package io.lockstep.cluster;

import java.time.Duration;

/**
 * Every timing constant of the heartbeat and lease protocol, derived in this one place from the medium's
 * I/O timeout (as sanlock derives its own from {@code io_timeout}). The I/O timeout is stored in the
 * superblock when the medium is formatted, so every host of a cluster uses the same values.
 *
 * <pre>
 * heartbeat interval H     = 2 × io    a host renews its heartbeat this often
 * self-fence after         = 6 × io    a host whose last renewal started this long ago stops I/O under its leases
 * lease timeout T          = 8 × io    an observer that saw a host's counter stand still this long may break its locks
 * poll interval            = io / 2    a contender re-reads a busy lock this often
 * </pre>
 *
 * The gap between self-fence (6 io) and T (8 io) is the safety margin: a holder stops writing at least
 * 2 io before any other host may take its locks, because the observer starts its T only after it has
 * <em>seen</em> the holder's last counter, which the holder wrote after it started that renewal.
 * Liveness is always judged on the observer's own monotonic clock; hosts never compare clocks.
 */
public record Timing(Duration ioTimeout) {

    public static final Duration DEFAULT_IO_TIMEOUT = Duration.ofSeconds(2);
    /**
     * The I/O timeout of a datacenter whose hosts share one machine (`lockstep up`) and of the protocol tests: the
     * shortest a loaded 2-core machine honours. A host self-fences when no renewal started for 6 io = 1.5 s; a thread
     * beside the test suite with one core kept busy woke up to 456 ms late there ({@code ./lockstep bench stalls},
     * docs/testing.md "Timing"). At 25 ms (self-fence 150 ms) such a stall fenced hosts that were alive.
     */
    public static final Duration LOCAL_IO_TIMEOUT = Duration.ofMillis(250);
    public static final Duration MIN_IO_TIMEOUT = Duration.ofMillis(20);

    public Timing {
        if (ioTimeout == null || ioTimeout.compareTo(MIN_IO_TIMEOUT) < 0 || ioTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("I/O timeout: expected 20 ms to 5 min, found " + ioTimeout);
        }
    }

    public static Timing ofMillis(long ioTimeoutMillis) {
        return new Timing(Duration.ofMillis(ioTimeoutMillis));
    }

    public Duration heartbeatInterval() {
        return ioTimeout.multipliedBy(2);
    }

    public Duration selfFenceAfter() {
        return ioTimeout.multipliedBy(6);
    }

    public Duration leaseTimeout() {
        return ioTimeout.multipliedBy(8);
    }

    public Duration pollInterval() {
        return ioTimeout.dividedBy(2);
    }

    /**
     * How long a host waits for a lock it needs now (a VM's config or disk lock at power-on): a live holder keeps
     * it, a dead holder's is broken T after the waiter began watching — 2T leaves one T of margin.
     */
    public Duration lockWait() {
        return leaseTimeout().multipliedBy(2);
    }

    /**
     * How long an FT backup that went live waits for its VM's config lock: the primary it replaced may have been hung
     * rather than dead, its renewals straggling on until it self-fences, before T runs — 4T.
     */
    public Duration failoverLockWait() {
        return leaseTimeout().multipliedBy(4);
    }

    /** How long the {@code reserve} mode retries a device that another host keeps reserved. */
    public Duration reservationWait() {
        return ioTimeout.multipliedBy(4);
    }

    @Override
    public String toString() {
        return "io " + ioTimeout.toMillis() + " ms, heartbeat every " + heartbeatInterval().toMillis() + " ms, self-fence after "
                + selfFenceAfter().toMillis() + " ms, lease timeout " + leaseTimeout().toMillis() + " ms";
    }
}
