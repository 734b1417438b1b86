package io.lockstep.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import io.lockstep.agent.Alarms.Severity;
import io.lockstep.agent.api.BackupAnswer;
import io.lockstep.agent.api.BackupRequest;
import io.lockstep.agent.api.EventType;
import io.lockstep.agent.api.FtStatsView;
import io.lockstep.agent.api.FtView;
import io.lockstep.agent.api.PowerEvent;
import io.lockstep.agent.api.TaskView;
import io.lockstep.cluster.Lease;
import io.lockstep.cluster.LockMode;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.ft.Backup;
import io.lockstep.ft.DiskWrite;
import io.lockstep.ft.FtMode;
import io.lockstep.ft.FtOptions;
import io.lockstep.ft.FtState;
import io.lockstep.ft.FtStatus;
import io.lockstep.ft.FtTiming;
import io.lockstep.ft.GoLive;
import io.lockstep.ft.MachineBackup;
import io.lockstep.ft.MachinePrimary;
import io.lockstep.qemu.Epochs;
import io.lockstep.qemu.GuestMemory;
import io.lockstep.storage.Medium;
import io.lockstep.vdisk.DiskChain;

/**
 * FT pairs of QEMU VMs across agents (issue 25): the primary's agent runs {@link MachinePrimary} on the VM — epochs
 * from its RAM file ({@link Epochs}: pause, changed pages, device state without the RAM, the output epoch closed),
 * its NIC's frames ({@link io.lockstep.qemu.OutputGate}) and its disk writes ({@link io.lockstep.ft.FtDisk} under
 * the host's target) held until the backup acknowledged their epoch. The backup's agent keeps the copy in its own RAM
 * file under /dev/shm ({@link MachineBackup}); when it loses the primary and wins the go-live record it takes the
 * VM's config lock (fencing a primary whose host stopped heartbeating), writes the disk writes the primary may not
 * have made durable, and starts QEMU on the copy with the last device state, on a tap that takes the VM's address.
 */
final class QemuFt {

    private static final System.Logger LOG = System.getLogger(QemuFt.class.getName());
    static final Duration SAVE_TIMEOUT = Duration.ofSeconds(10);

    private final VmStore store;
    private final LocalVms here;
    private final VmLocks locks;
    private final Peers peers;
    private final Datastore datastore;
    private final LunAccess luns;
    private final Tasks tasks;
    private final Events events;
    private final Alarms alarms;
    private final ExecutorService work;
    private final HostNetwork network;
    private final Map<String, BackupSide> backups = new ConcurrentHashMap<>();

    QemuFt(VmStore store, LocalVms here, VmLocks locks, Peers peers, Datastore datastore, LunAccess luns, Tasks tasks, Events events, Alarms alarms,
            ExecutorService work, HostNetwork network) {
        this.store = store;
        this.here = here;
        this.locks = locks;
        this.peers = peers;
        this.datastore = datastore;
        this.luns = luns;
        this.tasks = tasks;
        this.events = events;
        this.alarms = alarms;
        this.work = work;
        this.network = network;
    }

    // --- the primary ------------------------------------------------------------------------------------------------

    /** A protected QEMU VM on this host: the machine {@link MachinePrimary} needs, over the VM's QEMU, gate and disk. */
    final class Primary implements MachinePrimary.Machine {
        final QemuVms.Running r;
        final String backupHost;
        final FtOptions options;
        final Epochs epochs;
        volatile MachinePrimary session;
        volatile Tasks.Task task;
        volatile boolean operatorUnprotect;
        volatile String state = "syncing";
        volatile String reason = "";
        private final long[] pauses = new long[256];
        private int pauseCount;

        Primary(QemuVms.Running r, String backupHost, FtOptions options) throws IOException {
            this.r = r;
            this.backupHost = backupHost;
            this.options = options;
            this.epochs = new Epochs(r.machine, false, SAVE_TIMEOUT).keepingPrevious();
        }

        @Override
        public String guestSpec() {
            return r.config.guest();
        }

        @Override
        public long memoryBytes() {
            return r.config.memoryMiB() << 20;
        }

