package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.lockstep.agent.api.EventType;
import io.lockstep.agent.api.PowerEvent;
import io.lockstep.cluster.Lease;
import io.lockstep.qemu.Accel;
import io.lockstep.qemu.MemorySnapshot;
import io.lockstep.qemu.QemuMachine;
import io.lockstep.qemu.QemuSpec;
import io.lockstep.storage.Medium;
import io.lockstep.vdisk.DiskChain;

/**
 * The QEMU VMs that run on this host (issue 23): each one qemu-system process ({@link QemuMachine}, TCG unless KVM is
 * asked for and works), booted from the default image or the guest's own kernel, its NIC on a tap device routed to
 * the VM's address ({@link HostNetwork.Tap}), driven over QMP. A QEMU VM holds the same locks as a Java guest (its
 * config and disk, so it runs on one host) and the same LUN sessions; a QEMU that dies by itself is reported (event,
 * note with its last output) and everything it held is let go.
 */
final class QemuVms {

    private static final System.Logger LOG = System.getLogger(QemuVms.class.getName());

    /** The default image does not boot in 64 MiB (its initramfs unpacks into RAM; `bench qemu` saw the guest reset): 128 at least. */
    static final int MIN_MEMORY_MIB = 128;
    /** How long QEMU has to answer on QMP after it starts. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** How long a guest has to power itself off (ACPI) before QEMU is told to quit. */
    static final Duration POWER_OFF_GRACE = Duration.ofSeconds(10);

    /** One QEMU VM that runs here, and what it holds. */
    static final class Running {
        final VmConfig config;
        final QemuMachine machine;
        final HostNetwork.Tap tap;
        final long since = System.currentTimeMillis();
        volatile Lease configLease;
        volatile Lease diskLease;
        final List<Medium> lunSessions = new CopyOnWriteArrayList<>();
        volatile boolean suspended;
        volatile boolean stopping;
        /** The checkpoint this QEMU was started from (0: a fresh boot). */
        volatile int revertedTo;
        /** What it boots from (a QEMU started from a checkpoint has more arguments: {@link MemorySnapshot#incomingArgs()}). */
        final QemuSpec boot;
        /** Its disk: the delta chain in its folder, served by this host's target ({@link QemuDisks}). */
        final DiskChain chain;

        Running(VmConfig config, QemuMachine machine, HostNetwork.Tap tap, QemuSpec boot, DiskChain chain) {
            this.config = config;
            this.machine = machine;
            this.tap = tap;
            this.boot = boot;
            this.chain = chain;
        }

        String name() {
            return config.name();
        }
    }

    private final String host;
    private final VmLocks locks;
    private final HostNetwork network;
    private final Events events;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final QemuDisks disks = new QemuDisks();
    private volatile java.util.function.BiConsumer<String, String> onDeath = (vm, why) -> {
    };

    QemuVms(String host, VmLocks locks, HostNetwork network, Events events) {
        this.host = host;
        this.locks = locks;
        this.network = network;
        this.events = events;
    }

    /**
     * The DoS guard's view of a QEMU VM's frames ({@link GuardPolicy}): the QEMU arguments that mirror its NIC's frames
     * to the guard (asked for at each boot), and word when the VM no longer runs here.
     */
    interface FrameWatch {
        List<String> mirrorArgs(String vm) throws IOException;

        void stopped(String vm);
    }

    private volatile FrameWatch frameWatch;

    void frameWatch(FrameWatch w) {
        this.frameWatch = w;
    }

    /** Told (VM, what happened) when a QEMU ends that nobody here asked to end. */
    void onDeath(java.util.function.BiConsumer<String, String> listener) {
        this.onDeath = listener;
    }

    boolean runs(String name) {
        return running.containsKey(name);
    }

    Optional<Running> running(String name) {
        return Optional.ofNullable(running.get(name));
    }

    Collection<Running> running() {
        return List.copyOf(running.values());
    }

    /**
     * Boots the VM of {@code c} here, holding {@code configLease}, {@code diskLease} and {@code sessions} (let go if it
     * does not boot). A guest that cannot boot here (no image, no address, QEMU refusing) is a 409 that says why.
     */
    QemuDisks disks() {
        return disks;
    }

