package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.lockstep.agent.Alarms.Severity;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.Lease;
import io.lockstep.cluster.LockMode;
import io.lockstep.ft.Backup;
import io.lockstep.ft.FtMode;
import io.lockstep.ft.FtOptions;
import io.lockstep.ft.FtState;
import io.lockstep.ft.FtStatus;
import io.lockstep.ft.FtTiming;
import io.lockstep.ft.GoLive;
import io.lockstep.ft.LiveVm;
import io.lockstep.agent.api.BackupAnswer;
import io.lockstep.agent.api.EventType;
import io.lockstep.agent.api.PowerEvent;

/**
 * This host as the FT backup of VMs that run elsewhere (ARCHITECTURE "FT pairs"): a primary's agent asks for a backup
 * (a signed peer request with the pair's key); the backup holds the VM's disk lock multi-writer beside the primary,
 * reads the shared disk and drops its own writes. When it goes live ({@link FtState#LIVE}) the VM is adopted: it runs
 * here from then on, under the DoS guard, and takes its config lock from the primary it replaced.
 */
final class FtBackup {

    private static final System.Logger LOG = System.getLogger(FtBackup.class.getName());

    private final VmStore store;
    private final LocalVms here;
    private final VmLocks locks;
    private final GuardPolicy guard;
    private final FtPrimary primary;
    private final Datastore datastore;
    private final Events events;
    private final Alarms alarms;
    private final ExecutorService work;
    private final HostNetwork network;

    FtBackup(VmStore store, LocalVms here, VmLocks locks, GuardPolicy guard, FtPrimary primary, Datastore datastore, Events events, Alarms alarms,
            ExecutorService work, HostNetwork network) {
        this.network = network;
        this.store = store;
        this.here = here;
        this.locks = locks;
        this.guard = guard;
        this.primary = primary;
        this.datastore = datastore;
        this.events = events;
        this.alarms = alarms;
        this.work = work;
    }

