package io.lockstep.cluster.stress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * What the tortures share: a worker host as a JVM of its own (small heap, quick start, this JVM's class path), each line
 * it prints handed to a consumer from a daemon reader thread ("EOF" once it is gone), and the random spacing of kills.
 */
final class WorkerProcess {

    private WorkerProcess() {
    }

    /** Starts {@code main} with {@code args}; {@code lines} gets each line it prints, then "EOF". */
    static Process start(Class<?> main, int heapMiB, List<String> args, String name, Consumer<String> lines) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx" + heapMiB + "m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.util.logging.SimpleFormatter.format=LOG %4$s %5$s%n",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the process was killed
            }
            lines.accept("EOF");
        }, "torture-reader-" + name);
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    /** A time around {@code mean}: between half and one and a half of it. */
    static long jitter(Random random, Duration mean) {
        return (long) (mean.toNanos() * (0.5 + random.nextDouble()));
    }
}
