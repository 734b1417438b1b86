package io.lockstep.vm;

import java.nio.file.Path;

import io.lockstep.vdisk.DiskChain;

/**
 * Run by {@link CheckpointCrashTest} in its own JVM: takes checkpoint 1 of a disk-writing guest, prints its
 * digests, then starts a slow checkpoint 2 and reports its progress until it is killed.
 */
public final class CheckpointCrashChild {

    static final String SPEC = "disk:blockSectors=16,spanSectors=16384,workingSetPages=4000";
    static final long MEMORY = 32L << 20;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path disk = dir.resolve("vm.vmdk");
        DiskChain.create(disk, 16L << 20);
        Vm vm = new Vm("crash", GuestRegistry.create(SPEC), MEMORY, DiskChain.open(disk, true), 0.3);
        Checkpoints cps = new Checkpoints(dir, vm);
        vm.pauseAt(500);
        vm.start(true);
        if (!vm.awaitPausedAt(500, 30_000)) {
            throw new IllegalStateException("did not reach 500");
        }
        System.out.println("CP1 " + Vm.hex(vm.digest()) + " " + Vm.hex(CheckpointTest.diskSha(vm.disk())));
        cps.create("one");
        cps.awaitWritten();
        vm.resume();
        Thread.sleep(300);
        vm.pause();
        vm.disk().flush();
        System.out.println("FROZEN " + Vm.hex(CheckpointTest.diskSha(vm.disk())));
        cps.setRateLimit(2L << 20); // 16 MiB of pages at 2 MiB/s: about 8 s to be killed in
        cps.addListener(t -> System.out.printf("PROGRESS %.3f %d%n", t.fraction(), vm.position()));
        cps.create("two");
        vm.resume();
        cps.awaitWritten();
        System.out.println("WRITTEN (the test should have killed this process)");
    }
}
