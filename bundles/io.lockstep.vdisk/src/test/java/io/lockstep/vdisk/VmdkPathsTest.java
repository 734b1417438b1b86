package io.lockstep.vdisk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths that escape: a delta's parentFileNameHint is a bare file name in the delta's own folder. A hint that leads
 * elsewhere ({@code ../other/x.vmdk}, an absolute path, a sub-folder) is refused with the value it holds, and the file
 * it names is neither opened for writing, nor merged into, nor deleted.
 */
class VmdkPathsTest {

    @TempDir
    Path dir;

    /** A VM folder with a base and a delta, and a disk outside it whose content id the delta is made to name. */
    record Setup(Path delta, Path outside, int outsideCid) {
    }

    Setup setup() throws IOException {
        Path vm = Files.createDirectories(dir.resolve("vm"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Path outside = other.resolve("x.vmdk");
        DiskChain.create(outside, 8L << 20);
        try (DiskChain d = DiskChain.open(outside, true)) {
            d.write(0, VmdkInteropTest.pattern(3, 4096));
        }
        DiskChain.create(vm.resolve("base.vmdk"), 8L << 20);
        Path delta = vm.resolve("delta.vmdk");
        DiskChain.createDelta(vm.resolve("base.vmdk"), delta);
        try (SparseExtent o = SparseExtent.open(outside, false)) {
            return new Setup(delta, outside, o.descriptor().cid());
        }
    }

    void pointAt(Setup s, String hint) throws IOException {
        try (SparseExtent e = SparseExtent.open(s.delta(), true)) {
            e.setDescriptor(e.descriptor().withParent(s.outsideCid(), hint));
        }
    }

    /** Every way of using the delta is refused naming {@code hint}; the outside disk keeps its bytes and its mtime. */
    void refusedAndUntouched(Setup s, String hint) throws Exception {
        Files.setLastModifiedTime(s.outside(), FileTime.fromMillis(1_000_000_000_000L));
        byte[] before = Files.readAllBytes(s.outside());
        String expected = "parentFileNameHint: expected a bare file name in the disk's folder, found \"" + hint + "\"";
        VmdkFormatException open = assertThrows(VmdkFormatException.class, () -> {
            try (DiskChain d = DiskChain.open(s.delta(), true)) {
                d.write(0, new byte[512]);
                d.commit(); // what an operator's `vdisk commit` (or a checkpoint delete) would do next: merge into the parent
            }
        });
        assertTrue(open.getMessage().contains(expected), open.getMessage());
        VmdkFormatException parent = assertThrows(VmdkFormatException.class, () -> DiskChain.parentOf(s.delta()));
        assertTrue(parent.getMessage().contains(expected), parent.getMessage());
        VmdkFormatException absorb = assertThrows(VmdkFormatException.class, () -> DiskChain.absorbParent(s.delta()));
        assertTrue(absorb.getMessage().contains(expected), absorb.getMessage());
        assertTrue(Files.exists(s.outside()), "the outside disk is still there");
        assertArrayEquals(before, Files.readAllBytes(s.outside()), "the outside disk's bytes");
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(s.outside()), "the outside disk's mtime");
    }

    @Test
    void aParentHintLeadingUpAndOutOfTheFolderIsRefused() throws Exception {
        Setup s = setup();
        pointAt(s, "../other/x.vmdk");
        refusedAndUntouched(s, "../other/x.vmdk");
    }

    @Test
    void anAbsoluteParentHintIsRefused() throws Exception {
        Setup s = setup();
        pointAt(s, s.outside().toAbsolutePath().toString());
        refusedAndUntouched(s, s.outside().toAbsolutePath().toString());
    }

    @Test
    void aParentHintIntoASubFolderIsRefused() throws Exception {
        Setup s = setup();
        Path sub = Files.createDirectories(s.delta().getParent().resolve("sub"));
        Files.move(s.outside(), sub.resolve("x.vmdk"));
        Setup inSub = new Setup(s.delta(), sub.resolve("x.vmdk"), s.outsideCid());
        pointAt(inSub, "sub/x.vmdk");
        refusedAndUntouched(inSub, "sub/x.vmdk");
    }

    @Test
    void aDeltaIsMadeOnlyInItsParentsFolderAndRecordsItsBareName() throws Exception {
        Setup s = setup();
        Path elsewhere = dir.resolve("other").resolve("delta.vmdk");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DiskChain.createDelta(s.delta().resolveSibling("base.vmdk"), elsewhere));
        assertTrue(e.getMessage().contains("a delta is made in its parent's folder"), e.getMessage());
        assertTrue(Files.notExists(elsewhere));
        try (SparseExtent d = SparseExtent.open(s.delta(), false)) {
            assertEquals("base.vmdk", d.descriptor().parentFileNameHint());
        }
        try (DiskChain chain = DiskChain.open(s.delta(), true)) {
            assertThrows(IllegalArgumentException.class, () -> chain.snapshot(elsewhere));
            chain.write(0, new byte[512]); // the chain still works: the refusal came before the top was touched
            assertEquals(2, chain.depth());
        }
    }
}
