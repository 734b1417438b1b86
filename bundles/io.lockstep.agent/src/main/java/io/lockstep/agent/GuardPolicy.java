package io.lockstep.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 */
final class GuardPolicy {

    private final String policy;
    private final LocalVms here;
    private final Events events;
    private final Alarms alarms;

    GuardPolicy(String policy, LocalVms here, Events events, Alarms alarms) {
        this.policy = policy;
        this.here = here;
        this.events = events;
        this.alarms = alarms;
    }

    /** Starts watching a VM that now runs here. */
    void watch(RunningVm r) {
        if (policy.equals("off")) {
            return;
        }
        r.guard = new Guard(r.name, r.live.nic(), Thresholds.defaults(), new Guard.Listener() {
            @Override
            public void attackStarted(String vm, String reason, TrafficMonitor.Rates rates) {
                onAttack(vm, reason);
            }

            @Override
            public void attackEnded(String vm, long lastedMillis) {
                onAttackOver(vm, lastedMillis);
            }
        });
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
        String text = vm + " is under attack (" + reason + ")" + (suspended.isEmpty() ? "" : "; suspended: " + String.join(", ", suspended))
                + (spared.isEmpty() ? "" : "; not suspended: " + String.join(", ", spared));
        alarms.raise("guard." + vm, Severity.CRITICAL, vm, text);
        events.publish(EventType.GUARD_ATTACK, vm, new GuardAttackEvent(reason, detected, suspended, spared, System.currentTimeMillis()));
    }

    private void onAttackOver(String vm, long lastedMillis) {
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
        alarms.clear("guard." + vm);
        events.publish(EventType.GUARD_OVER, vm, Map.of("lastedMillis", lastedMillis, "resumed", resumed));
    }
}
