package io.lockstep.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CPU cgroup for one machine that caps the CPU time of QEMU's vCPU threads (quota per period).
 *
 * <p>Only the vCPU threads are limited: QEMU's main loop (QMP, timers, the serial chardev) stays outside the quota, so
 * a throttled machine still answers QMP at once — limiting the whole process made {@code query-status} wait for the
 * next period (p50 15 ms, max 73 ms at share 0.1; docs/qemu.md).
 *
 * <p>cgroup v2 first: a mount of type cgroup2 whose root offers the {@code cpu} controller. The machine's group
 * {@code <mount>/lockstep-qemu/<machine>} holds the QEMU process and is the domain of a threaded child {@code vcpus}
 * holding the vCPU threads, whose {@code cpu.max} ("quota period") is the limit; the controller is enabled down to it
 * through {@code cgroup.subtree_control}. Where the cpu controller is bound to cgroup v1 instead (hybrid hosts), the
 * v1 cpu hierarchy: the vCPU threads go into {@code <mount>/lockstep-qemu/<machine>/tasks}, the limit into
 * {@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us} — the same CFS bandwidth control under its old names. Anything else
 * — no cgroup fs, read-only, or the controller unavailable (a container's own cgroup that holds processes cannot
 * delegate it) — is reported by {@link #probe()} and by the exception of {@link #create}.
 */
public final class CpuGroup {
    /** The CFS period we use: 20 ms, so a throttled guest waits at most 20 ms and the quota floor (1 ms) is 5 %. */
    public static final long PERIOD_MICROS = 20_000;
    /** The kernel's smallest quota. */
    public static final long MIN_QUOTA_MICROS = 1_000;
    static final String PARENT = "lockstep-qemu";

    /** Where CPU limits can be set, or why not. */
    public record Support(boolean available, int version, Path root, String reason) {
        @Override
        public String toString() {
            return available ? "cgroup v" + version + " cpu controller at " + root : "no CPU limits: " + reason;
        }
    }

    private final int version;
    private final Path dir;
    /** where the vCPU threads and the limit are: v2 the threaded child "vcpus", v1 the machine's group itself */
    private final Path limited;
    private final int vcpus;

    private CpuGroup(int version, Path dir, int vcpus) {
        this.version = version;
        this.dir = dir;
        this.limited = version == 2 ? dir.resolve("vcpus") : dir;
        this.vcpus = vcpus;
    }

    /** Finds the cgroup cpu controller this process may use (reads /proc/self/mounts; changes nothing). */
    public static Support probe() {
        List<String[]> mounts = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String[] f = line.split(" ");
                if (f.length >= 4) {
                    mounts.add(f);
                }
            }
        } catch (IOException e) {
            return new Support(false, 0, null, "cannot read /proc/self/mounts: " + e.getMessage());
        }
        List<String> found = new ArrayList<>();
        for (String[] m : mounts) {
            if (m[2].equals("cgroup2")) {
                Path root = Path.of(unescape(m[1]));
                String controllers = read(root.resolve("cgroup.controllers"));
                boolean rw = List.of(m[3].split(",")).contains("rw");
                if (controllers != null && List.of(controllers.trim().split(" ")).contains("cpu") && rw) {
                    return new Support(true, 2, root, null);
                }
                found.add("cgroup v2 at " + root + (rw ? "" : " (read-only)") + " with controllers ["
                        + (controllers == null ? "?" : controllers.trim()) + "]");
            }
        }
        for (String[] m : mounts) {
            if (m[2].equals("cgroup") && List.of(m[3].split(",")).contains("cpu")) {
                Path root = Path.of(unescape(m[1]));
                boolean rw = List.of(m[3].split(",")).contains("rw");
                if (rw && Files.exists(root.resolve("cpu.cfs_quota_us"))) {
                    return new Support(true, 1, root, null);
                }
                found.add("cgroup v1 cpu at " + root + (rw ? " without cpu.cfs_quota_us" : " (read-only)"));
            }
        }
        return new Support(false, 0, null, "expected a writable cgroup v2 mount offering the cpu controller or a "
                + "writable cgroup v1 cpu hierarchy, found " + (found.isEmpty() ? "no cgroup mount" : found));
    }

    /** Where a process started by {@code ip netns exec} finds no cgroup mount: its fresh /sys hides the host's. */
    static final Path CGROUP_MOUNT_POINT = Path.of("/sys/fs/cgroup");

    /**
     * {@link #probe()}, and when this process sees no cgroup mount at all and {@code /sys/fs/cgroup} is an empty
     * directory — a process started by {@code ip netns exec} (a host of {@code lockstep up}), whose private mount
     * namespace has a fresh /sys without the host's cgroup mounts — mounts the hierarchy that holds the cpu controller
     * there first (cgroup v1: with exactly the controllers mounted with it, as /proc/cgroups says, so it is the host's
     * hierarchy and not a new one; else cgroup2). The mount is in that private namespace only.
     */
    public static Support probeOrMount() {
        Support s = probe();
        if (s.available() || s.reason() == null || !s.reason().endsWith("found no cgroup mount")) {
            return s;
        }
        String why = mountCpuHierarchy(CGROUP_MOUNT_POINT);
        if (why == null) {
            Support again = probe();
            if (again.available()) {
                return again;
            }
            why = again.reason();
        }
        return new Support(false, 0, null, s.reason() + "; mounting the cpu hierarchy at " + CGROUP_MOUNT_POINT + " failed: " + why);
    }

    /** Mounts the cpu controller's hierarchy at {@code at} (an empty directory); null when it worked, else why not. */
    private static String mountCpuHierarchy(Path at) {
        try {
            if (!Files.isDirectory(at)) {
                return at + " is not a directory";
            }
            try (var entries = Files.list(at)) {
                if (entries.findAny().isPresent()) {
                    return at + " is not empty";
                }
            }
            int cpuHierarchy = -1;
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/proc/cgroups"))) {
                String[] f = line.trim().split("\\s+");
                if (line.startsWith("#") || f.length < 4) {
                    continue;
                }
                rows.add(f);
                if (f[0].equals("cpu") && f[3].equals("1")) {
                    cpuHierarchy = Integer.parseInt(f[1]);
                }
            }
            if (cpuHierarchy < 0) {
                return "/proc/cgroups lists no enabled cpu controller";
            }
            List<String> cmd;
            if (cpuHierarchy == 0) {
                cmd = List.of("mount", "-t", "cgroup2", "cgroup2", at.toString());
            } else {
                List<String> with = new ArrayList<>();
                for (String[] f : rows) {
                    if (Integer.parseInt(f[1]) == cpuHierarchy) {
                        with.add(f[0]);
                    }
                }
                cmd = List.of("mount", "-t", "cgroup", "-o", String.join(",", with), "cgroup", at.toString());
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", cmd) + " did not finish in 10 s";
            }
            return p.exitValue() == 0 ? null : String.join(" ", cmd) + " exited with " + p.exitValue() + ": " + out;
        } catch (IOException | RuntimeException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Creates (or reuses) the group for {@code machine} with no limit yet.
     *
     * @throws IOException saying why CPU limits are not available here
     */
    public static CpuGroup create(String machine, int vcpus) throws IOException {
        Support s = probeOrMount();
        if (!s.available()) {
            throw new IOException("cannot limit the CPU of machine " + machine + ": " + s.reason());
        }
        Path parent = s.root().resolve(PARENT);
        Path dir = parent.resolve(machine);
        try {
            if (s.version() == 2) {
                enableCpu(s.root());
                Files.createDirectories(parent);
                enableCpu(parent);
                Files.createDirectories(dir.resolve("vcpus"));
                String type = read(dir.resolve("vcpus").resolve("cgroup.type"));
                if (type == null || !type.trim().equals("threaded")) {
                    Files.writeString(dir.resolve("vcpus").resolve("cgroup.type"), "threaded");
                }
                enableCpu(dir);
            } else {
                Files.createDirectories(parent);
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new IOException("cannot limit the CPU of machine " + machine + ": creating cgroup " + dir + " on "
                    + s + " failed: " + e.getMessage(), e);
        }
        CpuGroup g = new CpuGroup(s.version(), dir, vcpus);
        g.set(1.0);
        return g;
    }

    private static void enableCpu(Path group) throws IOException {
        String enabled = read(group.resolve("cgroup.subtree_control"));
        if (enabled != null && List.of(enabled.trim().split(" ")).contains("cpu")) {
            return;
        }
        try {
            Files.writeString(group.resolve("cgroup.subtree_control"), "+cpu");
        } catch (IOException e) {
            throw new IOException("enabling the cpu controller below " + group + " (cgroup.subtree_control) failed: "
                    + e.getMessage() + " (a non-root group that holds processes cannot delegate controllers)", e);
        }
    }

    /**
     * Makes the group QEMU's: on cgroup v2 moves process {@code pid} into the machine's group (the threaded domain its
     * vCPU threads must be in); on v1 nothing (threads move alone).
     */
    public void addProcess(long pid) throws IOException {
        if (version == 2) {
            Files.writeString(dir.resolve("cgroup.procs"), Long.toString(pid));
        }
    }

    /** Moves the threads {@code tids} (QEMU's vCPU threads) under the limit. */
    public void addThreads(List<Long> tids) throws IOException {
        Path file = limited.resolve(version == 2 ? "cgroup.threads" : "tasks");
        for (long tid : tids) {
            Files.writeString(file, Long.toString(tid));
        }
    }

    /** The thread ids under the limit. */
    public List<Long> threads() {
        String s = read(limited.resolve(version == 2 ? "cgroup.threads" : "tasks"));
        List<Long> out = new ArrayList<>();
        if (s != null) {
            for (String l : s.split("\n")) {
                if (!l.isBlank()) {
                    out.add(Long.parseLong(l.trim()));
                }
            }
        }
        return out;
    }

    /**
     * Limits the group to {@code share} of its machine's vCPUs: quota = share × vCPUs × period. A share of 1 or more
     * removes the limit; below 1 the quota is at least {@link #MIN_QUOTA_MICROS}.
     *
     * @return the quota written in microseconds per {@link #PERIOD_MICROS}, or -1 for no limit
     */
    public long set(double share) throws IOException {
        if (!(share > 0) || Double.isNaN(share)) {
            throw new IllegalArgumentException("CPU share: expected a number above 0 (1.0 = all its vCPUs), found "
                    + share);
        }
        long quota = share >= 1.0 ? -1
                : Math.max(MIN_QUOTA_MICROS, Math.round(share * vcpus * PERIOD_MICROS));
        if (version == 2) {
            Files.writeString(limited.resolve("cpu.max"), (quota < 0 ? "max" : Long.toString(quota)) + " "
                    + PERIOD_MICROS);
        } else {
            Files.writeString(limited.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
            Files.writeString(limited.resolve("cpu.cfs_quota_us"), Long.toString(quota));
        }
        return quota;
    }

    /** What the kernel reports for this group: "quota period" in microseconds ("max …" without a limit). */
    public String limit() {
        if (version == 2) {
            String s = read(limited.resolve("cpu.max"));
            return s == null ? "?" : s.trim();
        }
        String q = read(limited.resolve("cpu.cfs_quota_us"));
        String p = read(limited.resolve("cpu.cfs_period_us"));
        return (q == null ? "?" : q.trim().equals("-1") ? "max" : q.trim()) + " " + (p == null ? "?" : p.trim());
    }

    /** How often the group was throttled, from cpu.stat ({@code nr_throttled}); -1 when unknown. */
    public long throttledPeriods() {
        String stat = read(limited.resolve("cpu.stat"));
        if (stat != null) {
            for (String line : stat.split("\n")) {
                if (line.startsWith("nr_throttled ")) {
                    return Long.parseLong(line.substring(13).trim());
                }
            }
        }
        return -1;
    }

    /** The machine's group directory. */
    public Path dir() {
        return dir;
    }

    /** The directory holding the vCPU threads and the limit (v2: {@code dir()/vcpus}; v1: {@code dir()}). */
    public Path limitedDir() {
        return limited;
    }

    /** cgroup version 1 or 2. */
    public int version() {
        return version;
    }

    /**
     * Removes the group; it must hold no process any more (QEMU exited). Retries briefly: a process that was just
     * reaped may leave the group a moment later.
     */
    public void remove() throws IOException {
        IOException last = null;
        for (int i = 0; i < 50; i++) {
            try {
                if (version == 2) {
                    Files.deleteIfExists(limited);
                }
                Files.deleteIfExists(dir);
                return;
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IOException("cannot remove cgroup " + dir + " (threads: " + threads() + "): "
                + (last == null ? "interrupted" : last.getMessage()), last);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return null;
        }
    }

    private static String unescape(String mountField) {
        // /proc/self/mounts escapes space, tab, newline and backslash as octal
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < mountField.length(); i++) {
            char c = mountField.charAt(i);
            if (c == '\\' && i + 3 < mountField.length()) {
                b.append((char) Integer.parseInt(mountField.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CpuGroup[v%d %s %s]", version, dir, limit());
    }
}
