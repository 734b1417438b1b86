package io.lockstep.qemu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Guests for the tests that need no downloaded image, and small helpers. */
final class TestGuests {
    private TestGuests() {
    }

    /**
     * The boot sector of the echo guest, 16-bit real mode, assembled from:
     * <pre>
     *   xor %ax,%ax; mov %ax,%ds; mov $0x7c21,%si; mov $0x3f8,%dx
     * 1: lodsb; test %al,%al; jz echo; out %al,%dx; jmp 1b          # print the message on COM1
     * echo: mov $0x3fd,%dx
     * 2: in %dx,%al; test $1,%al; jz 2b                               # busy-poll the line status for a byte
     *   mov $0x3f8,%dx; in %dx,%al; out %al,%dx; jmp echo             # echo it
     * msg: .asciz "lockstep-echo: ready\r\n"
     * </pre>
     * It never halts (the poll keeps one vCPU busy, which the CPU share tests want) and ignores ACPI: SeaBIOS boots it
     * from a virtio disk in well under a second under TCG.
     */
    static final String ECHO_CODE = "31c08ed8be217cbaf803ac84c07403eeebf8bafd03eca80174fbbaf803eceeebf1";
    static final String ECHO_READY = "lockstep-echo: ready";

    /** Writes the echo guest's 1 MiB raw disk into {@code dir}. */
    static Path echoDisk(Path dir) throws IOException {
        byte[] disk = new byte[1 << 20];
        byte[] code = HexFormat.of().parseHex(ECHO_CODE);
        System.arraycopy(code, 0, disk, 0, code.length);
        byte[] msg = (ECHO_READY + "\r\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(msg, 0, disk, code.length, msg.length);
        disk[510] = 0x55;
        disk[511] = (byte) 0xaa;
        Path p = dir.resolve("echo.img");
        Files.write(p, disk);
        return p;
    }

    static QemuSpec echoSpec(String name, Path dir) throws IOException {
        return QemuSpec.disk(name, 32, 1, echoDisk(dir));
    }

    static void assumeQemu() {
        assumeTrue(onPath("qemu-system-x86_64"), "qemu-system-x86_64 is not installed (Debian package qemu-system-x86, "
                + "listed in releng/debian-packages.txt)");
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a command, returns its exit code; its output goes to ours. */
    static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(cmd)).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("hung: " + String.join(" ", cmd));
        }
        return p.exitValue();
    }

    /** The default guest image's directory (vmlinuz, initrd.img): LOCKSTEP_QEMU_IMAGE or build.sh's default output. */
    static Path imageDir() {
        String env = System.getenv("LOCKSTEP_QEMU_IMAGE");
        return env != null ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "lockstep", "qemu-image", "image");
    }

    static boolean imagePresent() {
        Path image = imageDir();
        return Files.isRegularFile(image.resolve("vmlinuz")) && Files.isRegularFile(image.resolve("initrd.img"));
    }

    /** A network namespace of this test run with an up tap device "tap0" in it; deleted on close. */
    static final class Netns implements AutoCloseable {
        final String name;

        Netns(String suffix) throws IOException, InterruptedException {
            name = "lsqt-" + ProcessHandle.current().pid() + "-" + suffix;
            if (run("ip", "netns", "add", name) != 0) {
                throw new IOException("ip netns add " + name + " failed");
            }
            try {
                if (run("ip", "netns", "exec", name, "ip", "tuntap", "add", "dev", "tap0", "mode", "tap") != 0
                        || run("ip", "netns", "exec", name, "ip", "link", "set", "tap0", "up") != 0) {
                    throw new IOException("tap0 in " + name + " failed");
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            run("ip", "netns", "delete", name);
        }
    }

    static void signal(long pid, String sig) throws IOException, InterruptedException {
        int rc = run("kill", "-" + sig, Long.toString(pid));
        if (rc != 0) {
            throw new IOException("kill -" + sig + " " + pid + " exited " + rc);
        }
    }
}
