package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.Lease;
import io.lockstep.cluster.LockMode;
import io.lockstep.ft.FtDisk;
import io.lockstep.ft.GoLive;
import io.lockstep.ft.LiveVm;
import io.lockstep.storage.Medium;
import io.lockstep.vdisk.DiskChain;
import io.lockstep.vm.GuestRegistry;
import io.lockstep.vm.Vm;
import io.lockstep.agent.api.EventType;
import io.lockstep.agent.api.PowerEvent;

/**
 * Powering VMs on and off here, suspending and resuming them. Power-on takes the VM's config and disk locks (a VM
 * runs on one host), logs it in to its LUNs as its own initiator, opens its disk chain at the top, makes it live
 * ({@link LiveVm}: its NIC on its port, its timer) and puts it under the DoS guard; power-off unprotects it first.
 */
final class VmPower {

    /** How often a running guest's timer ticks (its log is flushed, its clock advances). */
    static final long TIMER_MILLIS = 50;

    private final VmStore store;
    private final LocalVms here;
    private final VmLocks locks;
    private final LunAccess luns;
    private final GuardPolicy guard;
    private final FtPrimary ft;
    private final Datastore datastore;
    private final Events events;
    private final HostNetwork network;

    VmPower(VmStore store, LocalVms here, VmLocks locks, LunAccess luns, GuardPolicy guard, FtPrimary ft, Datastore datastore, Events events,
            HostNetwork network) {
        this.network = network;
        this.store = store;
        this.here = here;
        this.locks = locks;
        this.luns = luns;
        this.guard = guard;
        this.ft = ft;
        this.datastore = datastore;
        this.events = events;
    }

    void on(String name) throws IOException, InterruptedException {
        VmConfig c = store.config(name);
        if (here.runs(name)) {
            throw ApiException.conflict(name + " is powered on here already");
        }
        if (here.serves(name)) {
            throw ApiException.conflict(name + " has its FT backup on this host; a VM cannot run where its backup runs");
        }
        Lease configLease = locks.acquire(VmStore.configEntity(name), LockMode.EXCLUSIVE, name);
        Lease diskLease;
        try {
            diskLease = locks.acquire(VmStore.diskEntity(name), LockMode.EXCLUSIVE, name);
        } catch (RuntimeException | IOException e) {
            configLease.close();
            throw e;
        }
        if (QemuGuest.is(c.guest())) {
            onQemu(c, configLease, diskLease);
            return;
        }
        Path dir = store.folder(name);
        DiskChain chain = null;
        LiveVm live = null;
        List<Medium> sessions = new ArrayList<>();
        try {
            luns.login(c, sessions);
            chain = DiskChain.open(store.runningDisk(name), true);
            Vm vm = new Vm(name, GuestRegistry.create(c.guest()), c.memoryMiB() << 20, chain, 1.0);
            FtDisk disk = new FtDisk(chain, vm::position);
            vm.setDisk(disk);
            RunningVm[] self = new RunningVm[1];
            try {
                live = new LiveVm(name, vm, disk, network.forVm(name, c.address()), c.port(), 1, TIMER_MILLIS, new GoLive(datastore, name), true,
                        false, st -> ft.status(self[0], name, st));
            } catch (IllegalArgumentException e) {
                // the guest refused the machine it was given (a vm.json changed by hand): nothing of it is left running
                throw ApiException.conflict(name + " cannot boot: " + e.getMessage());
            }
            RunningVm r = new RunningVm(c, dir, vm, disk, live);
            self[0] = r;
            r.configLease = configLease;
            r.diskLease = diskLease;
            r.lunSessions.addAll(sessions);
            r.origin = "powered on";
            here.started(r);
            guard.watch(r);
        } catch (IOException | RuntimeException e) {
            if (live != null && !here.runs(name)) {
                try {
                    live.close();
                } catch (IOException | RuntimeException ce) {
                    e.addSuppressed(ce);
                }
            }
            letGo(chain, sessions, configLease, diskLease);
            throw e;
        }
        events.publish(EventType.VM_POWER, name, new PowerEvent("poweredOn", here.host(), null, null));
    }