    Running start(VmConfig c, Lease configLease, Lease diskLease, List<Medium> sessions, DiskChain chain) throws IOException {
        QemuGuest g;
        try {
            g = QemuGuest.parse(c.guest());
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict(c.name() + " cannot boot: " + e.getMessage());
        }
        HostNetwork.Tap tap;
        try {
            tap = network.tapFor(c.name(), c.address());
        } catch (IOException e) {
            throw ApiException.conflict(c.name() + " cannot boot: " + e.getMessage());
        }
        QemuDisks.Served disk;
        try {
            disk = disks.serve(c.name(), c.iqn(), chain);
        } catch (IOException e) {
            throw ApiException.conflict(c.name() + " cannot boot: " + e.getMessage());
        }
        QemuSpec spec;
        QemuMachine machine;
        FrameWatch watch = frameWatch;
        try {
            spec = spec(c, g, tap, disk);
            List<String> shared = disks.serveShared(c.name(), c.iqn(), c.sharedDisks());
            if (!shared.isEmpty()) { // SCSI disks shared with other VMs (issue 24), reserved by the guest itself
                List<String> args = new ArrayList<>(spec.extraArgs());
                args.addAll(shared);
                spec = spec.withExtraArgs(args);
            }
            if (watch != null) { // the DoS guard's mirror of the NIC's frames (filter-mirror)
                List<String> args = new ArrayList<>(spec.extraArgs());
                args.addAll(watch.mirrorArgs(c.name()));
                spec = spec.withExtraArgs(args);
            }
            machine = new QemuMachine(spec);
            if (c.share() < 1.0) { // the CPU share of its vm.json: its vCPU threads are limited before the guest runs
                machine.setCpuShare(c.share());
            }
        } catch (IllegalArgumentException | IOException e) {
            disks.unserve(c.name());
            if (watch != null) {
                watch.stopped(c.name());
            }
            if (e instanceof ApiException a) {
                throw a;
            }
            throw ApiException.conflict(c.name() + " cannot boot: " + e.getMessage());
        }
        Running r = new Running(c, machine, tap, spec, chain);
        r.configLease = configLease;
        r.diskLease = diskLease;
        r.lunSessions.addAll(sessions);
        try {
            tap.create();
            machine.onExit(exit -> ended(r, exit));
            machine.start(START_TIMEOUT);
            tap.claim();
        } catch (IOException | RuntimeException e) {
            try {
                if (machine.isAlive()) {
                    machine.kill();
                }
            } catch (IOException | RuntimeException ke) {
                e.addSuppressed(ke);
            }
            tap.release();
            disks.unserve(c.name());
            if (watch != null) {
                watch.stopped(c.name());
            }
            throw ApiException.conflict(c.name() + " cannot boot: " + e.getMessage());
        }
        running.put(c.name(), r);
        LOG.log(System.Logger.Level.INFO, c.name() + ": QEMU " + machine.pid() + " started (" + spec.accel().qemuName() + ", " + spec.memoryMiB() + " MiB, "
                + tap + ")");
        return r;
    }

    /** The QEMU spec of a VM: its image, memory, NIC on the tap with a MAC of its own, its address on the command line. */
    static QemuSpec spec(VmConfig c, QemuGuest g, HostNetwork.Tap tap, QemuDisks.Served disk) throws IOException {
        int memory = (int) c.memoryMiB();
        QemuSpec spec;
        if (g.image() != null) {
            spec = QemuSpec.disk(c.name(), memory, 1, g.image());
        } else {
            Path kernel = g.kernel();
            Path initrd = g.initrd();
            String append = g.append();
            if (g.isDefault()) {
                Path dir = QemuGuest.defaultImage();
                kernel = dir.resolve("vmlinuz");
                initrd = dir.resolve("initrd.img");
                if (!Files.isRegularFile(kernel) || !Files.isRegularFile(initrd)) {
                    throw ApiException.conflict(c.name() + " cannot boot: the default QEMU image is not built on " + "this host (expected vmlinuz and "
                            + "initrd.img in " + dir + "); build it with `./lockstep image` (releng/qemu-image/build.sh)");
                }
                String[] cidr = tap.hostCidr();
                append = "console=ttyS0 panic=-1 quiet lockstep.ip=" + c.address() + "/" + cidr[1] + " lockstep.gw=" + cidr[0] + " lockstep.name=" + c.name()
                        + (c.port() == QemuGuest.SERVICE_PORT ? "" : " lockstep.redis.port=" + c.port());
            }
            spec = QemuSpec.kernel(c.name(), memory, 1, kernel, initrd, append);
        }
        List<String> extra = new ArrayList<>(List.of("-no-reboot"));
        if (disk != null) {
            extra.addAll(disk.qemuArgs());
        }
        return spec.withNic(tap.device(), mac(c.name())).withAccel(Accel.detect()).withExtraArgs(extra);
    }

