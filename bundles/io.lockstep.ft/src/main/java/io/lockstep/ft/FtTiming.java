package io.lockstep.ft;

import io.lockstep.cluster.Timing;

/**
 * Every time constant of an FT pair, in one place, derived from the shared medium's {@link Timing} (as the medium's
 * own are from its I/O timeout), so a datastore formatted for slow storage gives its pairs slow, safe timings too:
 *
 * <pre>
 * heartbeat          = io / 2   (the medium's poll interval)    each side tells the other it is alive this often
 * fail after         = T        (the medium's lease timeout)    a silent peer is lost after this (a closed connection at once)
 * settle             = io                                         a backup that went live holds its disk writes this long:
 *                                                                 the old primary's last write has completed or failed by then
 * epoch              = 25 ms by default, 5 ms to 10 s             checkpointing's interval when no client waits
 * early epoch        = 0.1 ms after the last one began, or         an epoch ends this soon when output is held (a client
 *                      4 x its pause if longer                     waits): the pause stays under a quarter of the time
 * </pre>
 * At the local I/O timeout (250 ms): heartbeat 125 ms, fail after 2 s, settle 250 ms. At the default (2 s): 1 s, 16 s,
 * 2 s. A busy 2-core machine stalls a thread for a few hundred ms at worst (docs/testing.md): a pair that is well is
 * never split by it.
 */
public record FtTiming(int heartbeatMillis, int failAfterMillis, int settleMillis) {

    public static final int DEFAULT_EPOCH_MILLIS = 25;
    public static final int MIN_EPOCH_MILLIS = 5;
    public static final int MAX_EPOCH_MILLIS = 10_000;
    /**
     * An epoch ends early, when the guest has output held, no sooner than this after the last one began (issue 22). The
     * phase profile of {@code bench ft --only native} chose it: at 0.25 ms a lone client's epoch spent 0.2 of its 0.29 ms
     * waiting out this bound; at 0.1 ms the wait is gone for one client and 50 gain too; 0.05 ms gained nothing more.
     */
    public static final int EARLY_EPOCH_MICROS = 100;
    /** ... and no sooner than this many times the last epoch's pause: the guest runs at least 3/4 of the time. */
    public static final int EARLY_EPOCH_PAUSES = 4;

    public static FtTiming of(Timing medium) {
        return new FtTiming((int) medium.pollInterval().toMillis(), (int) medium.leaseTimeout().toMillis(), (int) medium.ioTimeout().toMillis());
    }

    /** The epoch bound's error, or null when {@code epochMillis} is one. */
    static String epochProblem(int epochMillis) {
        return epochMillis < MIN_EPOCH_MILLIS || epochMillis > MAX_EPOCH_MILLIS
                ? "epoch: expected " + MIN_EPOCH_MILLIS + " to " + MAX_EPOCH_MILLIS + " ms, found " + epochMillis
                : null;
    }
}
