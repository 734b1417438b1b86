package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    List<Map<String, Object>> list() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String n : store.names()) {
            try {
                out.add(view(n));
            } catch (ApiException e) {
                // deleted meanwhile
            }
        }
        return out;
    }

    Map<String, Object> view(String name) throws IOException {
        VmConfig c = store.config(name);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("guest", c.guest());
        m.put("memoryMiB", c.memoryMiB());
        m.put("diskMiB", c.diskMiB());
        m.put("port", c.port());
        if (c.wwpn() != null) {
            Map<String, Object> san = new LinkedHashMap<>();
            san.put("wwpn", c.wwpn());
            san.put("wwnn", c.wwnn());
            san.put("iqn", c.iqn());
            san.put("initiator", Wwn.parse(c.wwpn()).initiatorName());
            m.put("san", san);
        }
        m.put("luns", c.luns());
        RunningVm r = here.running(name).orElse(null);
        String host = here.host();
        if (r != null) {
            m.put("powerState", r.suspended ? "suspended" : r.live.protection() == LiveVm.Protection.HALTED ? "halted" : "poweredOn");
            m.put("host", host);
            m.put("position", r.vm.position());
        } else {
            VmLocks.Where w = locks.where(name);
            if (w.host() != null && (w.previousLife() || w.host().equals(host))) {
                // the lock is from before its owner restarted or was fenced: the VM does not run there (a running VM dies with its host)
                m.put("powerState", "poweredOff");
                m.put("host", null);
                m.put("note", w.host() + "'s lock on " + VmStore.configEntity(name) + " is from before " + w.host() + " restarted or was fenced; "
                        + name + " does not run there");
            } else if (w.host() != null) {
                m.put("powerState", w.live() ? "poweredOn" : "unknown");
                m.put("host", w.host());
                if (!w.live()) {
                    m.put("note", w.host() + " holds the lock on " + VmStore.configEntity(name) + " but its heartbeat stopped; the lock is broken by "
                            + "the next host that powers it on");
                }
            } else {
                m.put("powerState", "poweredOff");
                m.put("host", null);
            }
        }
        String note = here.note(name);
        if (note != null && (!m.containsKey("note") || "poweredOff".equals(m.get("powerState")))) {
            Object at = m.get("host");
            if (r == null && at != null && !at.equals(host)) {
                note = note.replaceFirst("; it stopped with the agent and was not restarted", "") + "; it runs on " + at + " now";
            }
            m.put("note", note);
        }
        m.put("ft", ftView(name));
        m.put("disk", diskView(name));
        return m;
    }

    Map<String, Object> ftView(String name) {
        Map<String, Object> ft = new LinkedHashMap<>();
        RunningVm r = here.running(name).orElse(null);
        BackupRole b = here.backup(name).orElse(null);
        if (r != null && r.live.session() != null && r.peer != null) {
            ft.put("role", "primary");
            ft.put("state", r.live.protection().name().toLowerCase());
            ft.put("backup", r.peer);
            ft.put("mode", r.ftOptions.mode().name().toLowerCase());
            ft.put("epochMillis", r.ftOptions.epochMillis());
            ft.put("reason", r.live.reason());
            ft.put("stats", ftStats(r));
        } else if (b != null) {
            ft.put("role", "backup");
            ft.put("state", b.backup.state().name().toLowerCase());
            ft.put("primary", b.primary);
        } else {
            ft.put("role", "none");
            ft.put("state", r == null ? "none" : r.live.protection().name().toLowerCase());
            if (r != null) {
                ft.put("reason", r.live.reason());
            }
        }
        return ft;
    }

    /** An FT primary's statistics, as its view and the once-a-second {@code ft.stats} events carry them. */
    static Map<String, Object> ftStats(RunningVm r) {
        FtStats st = r.live.stats();
        PrimarySession s = r.live.session();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", st.epochs());
        m.put("epochRate", Math.round(r.epochRate * 10) / 10.0);
        m.put("pauseP50Micros", st.pausePercentile(50) / 1000);
        m.put("pauseP99Micros", st.pausePercentile(99) / 1000);
        m.put("pagesSent", st.pagesSent());
        m.put("diffPages", st.diffPages());
        m.put("pageBytes", st.pageBytes());
        m.put("pageBytesIfWhole", st.pageBytesIfWhole());
        m.put("eventsSent", st.eventsSent());
        m.put("diskWritesSent", st.diskWritesSent());
        m.put("lagMillis", s == null ? 0.0 : Math.round(s.lagMillis() * 10) / 10.0);
        m.put("cpuShare", Math.round(r.vm.cpuShare() * 1000) / 1000.0);
        m.put("position", r.vm.position());
        return m;
    }

    Map<String, Object> diskView(String name) {
        Map<String, Object> d = new LinkedHashMap<>();
        try {
            Path top = store.runningDisk(name);
            d.put("running", top.getFileName().toString());
            List<Map<String, Object>> chain = new ArrayList<>();
            Path p = top;
            for (int depth = 0; p != null && Files.exists(p) && depth < DiskChain.MAX_DEPTH; depth++) {
                Map<String, Object> layer = new LinkedHashMap<>();
                layer.put("file", p.getFileName().toString());
                layer.put("bytes", Files.size(p));
                chain.add(layer);
                p = DiskChain.parentOf(p);
            }
            d.put("chain", chain);
        } catch (IOException e) {
            d.put("error", e.getMessage());
        }
        return d;
    }
}