    /** A locally administered unicast MAC of QEMU's prefix for the VM, the same wherever it runs. */
    static String mac(String vm) {
        int h = vm.hashCode();
        return String.format("52:54:00:%02x:%02x:%02x", (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff);
    }

    /**
     * Ends the VM's QEMU and starts another from a checkpoint's stream ({@link MemorySnapshot}), on the same tap, holding
     * the same locks; when that fails the VM is powered off (and says why).
     */
    Running restartFrom(Running r, ReadableByteChannel in, DiskChain chain, Duration timeout) throws IOException {
        List<String> args = new ArrayList<>(r.boot.extraArgs());
        args.addAll(MemorySnapshot.incomingArgs());
        QemuMachine m = new QemuMachine(r.boot.withStartPaused(true).withExtraArgs(args));
        if (r.machine.cpuShare() < 1.0) {
            m.setCpuShare(r.machine.cpuShare()); // the share it ran with goes on with it
        }
        Running again = new Running(r.config, m, r.tap, r.boot, chain);
        again.configLease = r.configLease;
        again.diskLease = r.diskLease;
        again.lunSessions.addAll(r.lunSessions);
        r.stopping = true;
        r.machine.kill(); // its tap stays: the new QEMU opens it
        if (!running.replace(r.name(), r, again)) {
            chain.close();
            throw ApiException.conflict(r.name() + " stopped meanwhile");
        }
        if (chain != r.chain) {
            r.chain.close(); // the disk of the QEMU that ended: the new one runs on a delta over the checkpoint's
            disks.serve(r.name(), r.config.iqn(), chain);
        }
        m.onExit(exit -> ended(again, exit));
        try {
            m.start(START_TIMEOUT);
            MemorySnapshot.load(m, in, x -> {
            }, timeout);
        } catch (IOException | RuntimeException e) {
            again.stopping = true;
            try {
                m.kill();
            } catch (IOException | RuntimeException ke) {
                e.addSuppressed(ke);
            }
            release(again);
            String why = "reverting failed, so it is powered off: " + e.getMessage();
            events.publish(EventType.VM_POWER, r.name(), new PowerEvent("poweredOff", host, why, null));
            onDeath.accept(r.name(), why);
            throw ApiException.conflict(r.name() + ": " + why);
        }
        LOG.log(System.Logger.Level.INFO, r.name() + ": QEMU " + m.pid() + " started from a checkpoint");
        return again;
    }

    void suspend(Running r) throws IOException {
        r.machine.pause();
        r.suspended = true;
    }

    void resume(Running r) throws IOException {
        r.machine.resume();
        r.suspended = false;
    }

    /** Powers the VM off (ACPI, then quit, then kill) and lets go of everything it held. */
    QemuMachine.PowerOff stop(Running r) throws IOException {
        r.stopping = true;
        try {
            return r.machine.powerOff(POWER_OFF_GRACE);
        } finally {
            release(r);
        }
    }

    /** QEMU ended: when nobody here asked (a crash, a kill from outside, the guest powering off), say so and let go. */
    private void ended(Running r, QemuMachine.Exit exit) {
        if (r.stopping) {
            return;
        }
        String why = exit.describe();
        LOG.log(System.Logger.Level.WARNING, r.name() + ": " + why);
        release(r);
        events.publish(EventType.VM_POWER, r.name(), new PowerEvent("poweredOff", host, why, null));
        onDeath.accept(r.name(), why);
    }

    private void release(Running r) {
        if (!running.remove(r.name(), r)) {
            return; // let go already
        }
        r.tap.release();
        disks.unserve(r.name());
        try {
            r.chain.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, r.name() + ": closing its disk: " + e.getMessage());
        }
        FrameWatch watch = frameWatch;
        if (watch != null) {
            watch.stopped(r.name());
        }
        for (Medium m : r.lunSessions) {
            try {
                m.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, r.name() + ": logging out of " + m.uri() + ": " + e.getMessage());
            }
        }
        r.lunSessions.clear();
        locks.release(r.configLease);
        locks.release(r.diskLease);
    }

    /** At the agent's close: every QEMU here is killed (a host that stops takes its VMs with it). */
    void closeAll() {
        for (Running r : running()) {
            r.stopping = true;
            try {
                r.machine.kill();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, r.name() + ": killing QEMU: " + e.getMessage());
            }
            release(r);
        }
        disks.close();
    }
}
