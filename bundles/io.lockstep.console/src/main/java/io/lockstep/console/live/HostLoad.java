package io.lockstep.console.live;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import io.lockstep.model.ConnectionState;
import io.lockstep.model.Datacenter;
import io.lockstep.model.FtPair;
import io.lockstep.model.Host;
import io.lockstep.model.PowerState;
import io.lockstep.model.VirtualMachine;

/**
 * Where the console puts what an operator did not place: each host's load is the VMs running on it plus the FT
 * backups it holds, counted once from the model and then with what this run already placed, so a protect of many
 * VMs spreads their backups instead of piling them on one host. Only hosts that heartbeat and whose agent the console
 * reaches are chosen; ties go to the first name.
 */
public final class HostLoad {

    private final Map<Host, Integer> load = new HashMap<>();
    private final Map<Host, Integer> before = new HashMap<>();

    public HostLoad(Datacenter dc, Collection<String> reachable) {
        for (Host h : dc.getHosts()) {
            if (h.getConnectionState() == ConnectionState.CONNECTED && reachable.contains(h.getName())) {
                load.put(h, 0);
            }
        }
        for (VirtualMachine vm : dc.getVms()) {
            if (vm.getCurrentHost() != null && vm.getPowerState() != PowerState.POWERED_OFF) {
                load.computeIfPresent(vm.getCurrentHost(), (h, n) -> n + 1);
            }
        }
        for (FtPair p : dc.getFtPairs()) {
            if (p.getBackupHost() != null) {
                load.computeIfPresent(p.getBackupHost(), (h, n) -> n + 1);
            }
        }
        before.putAll(load);
    }

    /** The least-loaded host but {@code not} (null: any), counted as one more from now on; null when there is none. */
    public Host choose(Host not) {
        Host best = load.keySet().stream().filter(h -> h != not)
                .min(Comparator.<Host>comparingInt(load::get).thenComparing(Host::getName)).orElse(null);
        if (best != null) {
            load.merge(best, 1, Integer::sum);
        }
        return best;
    }

    /** "the least-loaded host (2 VMs and backups before this run)", said in the task's message. */
    public String why(Host chosen, boolean other) {
        int n = before.getOrDefault(chosen, 0);
        return (other ? "the least-loaded other host" : "the least-loaded host") + " (" + n + (n == 1 ? " VM or backup" : " VMs and backups")
                + " before this action)";
    }
}
