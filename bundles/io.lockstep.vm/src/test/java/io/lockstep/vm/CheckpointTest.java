package io.lockstep.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.vdisk.BlockDevice;
import io.lockstep.vdisk.DiskChain;

/** Checkpoints of running guests: digests across revert, the guest running during the write, delete, bad files. */
class CheckpointTest {

    static final long MEMORY = 16L << 20;
    static final long DISK = 16L << 20;

    @TempDir
    Path dir;
    Vm vm;
    Checkpoints cps;

    /** Starts a guest; with {@code firstStop} >= 0 it pauses there (and this waits for it). */
    Vm start(String spec, double share, long firstStop) throws Exception {
        Path disk = dir.resolve("vm.vmdk");
        DiskChain.create(disk, DISK);
        vm = new Vm("t", GuestRegistry.create(spec), MEMORY, DiskChain.open(disk, true), share);
        cps = new Checkpoints(dir, vm);
        if (firstStop >= 0) {
            vm.pauseAt(firstStop);
        }
        vm.start(true);
        if (firstStop >= 0) {
            assertTrue(vm.awaitPausedAt(firstStop, 30_000));
        }
        return vm;
    }

    @AfterEach
    void stop() throws Exception {
        if (cps != null) {
            cps.close();
        }
        if (vm != null) {
            vm.close();
            vm.disk().close();
        }
    }

    static byte[] diskSha(BlockDevice d) throws IOException {
        var sha = Vm.sha256();
        for (long lba = 0; lba < d.sectorCount(); lba += 2048) {
            sha.update(d.read(lba, (int) Math.min(2048, d.sectorCount() - lba)));
        }
        return sha.digest();
    }

    /** Runs a paused guest on to exactly {@code position} and pauses it there. */
    void runTo(long position) throws Exception {
        vm.pauseAt(position);
        vm.resume();
        assertTrue(vm.awaitPausedAt(position, 30_000), "the guest reached position " + position + " (it is at " + vm.position() + ")");
    }

    @Test
    void revertGivesBackTheDigestTakenAtTheCheckpointWhileTheGuestRanDuringTheWrite() throws Exception {
        start("churn:workingSetPages=3000,dirtyPagesPerStep=4,prefill=1", 0.5, 2000);
        cps.setRateLimit(24L << 20); // ~12 MiB of pages: about half a second of writing
        List<Double> progress = new ArrayList<>();
        cps.addListener(t -> progress.add(t.fraction()));
        byte[] atCheckpoint = vm.digest();
        Checkpoints.Capture task = cps.create("before");
        assertEquals(Vm.State.PAUSED, vm.state(), "a paused guest stays paused");
        vm.resume();
        Checkpoints.Info info = task.done().get();
        assertEquals(Checkpoints.Phase.DONE, task.phase());
        assertArrayEquals(atCheckpoint, task.digest(), "the file holds the state of the stop, not what the guest wrote since");
        assertTrue(task.positionWhenWritten() > task.position() + 100, "the guest ran while its memory was written: position "
                + task.position() + " at the checkpoint, " + task.positionWhenWritten() + " when the file was whole");
        assertEquals(3001, task.pagesTotal());
        assertEquals(task.pagesTotal(), task.pagesWritten());
        assertTrue(progress.size() >= 3, "progress was reported along the way: " + progress);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
        }
        assertEquals(1.0, progress.get(progress.size() - 1));
        assertEquals(1, info.id());
        assertEquals("before", cps.list().get(0).name());
        assertEquals(0, vm.memory().savedCopies(), "the copy-on-write window closed");

