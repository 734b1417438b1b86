package io.lockstep.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.storage.file.FileMedium;
import io.lockstep.cluster.records.HeartbeatRecord;
import io.lockstep.cluster.records.Superblock;

/** Formatting a medium and opening it: the superblock, and every way a medium can be wrong. */
class ClusterFormatTest {

    @TempDir
    Path dir;

    FileMedium lun(String name, int sectorSize, long sectors) throws IOException {
        Path file = dir.resolve(name);
        FileMedium.create(file, sectorSize, sectors);
        return FileMedium.open(file, "admin-" + name);
    }

    @Test
    void aFormattedMediumOpensWithItsLayoutAndTiming() throws IOException {
        try (FileMedium m = lun("a", 512, 16384)) {
            Superblock written = Cluster.format(m, Cluster.FormatOptions.defaults().withLabel("datastore1")
                    .withIoTimeout(Duration.ofMillis(500)));
            Cluster c = Cluster.open(m);
            assertEquals(written, c.superblock());
            assertEquals("datastore1", c.superblock().label());
            assertEquals(Duration.ofSeconds(4), c.timing().leaseTimeout());
            assertEquals(64, c.heartbeats().size());
            assertTrue(c.heartbeats().stream().allMatch(r -> r.ok() && r.record().state() == HeartbeatRecord.State.FREE));
            assertEquals(0, c.locks().size(), "a fresh medium has no locks in use");
        }
    }

    @Test
    void aMediumThatIsNotOursIsRefused() throws IOException {
        try (FileMedium m = lun("b", 512, 16384)) {
            m.read(0, 1);
        } catch (IOException powerOnReset) {
            // expected once
        }
        try (FileMedium m = FileMedium.open(dir.resolve("b"), "reader")) {
            byte[] ext4 = new byte[512];
            ext4[0] = (byte) 0x53;
            ext4[1] = (byte) 0xEF;
            try {
                m.write(0, ext4, true);
            } catch (IOException powerOnReset) {
                m.write(0, ext4, true);
            }
            ClusterFormatException e = assertThrows(ClusterFormatException.class, () -> Cluster.open(m));
            assertTrue(e.getMessage().contains("is not formatted for Lockstep: expected magic \"LSCL\" in sector 0, found 53ef0000"),
                    e.getMessage());
            assertArrayEquals(ext4, m.read(0, 1), "opening wrote nothing");
        }
    }

    @Test
    void formattingAFormattedMediumNeedsForce() throws IOException {
        try (FileMedium m = lun("c", 512, 16384)) {
            Superblock first = Cluster.format(m, Cluster.FormatOptions.defaults().withLabel("keep-me"));
            ClusterFormatException e = assertThrows(ClusterFormatException.class, () -> Cluster.format(m, Cluster.FormatOptions.defaults()));
            assertTrue(e.getMessage().contains("is already formatted (label 'keep-me'"), e.getMessage());
            assertEquals(first.uuid(), Cluster.open(m).superblock().uuid(), "the refused format changed nothing");
            Superblock second = Cluster.format(m, Cluster.FormatOptions.defaults().forced());
            assertEquals(second.uuid(), Cluster.open(m).superblock().uuid());
        }
    }

    @Test
    void aMediumTooSmallForTheLayoutIsRefused() throws IOException {
        try (FileMedium m = lun("d", 512, 1000)) {
            ClusterFormatException e = assertThrows(ClusterFormatException.class, () -> Cluster.format(m, Cluster.FormatOptions.defaults()));
            assertTrue(e.getMessage().contains("has 1000 sectors; this layout (64 slots, 1024 lock records, 1024 directory entries, 1048576-byte blocks) needs at least"), e.getMessage());
        }
    }

    @Test
    void aMediumWhoseSectorSizeChangedIsRefused() throws IOException {
        byte[] superblock512;
        try (FileMedium m = lun("e", 512, 16384)) {
            Cluster.format(m, Cluster.FormatOptions.defaults());
            superblock512 = m.read(0, 1);
        }
        try (FileMedium big = lun("f", 4096, 2048)) {
            byte[] sector = new byte[4096];
            System.arraycopy(superblock512, 0, sector, 0, 512); // as if the 512-byte LUN were now presented with 4 KiB sectors
            try {
                big.write(0, sector, true);
            } catch (IOException powerOnReset) {
                big.write(0, sector, true);
            }
            ClusterFormatException e = assertThrows(ClusterFormatException.class, () -> Cluster.open(big));
            assertTrue(e.getMessage().contains("was formatted with 512-byte sectors but the medium now has 4096-byte sectors"), e.getMessage());
        }
    }

    @Test
    void aDamagedSuperblockIsReportedNotTrusted() throws IOException {
        try (FileMedium m = lun("g", 512, 16384)) {
            Cluster.format(m, Cluster.FormatOptions.defaults());
            byte[] sb = m.read(0, 1);
            sb[40] ^= 0x10; // the slot count
            m.write(0, sb, true);
            ClusterFormatException e = assertThrows(ClusterFormatException.class, () -> Cluster.open(m));
            assertTrue(e.getMessage().contains("superblock at sector 0 is corrupt: CRC32C expected"), e.getMessage());
        }
    }

    @Test
    void badFormatOptionsAreRefusedWithWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Superblock.layout(512, Duration.ofMillis(5), 8, 8, 8, "x"));
        assertEquals("I/O timeout: expected 20 ms to 5 min, found PT0.005S", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Superblock.layout(512, Duration.ofSeconds(1), 0, 8, 8, "x"));
        assertThrows(IllegalArgumentException.class, () -> Superblock.layout(512, Duration.ofSeconds(1), 8, 8, 8, "x".repeat(65)));
    }
}
