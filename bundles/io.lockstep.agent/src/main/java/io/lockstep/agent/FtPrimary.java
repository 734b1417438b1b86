package io.lockstep.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.lockstep.agent.Alarms.Severity;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.Lease;
import io.lockstep.cluster.LockMode;
import io.lockstep.ft.FtMode;
import io.lockstep.ft.FtOptions;
import io.lockstep.ft.FtStatus;
import io.lockstep.ft.FtTiming;
import io.lockstep.ft.GoLive;
import io.lockstep.ft.LiveVm;
import io.lockstep.ft.PrimarySession;
import io.lockstep.vdisk.BlockDevice;
import io.lockstep.vdisk.DiskChain;
import io.lockstep.vm.Checkpoints;
import io.lockstep.agent.api.BackupAnswer;
import io.lockstep.agent.api.BackupRequest;
import io.lockstep.agent.api.EventType;
import io.lockstep.agent.api.FtStatusEvent;
import io.lockstep.agent.api.PowerEvent;
import io.lockstep.agent.api.TaskView;

/**
 * This host as the FT primary of VMs that run here (ARCHITECTURE "FT pairs"): protecting a VM asks another host's
 * agent to start its backup (signed, with a fresh key for the pair) and syncs it, as a task; what the VM's
 * {@link LiveVm} reports ({@link FtStatus}) becomes events, alarms, the task's progress and clean-up; unprotecting and
 * test failovers; once a second, the pairs' statistics as events for the console's charts.
 */
final class FtPrimary {

    private static final System.Logger LOG = System.getLogger(FtPrimary.class.getName());

    private final LocalVms here;
    private final VmLocks locks;
    private final Peers peers;
    private final Datastore datastore;
    private final Tasks tasks;
    private final Events events;
    private final Alarms alarms;
    private final ExecutorService work;

    FtPrimary(LocalVms here, VmLocks locks, Peers peers, Datastore datastore, Tasks tasks, Events events, Alarms alarms, ExecutorService work) {
        this.here = here;
        this.locks = locks;
        this.peers = peers;
        this.datastore = datastore;
        this.tasks = tasks;
        this.events = events;
        this.alarms = alarms;
        this.work = work;
    }

    private volatile QemuFt qemu;

    /** QEMU VMs' pairs (issue 25): protect, unprotect and test failovers of a QEMU VM running here go there. */
    void qemu(QemuFt q) {
        this.qemu = q;
    }

    TaskView protect(String name, Body b) throws IOException {
        var q = here.runningQemu(name);
        if (q.isPresent() && qemu != null) {
            return qemu.protect(q.get(), b);
        }
        b.only(io.lockstep.agent.api.ProtectRequest.class);
        String backupHost = Names.check("backup", b.text("backup", null));
        FtMode mode;
        try {
            mode = FtMode.parse(b.text("mode", "checkpoint"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("mode", "mode: " + e.getMessage());
        }
        int epoch = (int) b.integer("epochMillis", FtTiming.DEFAULT_EPOCH_MILLIS, FtTiming.MIN_EPOCH_MILLIS, FtTiming.MAX_EPOCH_MILLIS);
        RunningVm r = here.requireRunning(name);
        if (backupHost.equals(here.host())) {
            throw ApiException.badRequest("backup", "backup: expected another host than the primary's (" + here.host() + "), found the same host");
        }
        if (r.suspended) {
            throw ApiException.conflict(name + " is suspended; resume it before protecting it");
        }
        PrimarySession s = r.live.session();
        if (s != null && !s.ended()) {
            throw ApiException.conflict(name + " is already " + r.live.protection().name().toLowerCase() + " with its backup on " + r.peer);
        }
        if (r.live.protection() == LiveVm.Protection.HALTED) {
            throw ApiException.conflict(name + " is halted here: " + r.live.reason());
        }
        Checkpoints c = r.checkpoints;
        if (c != null && c.writing() != null && c.writing().phase() == Checkpoints.Phase.WRITING) {
            throw ApiException.conflict(name + " is writing a checkpoint; protect it when that is done (or cancel it)");
        }
        peers.card(backupHost); // 404 now when the backup host is unknown
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        FtOptions o = FtOptions.defaults(mode, datastore.superblock().timing()).withEpochMillis(epoch).withAuthKey(HexFormat.of().formatHex(key));
        Tasks.Task task = tasks.start("ft.protect", name, "asking " + backupHost + " to start the backup");
        r.protectTask = task;
        r.operatorUnprotect = false;
        task.cancellable(() -> work.submit(() -> {
            try {
                unprotect(name);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, name + ": cancelling protection: " + e.getMessage());
            }
            task.cancelled("protection cancelled by the operator");
        }));
        work.submit(() -> {
            try {
                // the disk becomes multi-writer: primary and backup both hold it
                Lease old = r.diskLease;
                r.diskLease = null;
                locks.release(old);
                r.diskLease = locks.acquire(VmStore.diskEntity(name), LockMode.MULTI_WRITER, name);
                task.progress(0.1, "asking " + backupHost + " to start the backup");
                Path top = BlockDevice.innermost(r.vm.disk()) instanceof DiskChain dc ? dc.top() : null;
                BackupRequest req = new BackupRequest(name, mode.name().toLowerCase(), epoch, o.authKey(),
                        top == null ? name + ".vmdk" : top.getFileName().toString());
                BackupAnswer answer = peers.peer(backupHost).post("/v1/peer/ft/backups", req, BackupAnswer.class);
                int port = answer.port();
                InetAddress at = answer.address() == null ? InetAddress.getLoopbackAddress() : AddressRange.inet(answer.address());
                r.peer = backupHost;
                r.ftOptions = o;
                task.progress(0.2, "syncing " + name + " to " + backupHost);
                r.live.protect(new InetSocketAddress(at, port), o);
                events.publish(EventType.FT_PROTECT, name, Map.of("backup", backupHost, "mode", mode.name().toLowerCase()));
            } catch (Exception e) {
                task.fail("protecting " + name + " with a backup on " + backupHost + " failed: " + e.getMessage());
                r.peer = null;
            }
        });
        return task.view();
    }

    void unprotect(String name) throws IOException {
        var q = here.runningQemu(name);
        if (q.isPresent() && qemu != null) {
            qemu.unprotect(q.get());
            return;
        }
        RunningVm r = here.requireRunning(name);
        PrimarySession s = r.live.session();
        if (s == null || s.ended() || r.peer == null) {
            throw ApiException.conflict(name + " is not protected (" + r.live.protection().name().toLowerCase() + ")");
        }
        r.operatorUnprotect = true;
        String peer = r.peer;
        try {
            r.live.unprotect("unprotected by the operator");
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        try {
            peers.peer(peer).delete("/v1/peer/ft/backups/" + name);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, name + ": telling " + peer + " to stop the backup: " + e.getMessage());
        }
        r.peer = null;
        alarms.clear("ft." + name);
        events.publish(EventType.FT_UNPROTECT, name, Map.of("backup", peer));
    }

    TaskView testFailover(String name) throws IOException {
        var q = here.runningQemu(name);
        if (q.isPresent() && qemu != null) {
            return qemu.testFailover(q.get());
        }
        RunningVm r = here.requireRunning(name);
        if (r.live.protection() != LiveVm.Protection.PROTECTED || r.peer == null) {
            throw ApiException.conflict(name + " is " + r.live.protection().name().toLowerCase() + "; a test failover needs a protected VM");
        }
        String peer = r.peer;
        Tasks.Task task = tasks.start("ft.failover", name, "stopping the primary on " + here.host() + " as if its host failed");
        GoLive goLive = new GoLive(datastore, name);
        work.submit(() -> {
            try {
                r.live.testFailover();
                long end = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < end) {
                    GoLive.State st = goLive.read();
                    if (st.live() && !here.host().equals(st.ownerName())) {
                        task.succeed(name + " failed over to " + st.ownerName(), Map.of("primary", st.ownerName(), "generation", st.generation()));
                        return;
                    }
                    task.progress(0.5, "waiting for " + peer + " to go live");
                    Thread.sleep(20);
                }
                task.fail("the backup on " + peer + " did not go live within 30 s");
            } catch (Exception e) {
                task.fail("the test failover failed: " + e.getMessage());
            }
        });
        return task.view();
    }