        @Override
        public MachinePrimary.Capture capture() throws IOException {
            long[] closed = new long[1];
            Epochs.Epoch e = epochs.capture(() -> closed[0] = r.gate.endEpoch(), () -> !r.suspended); // (the guard's suspension stands)
            synchronized (pauses) {
                pauses[pauseCount++ % pauses.length] = e.pauseNanos() / 1000;
            }
            return new MachinePrimary.Capture(closed[0], e.scan().pages(), e.scan().previous(), e.device().bytes(), e.pauseNanos(), e.scan().nanos());
        }

        @Override
        public ByteBuffer page(int page) {
            return epochs.sentPage(page);
        }

        @Override
        public void hold() {
            r.gate.hold();
            r.disk.hold();
        }

        @Override
        public void release(long outputEpoch) throws IOException {
            r.gate.release(outputEpoch);
            r.disk.release(outputEpoch + 1);
        }

        @Override
        public List<DiskWrite> diskWrites(long outputEpoch) {
            return r.disk.heldBetween(outputEpoch, outputEpoch + 1);
        }

        @Override
        public long flushedThrough() {
            return r.disk.flushedThrough();
        }

        @Override
        public boolean outputWaiting() {
            return r.gate.holdsFrames();
        }

        @Override
        public void unprotected(String why) throws IOException {
            r.gate.pass();
            r.disk.passThrough();
        }

        @Override
        public void halt(String why) {
            r.gate.discard();
            work.submit(() -> {
                try {
                    here.note(r.name(), r.name() + " halted on " + here.host() + " (" + why + "); its backup on " + backupHost + " runs it");
                    here.qemu().kill(r);
                    events.publish(EventType.VM_POWER, r.name(), new PowerEvent("halted", here.host(), why, null));
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, r.name() + ": halting: " + e.getMessage());
                }
            });
        }

        /** QEMU ended here while protected: the backup is to take over (the session ends without claiming the record). */
        void vmEnded() {
            MachinePrimary s = session;
            if (s != null && !s.ended()) {
                try {
                    s.testFailover();
                } catch (IllegalStateException ignored) {
                    // ended meanwhile
                }
            }
        }

        long pausePercentile(int p) {
            synchronized (pauses) {
                int n = Math.min(pauseCount, pauses.length);
                if (n == 0) {
                    return 0;
                }
                long[] sorted = Arrays.copyOf(pauses, n);
                Arrays.sort(sorted);
                return sorted[Math.min(n - 1, (int) Math.ceil(p / 100.0 * n) - 1)];
            }
        }

        void status(FtStatus s) {
            LOG.log(System.Logger.Level.INFO, r.name() + ": " + s.line());
            state = s.state().apiName();
            reason = s.reason();
            events.publish(EventType.FT_STATUS, r.name(), new io.lockstep.agent.api.FtStatusEvent(s.state().apiName(), s.reason(), s.position(),
                    s.line(), here.host(), "primary"));
            Tasks.Task t = task;
            switch (s.state()) {
                case SYNCING -> {
                    if (t != null) {
                        t.progress(0.3, s.line());
                    }
                }
                case PROTECTED -> {
                    alarms.clear("ft." + r.name());
                    if (t != null) {
                        t.succeed(r.name() + " is protected by " + backupHost, Map.of("backup", backupHost));
                    }
                }
                case UNPROTECTED -> {
                    if (t != null && t.state() == Tasks.State.RUNNING) {
                        t.fail(s.line());
                    }
                    if (r.ft == this) {
                        r.ft = null;
                    }
                    if (!operatorUnprotect) {
                        alarms.raise("ft." + r.name(), Severity.CRITICAL, r.name(), r.name() + " lost its backup on " + backupHost
                                + " and runs unprotected: " + s.reason());
                        work.submit(() -> {
                            try {
                                peers.peer(backupHost).delete("/v1/peer/ft/backups/" + r.name());
                            } catch (IOException e) {
                                // the backup host is gone
                            }
                        });
                    }
                }
                case HALTED -> {
                    if (t != null && t.state() == Tasks.State.RUNNING) {
                        t.fail(s.line());
                    }
                    if (r.ft == this) {
                        r.ft = null;
                    }
                }
                default -> {
                }
            }
        }

