package io.lockstep.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.vdisk.DiskChain;

/**
 * A process is SIGKILLed while its checkpoint's memory is being written: the previous checkpoint reverts to its
 * digests, the running disk chain opens and checks clean (ours and qemu-img), the half-written file is not taken
 * for a checkpoint.
 */
class CheckpointCrashTest {

    @TempDir
    Path dir;

    @Test
    void aCrashWhileWritingLeavesThePreviousCheckpointAndTheRunningDiskIntact() throws Exception {
        Process p = Tools.java(CheckpointCrashChild.class, dir.toString()).start();
        String cp1 = null;
        String frozen = null;
        double killedAt = -1;
        long positionAtKill = -1;
        long firstPosition = -1;
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                seen.append(line).append('\n');
                if (line.startsWith("CP1 ")) {
                    cp1 = line.substring(4);
                } else if (line.startsWith("FROZEN ")) {
                    frozen = line.substring(7);
                } else if (line.startsWith("PROGRESS ")) {
                    String[] f = line.split(" ");
                    double fraction = Double.parseDouble(f[1]);
                    long position = Long.parseLong(f[2]);
                    if (firstPosition < 0) {
                        firstPosition = position;
                    }
                    if (fraction >= 0.25) {
                        p.destroyForcibly(); // SIGKILL mid-write
                        killedAt = fraction;
                        positionAtKill = position;
                        break;
                    }
                }
            }
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(killedAt >= 0.25 && killedAt < 0.9, "killed in the middle of the write; the child said:\n" + seen);
        assertTrue(positionAtKill > firstPosition, "the guest ran while its memory was written");
        assertTrue(Files.exists(dir.resolve("cp-000002.lscp.part")), "the kill left a half-written file");

        Path running = Checkpoints.runningDisk(dir);
        for (Path vmdk : Files.list(dir).filter(f -> f.toString().endsWith(".vmdk")).toList()) {
            Tools.ok("qemu-img", "check", vmdk.toString());
        }
        String chainInfo = Tools.ok("qemu-img", "info", "--backing-chain", running.toString());
        assertTrue(chainInfo.contains("vm.vmdk"), chainInfo);
        try (DiskChain frozenLayer = DiskChain.open(DiskChain.parentOf(running), false)) {
            assertEquals(frozen, Vm.hex(CheckpointTest.diskSha(frozenLayer)), "checkpoint 2's disk layer holds what was flushed before it");
        }

        DiskChain chain = DiskChain.open(running, true);
        assertTrue(chain.check().isEmpty(), chain.check().toString());
        Vm vm = new Vm("after", GuestRegistry.create(CheckpointCrashChild.SPEC), CheckpointCrashChild.MEMORY, chain, 1.0);
        try (Checkpoints cps = new Checkpoints(dir, vm)) {
            assertEquals(List.of("cp-000002.lscp.part: a checkpoint interrupted while its memory was written; removed"), cps.recovered());
            assertEquals(List.of(1), cps.list().stream().map(Checkpoints.Info::id).toList());
            cps.revert(1);
            assertEquals(cp1, Vm.hex(vm.digest()) + " " + Vm.hex(CheckpointTest.diskSha(vm.disk())),
                    "checkpoint 1's memory, devices and disk are as they were taken");
            vm.start(false);
            assertTrue(vm.awaitPosition(800, 30_000), "the reverted guest runs");
            vm.stop();
        } finally {
            vm.disk().close();
        }
    }
}