    /** What a power-on that failed held: its disk, LUN sessions and locks. */
    private static void letGo(DiskChain chain, List<Medium> sessions, Lease configLease, Lease diskLease) throws IOException {
        if (chain != null) {
            chain.close();
        }
        for (Medium m : sessions) {
            m.close();
        }
        configLease.close();
        diskLease.close();
    }

    /** A QEMU guest: its LUN sessions as its own initiator, then QEMU on a tap to its address ({@link QemuVms}). */
    private void onQemu(VmConfig c, Lease configLease, Lease diskLease) throws IOException {
        List<Medium> sessions = new ArrayList<>();
        DiskChain chain = null;
        try {
            luns.login(c, sessions);
            chain = DiskChain.open(store.runningDisk(c.name()), true);
            here.qemu().start(c, configLease, diskLease, sessions, chain);
        } catch (IOException | RuntimeException e) {
            letGo(chain, sessions, configLease, diskLease);
            throw e;
        }
        here.startedQemu(c.name());
        events.publish(EventType.VM_POWER, c.name(), new PowerEvent("poweredOn", here.host(), null, null));
    }

    /** A QEMU VM that runs here: 404 for no such VM, 409 when it is not a QEMU VM running here. */
    private QemuVms.Running requireQemu(String name) throws IOException {
        VmConfig c = store.config(name);
        if (!QemuGuest.is(c.guest())) {
            throw ApiException.conflict(name + " is a Java guest (" + c.guest() + "): it has no serial console or QEMU; expected a QEMU guest");
        }
        return here.runningQemu(name).orElseThrow(() -> ApiException.conflict(name + " is not powered on at " + here.host()));
    }

    io.lockstep.agent.api.ConsoleView console(String name) throws IOException {
        return console(name, 0);
    }

    /** The console's last 256 KiB, or only what it printed after its first {@code after} bytes (a client that polls). */
    io.lockstep.agent.api.ConsoleView console(String name, long after) throws IOException {
        if (after < 0) {
            throw ApiException.badRequest("after", "after: expected a count of bytes (0 or more), found " + after);
        }
        QemuVms.Running q = requireQemu(name);
        var tail = q.machine.serial(after); // text and count read together: the text ends at byte `bytes`
        return new io.lockstep.agent.api.ConsoleView(name, here.host(), tail.bytes(), tail.text());
    }

    io.lockstep.agent.api.ConsoleView type(String name, String text) throws IOException {
        if (text == null || text.isEmpty() || text.length() > 4096) {
            throw ApiException.badRequest("text", "text: expected 1 to 4096 characters to type, found " + (text == null ? "none" : text.length()));
        }
        QemuVms.Running q = requireQemu(name);
        q.machine.writeSerial(text);
        return console(name);
    }

    io.lockstep.agent.api.MachineView machine(String name) throws IOException {
        QemuVms.Running q = requireQemu(name);
        QemuDisks.Served d = here.qemu().disks().served(name);
        io.lockstep.qemu.CpuGroup g = q.machine.cpuGroup().orElse(null);
        return new io.lockstep.agent.api.MachineView(name, here.host(), q.machine.pid(), q.boot.accel().qemuName(), q.machine.cpuNanos() / 1e9,
                q.machine.rssBytes(), q.machine.cpuShare(), d == null ? null : d.target(), d == null ? null : d.portal(), d == null ? null : d.initiator(),
                q.revertedTo == 0 ? null : q.revertedTo, g == null ? null : g.limitedDir().toString(), g == null ? null : g.limit());
    }

    /** The smallest CPU share: the kernel's 1 ms minimum quota of a 20 ms period ({@link io.lockstep.qemu.CpuGroup}). */
    static final double MIN_CPU_SHARE = 0.05;

