package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.lockstep.cluster.Lease;
import io.lockstep.ft.FtDisk;
import io.lockstep.ft.FtOptions;
import io.lockstep.ft.LiveVm;
import io.lockstep.guard.Guard;
import io.lockstep.storage.Medium;
import io.lockstep.vm.Checkpoints;
import io.lockstep.vm.Vm;

/** A VM that runs on this host (powered on here, or taken over here as an FT backup that went live), and what it holds. */
final class RunningVm {

    final String name;
    final VmConfig config;
    final Path dir;
    final Vm vm;
    final FtDisk disk;
    final LiveVm live;
    volatile Checkpoints checkpoints;
    volatile Lease configLease;
    volatile Lease diskLease;
    volatile String peer; // the backup's host while protected
    volatile FtOptions ftOptions;
    volatile Tasks.Task protectTask;
    volatile boolean operatorUnprotect;
    volatile boolean suspended;
    volatile boolean suspendedByGuard;
    volatile Guard guard;
    final List<Medium> lunSessions = new CopyOnWriteArrayList<>();
    volatile String origin;
    long lastEpochs;
    long lastSample = System.nanoTime();
    volatile double epochRate;

    RunningVm(VmConfig config, Path dir, Vm vm, FtDisk disk, LiveVm live) {
        this.name = config.name();
        this.config = config;
        this.dir = dir;
        this.vm = vm;
        this.disk = disk;
        this.live = live;
    }

    Checkpoints checkpoints() throws IOException {
        Checkpoints c = checkpoints;
        if (c == null) {
            synchronized (this) {
                if (checkpoints == null) {
                    checkpoints = new Checkpoints(dir, vm);
                }
                c = checkpoints;
            }
        }
        return c;
    }

    /** Protected or being synced: an FT primary whose backup must be dealt with before it is suspended, reverted … */
    boolean isFtPrimary() {
        LiveVm.Protection p = live.protection();
        return p == LiveVm.Protection.PROTECTED || p == LiveVm.Protection.SYNCING;
    }

    /** Its protection session runs (syncing or protected, not ended). */
    boolean hasBackup() {
        return peer != null && live.session() != null && !live.session().ended();
    }
}
