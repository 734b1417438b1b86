package io.lockstep.vm;

import java.nio.file.Files;
import java.nio.file.Path;

import io.lockstep.vdisk.DiskChain;

/**
 * Run by {@link VmFileModesTest} in a JVM under {@code umask 022}: in the VM folder {@code args[0]} a guest takes a
 * checkpoint (its memory file, the new delta, vm.properties) and records an input log; a probe file is made the plain
 * way, to show what the umask alone gives.
 */
public final class UmaskChild {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createFile(dir.resolve("probe"));
        Path disk = dir.resolve("vm.vmdk");
        DiskChain.create(disk, 16L << 20);
        Vm vm = new Vm("modes", GuestRegistry.create("churn:workingSetPages=100,dirtyPagesPerStep=2"), 4L << 20, DiskChain.open(disk, true), 0.2);
        try (Checkpoints cps = new Checkpoints(dir, vm); InputLog log = InputLog.create(dir.resolve("run.lslog"), new InputLog.Header(vm.program().spec(), 4L << 20))) {
            vm.addRecorder(log);
            vm.start(true);
            cps.create("one");
            cps.awaitWritten();
        } finally {
            vm.close();
            vm.disk().close();
        }
    }

    /** Runs {@code main} with {@code args} in a child JVM under umask 022; its exit code must be 0. */
    static void run(Class<?> main, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("/bin/sh", "-c", "umask 022 && exec \"$@\"", "sh"));
        cmd.addAll(Tools.java(main, args).command());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(main.getSimpleName() + " failed:\n" + out);
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
