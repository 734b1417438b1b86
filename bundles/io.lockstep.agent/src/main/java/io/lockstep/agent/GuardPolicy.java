package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.lockstep.agent.Alarms.Severity;
import io.lockstep.guard.Guard;
import io.lockstep.guard.Thresholds;
import io.lockstep.guard.TrafficMonitor;
import io.lockstep.agent.api.EventType;
import io.lockstep.agent.api.GuardAttackEvent;
import io.lockstep.agent.api.PowerEvent;

/**
 * The DoS guard's policy on this host (ARCHITECTURE "DoS guard"): every running VM's NIC is watched; when one is
 * under attack the policy suspends the VM attacked ({@code target}) or the host's other VMs ({@code others}) — never an
 * FT primary, whose backup would have to take over first —, raises an alarm, and resumes what it suspended when the
 * attack is over. {@code off}: no guard.
 *
 * <p>QEMU VMs are watched on their frames ({@link QemuFrames}: QEMU's filter-mirror of the NIC, decoded into
 * connections): the same rules, events and alarms; suspending one is QMP {@code stop} ({@link QemuVms#suspend}).
 */
final class GuardPolicy {

    private static final System.Logger LOG = System.getLogger(GuardPolicy.class.getName());

    private final String policy;
    private final LocalVms here;
    private final Events events;
    private final Alarms alarms;

    /** The QEMU VMs watched here, by name, with their guards. */
    private final Map<String, QemuWatch> qemu = new ConcurrentHashMap<>();
    /** The QEMU VMs this policy suspended (resumed when the attack is over). */
    private final Set<String> qemuSuspended = ConcurrentHashMap.newKeySet();
    private final AtomicInteger mirrors = new AtomicInteger();
    private volatile Path mirrorDir;

    private record QemuWatch(QemuFrames frames, Guard guard, Thread ticker) {
    }

    /**
     * How long the tap of a QEMU VM the guard suspended must have been quiet before the VM is resumed (system property
     * {@code lockstep.guard.quietMillis}, default 3,000 ms). A stopped QEMU reads nothing from its tap, so its mirror
     * shows no frames and its guard sees any attack "over" after the hold-down; the frames still arriving at the tap
     * say whether it is.
     */
    static final long QUIET_MILLIS = Math.max(0, Long.getLong("lockstep.guard.quietMillis", 3000));
    /** Frames a second arriving at a suspended VM's tap that still count as quiet (clients retrying, ARP). */
    static final double QUIET_FRAMES_PER_SECOND = 100;

    /** The taps of QEMU VMs this policy suspended because they were attacked: watched until they are quiet. */
    private final Map<String, TapQuiet> taps = new ConcurrentHashMap<>();

    GuardPolicy(String policy, LocalVms here, Events events, Alarms alarms) {
        this.policy = policy;
        this.here = here;
        this.events = events;
        this.alarms = alarms;
        if (!policy.equals("off") && here.qemu() != null) {
            here.qemu().frameWatch(new QemuVms.FrameWatch() {
                @Override
                public List<String> mirrorArgs(String vm) throws IOException {
                    return watchQemu(vm);
                }

                @Override
                public void stopped(String vm) {
                    unwatchQemu(vm);
                }
            });
        }
    }

