package io.lockstep.qemu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The default image with its RAM in a shared memory file under /dev/shm, in a network namespace of its own with only
 * loopback: user-mode networking forwards the namespace's 127.0.0.1:6379 to the guest's Redis, so redis-cli (run in
 * the namespace) reaches it and nothing else does. Names start with "hf-" and the JVM's pid.
 */
final class FtGuests implements AutoCloseable {

    static final String GUEST_IP = "10.0.2.15";
    static final String APPEND = "console=ttyS0 panic=-1 quiet lockstep.ip=" + GUEST_IP + "/24 lockstep.gw=10.0.2.2";
    static final List<String> NIC = List.of("-no-reboot", "-netdev",
            "user,id=n0,hostfwd=tcp:127.0.0.1:6379-" + GUEST_IP + ":6379", "-device", "virtio-net-pci,netdev=n0");

    final String netns;
    private final List<Path> files = new ArrayList<>();

    static void assume() {
        TestGuests.assumeQemu();
        assumeTrue(TestGuests.imagePresent(), "no default guest image in " + TestGuests.imageDir()
                + " (build it with releng/qemu-image/build.sh)");
        assumeTrue(TestGuests.isRoot() && TestGuests.onPath("ip"), "a network namespace needs root and ip");
        assumeTrue(TestGuests.onPath("redis-cli"), "redis-cli is not installed (Debian package redis-tools)");
        assumeTrue(Files.isDirectory(Path.of("/dev/shm")), "no /dev/shm for the guest's memory file");
    }

    FtGuests(String suffix) throws IOException, InterruptedException {
        netns = "hf-" + ProcessHandle.current().pid() + "-" + suffix;
        if (TestGuests.run("ip", "netns", "add", netns) != 0) {
            throw new IOException("ip netns add " + netns + " failed");
        }
        if (TestGuests.run("ip", "-n", netns, "link", "set", "lo", "up") != 0) {
            close();
            throw new IOException("lo up in " + netns + " failed");
        }
    }

    /** A memory file of this run (deleted on close). */
    Path memoryFile(String name) {
        Path p = Path.of("/dev/shm", netns + "-" + name + ".ram");
        files.add(p);
        return p;
    }

    QemuSpec spec(String name, int memoryMiB, Path memoryFile) {
        Path image = TestGuests.imageDir();
        return QemuSpec.kernel(name, memoryMiB, 1, image.resolve("vmlinuz"), image.resolve("initrd.img"), APPEND)
                .withExtraArgs(NIC).withNetns(netns).withMemoryFile(memoryFile);
    }

    /** redis-cli in the namespace against the guest; its output without the line end. */
    String redis(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", netns, "redis-cli", "-h", "127.0.0.1",
                "-p", "6379"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("redis-cli " + String.join(" ", args) + " hung for 30 s");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    /** SET until acknowledged ("OK"), at most {@code tries} times. */
    void setAcknowledged(String key, String value) throws IOException, InterruptedException {
        String out = "";
        for (int i = 0; i < 20; i++) {
            out = redis("SET", key, value);
            if (out.equals("OK")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IOException("expected OK for SET " + key + ", found \"" + out + "\"");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Path p : files) {
            Files.deleteIfExists(p);
        }
        TestGuests.run("ip", "netns", "delete", netns);
    }
}
