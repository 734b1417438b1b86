package io.lockstep.vdisk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs in a JVM started under {@code umask 022} (the usual default, which leaves new files readable by everyone):
 * creates a base disk, a delta over it and a snapshot through a chain in the folder {@code args[0]}, and a probe file
 * the plain way, so the test sees both what the umask alone gives and what our code gives.
 */
public final class UmaskChild {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createFile(dir.resolve("probe"));
        DiskChain.create(dir.resolve("base.vmdk"), 8L << 20);
        DiskChain.createDelta(dir.resolve("base.vmdk"), dir.resolve("delta.vmdk"));
        try (DiskChain d = DiskChain.open(dir.resolve("delta.vmdk"), true)) {
            d.snapshot(dir.resolve("snap.vmdk"));
        }
    }

    /** Runs {@code main} with {@code args} in a child JVM under umask 022; its exit code must be 0. */
    static void run(Class<?> main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "umask 022 && exec \"$@\"", "sh",
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(main.getSimpleName() + " failed:\n" + out);
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
