package io.lockstep.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's sanlock beside our benchmark: builds the LD_PRELOAD shim and the libsanlock client from
 * {@code bench/sanlock/}, formats a lockspace and a resource lease on a file (written with O_DIRECT, as sanlock
 * wants) in the bench directory, starts a private daemon ({@code -w 0}: there is no watchdog device here; its
 * own SANLOCK_RUN_DIR), joins the lockspace, and times acquire/release of the resource from a registered
 * process. Says why and returns null when something it needs is missing.
 */
final class SanlockSide {

    /**
     * What one run measured: the lockspace join ({@code sanlock client add_lockspace}, which returns once the host
     * holds its delta lease), acquire and release times, and — when strace is here — the daemon's disk system calls
     * per acquire+release, counted over a separate, untimed pass (null without strace).
     */
    record Result(String version, long joinMillis, Percentiles acquire, Percentiles release, Syscalls syscalls) {
    }

    /**
     * The daemon's I/O on the lease file per acquire+release: opens (and the flags they asked for), reads and their
     * bytes, writes, and explicit flushes (fsync/fdatasync) — libaio submissions counted by their opcode.
     */
    record Syscalls(double opens, String openFlags, double reads, double readBytes, double writes, double flushes) {
    }

    private final Path dir;
    private final PrintStream out;

    SanlockSide(Path dir, PrintStream out) {
        this.dir = dir.toAbsolutePath();
        this.out = out;
    }

