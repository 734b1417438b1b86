package io.lockstep.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.vdisk.DiskChain;

/**
 * Paths that escape: what a VM folder's files say about disks — a checkpoint's disk layer, vm.properties' running disk
 * — is a bare file name in that folder. A name that leads elsewhere is refused with the value it holds, and the file it
 * names is neither built on, merged into nor deleted; the checkpoint and the running disk stay as they were.
 */
class CheckpointPathsTest {

    @TempDir
    Path root;
    Path dir;
    Path victim;
    Vm vm;
    Checkpoints cps;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createDirectories(root.resolve("vm"));
        victim = Files.createDirectories(root.resolve("other")).resolve("victim.vmdk");
        DiskChain.create(victim, 8L << 20);
        Files.setLastModifiedTime(victim, FileTime.fromMillis(1_000_000_000_000L));
        Path disk = dir.resolve("vm.vmdk");
        DiskChain.create(disk, 16L << 20);
        vm = new Vm("t", GuestRegistry.create("churn:workingSetPages=100,dirtyPagesPerStep=2"), 4L << 20, DiskChain.open(disk, true), 0.2);
        cps = new Checkpoints(dir, vm);
        vm.start(true);
        cps.create("one");
        cps.awaitWritten();
    }

    @AfterEach
    void stop() throws Exception {
        cps.close();
        vm.close();
        vm.disk().close();
    }

    List<String> folder() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Checkpoint 1's file is made (whole and self-consistent) to name {@code layer}; each use of it is refused, nothing changes. */
    void refused(String layer) throws Exception {
        Path file = dir.resolve(Checkpoints.fileName(1));
        Files.write(file, CheckpointFiles.withDiskLayer(Files.readAllBytes(file), layer));
        byte[] victimBefore = Files.readAllBytes(victim);
        byte[] fileBefore = Files.readAllBytes(file);
        Path running = Checkpoints.runningDisk(dir);
        List<String> before = folder();
        String expected = "disk layer: expected a bare file name in the VM folder, found \"" + layer + "\"";

        CheckpointFormatException delete = assertThrows(CheckpointFormatException.class, () -> cps.delete(1));
        assertTrue(delete.getMessage().contains(expected) && delete.getMessage().contains("cp-000001.lscp"), delete.getMessage());
        CheckpointFormatException revert = assertThrows(CheckpointFormatException.class, () -> cps.revert(1));
        assertTrue(revert.getMessage().contains(expected), revert.getMessage());
        assertThrows(CheckpointFormatException.class, () -> cps.list());

        assertTrue(Files.exists(victim), "the disk outside the VM folder was not deleted");
        assertArrayEquals(victimBefore, Files.readAllBytes(victim), "nor written");
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(victim), "nor touched");
        assertArrayEquals(fileBefore, Files.readAllBytes(file), "the checkpoint file is still there as it was");
        assertEquals(running, Checkpoints.runningDisk(dir), "the VM runs on the same disk");
        assertEquals(before, folder(), "no file came or went in the VM folder");
    }

    @Test
    void aCheckpointNamingALayerUpAndOutOfTheFolderIsRefusedAndNothingIsDeleted() throws Exception {
        refused("../other/victim.vmdk");
    }

    @Test
    void aCheckpointNamingAnAbsoluteLayerIsRefusedAndNothingIsDeleted() throws Exception {
        refused(victim.toAbsolutePath().toString());
    }

    @Test
    void aRunningDiskOutsideTheFolderIsRefused() throws Exception {
        Path state = dir.resolve(Checkpoints.STATE_FILE);
        for (String running : List.of("../other/victim.vmdk", victim.toAbsolutePath().toString(), "..")) {
            Files.writeString(state, "running=" + running + "\n");
            CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> Checkpoints.runningDisk(dir));
            assertTrue(e.getMessage().contains("running: expected a bare file name in the VM folder, found \"" + running + "\""), e.getMessage());
        }
    }
}
