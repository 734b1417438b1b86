package io.lockstep.guard;

import java.util.Locale;
import java.util.Optional;

import io.lockstep.vm.TrafficSource;

/**
 * The DoS guard of one VM: its NIC's {@link TrafficMonitor} (fed by a {@link TrafficSource}: a Java guest's NetForwarder or a QEMU
 * guest's {@link PacketFlows}), a detector that checks the sliding window against
 * the {@link Thresholds} and a learned baseline every 100 ms, and a listener told when an attack starts (with
 * the rule that fired and how long after the first suspicious window it was detected) and when it has been quiet
 * for the hold-down time. What to do (suspend whom) is the policy's, in the agent.
 */
public final class Guard implements AutoCloseable {

    /** What the policy hears. */
    public interface Listener {
        void attackStarted(String vm, String reason, TrafficMonitor.Rates rates);

        void attackEnded(String vm, long lastedMillis);
    }

    private final String vm;
    private final TrafficSource nic;
    private final Thresholds t;
    private final Listener listener;
    private final TrafficMonitor monitor = new TrafficMonitor();
    private final Thread ticker;
    private volatile boolean closed;
    private volatile boolean underAttack;
    private volatile double baselinePackets = -1;
    private long attackSince;
    private long quietSince;
    private volatile String reason;

    public Guard(String vm, TrafficSource nic, Thresholds thresholds, Listener listener) {
        this.vm = vm;
        this.nic = nic;
        this.t = thresholds;
        this.listener = listener;
        nic.addTrafficListener(monitor);
        ticker = new Thread(this::run, "guard-" + vm);
        ticker.setDaemon(true);
        ticker.setPriority(Thread.MAX_PRIORITY);
        ticker.start();
    }

    /** How close to its threshold a rule must be to count as "near" in the combined rule. */
    static final double NEAR = 0.75;

    /**
     * The rule an attack window breaks, or empty. A connection flood is churn (connections that came and went) above
     * the threshold — a pool opened at once and kept is not; many source addresses count only with connections
     * dropped empty (a front end's clients come from many addresses; a spoofed flood's connections carry nothing);
     * a request flood is a packet rate above the ceiling; and a flood kept just under the churn and the empty-drop
     * rules at once (each at least {@value #NEAR} of its threshold) is one too.
     */
    public Optional<String> judge(TrafficMonitor.Rates r) {
        if (r.churnPerSecond() > t.newConnectionsPerSecond()) {
            return Optional.of(String.format(Locale.ROOT, "%.0f connections/s opened and closed (threshold %.0f)", r.churnPerSecond(),
                    t.newConnectionsPerSecond()));
        }
        boolean connecting = r.newConnectionsPerSecond() >= 50;
        if (connecting && r.emptyCloseRatio() > t.emptyCloseRatio()) {
            return Optional.of(String.format(Locale.ROOT, "%.0f%% of %.0f connections/s dropped without a byte (threshold %.0f%%)",
                    r.emptyCloseRatio() * 100, r.newConnectionsPerSecond(), t.emptyCloseRatio() * 100));
        }
        if (connecting && r.distinctSources() > t.distinctSources() && r.emptyCloseRatio() > t.emptyCloseRatio() / 2) {
            return Optional.of(String.format(Locale.ROOT, "%d source addresses in %d ms (threshold %d) with %.0f%% of connections dropped without a "
                    + "byte (threshold %.0f%% from that many)", r.distinctSources(), t.windowMillis(), t.distinctSources(), r.emptyCloseRatio() * 100,
                    t.emptyCloseRatio() * 50));
        }
        if (connecting && r.churnPerSecond() >= NEAR * t.newConnectionsPerSecond() && r.emptyCloseRatio() >= NEAR * t.emptyCloseRatio()) {
            return Optional.of(String.format(Locale.ROOT, "%.0f connections/s opened and closed and %.0f%% dropped without a byte: each under its "
                    + "threshold (%.0f, %.0f%%) but both within %.0f%% of it", r.churnPerSecond(), r.emptyCloseRatio() * 100, t.newConnectionsPerSecond(),
                    t.emptyCloseRatio() * 100, NEAR * 100));
        }
        // a request flood: a packet rate above the ceiling, which rises with a busy VM's learned normal rate
        double ceiling = Math.max(t.packetsPerSecond(), Math.max(0, baselinePackets) * t.baselineFactor());
        if (r.packetsPerSecond() > ceiling) {
            return Optional.of(String.format(Locale.ROOT, "%.0f packets/s (ceiling %.0f: the larger of %.0f and %.0f× the learned %.0f/s)",
                    r.packetsPerSecond(), ceiling, t.packetsPerSecond(), t.baselineFactor(), Math.max(0, baselinePackets)));
        }
        return Optional.empty();
    }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(TrafficMonitor.BUCKET_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            TrafficMonitor.Rates r = monitor.rates(t.windowMillis());
            Optional<String> bad = judge(r);
            long now = System.nanoTime();
            if (bad.isPresent()) {
                quietSince = 0;
                if (!underAttack) {
                    underAttack = true;
                    attackSince = now;
                    reason = bad.get();
                    try {
                        listener.attackStarted(vm, reason, r);
                    } catch (RuntimeException e) {
                        System.getLogger(Guard.class.getName()).log(System.Logger.Level.WARNING, vm + ": the guard's policy failed: " + e);
                    }
                }
            } else if (underAttack) {
                if (quietSince == 0) {
                    quietSince = now;
                } else if (now - quietSince >= t.holdDownMillis() * 1_000_000L) {
                    underAttack = false;
                    try {
                        listener.attackEnded(vm, (now - attackSince) / 1_000_000);
                    } catch (RuntimeException e) {
                        System.getLogger(Guard.class.getName()).log(System.Logger.Level.WARNING, vm + ": the guard's policy failed: " + e);
                    }
                }
            } else {
                // learn the normal packet rate (an exponentially weighted mean over about 10 s of quiet windows)
                double p = r.packetsPerSecond();
                baselinePackets = baselinePackets < 0 ? p : baselinePackets * 0.99 + p * 0.01;
            }
        }
    }

    public boolean underAttack() {
        return underAttack;
    }

    public String reason() {
        return reason;
    }

    public TrafficMonitor monitor() {
        return monitor;
    }

    public double baselinePacketsPerSecond() {
        return baselinePackets;
    }

    @Override
    public void close() {
        closed = true;
        ticker.interrupt();
        nic.removeTrafficListener(monitor);
    }
}
