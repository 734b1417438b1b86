package io.lockstep.console.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lockstep.model.Datacenter;
import io.lockstep.model.FtPair;
import io.lockstep.model.PowerState;
import io.lockstep.model.VirtualMachine;

/**
 * What it takes to make the live datacenter look like an offline model: the differences, as the agent operations
 * that remove them (power on/off, move, protect, unprotect), in an order that works (unprotect before a move,
 * protect after it). Computed without touching anything, shown as a preview, applied one by one.
 */
public final class ApplyPlan {

    /** One agent operation: what a preview shows and what applying it does. */
    public record Operation(String description, String vm, String host, String method, String path, Object body) {
        @Override
        public String toString() {
            return description;
        }
    }

    private final List<Operation> operations = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private ApplyPlan() {
    }

    public List<Operation> operations() {
        return operations;
    }

    /** Differences that no operation removes (shown in the preview, left alone). */
    public List<String> notes() {
        return notes;
    }

    public static ApplyPlan between(Datacenter offline, Datacenter live) {
        ApplyPlan plan = new ApplyPlan();
        Map<String, VirtualMachine> liveVms = new HashMap<>();
        live.getVms().forEach(v -> liveVms.put(v.getName(), v));
        Map<String, FtPair> livePairs = pairs(live);
        Map<String, FtPair> offPairs = pairs(offline);
        List<Operation> unprotect = new ArrayList<>();
        List<Operation> middle = new ArrayList<>();
        List<Operation> protect = new ArrayList<>();
        for (VirtualMachine want : offline.getVms()) {
            VirtualMachine is = liveVms.remove(want.getName());
            String name = want.getName();
            if (is == null) {
                plan.notes.add(name + " is in the offline model but not in the datacenter (create it with `lockstep vm create`); left alone");
                continue;
            }
            String wantHost = want.getCurrentHost() == null ? null : want.getCurrentHost().getName();
            String isHost = is.getCurrentHost() == null ? null : is.getCurrentHost().getName();
            FtPair wp = offPairs.get(name);
            FtPair ip = livePairs.get(name);
            String wantBackup = wp == null || wp.getBackupHost() == null ? null : wp.getBackupHost().getName();
            String isBackup = ip == null || ip.getBackupHost() == null ? null : ip.getBackupHost().getName();
            boolean moving = wantHost != null && !wantHost.equals(isHost) && want.getPowerState() == PowerState.POWERED_ON;
            if (isBackup != null && (!isBackup.equals(wantBackup) || moving)) {
                unprotect.add(new Operation("Unprotect " + name + " (backup on " + isBackup + ")", name, isHost, "DELETE", "/v1/vms/" + name + "/ft", null));
            }
            if (want.getPowerState() == PowerState.POWERED_ON && is.getPowerState() != PowerState.POWERED_ON) {
                String on = wantHost != null ? wantHost : isHost;
                middle.add(new Operation("Power on " + name + " on " + on, name, on, "POST", "/v1/vms/" + name + "/power-on", null));
            } else if (moving) {
                middle.add(new Operation("Power off " + name + " on " + isHost, name, isHost, "POST", "/v1/vms/" + name + "/power-off", null));
                middle.add(new Operation("Power on " + name + " on " + wantHost + " (move from " + isHost + ")", name, wantHost, "POST",
                        "/v1/vms/" + name + "/power-on", null));
            } else if (want.getPowerState() == PowerState.POWERED_OFF && is.getPowerState() == PowerState.POWERED_ON) {
                middle.add(new Operation("Power off " + name + " on " + isHost, name, isHost, "POST", "/v1/vms/" + name + "/power-off", null));
            }
            if (wantBackup != null && (!wantBackup.equals(isBackup) || moving)) {
                String runs = wantHost != null ? wantHost : isHost;
                protect.add(new Operation("Protect " + name + " with a backup on " + wantBackup + " (" + wp.getMode().getLiteral() + ")", name, runs, "POST",
                        "/v1/vms/" + name + "/ft", new io.lockstep.agent.api.ProtectRequest(wantBackup, wp.getMode().getLiteral(), null)));
            }
        }
        for (String left : liveVms.keySet()) {
            plan.notes.add(left + " runs in the datacenter but is not in the offline model; left alone (nothing is deleted by an apply)");
        }
        plan.operations.addAll(unprotect);
        plan.operations.addAll(middle);
        plan.operations.addAll(protect);
        return plan;
    }

    private static Map<String, FtPair> pairs(Datacenter dc) {
        Map<String, FtPair> m = new HashMap<>();
        for (FtPair p : dc.getFtPairs()) {
            if (p.getPrimary() != null) {
                m.put(p.getPrimary().getName(), p);
            }
        }
        return m;
    }

    /** Applies the operations in order through {@code live}; stops at the first that fails, naming it. */
    public static void apply(LiveDatacenter live, List<Operation> ops) throws Exception {
        for (Operation op : ops) {
            try {
                live.client(op.host()).call(op.method(), op.path(), op.body());
            } catch (Exception e) {
                throw new Exception(op.description() + " failed: " + e.getMessage(), e);
            }
        }
    }
}