    /** Watches the frames of a QEMU VM about to boot: a mirror socket of its own; the QEMU arguments that feed it. */
    List<String> watchQemu(String vm) throws IOException {
        unwatchQemu(vm); // a VM booted again (a new QEMU) gets a new mirror
        Path dir = mirrorDir;
        if (dir == null) {
            synchronized (this) {
                if (mirrorDir == null) {
                    mirrorDir = Files.createTempDirectory("lsguard"); // short: a Unix socket path has at most 107 bytes
                    mirrorDir.toFile().deleteOnExit();
                }
                dir = mirrorDir;
            }
        }
        int n = mirrors.incrementAndGet();
        QemuFrames frames = new QemuFrames(vm, dir.resolve("m" + n + ".sock"), "lsmirror" + n);
        Guard g = new Guard(vm, frames.flows, Thresholds.defaults(), listener());
        Thread ticker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                frames.flows.tick(); // half-open flows end even when no frame comes
            }
        }, "guard-flows-" + vm);
        ticker.setDaemon(true);
        ticker.start();
        qemu.put(vm, new QemuWatch(frames, g, ticker));
        return frames.args();
    }

    /** The QEMU VM no longer runs here: its guard and mirror end. */
    void unwatchQemu(String vm) {
        QemuWatch w = qemu.remove(vm);
        if (w == null) {
            return;
        }
        w.ticker().interrupt();
        w.guard().close();
        w.frames().close();
        qemuSuspended.remove(vm);
        TapQuiet t = taps.remove(vm);
        if (t != null) {
            t.end();
            alarms.clear("guard." + vm);
        }
        if (w.guard().underAttack()) {
            alarms.clear("guard." + vm);
        }
    }

    /** The guard of a QEMU VM watched here (tests, diagnostics). */
    Guard qemuGuard(String vm) {
        QemuWatch w = qemu.get(vm);
        return w == null ? null : w.guard();
    }

    private Guard.Listener listener() {
        return new Guard.Listener() {
            @Override
            public void attackStarted(String vm, String reason, TrafficMonitor.Rates rates) {
                onAttack(vm, reason);
            }

            @Override
            public void attackEnded(String vm, long lastedMillis) {
                onAttackOver(vm, lastedMillis);
            }
        };
    }

    /** Starts watching a VM that now runs here. */
    void watch(RunningVm r) {
        if (policy.equals("off")) {
            return;
        }
        r.guard = new Guard(r.name, r.live.nic(), Thresholds.defaults(), listener());
    }

    /** Suspends what the policy names; an FT primary is never suspended (its backup would have to take over first). */
    private void onAttack(String vm, String reason) {
        long detected = System.currentTimeMillis();
        List<String> suspended = new ArrayList<>();
        List<String> spared = new ArrayList<>();
        for (RunningVm r : here.running()) {
            boolean underAttack = r.name.equals(vm);
            boolean named = policy.equals("target") ? underAttack : !underAttack; // "others": the rest of the host
            if (!named) {
                continue;
            }
            if (r.isFtPrimary()) {
                spared.add(r.name + " (an FT primary)");
                continue;
            }
            if (r.suspended) {
                continue;
            }
            try {
                r.vm.pause();
                r.suspended = true;
                r.suspendedByGuard = true;
                suspended.add(r.name);
                events.publish(EventType.VM_POWER, r.name, new PowerEvent("suspended", here.host(), "guard", null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        QemuVms q = here.qemu();
        for (QemuVms.Running r : q == null ? List.<QemuVms.Running>of() : q.running()) {
            boolean underAttack = r.name().equals(vm);
            boolean named = policy.equals("target") ? underAttack : !underAttack;
            if (!named || r.suspended) {
                continue;
            }
            try {
                q.suspend(r); // QMP stop
                qemuSuspended.add(r.name());
                suspended.add(r.name());
                if (underAttack) {
                    watchTap(r);
                }
                events.publish(EventType.VM_POWER, r.name(), new PowerEvent("suspended", here.host(), "guard", null));
            } catch (IOException e) {
                spared.add(r.name() + " (QMP stop failed: " + e.getMessage() + ")");
            }
        }
        String text = vm + " is under attack (" + reason + ")" + (suspended.isEmpty() ? "" : "; suspended: " + String.join(", ", suspended))
                + (spared.isEmpty() ? "" : "; not suspended: " + String.join(", ", spared));
        alarms.raise("guard." + vm, Severity.CRITICAL, vm, text);
        events.publish(EventType.GUARD_ATTACK, vm, new GuardAttackEvent(reason, detected, suspended, spared, System.currentTimeMillis()));
    }

    /**
     * The guard of {@code vm} sees the attack over. When the policy suspended {@code vm} itself (a QEMU VM), its guard saw
     * nothing while it was stopped: it is resumed only once frames have stopped arriving at its tap for
     * {@link #QUIET_MILLIS} — a long flood keeps it suspended instead of letting it run a moment every hold-down.
     */
    private void onAttackOver(String vm, long lastedMillis) {
        TapQuiet t = taps.get(vm);
        if (t != null && t.attackOverAfter(lastedMillis)) {
            return; // resumed by the tap's watcher once it is quiet
        }
        taps.remove(vm);
        resumeAll(vm, lastedMillis, 0);
    }

    private void watchTap(QemuVms.Running r) {
        TapQuiet old = taps.remove(r.name());
        if (old != null) {
            old.end();
        }
        TapQuiet t = new TapQuiet(r.name(), r.tap.device());
        taps.put(r.name(), t);
        t.start();
    }

    /**
     * Counts the frames arriving at a suspended QEMU VM's tap — every frame the host sends to it is either read by QEMU
     * ({@code tx_packets}) or, with QEMU stopped, queued in the tap (up to its 1,000-frame queue) and then dropped
     * ({@code tx_dropped}) — every 100 ms, and resumes what the policy suspended once the guard saw the attack over and
     * the tap has been quiet ({@link #QUIET_FRAMES_PER_SECOND} or less) for {@link #QUIET_MILLIS}.
     */
    private final class TapQuiet extends Thread {
        private final String vm;
        private final Path stats;
        private volatile long busyAt = System.nanoTime();
        private volatile long overAt; // when the guard said the attack was over (0: not yet)
        private volatile long lastedMillis;
        private volatile boolean stopped;

        TapQuiet(String vm, String device) {
            super("guard-tap-" + vm);
            setDaemon(true);
            this.vm = vm;
            this.stats = Path.of("/sys/class/net", device, "statistics");
        }

        /** The guard saw the attack over: true when this watcher resumes the VMs (when the tap is quiet), false when it cannot tell. */
        boolean attackOverAfter(long lasted) {
            if (arrived() < 0) {
                return false;
            }
            lastedMillis = lasted;
            overAt = System.nanoTime();
            return true;
        }

        void end() {
            stopped = true;
            interrupt();
        }

        private long arrived() {
            try {
                return Long.parseLong(Files.readString(stats.resolve("tx_packets")).trim()) + Long.parseLong(Files.readString(stats.resolve("tx_dropped")).trim());
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
        }

        @Override
        public void run() {
            long last = arrived();
            long lastAt = System.nanoTime();
            while (!stopped) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                long a = arrived();
                if (a < 0 || last < 0) {
                    if (overAt != 0) { // the tap is gone (the VM stopped): nothing to wait for
                        finish(now);
                        return;
                    }
                    last = a;
                    lastAt = now;
                    continue;
                }
                double perSecond = (a - last) * 1e9 / Math.max(1, now - lastAt);
                if (perSecond > QUIET_FRAMES_PER_SECOND) {
                    busyAt = now;
                }
                last = a;
                lastAt = now;
                if (overAt != 0 && now - busyAt >= QUIET_MILLIS * 1_000_000L) {
                    finish(now);
                    return;
                }
            }
        }

        private void finish(long now) {
            if (!taps.remove(vm, this)) {
                return;
            }
            long held = (now - overAt) / 1_000_000;
            LOG.log(System.Logger.Level.INFO, vm + ": its tap has been quiet for " + QUIET_MILLIS + " ms; the guard resumes what it suspended (" + held
                    + " ms after its guard saw the attack over)");
            resumeAll(vm, lastedMillis + held, held);
        }
    }

    private void resumeAll(String vm, long lastedMillis, long heldForTapMillis) {
        List<String> resumed = new ArrayList<>();
        for (RunningVm r : here.running()) {
            if (r.suspendedByGuard) {
                r.vm.resume();
                r.suspended = false;
                r.suspendedByGuard = false;
                resumed.add(r.name);
                events.publish(EventType.VM_POWER, r.name, new PowerEvent("poweredOn", here.host(), "guard", null));
            }
        }
        QemuVms q = here.qemu();
        for (String name : List.copyOf(qemuSuspended)) {
            qemuSuspended.remove(name);
            var r = q == null ? java.util.Optional.<QemuVms.Running>empty() : q.running(name);
            if (r.isPresent() && r.get().suspended) {
                try {
                    q.resume(r.get()); // QMP cont
                    resumed.add(name);
                    events.publish(EventType.VM_POWER, name, new PowerEvent("poweredOn", here.host(), "guard", null));
                } catch (IOException e) {
                    alarms.raise("guard.resume." + name, Severity.WARNING, name, "the guard could not resume " + name + " after the attack on " + vm
                            + ": " + e.getMessage());
                }
            }
        }
        alarms.clear("guard." + vm);
        events.publish(EventType.GUARD_OVER, vm, Map.of("lastedMillis", lastedMillis, "resumed", resumed, "heldForTapMillis", heldForTapMillis));
    }
}