    /** An FT status event as published: its state, why, where, on which host and in which role. */
    FtStatusEvent statusEvent(FtStatus s, String role) {
        return new FtStatusEvent(s.state().apiName(), s.reason(), s.position(), s.line(), here.host(), role);
    }

    /** What a VM that runs here (its LiveVm) reports, turned into events, alarms, task progress and clean-up. */
    void status(RunningVm r, String name, FtStatus s) {
        LOG.log(System.Logger.Level.INFO, name + ": " + s.line());
        events.publish(EventType.FT_STATUS, name, statusEvent(s, "primary"));
        if (r == null) {
            return;
        }
        Tasks.Task task = r.protectTask;
        switch (s.state()) {
            case SYNCING -> {
                if (task != null) {
                    task.progress(0.3, s.line());
                }
            }
            case PROTECTED -> {
                alarms.clear("ft." + name);
                if (task != null) {
                    task.succeed(name + " is protected by " + r.peer, Map.of("backup", String.valueOf(r.peer)));
                }
            }
            case UNPROTECTED -> {
                if (task != null && task.state() == Tasks.State.RUNNING) {
                    task.fail(s.line());
                }
                if (!r.operatorUnprotect && r.peer != null) {
                    String peer = r.peer;
                    r.peer = null;
                    alarms.raise("ft." + name, Severity.CRITICAL, name, name + " lost its backup on " + peer + " and runs unprotected: " + s.reason());
                    work.submit(() -> {
                        try {
                            peers.peer(peer).delete("/v1/peer/ft/backups/" + name);
                        } catch (IOException e) {
                            // the backup host is gone: nothing to stop there
                        }
                    });
                }
            }
            case HALTED -> {
                String peer = r.peer;
                here.note(name, name + " halted on " + here.host() + " (" + s.reason() + ")" + (peer == null ? "" : "; its backup on " + peer + " runs it"));
                if (task != null && task.state() == Tasks.State.RUNNING) {
                    task.fail(s.line());
                }
                work.submit(() -> here.stop(r, "halted"));
                events.publish(EventType.VM_POWER, name, new PowerEvent("halted", here.host(), null, null));
            }
            default -> {
            }
        }
    }

    /** Once a second: FT statistics of every protected VM as events (the console's charts). */
    void tick() {
        if (qemu != null) {
            qemu.tick();
        }
        for (RunningVm r : here.running()) {
            long now = System.nanoTime();
            long epochs = r.live.stats().epochs();
            double seconds = (now - r.lastSample) / 1e9;
            if (seconds > 0) {
                r.epochRate = (epochs - r.lastEpochs) / seconds;
            }
            r.lastEpochs = epochs;
            r.lastSample = now;
            if (r.hasBackup()) {
                events.publish(EventType.FT_STATS, r.name, VmViews.ftStats(r, r.live.protection().name().toLowerCase(), r.peer));
            }
        }
    }
}