        FtStatsView stats(String st, String backup) {
            MachinePrimary s = session;
            MachinePrimary.Stats x = s == null ? null : s.stats();
            if (x == null) {
                return new FtStatsView(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, r.machine.cpuShare(), 0, st, backup);
            }
            return new FtStatsView(x.epochs(), Math.round(x.epochsPerSecond() * 10) / 10.0, pausePercentile(50), pausePercentile(99), x.pagesSent(), 0,
                    x.bytesSent(), x.pagesSent() * 4096, 0, x.diskWritesSent(), 0, Math.round(r.machine.cpuShare() * 1000) / 1000.0, x.epochs(), st, backup);
        }
    }

    Optional<Primary> primary(String name) {
        return here.runningQemu(name).map(q -> q.ft);
    }

    TaskView protect(QemuVms.Running r, Body b) throws IOException {
        b.only(io.lockstep.agent.api.ProtectRequest.class);
        String name = r.name();
        String backupHost = Names.check("backup", b.text("backup", null));
        String mode = b.text("mode", "checkpoint");
        if (!mode.equals("checkpoint")) {
            throw ApiException.badRequest("mode", "mode: a QEMU VM is protected by checkpoints (its execution is not deterministic enough to "
                    + "replay under TCG); expected checkpoint, found " + mode);
        }
        int epoch = (int) b.integer("epochMillis", FtTiming.DEFAULT_EPOCH_MILLIS, FtTiming.MIN_EPOCH_MILLIS, FtTiming.MAX_EPOCH_MILLIS);
        if (backupHost.equals(here.host())) {
            throw ApiException.badRequest("backup", "backup: expected another host than the primary's (" + here.host() + "), found the same host");
        }
        if (r.suspended) {
            throw ApiException.conflict(name + " is suspended; resume it before protecting it");
        }
        if (r.ft != null) {
            throw ApiException.conflict(name + " is already " + r.ft.state + " with its backup on " + r.ft.backupHost);
        }
        if (r.boot.memoryFile() == null) {
            throw ApiException.conflict(name + " cannot be protected: its RAM is not in a shared file (this host has no /dev/shm)");
        }
        peers.card(backupHost);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        FtOptions o = FtOptions.defaults(FtMode.CHECKPOINT, datastore.superblock().timing()).withEpochMillis(epoch)
                .withAuthKey(HexFormat.of().formatHex(key));
        Primary p = new Primary(r, backupHost, o);
        r.ft = p;
        Tasks.Task task = tasks.start("ft.protect", name, "asking " + backupHost + " to start the backup");
        p.task = task;
        work.submit(() -> {
            try {
                Lease old = r.diskLease;
                r.diskLease = null;
                locks.release(old);
                r.diskLease = locks.acquire(VmStore.diskEntity(name), LockMode.MULTI_WRITER, name);
                task.progress(0.1, "asking " + backupHost + " to start the backup");
                BackupRequest req = new BackupRequest(name, "checkpoint", epoch, o.authKey(), r.chain.top().getFileName().toString());
                BackupAnswer answer = peers.peer(backupHost).post("/v1/peer/ft/backups", req, BackupAnswer.class);
                InetAddress at = answer.address() == null ? InetAddress.getLoopbackAddress() : AddressRange.inet(answer.address());
                task.progress(0.2, "syncing " + name + " to " + backupHost);
                MachinePrimary s = new MachinePrimary(name, p, new InetSocketAddress(at, answer.port()), o, new GoLive(datastore, name), p::status);
                p.session = s;
                s.start();
                events.publish(EventType.FT_PROTECT, name, Map.of("backup", backupHost, "mode", "checkpoint"));
            } catch (Exception e) {
                r.ft = null;
                task.fail("protecting " + name + " with a backup on " + backupHost + " failed: " + e.getMessage());
            }
        });
        return task.view();
    }

    void unprotect(QemuVms.Running r) throws IOException {
        Primary p = r.ft;
        MachinePrimary s = p == null ? null : p.session;
        if (s == null || s.ended()) {
            throw ApiException.conflict(r.name() + " is not protected");
        }
        p.operatorUnprotect = true;
        s.stop("unprotected by the operator");
        try {
            peers.peer(p.backupHost).delete("/v1/peer/ft/backups/" + r.name());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, r.name() + ": telling " + p.backupHost + " to stop the backup: " + e.getMessage());
        }
        r.ft = null;
        alarms.clear("ft." + r.name());
        events.publish(EventType.FT_UNPROTECT, r.name(), Map.of("backup", p.backupHost));
    }

    TaskView testFailover(QemuVms.Running r) throws IOException {
        Primary p = r.ft;
        if (p == null || p.session == null || p.session.ended() || !"protected".equals(p.state)) {
            throw ApiException.conflict(r.name() + " is " + (p == null ? "unprotected" : p.state) + "; a test failover needs a protected VM");
        }
        String name = r.name();
        Tasks.Task task = tasks.start("ft.failover", name, "stopping the primary on " + here.host() + " as if its host failed");
        GoLive goLive = new GoLive(datastore, name);
        work.submit(() -> {
            try {
                p.session.testFailover();
                long end = System.nanoTime() + 60_000_000_000L;
                while (System.nanoTime() < end) {
                    GoLive.State st = goLive.read();
                    if (st.live() && !here.host().equals(st.ownerName())) {
                        task.succeed(name + " failed over to " + st.ownerName(), Map.of("primary", st.ownerName(), "generation", st.generation()));
                        return;
                    }
                    task.progress(0.5, "waiting for " + p.backupHost + " to go live");
                    Thread.sleep(20);
                }
                task.fail("the backup on " + p.backupHost + " did not go live within 60 s");
            } catch (Exception e) {
                task.fail("the test failover failed: " + e.getMessage());
            }
        });
        return task.view();
    }

    /** The FT view of a QEMU VM here (as primary or backup), or null when it has none here. */
    FtView view(String name) {
        Primary p = primary(name).orElse(null);
        if (p != null) {
            return new FtView("primary", p.state, p.backupHost, null, "checkpoint", p.options.epochMillis(), p.reason, p.stats(null, null));
        }
        BackupSide b = backups.get(name);
        if (b != null) {
            return new FtView("backup", b.backup.state().name().toLowerCase(), null, b.primary, "checkpoint", null, b.reason, null);
        }
        return null;
    }

    /** Once a second: statistics of every protected QEMU VM here, as events (the console's FT charts). */
    void tick() {
        for (QemuVms.Running q : here.qemu().running()) {
            Primary p = q.ft;
            if (p != null && p.session != null) {
                events.publish(EventType.FT_STATS, q.name(), p.stats(p.state, p.backupHost));
            }
        }
    }

    // --- the backup -------------------------------------------------------------------------------------------------

    /** This host as the backup of a QEMU VM that runs elsewhere. */
    final class BackupSide implements MachineBackup.Replica {
        final VmConfig config;
        final String primary;
        final Path file;
        final GuestMemory copy;
        volatile MachineBackup backup;
        volatile Lease diskLease;
        volatile Lease configLease;
        volatile String reason = "";

        BackupSide(VmConfig config, String primary, Path file) throws IOException {
            this.config = config;
            this.primary = primary;
            this.file = file;
            Files.deleteIfExists(file);
            this.copy = GuestMemory.mapWritable(file, config.memoryMiB() << 20);
        }

        @Override
        public int pages() {
            return copy.pages();
        }

        @Override
        public ByteBuffer page(int page) {
            return copy.page(page);
        }

        @Override
        public void writePage(int page, byte[] content) {
            copy.writePage(page, ByteBuffer.wrap(content == null ? ZERO : content));
        }

        @Override
        public void goLive(byte[] device, List<DiskWrite> pending, String why) throws Exception {
            String name = config.name();
            List<Medium> sessions = new ArrayList<>();
            DiskChain chain = null;
            Lease configLease = this.configLease != null ? this.configLease : locks.takeOver(name);
            this.configLease = configLease;
            try {
                luns.login(config, sessions);
                chain = DiskChain.open(store.runningDisk(name), true);
                for (DiskWrite w : pending) { // what the old primary may not have made durable
                    chain.write(w.lba(), w.data());
                }
                chain.flush();
                here.qemu().start(config, configLease, diskLease, sessions, chain, device);
            } catch (IOException | RuntimeException e) {
                if (chain != null) {
                    chain.close();
                }
                for (Medium m : sessions) {
                    m.close();
                }
                throw e;
            }
            backups.remove(name, this);
            here.startedQemu(name);
            alarms.raise("ft." + name, Severity.WARNING, name, name + " failed over from " + primary + " to " + here.host() + " and runs unprotected ("
                    + why + ")");
            events.publish(EventType.VM_POWER, name, new PowerEvent("poweredOn", here.host(), null, primary));
            events.publish(EventType.VM_LOCK, name, Map.of("entity", VmStore.configEntity(name), "host", here.host()));
        }

        @Override
        public void discard() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, config.name() + ": removing the backup's RAM copy " + file + ": " + e.getMessage());
            }
        }

        void status(FtStatus s) {
            LOG.log(System.Logger.Level.INFO, config.name() + " (backup): " + s.line());
            reason = s.reason();
            events.publish(EventType.FT_STATUS, config.name(), new io.lockstep.agent.api.FtStatusEvent(s.state().apiName(), s.reason(), s.position(),
                    s.line(), here.host(), "backup"));
            if (s.state() == FtState.TAKING_OVER) {
                alarms.raise("ft." + config.name(), Severity.WARNING, config.name(), config.name() + " is taking over on " + here.host() + " from "
                        + primary + ": " + s.reason());
            } else if (s.state() == FtState.HALTED) {
                backups.remove(config.name(), this);
                locks.release(diskLease);
                locks.release(configLease);
            }
        }
    }

    private static final byte[] ZERO = new byte[GuestMemory.PAGE];

    boolean backs(String name) {
        return backups.containsKey(name);
    }

    BackupAnswer startBackup(String from, VmConfig c, Body b) throws IOException {
        String name = c.name();
        if (here.runs(name)) {
            throw ApiException.conflict(name + " runs on " + here.host() + "; its backup must run on another host");
        }
        BackupSide old = backups.get(name);
        if (old != null) {
            if (old.backup.state() == Backup.State.SYNCING || old.backup.state() == Backup.State.IN_SYNC) {
                throw ApiException.conflict(here.host() + " is already the backup of " + name + " (" + old.backup.state().name().toLowerCase() + ")");
            }
            stopBackup(name);
        }
        String key = b.text("authKey", null);
        if (key == null || !key.matches("[0-9a-f]{64}")) {
            throw ApiException.badRequest("authKey", "authKey: expected 64 lower-case hex digits");
        }
        Path file = here.qemu().memoryFile(name);
        if (file == null) {
            throw ApiException.conflict(here.host() + " cannot back up " + name + ": it has no /dev/shm for the copy of its RAM");
        }
        FtOptions o = FtOptions.defaults(FtMode.CHECKPOINT, datastore.superblock().timing())
                .withEpochMillis((int) b.integer("epochMillis", FtTiming.DEFAULT_EPOCH_MILLIS, FtTiming.MIN_EPOCH_MILLIS, FtTiming.MAX_EPOCH_MILLIS))
                .withAuthKey(key);
        Lease lease = locks.acquire(VmStore.diskEntity(name), LockMode.MULTI_WRITER, name);
        BackupSide side;
        try {
            side = new BackupSide(c, from, file);
            side.diskLease = lease;
            MachineBackup backup = new MachineBackup(name, c.guest(), c.memoryMiB() << 20, side, new GoLive(datastore, name), network.hostAddress(), 0,
                    o, side::status);
            side.backup = backup;
            backup.fenceBeforeServing(why -> {
                if (side.configLease == null) {
                    side.configLease = locks.takeOver(name); // a primary whose host stopped heartbeating is fenced here
                }
            });
            backups.put(name, side);
        } catch (IOException | RuntimeException e) {
            lease.close();
            Files.deleteIfExists(file);
            throw e;
        }
        events.publish(EventType.FT_BACKUP, name, Map.of("primary", from, "host", here.host()));
        return new BackupAnswer(side.backup.port(), here.host(), network.hostAddressText());
    }

    Map<String, Object> stopBackup(String name) throws IOException {
        BackupSide side = backups.remove(name);
        if (side == null) {
            throw ApiException.notFound(here.host() + " is not the backup of " + name);
        }
        side.backup.close();
        if (side.backup.state() != Backup.State.LIVE) {
            side.discard();
            locks.release(side.diskLease);
            locks.release(side.configLease);
        }
        events.publish(EventType.FT_BACKUP_STOPPED, name, Map.of("host", here.host()));
        return Map.of("stopped", name);
    }

    List<String> backupNames() {
        return List.copyOf(backups.keySet());
    }
}
