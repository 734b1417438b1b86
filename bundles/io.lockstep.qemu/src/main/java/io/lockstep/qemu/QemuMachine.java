package io.lockstep.qemu;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One qemu-system-x86_64 process, started from a {@link QemuSpec} and owned until it exits.
 *
 * <p>QEMU starts paused ({@code -S}) with QMP and the serial console on unix sockets in a private runtime directory
 * (mode 0700, which also holds {@code qemu.pid}: a directory left behind by a crashed JVM names its QEMU);
 * {@link #start} connects both before the guest runs its first instruction, so no serial output is lost,
 * then resumes it (unless the spec says to stay paused). The serial output is kept in a ring of the last
 * {@value #SERIAL_RING} bytes ({@link #serialTail()}) and handed line by line to listeners; {@link #writeSerial} types
 * into the console. QEMU's own stdout/stderr is kept as its last {@value #OUTPUT_LINES} lines.
 *
 * <p>A watcher thread waits for the process: whenever it exits — asked to or not (a {@code kill -9} from outside, a
 * crash, the guest powering off) — it closes the connections, removes the CPU group and runtime directory, and then
 * hands one {@link Exit} to each {@link #onExit} listener, exactly once.
 */
public final class QemuMachine implements AutoCloseable {
    /** Serial bytes kept for {@link #serialTail()}. */
    public static final int SERIAL_RING = 256 * 1024;
    /** Lines of QEMU's own output kept. */
    public static final int OUTPUT_LINES = 100;
    /** The timeout of QMP calls this class makes. */
    public static final Duration QMP_TIMEOUT = Duration.ofSeconds(10);
    /** The system property, then environment variable, naming the QEMU binary (default qemu-system-x86_64). */
    public static final String BINARY_SETTING = "LOCKSTEP_QEMU_BINARY";
    /** The system property naming the base of runtime directories (default java.io.tmpdir). */
    public static final String RUN_DIR_SETTING = "lockstep.qemu.runDir";

    /**
     * How a QEMU process ended.
     *
     * @param code           its exit status; 128 + n when killed by signal n
     * @param requested      whether this machine asked for it ({@link #powerOff}, {@link #kill}, {@link #close}) —
     *                       false for a crash, an outside kill or the guest powering itself off
     * @param how            what this machine did to end it ("powerOff: quit after 2000 ms", "kill", …) or "not asked"
     * @param shutdownReason QEMU's SHUTDOWN event reason ("guest-shutdown", "host-qmp-quit", …), or null when none came
     * @param output         QEMU's last lines of stdout/stderr
     * @param serialTail     the last lines of the serial console
     * @param cleanup        what could not be cleaned up (the CPU group, the runtime directory), or null
     */
    public record Exit(String machine, long pid, int code, boolean requested, String how, String shutdownReason,
                       List<String> output, List<String> serialTail, Instant at, String cleanup) {
        /** The signal that killed QEMU, or 0 when it exited by itself. */
        public int signal() {
            return code > 128 && code < 128 + 65 ? code - 128 : 0;
        }

        /** One sentence for an operator. */
        public String describe() {
            StringBuilder b = new StringBuilder("QEMU of machine ").append(machine).append(" (pid ").append(pid)
                    .append(") ");
            b.append(signal() != 0 ? "was killed by signal " + signal() : "exited with code " + code);
            b.append(requested ? " (" + how + ")" : ", not asked to by us");
            if (shutdownReason != null) {
                b.append("; QEMU's shutdown reason: ").append(shutdownReason);
            }
            if (!output.isEmpty()) {
                b.append("; its last output: ").append(String.join(" | ", tail(output, 5)));
            }
            if (!serialTail.isEmpty()) {
                b.append("; serial: ").append(String.join(" | ", tail(serialTail, 5)));
            }
            return b.toString();
        }

        private static List<String> tail(List<String> l, int n) {
            return l.subList(Math.max(0, l.size() - n), l.size());
        }
    }

    /** How {@link #powerOff} ended the machine. */
    public enum PowerOff {
        /** the guest powered off after system_powerdown (ACPI) within the grace time */
        GUEST,
        /** the guest ignored ACPI; QMP quit ended QEMU */
        QUIT,
        /** QEMU answered neither; SIGKILL */
        KILL,
        /** it had exited already */
        ALREADY_EXITED
    }

    private final QemuSpec spec;
    private final String binary;
    private final ByteRing serial = new ByteRing(SERIAL_RING);
    private final ArrayDeque<String> output = new ArrayDeque<>();
    private final List<Consumer<String>> serialListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Exit> exit = new CompletableFuture<>();
    private final Object serialWrite = new Object();
    /** Guards the CPU group (not the machine's monitor: start holds that while it waits for a failed QEMU's exit). */
    private final Object groupLock = new Object();

    private volatile Process process;
    private volatile Path runDir;
    private volatile Qmp qmp;
    private volatile SocketChannel serialChannel;
    private volatile Thread outputReader;
    private volatile Thread serialReader;
    private volatile String requested;
    private volatile CpuGroup cpuGroup;
    private volatile double cpuShare = 1.0;
    private boolean started;

    /**
     * A machine for {@code spec}; nothing runs until {@link #start}.
     *
     * @throws IllegalArgumentException when the spec's files are missing (see {@link QemuSpec#validateFiles()})
     */
    public QemuMachine(QemuSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        spec.validateFiles();
        String b = System.getProperty(BINARY_SETTING, System.getenv(BINARY_SETTING));
        this.binary = b == null || b.isBlank() ? "qemu-system-x86_64" : b;
    }

    public QemuSpec spec() {
        return spec;
    }

    /** The QEMU command line for the given runtime directory (what {@link #start} runs, with its sockets). */
    public List<String> commandLine(Path dir) {
        return commandLine(spec, binary, dir);
    }

    /**
     * util-linux's setpriv, when installed: QEMU runs with a parent-death signal, so a JVM that dies (its agent killed)
     * takes its QEMUs with it — they would otherwise run on with their NIC's output gate gone, and QEMU's
     * filter-redirector lets a guest's frames straight out when its socket is not connected (FT output commit).
     */
    static final String SETPRIV = java.nio.file.Files.isExecutable(Path.of("/usr/bin/setpriv")) ? "/usr/bin/setpriv"
            : java.nio.file.Files.isExecutable(Path.of("/bin/setpriv")) ? "/bin/setpriv" : null;

    /**
     * The one thread that starts every QEMU: the kernel sends the parent-death signal when the *thread* that forked a
     * process ends, so QEMUs are forked by a thread that lives as long as the JVM (a pool thread would retire and take
     * them along).
     */
    private static final java.util.concurrent.ExecutorService LAUNCHER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "qemu-launcher");
        t.setDaemon(true);
        return t;
    });

    private static Process launch(ProcessBuilder pb) throws IOException {
        try {
            return LAUNCHER.submit(pb::start).get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("starting QEMU");
        }
    }

    static List<String> commandLine(QemuSpec spec, String binary, Path dir) {
        List<String> c = new ArrayList<>();
        if (SETPRIV != null) { // QEMU dies with this JVM: its NIC's gate and its disk are here (see LAUNCHER)
            c.addAll(List.of(SETPRIV, "--pdeathsig", "KILL", "--"));
        }
        if (spec.netns() != null) {
            c.addAll(List.of("ip", "netns", "exec", spec.netns()));
        }
        c.add(binary);
        c.addAll(List.of("-name", spec.name(),
                "-machine", "q35,accel=" + spec.accel().qemuName()
                        + (spec.memoryFile() != null ? ",memory-backend=ram0" : ""),
                "-m", Integer.toString(spec.memoryMiB()),
                "-smp", Integer.toString(spec.vcpus()),
                "-nodefaults", "-no-user-config", "-display", "none",
                "-S",
                "-pidfile", dir.resolve("qemu.pid").toString(),
                "-qmp", "unix:" + opt(dir.resolve("qmp.sock").toString()) + ",server=on,wait=off",
                "-chardev", "socket,id=ser0,path=" + opt(dir.resolve("serial.sock").toString())
                        + ",server=on,wait=off",
                "-serial", "chardev:ser0"));
        if (spec.memoryFile() != null) {
            c.addAll(List.of("-object", "memory-backend-file,id=ram0,size=" + spec.memoryMiB() + "M,mem-path="
                    + spec.memoryFile() + ",share=on"));
        }
        if (spec.accel() == Accel.KVM) {
            c.addAll(List.of("-cpu", "host"));
        }
        if (spec.kernel() != null) {
            c.addAll(List.of("-kernel", spec.kernel().toString()));
            if (spec.initrd() != null) {
                c.addAll(List.of("-initrd", spec.initrd().toString()));
            }
            if (spec.append() != null) {
                c.addAll(List.of("-append", spec.append()));
            }
        }
        if (spec.disk() != null) {
            String format = spec.disk().getFileName().toString().endsWith(".qcow2") ? "qcow2" : "raw";
            c.addAll(List.of("-drive", "file=" + opt(spec.disk().toString()) + ",format=" + format
                            + ",if=none,id=disk0",
                    "-device", "virtio-blk-pci,drive=disk0"));
        }
        if (spec.nic() != null) {
            c.addAll(List.of("-netdev", "tap,id=net0,ifname=" + spec.nic().tap() + ",script=no,downscript=no",
                    "-device", "virtio-net-pci,netdev=net0,mac=" + spec.nic().mac()));
        }
        c.addAll(spec.extraArgs());
        return c;
    }

    /** {@link #start(Duration)} with 30 s. */
    public void start() throws IOException {
        start(Duration.ofSeconds(30));
    }

    /**
     * Starts QEMU and waits until QMP answers and the serial console is connected, then lets the guest run (unless
     * the spec starts it paused). On any failure QEMU is killed and the exception says why, with QEMU's last output.
     *
     * @param timeout how long QEMU may take to listen on QMP (a hang guard)
     */
    public synchronized void start(Duration timeout) throws IOException {
        if (started) {
            throw new IllegalStateException("machine " + spec.name() + ": expected a machine not started yet, found it "
                    + (exit.isDone() ? "exited" : "running as pid " + process.pid()));
        }
        started = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        runDir = makeRunDir();
        List<String> cmd = commandLine(runDir);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            process = launch(pb);
        } catch (IOException e) {
            deleteRunDir();
            exit.complete(new Exit(spec.name(), -1, -1, false, "not started", null, List.of(), List.of(),
                    Instant.now(), null));
            throw new IOException("machine " + spec.name() + ": cannot run " + cmd.get(0) + ": " + e.getMessage()
                    + (spec.netns() == null ? " (is QEMU installed? set " + BINARY_SETTING + " to its path)" : ""), e);
        }
        outputReader = daemon("qemu-output-" + spec.name(), this::readOutput);
        daemon("qemu-watch-" + spec.name(), this::watch);
        try {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            qmp = Qmp.connect(runDir.resolve("qmp.sock"), spec.name(), left, process::isAlive);
            serialChannel = connectSerial(runDir.resolve("serial.sock"), deadline);
            serialReader = daemon("qemu-serial-" + spec.name(), this::readSerial);
            if (cpuShare < 1.0) {
                applyCpuShare(cpuShare);
            }
            if (!spec.startPaused()) {
                qmp.execute("cont", Map.of(), QMP_TIMEOUT);
            }
        } catch (IOException | RuntimeException e) {
            requested = "start failed";
            process.destroyForcibly();
            Exit x = awaitExitQuietly(Duration.ofSeconds(10));
            String why = x == null ? "" : "; " + x.describe();
            throw new IOException("machine " + spec.name() + ": start failed: " + e.getMessage() + why, e);
        }
    }

    /** The QEMU process id (what {@code ip netns exec} became). */
    public long pid() {
        Process p = requireStarted();
        return p.pid();
    }

    /** The QMP client (for commands this class does not wrap). */
    public Qmp qmp() {
        requireStarted();
        return qmp;
    }

    /** Whether the QEMU process is running. */
    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** QEMU's run state from query-status: "running", "paused", "prelaunch", "shutdown", "inmigrate", … */
    public String status() throws QmpException {
        return qmp().execute("query-status", Map.of(), QMP_TIMEOUT).path("status").asText();
    }

    /**
     * Pauses the guest's vCPUs (QMP stop). Under a CPU share the limit is lifted for the stop and set again right after
     * it: a vCPU thread out of quota acknowledges the stop only when its quota comes back, which made a plain stop at
     * share 0.1 take up to 27–35 ms instead of ~1 ms (docs/qemu.md); a paused guest uses no CPU either way.
     */
    public void pause() throws IOException {
        Qmp q = qmp();
        synchronized (groupLock) {
            CpuGroup g = cpuGroup;
            double share = cpuShare;
            boolean lift = g != null && share < 1.0;
            if (lift) {
                g.set(1.0);
            }
            try {
                q.execute("stop", Map.of(), QMP_TIMEOUT);
            } finally {
                if (lift) {
                    g.set(share);
                }
            }
        }
    }

    /** Lets the guest run again (QMP cont). */
    public void resume() throws QmpException {
        qmp().execute("cont", Map.of(), QMP_TIMEOUT);
    }

    /**
     * Powers the machine off: ACPI power button (system_powerdown) and up to {@code grace} for the guest to power off;
     * then QMP quit and up to 5 s; then SIGKILL. Returns once QEMU has exited and been cleaned up.
     */
    public PowerOff powerOff(Duration grace) throws IOException {
        Process p = requireStarted();
        if (!p.isAlive()) {
            awaitExit(Duration.ofSeconds(30));
            return PowerOff.ALREADY_EXITED;
        }
        requested = "powerOff: system_powerdown";
        Duration short5 = Duration.ofSeconds(5);
        try {
            qmp.execute("system_powerdown", Map.of(), grace.compareTo(short5) < 0 ? grace : short5);
        } catch (QmpException e) {
            // a hung QEMU: the grace below still applies, then quit, then kill
        }
        if (waitFor(p, grace)) {
            awaitExit(Duration.ofSeconds(30));
            return PowerOff.GUEST;
        }
        requested = "powerOff: quit after the guest ignored system_powerdown for " + grace.toMillis() + " ms";
        try {
            qmp.execute("quit", Map.of(), short5);
        } catch (QmpException e) {
            // QEMU may close the connection before it answers quit; a hung one falls through to the kill
        }
        if (waitFor(p, short5)) {
            awaitExit(Duration.ofSeconds(30));
            return PowerOff.QUIT;
        }
        requested = "powerOff: SIGKILL after system_powerdown and quit went unanswered";
        p.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
        return PowerOff.KILL;
    }

    /** SIGKILLs QEMU and waits until it is reaped and cleaned up. */
    public Exit kill() throws IOException {
        Process p = requireStarted();
        if (p.isAlive()) {
            if (requested == null) {
                requested = "kill";
            }
            p.destroyForcibly();
        }
        return awaitExit(Duration.ofSeconds(30));
    }

    /**
     * Calls {@code listener} once with how QEMU ended: when it exits, or right away when it has exited already.
     * Listeners run after the cleanup, on the watcher thread (or the caller's when already exited).
     */
    public void onExit(Consumer<Exit> listener) {
        exit.thenAccept(listener);
    }

    /** How QEMU ended, once it has. */
    public Optional<Exit> exitInfo() {
        return Optional.ofNullable(exit.getNow(null));
    }

    /** Waits up to {@code timeout} for QEMU to exit and be cleaned up. */
    public Exit awaitExit(Duration timeout) throws IOException {
        try {
            return exit.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IOException("machine " + spec.name() + ": expected QEMU to exit within " + timeout.toMillis()
                    + " ms, found it still " + (isAlive() ? "running" : "being cleaned up"));
        } catch (ExecutionException e) {
            throw new IOException("machine " + spec.name() + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for machine " + spec.name(), e);
        }
    }

    /** The serial console's last {@value #SERIAL_RING} bytes as text. */
    public String serialTail() {
        return serial.text();
    }

    /** Serial bytes received since start. */
    public long serialBytes() {
        return serial.total();
    }

    /**
     * The serial console's last bytes as text with the count of bytes received since start, read together: the text
     * ends exactly at byte {@code bytes} of the console's output (reading {@link #serialBytes()} and {@link #serialTail()}
     * one after the other can see bytes arrive in between).
     */
    public record SerialTail(long bytes, String text) {
    }

    public SerialTail serial() {
        return serial(0);
    }

    /** As {@link #serial()}, only what was printed after its first {@code after} bytes (of what is kept). */
    public SerialTail serial(long after) {
        ByteRing.Tail t = serial.tail(after);
        return new SerialTail(t.total(), new String(t.bytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Adds a listener for each line the serial console prints (without its line end), on the serial thread. */
    public void addSerialListener(Consumer<String> listener) {
        serialListeners.add(Objects.requireNonNull(listener));
    }

    public void removeSerialListener(Consumer<String> listener) {
        serialListeners.remove(listener);
    }

    /**
     * Waits until a serial line contains {@code marker} (lines already in the tail count).
     *
     * @return the line
     * @throws IOException when it does not come within {@code timeout} or QEMU exits first (with the serial tail)
     */
    public String awaitSerial(String marker, Duration timeout) throws IOException {
        CompletableFuture<String> found = new CompletableFuture<>();
        Consumer<String> l = line -> {
            if (line.contains(marker)) {
                found.complete(line);
            }
        };
        addSerialListener(l);
        exit.thenRun(() -> found.completeExceptionally(new IOException("QEMU exited")));
        try {
            for (String line : serialTail().split("\n")) {
                if (line.contains(marker)) {
                    return line.strip();
                }
            }
            return found.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            Exit x = exit.getNow(null);
            throw new IOException("machine " + spec.name() + ": expected a serial line containing \"" + marker
                    + "\" within " + timeout.toMillis() + " ms, found " + (x != null ? "QEMU exited: " + x.describe()
                    : "none; last serial lines: " + lastLines(serialTail(), 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            removeSerialListener(l);
        }
    }

    /** Types {@code text} into the serial console (as UTF-8; add "\n" for Enter). */
    public void writeSerial(String text) throws IOException {
        SocketChannel ch = serialChannel;
        if (ch == null || !ch.isOpen()) {
            throw new IOException("machine " + spec.name() + ": expected a connected serial console, found "
                    + (ch == null ? "none (not started)" : "it closed (QEMU exited?)"));
        }
        synchronized (serialWrite) {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    /** QEMU's last lines of stdout/stderr. */
    public List<String> output() {
        synchronized (output) {
            return new ArrayList<>(output);
        }
    }

    /**
     * CPU time QEMU has used (all its threads, user + system), from /proc/&lt;pid&gt;/stat, in nanoseconds; the
     * resolution is the kernel's USER_HZ tick (10 ms).
     */
    public long cpuNanos() throws IOException {
        String stat = readProc("stat");
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after "(comm)": state is field 3, utime 14, stime 15
        long ticks = Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
        return ticks * (1_000_000_000L / USER_HZ);
    }

    /** QEMU's resident memory in bytes (VmRSS of /proc/&lt;pid&gt;/status). */
    public long rssBytes() throws IOException {
        for (String line : readProc("status").split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).replace("kB", "").trim()) * 1024;
            }
        }
        throw new IOException("machine " + spec.name() + ": expected VmRSS in /proc/" + pid() + "/status, found none");
    }

    /** Linux's clock tick for /proc times: fixed at 100 on x86 and arm (USER_HZ, not the kernel's HZ). */
    static final long USER_HZ = 100;

    /**
     * Limits the guest's vCPU threads to {@code share} of their full CPU time (1.0 = no limit; 0.25 with 2 vCPUs = half
     * a core), through a cgroup of its own ({@link CpuGroup}); QEMU's main loop is not limited, so QMP stays prompt.
     * Before {@link #start} it is remembered and applied at start, before the guest runs.
     *
     * @throws IOException saying why CPU limits are not available on this host
     */
    public void setCpuShare(double share) throws IOException {
        if (!(share > 0)) {
            throw new IllegalArgumentException("CPU share: expected a number above 0 (1.0 = all its vCPUs), found "
                    + share);
        }
        synchronized (this) {
            if (process == null) {
                CpuGroup.Support s = CpuGroup.probeOrMount();
                if (!s.available()) {
                    throw new IOException("cannot limit the CPU of machine " + spec.name() + ": " + s.reason());
                }
                cpuShare = share;
                return;
            }
        }
        requireStarted();
        applyCpuShare(share);
    }

    /** The share last set (1.0 when never). */
    public double cpuShare() {
        return cpuShare;
    }

    /** The machine's CPU group, once a share below 1 was applied. */
    public Optional<CpuGroup> cpuGroup() {
        return Optional.ofNullable(cpuGroup);
    }

    private void applyCpuShare(double share) throws IOException {
        synchronized (groupLock) {
            applyCpuShareLocked(share);
        }
    }

    private void applyCpuShareLocked(double share) throws IOException {
        if (exit.isDone()) {
            throw new IllegalStateException("machine " + spec.name() + ": expected a running QEMU, found it exited");
        }
        if (cpuGroup == null) {
            if (share >= 1.0) {
                cpuShare = share;
                return;
            }
            List<Long> tids = vcpuThreads();
            CpuGroup g = CpuGroup.create(spec.name() + "." + process.pid(), spec.vcpus());
            try {
                g.addProcess(process.pid());
                g.addThreads(tids);
            } catch (IOException e) {
                try {
                    g.remove();
                } catch (IOException ignored) {
                    // the first failure is the one to report
                }
                throw new IOException("machine " + spec.name() + ": moving QEMU (pid " + process.pid()
                        + ", vCPU threads " + tids + ") into " + g.limitedDir() + " failed: " + e.getMessage(), e);
            }
            cpuGroup = g;
            if (exit.isDone()) {
                // exited meanwhile: the watcher may have missed the group
                removeGroup();
            }
        }
        cpuGroup.set(share);
        cpuShare = share;
    }

    /** The host thread ids of the guest's vCPUs (QMP query-cpus-fast). */
    public List<Long> vcpuThreads() throws QmpException {
        List<Long> tids = new ArrayList<>();
        for (var cpu : qmp().execute("query-cpus-fast", Map.of(), QMP_TIMEOUT)) {
            tids.add(cpu.path("thread-id").asLong());
        }
        return tids;
    }

    /** Kills QEMU if it still runs and waits for the cleanup. Idempotent. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (process == null) {
                started = true;
                exit.complete(new Exit(spec.name(), -1, -1, true, "closed before start", null, List.of(), List.of(),
                        Instant.now(), null));
                return;
            }
        }
        if (isAlive()) {
            if (requested == null) {
                requested = "close";
            }
            process.destroyForcibly();
        }
        awaitExit(Duration.ofSeconds(30));
    }

    // --- internals --------------------------------------------------------------------------------------------

    private Process requireStarted() {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException("machine " + spec.name() + ": expected a started machine, found it not "
                    + "started");
        }
        return p;
    }

    private String readProc(String file) throws IOException {
        long pid = pid();
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new IOException("machine " + spec.name() + ": expected QEMU (pid " + pid + ") running, found "
                    + (isAlive() ? "/proc/" + pid + "/" + file + " unreadable: " + e.getMessage() : "it exited"), e);
        }
    }

    private Path makeRunDir() throws IOException {
        String base = System.getProperty(RUN_DIR_SETTING, System.getProperty("java.io.tmpdir"));
        Path b = Path.of(base);
        // a unix socket path has at most 107 bytes
        if (b.toString().length() + spec.name().length() + 48 > 107) {
            b = Path.of("/tmp");
        }
        Files.createDirectories(b);
        return Files.createTempDirectory(b, "lockstep-qemu-" + spec.name() + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    private SocketChannel connectSerial(Path sock, long deadline) throws IOException {
        while (true) {
            if (Files.exists(sock)) {
                SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    c.connect(UnixDomainSocketAddress.of(sock));
                    return c;
                } catch (IOException e) {
                    c.close();
                }
            }
            if (System.nanoTime() - deadline > 0 || !process.isAlive()) {
                throw new IOException("expected the serial socket " + sock + " to accept a connection, found "
                        + (Files.exists(sock) ? "it refusing" : "no socket"));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private void readOutput() {
        try (InputStream in = process.getInputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n' || line.size() > 4096) {
                        addOutput(line.toString(StandardCharsets.UTF_8).stripTrailing());
                        line.reset();
                    } else {
                        line.write(buf[i]);
                    }
                }
            }
            if (line.size() > 0) {
                addOutput(line.toString(StandardCharsets.UTF_8).stripTrailing());
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private void addOutput(String line) {
        synchronized (output) {
            if (output.size() == OUTPUT_LINES) {
                output.removeFirst();
            }
            output.addLast(line);
        }
    }

    private void readSerial() {
        ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (true) {
                buf.clear();
                int n = serialChannel.read(buf);
                if (n < 0) {
                    break;
                }
                byte[] a = buf.array();
                serial.append(a, 0, n);
                for (int i = 0; i < n; i++) {
                    if (a[i] == '\n' || line.size() >= 4096) {
                        deliverSerial(line);
                        if (a[i] != '\n') {
                            line.write(a[i]);
                        }
                    } else {
                        line.write(a[i]);
                    }
                }
            }
        } catch (IOException e) {
            // closed: QEMU exited or we closed it
        }
        if (line.size() > 0) {
            deliverSerial(line);
        }
    }

    private void deliverSerial(ByteArrayOutputStream line) {
        String s = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        for (Consumer<String> l : serialListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                // a listener's failure must not stop the capture
            }
        }
    }

    private void watch() {
        Process p = process;
        int code;
        while (true) {
            try {
                code = p.waitFor();
                break;
            } catch (InterruptedException e) {
                // keep waiting: the exit must be reported
            }
        }
        join(outputReader, 2000);
        Qmp q = qmp;
        String shutdownReason = null;
        if (q != null) {
            // QEMU's socket closed with it: let the reader take its last events (SHUTDOWN) before closing ours
            q.awaitClosed(Duration.ofSeconds(2));
            q.close();
            for (QmpEvent e : q.recentEvents()) {
                if (e.name().equals("SHUTDOWN")) {
                    shutdownReason = e.data().path("reason").asText(null);
                }
            }
        }
        SocketChannel s = serialChannel;
        if (s != null) {
            join(serialReader, 1000);
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        List<String> problems = new ArrayList<>();
        synchronized (groupLock) {
            try {
                removeGroup();
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        try {
            deleteRunDir();
        } catch (IOException e) {
            problems.add("runtime directory " + runDir + ": " + e.getMessage());
        }
        String how = requested;
        exit.complete(new Exit(spec.name(), p.pid(), code, how != null, how == null ? "not asked" : how,
                shutdownReason, output(), lastLines(serial.text(), 20), Instant.now(),
                problems.isEmpty() ? null : String.join("; ", problems)));
    }

    private void removeGroup() throws IOException {
        CpuGroup g = cpuGroup;
        if (g != null && !isAlive()) {
            cpuGroup = null;
            g.remove();
        }
    }

    private void deleteRunDir() throws IOException {
        Path d = runDir;
        if (d == null || !Files.exists(d)) {
            return;
        }
        try (var s = Files.list(d)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(d);
    }

    private Exit awaitExitQuietly(Duration d) {
        try {
            return awaitExit(d);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean waitFor(Process p, Duration d) {
        try {
            return p.waitFor(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    private static void join(Thread t, long ms) {
        if (t != null) {
            try {
                t.join(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static List<String> lastLines(String text, int n) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n")));
        lines.removeIf(String::isBlank);
        return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    /** QEMU option values double their commas. */
    private static String opt(String s) {
        return s.replace(",", ",,");
    }

    @Override
    public String toString() {
        Process p = process;
        return "QemuMachine[" + spec.name() + (p == null ? ", not started" : ", pid " + p.pid()
                + (p.isAlive() ? "" : ", exited")) + "]";
    }

    /** For tests: the runtime directory (sockets), while running. */
    Path runDir() {
        return runDir;
    }
}
