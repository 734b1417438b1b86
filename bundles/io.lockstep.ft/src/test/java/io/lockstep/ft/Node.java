package io.lockstep.ft;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** An {@link FtNode} in its own JVM: its output lines collected as they come, its standard input open for commands. */
final class Node implements AutoCloseable {

    final String name;
    final Process process;
    private final List<String> lines = new ArrayList<>();
    private final OutputStream stdin;

    Node(String name, String role, String... settings) throws IOException {
        this.name = name;
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), FtNode.class.getName(), role));
        cmd.addAll(List.of(settings));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        stdin = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "node-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for a line matching {@code match}; returns it (null on timeout or when the process ended without it). */
    String await(Predicate<String> match, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (match.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = end - System.currentTimeMillis();
                if (left <= 0 || !process.isAlive() && seen == lines.size()) {
                    if (!process.isAlive()) {
                        Thread.sleep(50); // let the reader catch the last lines
                        for (; seen < lines.size(); seen++) {
                            if (match.test(lines.get(seen))) {
                                return lines.get(seen);
                            }
                        }
                    }
                    return null;
                }
                lines.wait(Math.min(left, 100));
            }
        }
    }

    String awaitPrefix(String prefix, long timeoutMillis) throws InterruptedException {
        String line = await(l -> l.startsWith(prefix), timeoutMillis);
        if (line == null) {
            throw new AssertionError(name + " did not print '" + prefix + "…' within " + timeoutMillis + " ms; it printed:\n" + output());
        }
        return line;
    }

    void send(String command) throws IOException {
        stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    boolean printed(String prefix) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.startsWith(prefix));
        }
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