    Result run(int iterations) throws IOException, InterruptedException {
        Path sources = Path.of(System.getProperty("lockstep.root", ".")).resolve("bench/sanlock").toAbsolutePath();
        if (!onPath("sanlock") || !onPath("gcc")) {
            out.println("4. sanlock: skipped — needs Debian's sanlock, libsanlock-dev and gcc (apt-get install sanlock libsanlock-dev gcc)");
            return null;
        }
        if (!Files.exists(sources.resolve("sanlock_bench.c"))) {
            out.println("4. sanlock: skipped — cannot find " + sources + "/sanlock_bench.c (run from the repository root)");
            return null;
        }
        Path work = dir.resolve("sanlock");
        Path run = work.resolve("run");
        Files.createDirectories(run);
        Path client = work.resolve("sanlock_bench");
        Path shim = work.resolve("setrlimit_shim.so");
        if (exec(Map.of(), "gcc", "-O2", "-o", client.toString(), sources.resolve("sanlock_bench.c").toString(), "-lsanlock") != 0
                || exec(Map.of(), "gcc", "-shared", "-fPIC", "-o", shim.toString(), sources.resolve("setrlimit_shim.c").toString(), "-ldl") != 0) {
            out.println("4. sanlock: skipped — building the client failed (is libsanlock-dev installed?)");
            return null;
        }
        Path leases = work.resolve("leases");
        Files.deleteIfExists(leases);
        exec(Map.of(), "dd", "if=/dev/zero", "of=" + leases, "bs=1M", "count=4", "oflag=direct");
        String lockspace = "LSBENCH:0:" + leases + ":0";
        String resource = "LSBENCH:RES:" + leases + ":1048576";
        exec(Map.of(), "sanlock", "direct", "init", "-s", lockspace);
        exec(Map.of(), "sanlock", "direct", "init", "-r", resource);
        Map<String, String> env = Map.of("SANLOCK_RUN_DIR", run.toString());
        List<String> daemonCmd = new ArrayList<>(List.of("sanlock", "daemon", "-D", "-w", "0", "-e", "lockstep-bench"));
        if ("root".equals(System.getProperty("user.name"))) {
            daemonCmd.addAll(List.of("-U", "root", "-G", "root"));
        }
        ProcessBuilder pb = new ProcessBuilder(daemonCmd).redirectErrorStream(true).redirectOutput(work.resolve("daemon.log").toFile());
        pb.environment().putAll(env);
        pb.environment().put("LD_PRELOAD", shim.toString());
        Process daemon = pb.start();
        try {
            for (int i = 0; i < 100 && exec(env, "sanlock", "client", "status") != 0; i++) {
                Thread.sleep(50);
            }
            out.println("   (joining the sanlock lockspace: sanlock waits out its delta-lease delay, timed below)");
            long join0 = System.nanoTime();
            if (exec(env, "sanlock", "client", "add_lockspace", "-s", "LSBENCH:1:" + leases + ":0", "-o", "1") != 0) {
                out.println("4. sanlock: skipped — add_lockspace failed (see " + work.resolve("daemon.log") + ")");
                return null;
            }
            long joinMillis = (System.nanoTime() - join0) / 1_000_000;
            Process p = client(client, leases, iterations, env);
            Percentiles acquire = new Percentiles();
            Percentiles release = new Percentiles();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                int n = 0;
                for (String line; (line = r.readLine()) != null; n++) {
                    String[] f = line.trim().split(" ");
                    if (n >= iterations / 10) { // skip warm-up, as for ours
                        acquire.add(Long.parseLong(f[0]));
                        release.add(Long.parseLong(f[1]));
                    }
                }
            }
            if (p.waitFor() != 0 || acquire.count() == 0) {
                out.println("4. sanlock: the client failed (exit " + p.exitValue() + ")");
                return null;
            }
            Syscalls syscalls = syscalls(daemon, client, leases, env, work);
            return new Result(version(), joinMillis, acquire, release, syscalls);
        } finally {
            exec(env, "sanlock", "client", "shutdown", "-f", "1");
            daemon.destroy();
            if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    private static Process client(Path client, Path leases, int iterations, Map<String, String> env) throws IOException {
        ProcessBuilder bench = new ProcessBuilder(client.toString(), "LSBENCH", "RES", leases.toString(), "1048576",
                Integer.toString(iterations)).redirectError(ProcessBuilder.Redirect.INHERIT);
        bench.environment().putAll(env);
        return bench.start();
    }

    private static final int STRACED = 50;

    /**
     * Traces the daemon's calls on the lease file over {@value #STRACED} acquire+release pairs with strace attached
     * (a pass of its own, untimed: strace slows every call) and counts them per pair.
     */
    private Syscalls syscalls(Process daemon, Path client, Path leases, Map<String, String> env, Path work)
            throws IOException, InterruptedException {
        if (!onPath("strace")) {
            out.println("   (no strace here: the daemon's I/O per acquire is not counted)");
            return null;
        }
        Path trace = work.resolve("strace.txt");
        Files.deleteIfExists(trace);
        Process strace = new ProcessBuilder("strace", "-f", "-e", "trace=openat,io_submit,pread64,pwrite64,preadv,pwritev,fsync,fdatasync",
                "-o", trace.toString(), "-p", Long.toString(daemon.pid())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(1000); // attached to every thread
            Process p = client(client, leases, STRACED, env);
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (p.waitFor() != 0) {
                return null;
            }
        } finally {
            new ProcessBuilder("kill", "-INT", Long.toString(strace.pid())).start().waitFor();
            if (!strace.waitFor(10, TimeUnit.SECONDS)) {
                strace.destroyForcibly();
            }
        }
        // one line per call, e.g. 24213 io_submit(0x.., 1, [{.., aio_lio_opcode=IOCB_CMD_PREAD, aio_fildes=12, .., aio_nbytes=1048576, ..}]) = 1
        java.util.regex.Pattern submit = java.util.regex.Pattern.compile("aio_lio_opcode=IOCB_CMD_(PREAD|PWRITE)\\b.*?aio_nbytes=(\\d+)");
        java.util.regex.Pattern open = java.util.regex.Pattern.compile("openat\\([^,]*, \"" + java.util.regex.Pattern.quote(leases.toString()) + "\", ([A-Z_|]+)");
        long opens = 0;
        long reads = 0;
        long readBytes = 0;
        long writes = 0;
        long flushes = 0;
        String flags = "";
        for (String line : Files.readAllLines(trace)) {
            java.util.regex.Matcher o = open.matcher(line);
            if (o.find()) {
                opens++;
                flags = o.group(1);
                continue;
            }
            java.util.regex.Matcher m = submit.matcher(line);
            while (m.find()) {
                if (m.group(1).equals("PREAD")) {
                    reads++;
                    readBytes += Long.parseLong(m.group(2));
                } else {
                    writes++;
                }
            }
            if (line.matches("\\d+ +(pread64|preadv)\\(.*")) {
                reads++;
            } else if (line.matches("\\d+ +(pwrite64|pwritev)\\(.*")) {
                writes++;
            } else if (line.matches("\\d+ +(fsync|fdatasync)\\(.*")) {
                flushes++;
            }
        }
        double n = STRACED;
        return new Syscalls(opens / n, flags, reads / n, readBytes / n, writes / n, flushes / n);
    }

    private static String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sanlock", "version").redirectErrorStream(true).start();
        String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return v;
    }

    private static boolean onPath(String tool) {
        for (String d : (System.getenv("PATH") + ":/usr/sbin:/sbin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static int exec(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of(cmd));
        if (full.get(0).equals("sanlock") && !onPathStrict("sanlock")) {
            full.set(0, "/usr/sbin/sanlock");
        }
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static boolean onPathStrict(String tool) {
        for (String d : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