    /**
     * Sets the share of its vCPUs a QEMU VM may use (the FT lag controller's lever): applied at once when it runs here
     * (its vCPU threads' cgroup), and kept in its vm.json so that every later power-on, on any host, applies it.
     */
    void cpuShare(String name, Body b) throws IOException {
        b.only(io.lockstep.agent.api.CpuShareRequest.class);
        double share = b.number("share", MIN_CPU_SHARE, 1.0);
        VmConfig c = store.config(name);
        if (!QemuGuest.is(c.guest())) {
            throw ApiException.conflict(name + " is a Java guest (" + c.guest() + "): the agent does not set a Java guest's CPU share (the FT lag "
                    + "controller sets it while the VM is protected); expected a QEMU guest");
        }
        var q = here.runningQemu(name);
        if (q.isPresent()) {
            try {
                q.get().machine.setCpuShare(share);
            } catch (IOException | IllegalStateException e) {
                throw ApiException.conflict(name + ": its CPU share cannot be set on " + here.host() + ": " + e.getMessage());
            }
        } else {
            VmLocks.Where w = locks.where(name);
            if (w.host() != null && !w.host().equals(here.host()) && w.live() && !w.previousLife()) {
                throw ApiException.conflict(name + " runs on " + w.host() + "; set its CPU share there (the host that runs it applies it)");
            }
        }
        store.write(store.config(name).withCpuShare(share), true);
    }

    void off(String name) throws IOException {
        var q = here.runningQemu(name);
        if (q.isPresent()) {
            if (q.get().ft != null) {
                ft.unprotect(name); // the backup stands down first: a QEMU that ends while protected is a failure it takes over
            }
            here.qemu().stop(q.get());
            here.startedQemu(name); // (the history without it)
            events.publish(EventType.VM_POWER, name, new PowerEvent("poweredOff", here.host(), null, null));
            return;
        }
        RunningVm r = here.requireRunning(name);
        if (r.hasBackup()) {
            ft.unprotect(name);
        }
        here.stop(r, "powered off");
        events.publish(EventType.VM_POWER, name, new PowerEvent("poweredOff", here.host(), null, null));
    }

    void suspend(String name) throws IOException, InterruptedException {
        var q = here.runningQemu(name);
        if (q.isPresent()) {
            if (q.get().suspended) {
                throw ApiException.conflict(name + " is suspended already");
            }
            if (q.get().ft != null) {
                throw ApiException.conflict(name + " is an FT primary (" + q.get().ft.state + "); unprotect it before suspending it");
            }
            here.qemu().suspend(q.get());
            events.publish(EventType.VM_POWER, name, new PowerEvent("suspended", here.host(), null, null));
            return;
        }
        RunningVm r = here.requireRunning(name);
        if (r.isFtPrimary()) {
            throw ApiException.conflict(name + " is an FT primary (" + r.live.protection().name().toLowerCase() + "); unprotect it before suspending it");
        }
        if (r.suspended) {
            throw ApiException.conflict(name + " is suspended already");
        }
        r.vm.pause();
        r.suspended = true;
        events.publish(EventType.VM_POWER, name, new PowerEvent("suspended", here.host(), null, null));
    }

    void resume(String name) throws IOException {
        var q = here.runningQemu(name);
        if (q.isPresent()) {
            if (!q.get().suspended) {
                throw ApiException.conflict(name + " is not suspended");
            }
            here.qemu().resume(q.get());
            events.publish(EventType.VM_POWER, name, new PowerEvent("poweredOn", here.host(), null, null));
            return;
        }
        RunningVm r = here.requireRunning(name);
        if (!r.suspended) {
            throw ApiException.conflict(name + " is not suspended");
        }
        r.vm.resume();
        r.suspended = false;
        events.publish(EventType.VM_POWER, name, new PowerEvent("poweredOn", here.host(), null, null));
    }
}
