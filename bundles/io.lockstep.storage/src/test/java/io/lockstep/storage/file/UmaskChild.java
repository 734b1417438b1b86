package io.lockstep.storage.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link LunFileModeTest} in a JVM under {@code umask 022}: in the folder {@code args[0]} it creates a LUN file,
 * owner-only folders and a probe file made the plain way, to show what the umask alone gives.
 */
public final class UmaskChild {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createFile(dir.resolve("probe"));
        FileMedium.create(dir.resolve("lun.img"), 512, 4096);
        OwnerOnly.createDirectories(dir.resolve("data").resolve("tls"));
        try (var ch = OwnerOnly.open(dir.resolve("data").resolve("file"), java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
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
