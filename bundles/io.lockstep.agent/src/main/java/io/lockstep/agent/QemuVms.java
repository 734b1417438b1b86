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
import io.lockstep.ft.FtDisk;
import io.lockstep.qemu.Accel;
import io.lockstep.qemu.DeviceState;
import io.lockstep.qemu.OutputGate;
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
        /** Its disk: the delta chain in its folder, served by this host's target ({@link QemuDisks}) through {@link #disk}. */
        final DiskChain chain;
        /** The chain as the target serves it: writes straight through, or held by epoch while the VM is an FT primary. */
        final FtDisk disk;
        /** Its NIC's output, passing or held by epoch (FT output commit, issue 25). */
        final OutputGate gate;
        /** Its protection as an FT primary (null: none). */
        volatile QemuFt.Primary ft;

        Running(VmConfig config, QemuMachine machine, HostNetwork.Tap tap, QemuSpec boot, DiskChain chain, FtDisk disk, OutputGate gate) {
            this.config = config;
            this.machine = machine;
            this.tap = tap;
            this.boot = boot;
            this.chain = chain;
            this.disk = disk;
            this.gate = gate;
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

    /**
     * QEMUs that an earlier life of this agent left (it was killed: its VMs lost their disks and their NIC's gate with it,
     * and an FT backup may run them elsewhere by now) are killed, and their RAM files removed. Only with a network
     * namespace of its own: a QEMU in this namespace whose RAM file is this host's is this agent's.
     */
    int reapOrphans() {
        if (!network.own()) {
            return 0;
        }
        int n = 0;
        try {
            Path mine = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
            String prefix = "mem-path=" + Path.of("/dev/shm", "lockstep-" + host.replaceAll("[^A-Za-z0-9_.-]", "_") + "-");
            for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
                try {
                    Path proc = Path.of("/proc", Long.toString(p.pid()));
                    String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")), java.nio.charset.StandardCharsets.UTF_8);
                    if (!cmd.contains("qemu-system") || !cmd.contains(prefix) || !Files.readSymbolicLink(proc.resolve("ns/net")).equals(mine)) {
                        continue;
                    }
                    LOG.log(System.Logger.Level.WARNING, "killing QEMU " + p.pid() + " left by an earlier life of this agent");
                    p.destroyForcibly();
                    p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                    int tap = cmd.indexOf("ifname=");
                    if (tap >= 0) { // its tap would still route (and proxy ARP for) an address that has moved on
                        String dev = cmd.substring(tap + 7).split("[,\\x00]", 2)[0];
                        new ProcessBuilder("ip", "link", "del", dev).redirectErrorStream(true).start().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                    }
                    int at = cmd.indexOf(prefix) + "mem-path=".length();
                    int end = cmd.indexOf(',', at);
                    Files.deleteIfExists(Path.of(cmd.substring(at, end < 0 ? cmd.indexOf('\0', at) : end)));
                    n++;
                } catch (IOException | RuntimeException | InterruptedException | java.util.concurrent.ExecutionException
                        | java.util.concurrent.TimeoutException e) {
                    // gone meanwhile, or not ours to read
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "looking for QEMUs left by an earlier life: " + e.getMessage());
        }
        return n;
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
        return start(c, configLease, diskLease, sessions, chain, null);
    }

    /**
     * Where a QEMU VM's RAM lives on this host: a shared file under /dev/shm (an FT primary reads it; a backup keeps its
     * copy there, and starts QEMU on it when it goes live). Null where there is no /dev/shm (such a VM cannot be protected).
     */
    Path memoryFile(String vm) {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) ? shm.resolve("lockstep-" + host.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + vm + ".ram") : null;
    }

    private Path gateDir;

    /** The output gate of a VM about to boot: its sockets in a short directory of this agent's (a socket path has at most 107 bytes). */
    private OutputGate gate(String vm) throws IOException {
        synchronized (this) {
            if (gateDir == null) {
                gateDir = Files.createTempDirectory("lsgate");
                gateDir.toFile().deleteOnExit();
            }
        }
        return new OutputGate(gateDir, "g" + Integer.toHexString(vm.hashCode()) + Long.toHexString(System.nanoTime() & 0xffffff));
    }

    /**
     * Boots the VM of {@code c} here; with {@code device} (an FT backup going live) QEMU starts paused on the RAM file this
     * host holds for it ({@link #memoryFile}), loads that device state and runs from there.
     */
    Running start(VmConfig c, Lease configLease, Lease diskLease, List<Medium> sessions, DiskChain chain, byte[] device) throws IOException {
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
        FtDisk ftDisk;
        OutputGate gate;
        try {
            gate = gate(c.name());
        } catch (IOException | RuntimeException e) {
            throw ApiException.conflict(c.name() + " cannot boot: its output gate: " + e.getMessage());
        }
        try {
            ftDisk = new FtDisk(chain, gate::openEpoch); // a write's epoch: the one open when it reached the target
            disk = disks.serve(c.name(), c.iqn(), ftDisk);
        } catch (IOException e) {
            gate.close();
            throw ApiException.conflict(c.name() + " cannot boot: " + e.getMessage());
        }
        QemuSpec spec;
        QemuMachine machine;
        FrameWatch watch = frameWatch;
        try {
            spec = spec(c, g, tap, disk);
            Path ram = memoryFile(c.name());
            if (ram != null) {
                spec = spec.withMemoryFile(ram);
            }
            List<String> shared = disks.serveShared(c.name(), c.iqn(), c.sharedDisks());
            List<String> args = new ArrayList<>(spec.extraArgs());
            args.addAll(shared); // SCSI disks shared with other VMs (issue 24), reserved by the guest itself
            args.addAll(gate.args("net0")); // before the guard's mirror: QEMU walks the filters backwards for the guest's output
            spec = spec.withExtraArgs(args);
            if (watch != null) { // the DoS guard's mirror of the NIC's frames (filter-mirror)
                args.addAll(watch.mirrorArgs(c.name()));
                spec = spec.withExtraArgs(args);
            }
            if (device != null) { // (the spec it boots from again stays without it)
                List<String> incoming = new ArrayList<>(spec.extraArgs());
                incoming.addAll(List.of("-incoming", "defer"));
                machine = new QemuMachine(spec.withStartPaused(true).withExtraArgs(incoming));
            } else {
                machine = new QemuMachine(spec);
            }
            if (c.share() < 1.0) { // the CPU share of its vm.json: its vCPU threads are limited before the guest runs
                machine.setCpuShare(c.share());
            }
        } catch (IllegalArgumentException | IOException e) {
            disks.unserve(c.name());
            gate.close();
            if (watch != null) {
                watch.stopped(c.name());
            }
            if (e instanceof ApiException a) {
                throw a;
            }
            throw ApiException.conflict(c.name() + " cannot boot: " + e.getMessage());
        }
        Running r = new Running(c, machine, tap, spec, chain, ftDisk, gate);
        r.configLease = configLease;
        r.diskLease = diskLease;
        r.lunSessions.addAll(sessions);
        try {
            tap.create();
            machine.onExit(exit -> ended(r, exit));
            machine.start(START_TIMEOUT);
            if (device != null) {
                DeviceState.load(machine, device, true, START_TIMEOUT);
            }
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
            gate.close();
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
        FtDisk ftDisk = chain == r.chain ? r.disk : new FtDisk(chain, r.gate::openEpoch);
        Running again = new Running(r.config, m, r.tap, r.boot, chain, ftDisk, r.gate);
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
            disks.serve(r.name(), r.config.iqn(), ftDisk);
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

    /** Kills the VM's QEMU at once (an FT primary that lost its pair halts) and lets go of everything it held. */
    void kill(Running r) throws IOException {
        r.stopping = true;
        try {
            r.machine.kill();
        } finally {
            release(r);
        }
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
        QemuFt.Primary ft = r.ft;
        if (ft != null) {
            ft.vmEnded(); // its backup takes over, or stands down
        }
        r.tap.release();
        disks.unserve(r.name());
        r.gate.close();
        Path ram = r.boot.memoryFile();
        if (ram != null) {
            try {
                Files.deleteIfExists(ram);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, r.name() + ": removing its RAM file " + ram + ": " + e.getMessage());
            }
        }
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