    BackupAnswer start(String from, Body b) throws IOException {
        b.only(io.lockstep.agent.api.BackupRequest.class);
        String name = Names.check("vm", b.text("vm", null));
        VmConfig c = store.config(name);
        if (QemuGuest.is(c.guest()) && qemu != null) {
            return qemu.startBackup(from, c, b);
        }
        if (here.runs(name)) {
            throw ApiException.conflict(name + " runs on " + here.host() + "; its backup must run on another host");
        }
        BackupRole old = here.backup(name).orElse(null);
        if (old != null) {
            if (old.backup.state() == Backup.State.SYNCING || old.backup.state() == Backup.State.IN_SYNC) {
                throw ApiException.conflict(here.host() + " is already the backup of " + name + " (" + old.backup.state().name().toLowerCase() + ")");
            }
            stop(name);
        }
        FtMode mode;
        try {
            mode = FtMode.parse(b.text("mode", "checkpoint"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("mode", "mode: " + e.getMessage());
        }
        String key = b.text("authKey", null);
        if (key == null || !key.matches("[0-9a-f]{64}")) {
            throw ApiException.badRequest("authKey", "authKey: expected 64 lower-case hex digits");
        }
        String disk = Names.check("disk", b.text("disk", null));
        Path shared = store.folder(name).resolve(disk);
        if (!Files.exists(shared)) {
            throw ApiException.badRequest("disk", "disk: " + name + " has no disk file " + disk);
        }
        FtOptions o = FtOptions.defaults(mode, datastore.superblock().timing())
                .withEpochMillis((int) b.integer("epochMillis", FtTiming.DEFAULT_EPOCH_MILLIS, FtTiming.MIN_EPOCH_MILLIS, FtTiming.MAX_EPOCH_MILLIS))
                .withAuthKey(key);
        Lease lease = locks.acquire(VmStore.diskEntity(name), LockMode.MULTI_WRITER, name);
        Backup backup;
        try {
            BackupRole[] self = new BackupRole[1];
            backup = new Backup(name, c.guest(), c.memoryMiB() << 20, shared, new GoLive(datastore, name), network.hostAddress(), 0,
                    network.forVm(name, c.address()), c.port(), VmPower.TIMER_MILLIS, o, 1.0, st -> status(self, name, st));
            BackupRole role = new BackupRole(c, from, backup, lease);
            self[0] = role;
            backup.fenceBeforeServing(why -> fence(role));
            here.serving(role);
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
        events.publish(EventType.FT_BACKUP, name, Map.of("primary", from, "host", here.host()));
        return new BackupAnswer(backup.port(), here.host(), network.hostAddressText());
    }

    private volatile QemuFt qemu;

    void qemu(QemuFt q) {
        this.qemu = q;
    }

    Map<String, Object> stop(String name) throws IOException {
        if (qemu != null && qemu.backs(name)) {
            return qemu.stopBackup(name);
        }
        BackupRole role = here.forget(Names.check("vm", name), null);
        if (role == null) {
            throw ApiException.notFound(here.host() + " is not the backup of " + name);
        }
        role.backup.close();
        locks.release(role.diskLease);
        if (role.backup.live() == null) {
            locks.release(role.configLease);
        }
        events.publish(EventType.FT_BACKUP_STOPPED, name, Map.of("host", here.host()));
        return Map.of("stopped", name);
    }

    private void status(BackupRole[] self, String name, FtStatus s) {
        RunningVm adopted = here.running(name).orElse(null);
        if (adopted != null && self[0] != null && adopted.live == self[0].backup.live()) {
            primary.status(adopted, name, s); // the backup went live here: its VM is now a primary like any other
            return;
        }
        LOG.log(System.Logger.Level.INFO, name + " (backup): " + s.line());
        events.publish(EventType.FT_STATUS, name, primary.statusEvent(s, "backup"));
        BackupRole role = self[0];
        if (role == null) {
            return;
        }
        if (s.state() == FtState.TAKING_OVER) {
            alarms.raise("ft." + name, Severity.WARNING, name, name + " is taking over on " + here.host() + " from " + role.primary + ": " + s.reason());
        } else if (s.state() == FtState.LIVE) {
            work.submit(() -> adopt(role, s));
        } else if (s.state() == FtState.HALTED) {
            here.forget(name, role);
            locks.release(role.diskLease);
            locks.release(role.configLease);
        }
    }

    /**
     * The backup won the go-live record: before its VM serves or writes, take the VM's config lock. A primary whose host
     * stopped heartbeating (hung, cut off from the storage) has its lock broken: its host's slot is fenced and its
     * registration preempted at the target, so whatever it still has in flight, or does when it resumes, is refused
     * there. A primary whose host lives (only the link between the pair failed) lost the record, halted and let go.
     */
    private void fence(BackupRole role) throws IOException {
        if (role.configLease != null) {
            return;
        }
        String name = role.name;
        long start = System.nanoTime();
        role.configLease = locks.takeOver(name);
        LOG.log(System.Logger.Level.INFO, name + ": took " + VmStore.configEntity(name) + " from " + role.primary + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms before going live");
        events.publish(EventType.VM_LOCK, name, Map.of("entity", VmStore.configEntity(name), "host", here.host()));
    }

    /** The backup went live here: the VM now runs on this host under the config lock its fence took. */
    private void adopt(BackupRole role, FtStatus live) {
        String name = role.name;
        LiveVm vm = role.backup.live();
        here.forget(name, role);
        RunningVm r = new RunningVm(role.config, store.folder(name), vm.vm(), vm.disk(), vm);
        r.diskLease = role.diskLease;
        r.origin = "failed over from " + role.primary;
        here.started(r);
        guard.watch(r);
        alarms.raise("ft." + name, Severity.WARNING, name, name + " failed over from " + role.primary + " to " + here.host()
                + " and runs unprotected (" + live.reason() + ")");
        events.publish(EventType.VM_POWER, name, new PowerEvent("poweredOn", here.host(), null, role.primary));
        try {
            r.configLease = role.configLease != null ? role.configLease : locks.takeOver(name);
            events.publish(EventType.VM_LOCK, name, Map.of("entity", VmStore.configEntity(name), "host", here.host()));
        } catch (IOException e) {
            alarms.raise("lock." + name, Severity.CRITICAL, name, name + " runs on " + here.host() + " after a failover but its lock "
                    + VmStore.configEntity(name) + " could not be taken: " + e.getMessage());
        }
    }
}
