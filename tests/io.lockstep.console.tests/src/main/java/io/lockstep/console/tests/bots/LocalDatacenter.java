package io.lockstep.console.tests.bots;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real local datacenter for UI tests: `lockstep up` and the other commands run as their own processes (the CLI
 * starts the agents), from the classes of the bundles this test runtime holds. Everything listens on loopback.
 */
public final class LocalDatacenter implements AutoCloseable {

    private static final String[] PREFIXES = {"io.lockstep.cli", "io.lockstep.agent", "io.lockstep.storage", "io.lockstep.cluster", "io.lockstep.vdisk",
            "io.lockstep.vm", "io.lockstep.qemu", "io.lockstep.ft", "io.lockstep.san", "io.lockstep.guard", "org.eclipse.jetty", "com.fasterxml.jackson", "slf4j", "picocli",
            "info.picocli"};

    private final Path work;
    private final String classpath;

    public LocalDatacenter(Path work) {
        this.work = work;
        this.classpath = classpath();
    }

    public Path work() {
        return work;
    }

    public Path datacenterJson() {
        return work.resolve("dc").resolve("datacenter.json");
    }

    static String classpath() {
        List<String> out = new ArrayList<>();
        for (Bundle b : FrameworkUtil.getBundle(LocalDatacenter.class).getBundleContext().getBundles()) {
            String n = b.getSymbolicName();
            boolean wanted = false;
            for (String p : PREFIXES) {
                wanted |= n != null && (n.startsWith(p) || n.contains(p));
            }
            if (!wanted) {
                continue;
            }
            File f = FileLocator.getBundleFileLocation(b).orElse(null);
            if (f == null) {
                continue;
            }
            File classes = new File(f, "target/classes");
            out.add(f.isDirectory() && classes.isDirectory() ? classes.getPath() : f.getPath());
        }
        return String.join(File.pathSeparator, out);
    }

    /** Runs one `lockstep` command to its end (bounded); fails with its output when it fails. */
    public String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dlockstep.work=" + work, "-cp",
                classpath, "io.lockstep.cli.Main"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("lockstep-cli", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("lockstep " + String.join(" ", args) + " did not finish in 120 s: " + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        if (p.exitValue() != 0) {
            throw new AssertionError("lockstep " + String.join(" ", args) + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }

    /** Deletes {@code dir} and everything under it (a test's temporary directory, after it stopped what ran there). */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** The process id of a host's agent (its card). */
    public long pid(String host) throws IOException {
        return new ObjectMapper().readTree(work.resolve("dc").resolve(host).resolve("agent.json").toFile()).path("pid").asLong();
    }

    /** SIGKILL of a host's agent, as a host failing. */
    public void kill(String host) throws IOException {
        ProcessHandle.of(pid(host)).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        try {
            run("down");
        } catch (Exception | AssertionError e) {
            System.err.println("lockstep down: " + e.getMessage());
        }
    }
}
