package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.lockstep.agent.api.DiskLayer;
import io.lockstep.agent.api.DiskView;
import io.lockstep.agent.api.FtStatsView;
import io.lockstep.agent.api.FtView;
import io.lockstep.agent.api.SanView;
import io.lockstep.agent.api.VmView;
import io.lockstep.ft.FtStats;
import io.lockstep.ft.LiveVm;
import io.lockstep.ft.PrimarySession;
import io.lockstep.san.Wwn;
import io.lockstep.vdisk.DiskChain;

/**
 * What the API says of a VM: its configuration and SAN identity, where it runs and in which power state (from this
 * host's own VMs and, for the others, the locks on the medium, with a note when they say something an operator should
 * know), its FT role and statistics, its disk chain.
 */
final class VmViews {

    private final VmStore store;
    private final LocalVms here;
    private final VmLocks locks;

    VmViews(VmStore store, LocalVms here, VmLocks locks) {
        this.store = store;
        this.here = here;
        this.locks = locks;
    }

    List<VmView> list() throws IOException {
        List<VmView> out = new ArrayList<>();
        for (String n : store.names()) {
            try {
                out.add(view(n));
            } catch (ApiException e) {
                // deleted meanwhile
            }
        }
        return out;
    }

    VmView view(String name) throws IOException {
        VmConfig c = store.config(name);
        SanView san = c.wwpn() == null ? null : new SanView(c.wwpn(), c.wwnn(), c.iqn(), Wwn.parse(c.wwpn()).initiatorName());
        RunningVm r = here.running(name).orElse(null);
        String host = here.host();
        String powerState;
        String at;
        Long position = null;
        String note = null;
        QemuVms.Running q = r == null ? here.runningQemu(name).orElse(null) : null;
        if (r != null) {
            powerState = r.suspended ? "suspended" : r.live.protection() == LiveVm.Protection.HALTED ? "halted" : "poweredOn";
            at = host;
            position = r.vm.position();
        } else if (q != null) {
            powerState = q.suspended ? "suspended" : "poweredOn";
            at = host;
        } else {
            VmLocks.Where w = locks.where(name);
            if (w.host() != null && (w.previousLife() || w.host().equals(host))) {
                // the lock is from before its owner restarted or was fenced: the VM does not run there (a running VM dies with its host)
                powerState = "poweredOff";
                at = null;
                note = w.host() + "'s lock on " + VmStore.configEntity(name) + " is from before " + w.host() + " restarted or was fenced; " + name
                        + " does not run there";
            } else if (w.host() != null) {
                powerState = w.live() ? "poweredOn" : "unknown";
                at = w.host();
                if (!w.live()) {
                    note = w.host() + " holds the lock on " + VmStore.configEntity(name) + " but its heartbeat stopped; the lock is broken by the next "
                            + "host that powers it on";
                }
            } else {
                powerState = "poweredOff";
                at = null;
            }
        }
        String kept = here.note(name);
        if (kept != null && (note == null || "poweredOff".equals(powerState))) {
            note = r == null && at != null && !at.equals(host)
                    ? kept.replaceFirst("; it stopped with the agent and was not restarted", "") + "; it runs on " + at + " now"
                    : kept;
        }
        Double share = q != null ? Double.valueOf(q.machine.cpuShare()) : QemuGuest.is(c.guest()) ? Double.valueOf(c.share()) : null;
        return new VmView(c.name(), c.guest(), c.memoryMiB(), c.diskMiB(), c.port(), san, c.luns(), powerState, at, position, note, ftView(name),
                diskView(name), c.address(), share, c.sharedDisks().isEmpty() ? null : c.sharedDisks());
    }

    private volatile QemuFt qemuFt;

    void qemuFt(QemuFt q) {
        this.qemuFt = q;
    }

    FtView ftView(String name) {
        QemuFt q = qemuFt;
        FtView qv = q == null ? null : q.view(name);
        if (qv != null) {
            return qv;
        }
        RunningVm r = here.running(name).orElse(null);
        BackupRole b = here.backup(name).orElse(null);
        if (r != null && r.live.session() != null && r.peer != null) {
            return new FtView("primary", r.live.protection().name().toLowerCase(), r.peer, null, r.ftOptions.mode().name().toLowerCase(),
                    r.ftOptions.epochMillis(), r.live.reason(), ftStats(r, null, null));
        }
        if (b != null) {
            return new FtView("backup", b.backup.state().name().toLowerCase(), null, b.primary, null, null, null, null);
        }
        return new FtView("none", r == null ? "none" : r.live.protection().name().toLowerCase(), null, null, null, null,
                r == null ? null : r.live.reason(), null);
    }

    /** An FT primary's statistics: in its view, and ({@code state} and {@code backup} given) as the once-a-second event. */
    static FtStatsView ftStats(RunningVm r, String state, String backup) {
        FtStats st = r.live.stats();
        PrimarySession s = r.live.session();
        return new FtStatsView(st.epochs(), Math.round(r.epochRate * 10) / 10.0, st.pausePercentile(50) / 1000, st.pausePercentile(99) / 1000,
                st.pagesSent(), st.diffPages(), st.pageBytes(), st.pageBytesIfWhole(), st.eventsSent(), st.diskWritesSent(),
                s == null ? 0.0 : Math.round(s.lagMillis() * 10) / 10.0, Math.round(r.vm.cpuShare() * 1000) / 1000.0, r.vm.position(), state, backup);
    }

    /** A VM's disk chain, from the disk it runs on to its base ({@code vm} given: as in the list of every VM's). */
    DiskView diskView(String name, String vm) {
        try {
            Path top = store.runningDisk(name);
            List<DiskLayer> chain = new ArrayList<>();
            Path p = top;
            for (int depth = 0; p != null && Files.exists(p) && depth < DiskChain.MAX_DEPTH; depth++) {
                chain.add(new DiskLayer(p.getFileName().toString(), Files.size(p)));
                p = DiskChain.parentOf(p);
            }
            return new DiskView(vm, top.getFileName().toString(), chain, null);
        } catch (IOException e) {
            return new DiskView(vm, null, null, e.getMessage());
        }
    }

    DiskView diskView(String name) {
        return diskView(name, null);
    }
}
