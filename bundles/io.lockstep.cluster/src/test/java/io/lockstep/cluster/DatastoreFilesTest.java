package io.lockstep.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.datastore.DatastoreCheck;
import io.lockstep.cluster.datastore.DatastoreFile;
import io.lockstep.cluster.datastore.DatastoreFiles;
import io.lockstep.cluster.datastore.DatastoreFiles.Access;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.storage.Medium;

/**
 * The file system on the medium: files grow, shrink, move and vanish under the file-system lock; their data is what was
 * written, read by another host; their leases keep other hosts out; the free map stays the complement of what files hold
 * (checked by {@link DatastoreCheck} after every test); damage is named and never written over; space runs out cleanly.
 */
class DatastoreFilesTest extends InProcessClusterTest {

    /** 64 MiB with 64 KiB blocks: room for growth, fragmentation and running out, quickly. */
    private AcquisitionMode small(Setup setup) throws IOException {
        return sized(setup, 128 * 1024);
    }

    private AcquisitionMode sized(Setup setup, long sectors) throws IOException {
        cluster = TestCluster.create(dir, Timing.LOCAL_IO_TIMEOUT, setup.iscsi, sectors, 64 << 10);
        return setup.mode;
    }

    private static void assertClean(Datastore ds) throws IOException {
        DatastoreCheck.Report r = DatastoreCheck.run(ds);
        assertTrue(r.clean(), "datastore check: " + r.problems());
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void whatOneHostWritesAnotherReadsBackByteForByte(Setup setup) throws Exception {
        AcquisitionMode mode = small(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        Datastore b = cluster.datastore("esx-b", mode);
        a.fs().mkdir("/vm1");
        byte[] mirror = new byte[3 << 20];
        long size = 0;
        Random r = new Random(7);
        try (DatastoreFile f = a.fs().open("/vm1/disk.bin", Access.WRITE, true, true, false)) {
            for (int i = 0; i < 120; i++) {
                int pos = r.nextInt(mirror.length - 70_000);
                int len = 1 + r.nextInt(i % 10 == 0 ? 70_000 : 5_000); // unaligned, across sectors and blocks
                byte[] data = new byte[len];
                r.nextBytes(data);
                assertEquals(len, f.write(ByteBuffer.wrap(data), pos));
                System.arraycopy(data, 0, mirror, pos, len);
                size = Math.max(size, pos + len);
            }
            f.force();
            assertEquals(size, f.size());
        }
        assertTrue(b.fs().lookup("/vm1/disk.bin").isPresent(), "B sees the new file");
        DirectoryEntry e = b.fs().stat("/vm1/disk.bin").orElseThrow();
        assertEquals(size, e.sizeBytes(), "B reads the size A made durable");
        try (DatastoreFile f = b.fs().open("/vm1/disk.bin", Access.READ, false, false, false)) {
            byte[] back = new byte[(int) size];
            ByteBuffer buf = ByteBuffer.wrap(back);
            while (buf.hasRemaining() && f.read(buf, buf.position()) > 0) {
                // reads in runs of at most 1 MiB
            }
            assertArrayEquals(Arrays.copyOf(mirror, (int) size), back, "what B reads is what A wrote, gaps as zeros");
            assertEquals(-1, f.read(ByteBuffer.allocate(10), size), "reading at the end gives -1");
        }
        assertClean(b);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void theNamespaceChangesAsOneAndTellsTheOtherHosts(Setup setup) throws Exception {
        AcquisitionMode mode = small(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        Datastore b = cluster.datastore("esx-b", mode);
        DatastoreFiles fs = a.fs();
        fs.mkdirs("/vms/web1");
        write(fs, "/vms/web1/vm.json", "{\"name\":\"web1\"}");
        write(fs, "/vms/web1/disk.vmdk", "x".repeat(200_000));
        assertThrows(NoSuchFileException.class, () -> fs.open("/nowhere/x", Access.WRITE, true, false, false),
                "a file is made only in a directory that exists");
        assertThrows(FileAlreadyExistsException.class, () -> fs.mkdir("/vms"));
        assertThrows(DirectoryNotEmptyException.class, () -> fs.delete("/vms/web1"));
        fs.rename("/vms/web1", "/vms/web2");
        assertEquals(List.of("/vms/web2/disk.vmdk", "/vms/web2/vm.json"), names(b.fs().list("/vms/web2")),
                "a renamed directory takes what it holds along, and the other host sees it");
        assertTrue(b.fs().lookup("/vms/web1/vm.json").isEmpty());
        assertEquals("{\"name\":\"web1\"}", read(b.fs(), "/vms/web2/vm.json"));
        long usedBefore = fs.usage().usedBlocks();
        fs.delete("/vms/web2/disk.vmdk");
        assertTrue(fs.usage().usedBlocks() < usedBefore, "a deleted file's blocks are free again");
        for (String bad : List.of("relative", "/a//b", "/a/", "/a/../b", "/" + "n".repeat(201))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fs.mkdir(bad), bad);
            assertTrue(e.getMessage().contains("path"), e.getMessage());
        }
        assertClean(b);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aFileOpenOnOneHostIsNeitherOpenedForWritingNorDeletedNorRenamedByAnother(Setup setup) throws Exception {
        AcquisitionMode mode = small(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        Datastore b = cluster.datastore("esx-b", mode);
        write(a.fs(), "/log", "first");
        try (DatastoreFile f = a.fs().open("/log", Access.WRITE, false, false, false)) {
            f.write(ByteBuffer.wrap(" second".getBytes(StandardCharsets.UTF_8)), f.size());
            FileSystemException read = assertThrows(FileSystemException.class, () -> b.fs().open("/log", Access.READ, false, false, false));
            assertTrue(read.getMessage().contains("esx-a"), "the refusal names the holder: " + read.getMessage());
            assertThrows(FileSystemException.class, () -> b.fs().delete("/log"));
            assertThrows(FileSystemException.class, () -> b.fs().rename("/log", "/log2"));
        }
        assertEquals("first second", read(b.fs(), "/log"), "after the close the other host reads it all");
        try (DatastoreFile r1 = a.fs().open("/log", Access.READ, false, false, false);
                DatastoreFile r2 = b.fs().open("/log", Access.READ, false, false, false)) {
            assertThrows(FileSystemException.class, () -> b.fs().open("/log", Access.WRITE, false, false, false),
                    "readers on another host keep a writer out");
            assertEquals(r1.size(), r2.size());
        }
        assertClean(a);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aFullDatastoreSaysNoSpaceAndKeepsWhatWasThere(Setup setup) throws Exception {
        AcquisitionMode mode = small(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        DatastoreFiles fs = a.fs();
        long free = fs.usage().freeBlocks() * fs.usage().blockBytes();
        byte[] chunk = new byte[1 << 20];
        new Random(3).nextBytes(chunk);
        long written = 0;
        FileSystemException full = null;
        try (DatastoreFile f = fs.open("/big", Access.WRITE, true, true, false)) {
            while (written < free * 2) {
                try {
                    f.write(ByteBuffer.wrap(chunk), written);
                    written += chunk.length;
                } catch (FileSystemException e) {
                    full = e;
                    break;
                }
            }
            f.force();
        }
        assertNotNull(full, "writing twice the free space ran out");
        assertTrue(full.getMessage().contains("no space"), full.getMessage());
        assertTrue(written >= free - (4L << 20), "it filled the datastore first: wrote " + written + " of " + free + " free bytes");
        assertEquals(written, fs.stat("/big").orElseThrow().sizeBytes(), "every write that returned is there");
        try (DatastoreFile f = fs.open("/big", Access.READ, false, false, false)) {
            ByteBuffer last = ByteBuffer.allocate(chunk.length);
            f.read(last, written - chunk.length);
            assertArrayEquals(chunk, last.array());
        }
        assertThrows(FileSystemException.class, () -> a.create("/thick", EntityKind.FILE, 8L << 20), "a thick file does not fit either");
        assertTrue(fs.lookup("/thick").isEmpty(), "nothing half-made is left");
        assertClean(a);
        fs.delete("/big");
        assertEquals(0, fs.usage().usedBlocks(), "every block is free again");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aFileInAFragmentedDatastoreKeepsItsExtentsInAnExtentMap(Setup setup) throws Exception {
        AcquisitionMode mode = sized(setup, 32 * 1024); // 16 MiB: about 220 blocks of 64 KiB
        Datastore a = cluster.datastore("esx-a", mode);
        DatastoreFiles fs = a.fs();
        fs.mkdir("/frag");
        int n = 0;
        while (fs.usage().freeBlocks() > 2 && n < 400) { // one-block files until the datastore is nearly full
            write(fs, "/frag/f" + n++, "x");
        }
        for (int i = 0; i < n; i += 2) {
            fs.delete("/frag/f" + i); // free space only in one-block holes
        }
        byte[] mirror = new byte[80 * 65536 + 123];
        new Random(11).nextBytes(mirror);
        try (DatastoreFile f = fs.open("/frag/scattered", Access.WRITE, true, true, false)) {
            f.write(ByteBuffer.wrap(mirror), 0);
            f.force();
        }
        // the reader mounts after the burst of 600 namespace changes: in reserve mode over iSCSI such a burst, one host's
        // SCSI-2 windows back to back, once kept another host's heartbeat renewal waiting past its self-fence time
        Datastore b = cluster.datastore("esx-b", mode);
        DirectoryEntry e = b.fs().stat("/frag/scattered").orElseThrow();
        assertTrue(e.extentCount() > DirectoryEntry.INLINE, "more extents than the entry holds: " + e.extentCount());
        assertEquals(mirror.length, e.sizeBytes());
        try (DatastoreFile f = b.fs().open("/frag/scattered", Access.READ, false, false, false)) {
            ByteBuffer back = ByteBuffer.allocate(mirror.length);
            while (back.hasRemaining() && f.read(back, back.position()) > 0) {
                // runs end at each extent
            }
            assertArrayEquals(mirror, back.array());
        }
        assertClean(b);
        try (DatastoreFile f = fs.open("/frag/scattered", Access.WRITE, false, false, false)) {
            f.truncate(100);
        }
        assertEquals(1, b.fs().stat("/frag/scattered").orElseThrow().extentCount(), "a shrink gives the tail's blocks back");
        assertClean(b);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aDamagedDirectoryEntryIsNamedAndNeverWrittenOver(Setup setup) throws Exception {
        AcquisitionMode mode = small(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        write(a.fs(), "/keep", "data");
        int victim = a.file("/keep").orElseThrow().index() + 1; // the next free entry, which a create would take
        long lba = a.superblock().directoryLba(victim);
        Medium raw = cluster.rawMediumOf(a.host());
        byte[] garbage = new byte[512];
        Arrays.fill(garbage, (byte) 0x5A);
        raw.write(lba, garbage, true);
        DatastoreCheck.Report report = DatastoreCheck.run(a);
        assertFalse(report.clean());
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("directory entry " + victim) && p.contains("sector " + lba)
                && p.contains("expected magic")), "the check names the entry, its sector, what it expected and found: " + report.problems());
        write(a.fs(), "/new", "more");
        assertTrue(a.fs().lookup("/new").orElseThrow().index() != victim, "a create skips the damaged entry");
        assertArrayEquals(garbage, raw.read(lba, 1), "the damaged sector is left as it was found");
        assertEquals("data", read(a.fs(), "/keep"));

        // a damaged free-map sector: an allocation that needs it is refused naming it, and nothing is written over it
        long map = a.superblock().freeMapLba();
        raw.write(map, garbage, true);
        IOException refused = assertThrows(IOException.class, () -> write(a.fs(), "/grows", "x".repeat(100_000)));
        assertTrue(refused.getMessage().contains("free map sector 0 at sector " + map) && refused.getMessage().contains("expected magic"),
                refused.getMessage());
        assertArrayEquals(garbage, raw.read(map, 1), "the damaged free-map sector is left as it was found");
        assertTrue(DatastoreCheck.run(a).problems().stream().anyMatch(p -> p.contains("free map sector 0 at sector " + map)));
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aHostThatDiesInsideAGrowLeavesAFileSystemTheNextHostFindsWhole(Setup setup) throws Exception {
        AcquisitionMode mode = small(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        Datastore b = cluster.datastore("esx-b", mode);
        write(a.fs(), "/grown", "x".repeat(70_000));
        DatastoreFile f = a.fs().open("/grown", Access.WRITE, false, false, false);
        // A dies after its journal is committed, before the free map and entry are in place: writes to the
        // directory/free-map area fail from now on (the journal lies before them, so it still lands)
        cluster.failWritesFrom(a.host(), a.superblock().directoryLba());
        assertThrows(IOException.class, () -> f.write(ByteBuffer.wrap(new byte[4 << 20]), 1 << 20));
        cluster.crash(a.host());
        // B takes the file-system lock from the dead host (after T), replaying its journal first
        b.fs().mkdir("/after");
        DatastoreCheck.Report r = DatastoreCheck.run(b);
        assertTrue(r.clean(), "after the replay: " + r.problems());
        assertEquals(70_000, b.fs().stat("/grown").orElseThrow().sizeBytes(), "the size A had made durable");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aMultiWriterFileGrownByOneHostIsReadByAnotherAsItGrows(Setup setup) throws Exception {
        AcquisitionMode mode = small(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        Datastore b = cluster.datastore("esx-b", mode);
        Path onA = Files.createDirectories(a.sharedFileSystem().getPath("/vm")).resolve("disk");
        Random r = new Random(13);
        try (FileChannel w = FileChannel.open(onA, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
                FileChannel rd = FileChannel.open(b.sharedFileSystem().getPath("/vm/disk"), StandardOpenOption.READ)) {
            assertThrows(FileSystemException.class, () -> b.fs().open("/vm/disk", Access.WRITE, false, false, false),
                    "an exclusive open is refused while the file is open multi-writer");
            for (int i = 0; i < 6; i++) {
                byte[] chunk = new byte[300_000];
                r.nextBytes(chunk);
                w.write(ByteBuffer.wrap(chunk), (long) i * chunk.length);
                w.force(true);
                ByteBuffer back = ByteBuffer.allocate(chunk.length);
                while (back.hasRemaining() && rd.read(back, (long) i * chunk.length + back.position()) > 0) {
                    // past what B knew: it reads the entry and extents again
                }
                assertArrayEquals(chunk, back.array(), "chunk " + i + " as host B reads it");
            }
            assertThrows(java.nio.channels.NonWritableChannelException.class, () -> rd.write(ByteBuffer.allocate(1), 0));
        }
        assertEquals(1_800_000, Files.size(b.fileSystem().getPath("/vm/disk")));
        assertClean(b);
    }

    @Test
    void javaNioWorksOnTheDatastore() throws Exception {
        AcquisitionMode mode = small(Setup.FILE_ATS);
        Datastore a = cluster.datastore("esx-a", mode);
        Path root = a.fileSystem().getPath("/");
        Path vm = Files.createDirectories(root.resolve("vms/db1"));
        Files.writeString(vm.resolve("vm.json"), "{\"memory\":64}");
        assertEquals("{\"memory\":64}", Files.readString(vm.resolve("vm.json")));
        try (FileChannel c = FileChannel.open(vm.resolve("log"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            c.write(ByteBuffer.wrap("a".getBytes(StandardCharsets.UTF_8)));
            c.write(ByteBuffer.wrap("b".getBytes(StandardCharsets.UTF_8)));
            c.force(true);
        }
        assertEquals(2, Files.size(vm.resolve("log")));
        Files.move(vm.resolve("log"), vm.resolve("log.1"), StandardCopyOption.ATOMIC_MOVE);
        try (var s = Files.list(vm)) {
            assertEquals(List.of("log.1", "vm.json"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.isDirectory(vm));
        assertFalse(Files.exists(vm.resolve("log")));
        Files.delete(vm.resolve("log.1"));
        assertEquals(a.superblock().label(), Files.getFileStore(vm).name());
        assertTrue(Files.getFileStore(vm).getUsableSpace() > 0);
        assertClean(a);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aFencedHostsWritesToAFileAreRefusedByTheTarget(Setup setup) throws Exception {
        AcquisitionMode mode = small(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        Datastore b = cluster.datastore("esx-b", mode);
        write(a.fs(), "/disk", "y".repeat(10_000));
        DatastoreFile f = a.fs().open("/disk", Access.WRITE, false, false, false);
        cluster.hang(a.host()); // SIGSTOP: no more renewals, the session lives on
        long deadline = System.nanoTime() + cluster.timing().leaseTimeout().multipliedBy(4).toNanos();
        DatastoreFile taken = null;
        while (taken == null) {
            try {
                taken = b.fs().open("/disk", Access.WRITE, false, false, false);
            } catch (FileSystemException held) {
                assertTrue(System.nanoTime() < deadline, "B took the dead host's file within 4T: " + held.getMessage());
                Thread.sleep(100);
            }
        }
        Medium raw = cluster.rawMediumOf(a.host());
        long lba = a.superblock().firstBlockLba();
        assertThrows(io.lockstep.storage.ReservationConflictException.class, () -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    raw.write(lba, new byte[512], true);
                    return;
                } catch (io.lockstep.storage.CheckConditionException unitAttention) {
                    // reported once per event; then the command itself is decided
                }
            }
        }, "the target refuses the fenced host's raw write to the file's blocks");
        assertThrows(IOException.class, () -> f.write(ByteBuffer.wrap(new byte[512]), 0), "and its writes through the file");
        taken.write(ByteBuffer.wrap("z".getBytes(StandardCharsets.UTF_8)), 0);
        taken.close();
        assertEquals("z" + "y".repeat(9_999), read(b.fs(), "/disk"));
    }

    static void write(DatastoreFiles fs, String path, String text) throws IOException {
        try (DatastoreFile f = fs.open(path, Access.WRITE, true, false, true)) {
            f.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            f.force();
        }
    }

    static String read(DatastoreFiles fs, String path) throws IOException {
        try (DatastoreFile f = fs.open(path, Access.READ, false, false, false)) {
            ByteBuffer b = ByteBuffer.allocate((int) f.size());
            while (b.hasRemaining() && f.read(b, b.position()) > 0) {
                // whole
            }
            return new String(b.array(), StandardCharsets.UTF_8);
        }
    }

    static List<String> names(List<DirectoryEntry> entries) {
        List<String> n = new ArrayList<>();
        entries.forEach(e -> n.add(e.name()));
        return n;
    }
}
