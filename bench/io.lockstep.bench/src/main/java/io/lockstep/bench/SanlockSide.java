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

    record Result(String version, Percentiles acquire, Percentiles release) {
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
            out.println("   (joining a sanlock lockspace takes ~20 s: sanlock waits out its delta-lease delay)");
            if (exec(env, "sanlock", "client", "add_lockspace", "-s", "LSBENCH:1:" + leases + ":0", "-o", "1") != 0) {
                out.println("4. sanlock: skipped — add_lockspace failed (see " + work.resolve("daemon.log") + ")");
                return null;
            }
            ProcessBuilder bench = new ProcessBuilder(client.toString(), "LSBENCH", "RES", leases.toString(), "1048576",
                    Integer.toString(iterations)).redirectError(ProcessBuilder.Redirect.INHERIT);
            bench.environment().putAll(env);
            Process p = bench.start();
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
            return new Result(version(), acquire, release);
        } finally {
            exec(env, "sanlock", "client", "shutdown", "-f", "1");
            daemon.destroy();
            if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
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
