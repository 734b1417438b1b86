package io.lockstep.vdisk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged and foreign disks: each refused with what was expected and found, and not written to. */
class VmdkBadInputTest {

    @TempDir
    Path dir;

    Path disk(String name) throws IOException {
        Path p = dir.resolve(name);
        DiskChain.create(p, 8L << 20);
        try (DiskChain d = DiskChain.open(p, true)) {
            d.write(0, VmdkInteropTest.pattern(1, 4096));
        }
        return p;
    }

    /** Opening {@code file} fails with {@code expected} in the message, and the file is left byte for byte. */
    void refused(Path file, Path open, String expected) throws IOException {
        byte[] before = Files.readAllBytes(file);
        IOException e = assertThrows(IOException.class, () -> DiskChain.open(open, true).close());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "nothing was written to " + file);
    }

    @Test
    void aFileThatIsNotAVmdkIsRefused() throws IOException {
        Path p = dir.resolve("qcow.img");
        Files.write(p, "QFI\u00fb plus whatever follows".getBytes(StandardCharsets.ISO_8859_1));
        byte[] padded = new byte[4096];
        System.arraycopy(Files.readAllBytes(p), 0, padded, 0, 20);
        Files.write(p, padded);
        refused(p, p, "not a VMDK sparse extent: expected magic \"KDMV\" at offset 0, found 514649fb");
    }

    @Test
    void aTruncatedDiskIsRefused() throws IOException {
        Path p = disk("cut.vmdk");
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
            c.truncate(20 * 512); // inside the directories
        }
        refused(p, p, "truncated: its grain directory");
    }

    @Test
    void aGrainTableEntryPointingPastTheEndIsReportedAndQemuAgrees() throws Exception {
        Path p = disk("bad-entry.vmdk");
        long gtSector;
        try (SparseExtent e = SparseExtent.open(p, false)) {
            ByteBuffer gd = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ)) {
                c.read(gd, e.header().gdOffset() * 512);
            }
            gtSector = gd.getInt(0) & 0xFFFFFFFFL;
        }
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ByteBuffer entry = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 999_999);
            c.write(entry, gtSector * 512 + 4 * 5); // grain 5 now points far past the end
        }
        byte[] before = Files.readAllBytes(p);
        try (DiskChain d = DiskChain.open(p, false)) {
            IOException e = assertThrows(IOException.class, () -> d.read(5 * 128, 1));
            assertTrue(e.getMessage().contains("grain table 0 entry 5 points at sector 999999, past the end of the file"), e.getMessage());
            assertTrue(d.check().get(0).contains("grain table 0 entry 5 points at sector 999999"), d.check().toString());
        }
        assertArrayEquals(before, Files.readAllBytes(p));
        assertTrue(Qemu.img("check", p.toString()).exit() != 0, "qemu-img check catches it too");
    }

    @Test
    void aLoopInTheParentChainIsRefused() throws IOException {
        Path a = disk("a.vmdk");
        Path b = dir.resolve("b.vmdk");
        DiskChain.createDelta(a, b);
        // make a's descriptor name b as its parent, with b's content id: a ↔ b
        int bCid;
        try (SparseExtent eb = SparseExtent.open(b, false)) {
            bCid = eb.descriptor().cid();
        }
        try (SparseExtent ea = SparseExtent.open(a, true)) {
            ea.setDescriptor(ea.descriptor().withParent(bCid, "b.vmdk"));
        }
        int aCid;
        try (SparseExtent ea = SparseExtent.open(a, false)) {
            aCid = ea.descriptor().cid();
        }
        try (SparseExtent eb = SparseExtent.open(b, true)) {
            eb.setDescriptor(eb.descriptor().withParent(aCid, "a.vmdk"));
        }
        refused(b, b, "loops: ");
    }

    @Test
    void aParentWhoseContentChangedAfterTheDeltaWasMadeIsRefused() throws IOException {
        Path base = disk("base.vmdk");
        Path delta = dir.resolve("delta.vmdk");
        DiskChain.createDelta(base, delta);
        try (SparseExtent e = SparseExtent.open(base, true)) {
            e.setCid(0x12345678); // as a tool that wrote into the parent would
        }
        refused(delta, delta, "records parent content id");
        IOException e = assertThrows(IOException.class, () -> DiskChain.open(delta, false));
        assertTrue(e.getMessage().contains("but its parent " + base + " has 12345678"), e.getMessage());
    }

    @Test
    void aMissingParentIsNamed() throws IOException {
        Path base = disk("gone.vmdk");
        Path delta = dir.resolve("orphan.vmdk");
        DiskChain.createDelta(base, delta);
        Files.delete(base);
        refused(delta, delta, "its parent " + base + " does not exist");
    }

    @Test
    void outOfRangeAndMisalignedIoIsRefused() throws IOException {
        Path p = disk("range.vmdk");
        try (DiskChain d = DiskChain.open(p, true)) {
            IOException past = assertThrows(IOException.class, () -> d.write(16383, new byte[1024]));
            assertEquals("sectors 16383..16384 are outside the disk's 16384 sectors", past.getMessage());
            IOException odd = assertThrows(IOException.class, () -> d.write(0, new byte[700]));
            assertTrue(odd.getMessage().contains("whole number of 512-byte sectors, found 700 bytes"));
        }
        try (DiskChain readOnly = DiskChain.open(p, false)) {
            assertThrows(IOException.class, () -> readOnly.write(0, new byte[512]));
        }
    }

    @Test
    void theBackupsViewReadsTheSharedDiskAndDropsWrites() throws IOException {
        Path p = disk("shared.vmdk");
        try (DiskChain primary = DiskChain.open(p, true); WriteDropView backup = new WriteDropView(primary)) {
            byte[] original = primary.read(0, 8);
            backup.write(0, VmdkInteropTest.pattern(99, 4096));
            assertArrayEquals(original, backup.read(0, 8), "the backup's write was acknowledged, not issued");
            primary.write(0, VmdkInteropTest.pattern(5, 4096));
            assertArrayEquals(VmdkInteropTest.pattern(5, 4096), backup.read(0, 8), "the backup reads what the primary wrote");
            assertEquals(1, backup.droppedWrites());
            assertThrows(IOException.class, () -> backup.write(1L << 30, new byte[512]), "a bad write fails on the backup too");
        }
    }
}