        vm.pause();
        assertFalse(Arrays.equals(atCheckpoint, vm.digest()), "the guest moved on");
        cps.revert(1);
        assertEquals(Vm.State.PAUSED, vm.state());
        assertArrayEquals(atCheckpoint, vm.digest(), "the state after revert is the checkpoint's");
        assertEquals(2000, vm.position());
        assertEquals(1, cps.current());
        vm.resume();
        assertTrue(vm.awaitPosition(2500, 30_000), "the reverted guest runs on");
    }

    @Test
    void aCancelledCheckpointLeavesNoFileAndTheNextOneWorks() throws Exception {
        start("churn:workingSetPages=3000,dirtyPagesPerStep=4,prefill=1", 0.5, 2000);
        cps.setRateLimit(4L << 20); // ~12 MiB at 4 MiB/s: three seconds, cancelled long before
        vm.resume();
        Checkpoints.Capture task = cps.create("doomed");
        Thread.sleep(300);
        task.cancel();
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class, () -> task.done().get());
        assertTrue(task.cancelled());
        assertTrue(task.pagesWritten() < task.pagesTotal(), "stopped part way: " + task.pagesWritten() + " of " + task.pagesTotal());
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".lscp")).toList(),
                    "no checkpoint file and no .part file is left");
        }
        assertEquals(List.of(), cps.list());
        assertEquals(0, vm.memory().savedCopies(), "the copy-on-write window closed");
        cps.setRateLimit(0);
        Checkpoints.Capture next = cps.create("after");
        assertEquals(Checkpoints.Phase.DONE, next.done().thenApply(i -> next.phase()).get());
        vm.pause();
        byte[] later = vm.digest();
        cps.revert(cps.list().get(0).id());
        assertEquals(next.position(), vm.position(), "the checkpoint after a cancelled one reverts to its own stop");
    }

    @Test
    void aRevertedDiskGuestRunsTheSameStepsAgain() throws Exception {
        start("disk:blockSectors=16,spanSectors=16384", 1.0, 300);
        byte[] state = vm.digest();
        byte[] disk = diskSha(vm.disk());
        cps.create("base");
        cps.awaitWritten();
        runTo(800);
        byte[] later = vm.digest();
        byte[] laterDisk = diskSha(vm.disk());
        assertFalse(Arrays.equals(disk, laterDisk), "the guest wrote its disk after the checkpoint");

        cps.revert(1);
        assertArrayEquals(state, vm.digest());
        assertArrayEquals(disk, diskSha(vm.disk()), "the disk is back as it was at the checkpoint");
        runTo(800);
        assertArrayEquals(later, vm.digest(), "the same 500 steps from the same state and disk give the same state");
        assertArrayEquals(laterDisk, diskSha(vm.disk()));
        try (DiskChain chain = DiskChain.open(Checkpoints.runningDisk(dir), false)) {
            assertTrue(chain.check().isEmpty(), chain.check().toString());
        }
        Tools.ok("qemu-img", "check", Checkpoints.runningDisk(dir).toString());
    }

    @Test
    void deletingCheckpointsMergesTheirDisksAndKeepsTheOthersRevertible() throws Exception {
        start("disk:blockSectors=16,spanSectors=16384", 1.0, 0);
        long[] at = {200, 400, 600};
        byte[][] states = new byte[3][];
        byte[][] disks = new byte[3][];
        for (int i = 0; i < 3; i++) {
            runTo(at[i]);
            states[i] = vm.digest();
            disks[i] = diskSha(vm.disk());
            cps.create("cp" + (i + 1));
            cps.awaitWritten();
        }
        runTo(700);
        byte[] running = diskSha(vm.disk());
        DiskChain chain = (DiskChain) vm.disk();
        assertEquals(4, chain.depth());

        cps.delete(2); // a middle checkpoint: checkpoint 3's disk takes in its grains
        assertEquals(List.of(1, 3), cps.list().stream().map(Checkpoints.Info::id).toList());
        assertEquals(1, cps.list().get(1).parent(), "checkpoint 3 now descends from 1");
        assertEquals(3, ((DiskChain) vm.disk()).depth());
        assertArrayEquals(running, diskSha(vm.disk()), "the running disk reads the same");
        assertEquals(3, countDisks(), "the deleted checkpoint's layer is gone");
        Tools.ok("qemu-img", "check", Checkpoints.runningDisk(dir).toString());
        Tools.ok("qemu-img", "info", "--backing-chain", Checkpoints.runningDisk(dir).toString());

        cps.revert(3);
        assertArrayEquals(states[2], vm.digest());
        assertArrayEquals(disks[2], diskSha(vm.disk()));
        cps.revert(1); // now checkpoint 1's disk has two children: checkpoint 3's and the running delta
        assertArrayEquals(states[0], vm.digest());
        assertArrayEquals(disks[0], diskSha(vm.disk()));
        cps.delete(1); // both children take in its grains
        assertArrayEquals(disks[0], diskSha(vm.disk()), "the running disk still reads checkpoint 1's content");
        cps.revert(3);
        assertArrayEquals(states[2], vm.digest());
        assertArrayEquals(disks[2], diskSha(vm.disk()), "checkpoint 3 is intact after its ancestor was deleted");

        runTo(900);
        byte[] now = diskSha(vm.disk());
        cps.delete(3); // the running delta is its only child: committed into it
        assertTrue(cps.list().isEmpty());
        assertEquals(1, ((DiskChain) vm.disk()).depth(), "one layer left, holding everything");
        assertArrayEquals(now, diskSha(vm.disk()));
        assertEquals(1, countDisks());
        Tools.ok("qemu-img", "check", Checkpoints.runningDisk(dir).toString());
    }

    long countDisks() throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".vmdk")).count();
        }
    }

    @Test
    void aDamagedCheckpointIsRefusedAndNothingChanges() throws Exception {
        start("churn:workingSetPages=500,dirtyPagesPerStep=2", 0.2, -1);
        cps.create("good");
        cps.awaitWritten();
        Path file = cps.list().get(0).file();
        byte[] bytes = Files.readAllBytes(file);

        Files.write(file, flip(bytes, bytes.length / 2));
        assertRefused(1, "damaged");
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));
        assertRefused(1, "cut short");
        Files.write(file, Arrays.copyOf(bytes, 10));
        assertRefused(1, "ends inside its header");
        byte[] notOne = bytes.clone();
        notOne[0] = 'X';
        Files.write(file, notOne);
        assertRefused(1, "not a checkpoint file");
        Files.write(file, bytes);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> cps.revert(9));
        assertEquals("no checkpoint 9 in " + dir + ": expected one of 1", none.getMessage());
        cps.revert(1); // the untouched file still works
    }

    static byte[] flip(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 0x40;
        return c;
    }

    void assertRefused(int id, String expected) throws Exception {
        vm.pause();
        byte[] before = vm.digest();
        long position = vm.position();
        Path running = Checkpoints.runningDisk(dir);
        IOException e = assertThrows(CheckpointFormatException.class, () -> cps.revert(id));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertTrue(e.getMessage().contains("cp-000001.lscp"), "the message names the file: " + e.getMessage());
        assertArrayEquals(before, vm.digest(), "a refused revert changes nothing");
        assertEquals(position, vm.position());
        assertEquals(running, Checkpoints.runningDisk(dir));
        vm.resume();
    }

    @Test
    void badInputIsRefusedClearly() throws Exception {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> GuestRegistry.create("redis"));
        assertEquals("unknown guest 'redis': expected one of kv, churn, disk", unknown.getMessage());
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> GuestRegistry.create("churn:workingset=10"));
        assertTrue(typo.getMessage().startsWith("guest churn: unknown parameter 'workingset' (expected workingSetPages,"), typo.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> GuestRegistry.create("churn:dirtyPagesPerStep=lots"));
        assertEquals("guest churn: dirtyPagesPerStep must be a whole number from 0 to 4096, found 'lots'", bad.getMessage());
        IllegalArgumentException memory = assertThrows(IllegalArgumentException.class,
                () -> new Vm("m", GuestRegistry.create("kv"), 10_000, null, 1.0));
        assertEquals("guest memory: expected a positive multiple of 4096 bytes (a page), found 10000", memory.getMessage());
        IllegalArgumentException share = assertThrows(IllegalArgumentException.class, () -> new Vm("m", GuestRegistry.create("kv"), 4096, null, 2));
        assertEquals("CPU share: expected 0.01 to 1.0, found 2.0", share.getMessage());

        start("churn:workingSetPages=100", 0.2, -1);
        cps.setRateLimit(16 << 10); // ~25 s for the checkpoint: still being written however slowly this thread runs on
        cps.create("slow");
        IllegalStateException busy = assertThrows(IllegalStateException.class, () -> cps.create("again"));
        assertTrue(busy.getMessage().startsWith("cannot take another checkpoint: checkpoint 1 is still being written ("), busy.getMessage());
        cps.setRateLimit(0);
        cps.awaitWritten();
    }
}
