package io.lockstep.vdisk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our VMDK files as qemu-img sees them, and qemu's as we see them. */
class VmdkInteropTest {

    static final long SIZE = 64L << 20;

    @TempDir
    Path dir;

    static byte[] pattern(int seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aDiskWeCreatePassesQemuImgCheckAndInfo() throws Exception {
        Path disk = dir.resolve("base.vmdk");
        DiskChain.create(disk, SIZE);
        try (DiskChain d = DiskChain.open(disk, true)) {
            d.write(0, pattern(1, 4096));
            d.write(100_000, pattern(2, 128 * 1024));
            d.flush();
        }
        Qemu.Result check = Qemu.img("check", disk.toString()).ok();
        assertTrue(check.out().contains("No errors were found"), check.out());
        String info = Qemu.img("info", "--output=json", disk.toString()).ok().out();
        assertTrue(info.contains("\"format\": \"vmdk\"") && info.contains("\"virtual-size\": " + SIZE), info);
        assertTrue(info.contains("\"create-type\": \"monolithicSparse\""), info);
    }

    @Test
    void aRunningChainReopenedAfterALayerBelowWasAbsorbedReadsAndWritesThroughTheFilesAsTheyAreNow() throws Exception {
        Path base = dir.resolve("base.vmdk");
        DiskChain.create(base, SIZE);
        try (DiskChain d = DiskChain.open(base, true)) {
            d.write(0, pattern(1, 4096));
            d.snapshot(dir.resolve("delta1.vmdk"));
            d.write(1000, pattern(2, 4096));
            d.snapshot(dir.resolve("delta2.vmdk")); // runs on delta2 over delta1 over base
            d.write(2000, pattern(3, 4096));
            // a checkpoint's layer (the base) merged away while the chain runs: delta1 takes in its grains, the base goes
            assertEquals(base.toAbsolutePath().normalize(), DiskChain.absorbParent(dir.resolve("delta1.vmdk")).toAbsolutePath().normalize());
            Files.delete(base);
            d.reopen();
            assertEquals(2, d.depth());
            assertEquals(List.of(dir.resolve("delta2.vmdk"), dir.resolve("delta1.vmdk")), d.layers().stream().map(DiskChain.Layer::path).toList());
            assertArrayEquals(pattern(1, 4096), d.read(0, 8), "the base's data, from delta1 now");
            assertArrayEquals(pattern(2, 4096), d.read(1000, 8));
            assertArrayEquals(pattern(3, 4096), d.read(2000, 8));
            d.write(3000, pattern(4, 4096));
            d.flush();
        }
        for (String f : List.of("delta1.vmdk", "delta2.vmdk")) {
            Qemu.Result check = Qemu.img("check", dir.resolve(f).toString()).ok();
            assertTrue(check.out().contains("No errors were found"), f + ": " + check.out());
        }
        try (DiskChain again = DiskChain.open(dir.resolve("delta2.vmdk"), false)) {
            assertArrayEquals(pattern(1, 4096), again.read(0, 8));
            assertArrayEquals(pattern(4, 4096), again.read(3000, 8), "written after the reopen");
        }
    }

    @Test
    void qemuImgShowsOurFourDeepChain() throws Exception {
        Path base = dir.resolve("base.vmdk");
        DiskChain.create(base, SIZE);
        try (DiskChain d = DiskChain.open(base, true)) {
            for (int i = 1; i <= 3; i++) {
                d.write(i * 1000L, pattern(i, 4096));
                d.snapshot(dir.resolve("delta" + i + ".vmdk"));
            }
            assertEquals(4, d.depth());
        }
        String chain = Qemu.img("info", "--backing-chain", dir.resolve("delta3.vmdk").toString()).ok().out();
        int i3 = chain.indexOf("image: " + dir.resolve("delta3.vmdk"));
        int i2 = chain.indexOf("delta2.vmdk\nfile format");
        int i1 = chain.indexOf("delta1.vmdk\nfile format");
        int ib = chain.indexOf("base.vmdk\nfile format");
        assertTrue(i3 >= 0 && i3 < i2 && i2 < i1 && i1 < ib, chain);
        assertTrue(Qemu.img("check", dir.resolve("delta3.vmdk").toString()).exit() == 0);
    }

    @Test
    void randomWritesThroughAFourDeepChainEqualARawImageBeforeAndAfterCommits() throws Exception {
        Path base = dir.resolve("base.vmdk");
        Path raw = dir.resolve("mirror.raw");
        DiskChain.create(base, SIZE);
        Random random = new Random(42);
        try (DiskChain d = DiskChain.open(base, true); RandomAccessFile mirror = new RandomAccessFile(raw.toFile(), "rw")) {
            mirror.setLength(SIZE);
            for (int layer = 0; layer < 4; layer++) {
                for (int w = 0; w < 60; w++) {
                    int sectors = 1 + random.nextInt(random.nextBoolean() ? 8 : 300); // 512 B to 150 KiB, across grains
                    long lba = random.nextLong(SIZE / 512 - sectors);
                    byte[] data = pattern(random.nextInt(), sectors * 512);
                    d.write(lba, data);
                    mirror.seek(lba * 512);
                    mirror.write(data);
                    if (w % 20 == 0) { // reads through the chain agree with the mirror as we go
                        byte[] back = d.read(lba, sectors);
                        assertArrayEquals(data, back);
                    }
                }
                if (layer < 3) {
                    d.snapshot(dir.resolve("d" + (layer + 1) + ".vmdk"));
                }
            }
            d.flush();
            mirror.getFD().sync();
            assertEquals(4, d.depth());
            compare(d.top(), raw);
            DiskChain.CommitResult r = d.commit(); // d3 into d2
            assertTrue(r.grains() > 0);
            assertEquals(3, d.depth());
            compare(d.top(), raw);
            d.commit();
            d.commit(); // all the way down
            assertEquals(1, d.depth());
            compare(d.top(), raw);
            assertTrue(Qemu.img("check", d.top().toString()).out().contains("No errors"));
        }
    }

    @Test
    void aRevertedDeltaLeavesTheDiskAsItWasAtTheSnapshot() throws Exception {
        Path base = dir.resolve("base.vmdk");
        DiskChain.create(base, SIZE);
        byte[] before;
        try (DiskChain d = DiskChain.open(base, true)) {
            d.write(77, pattern(7, 8192));
            before = d.read(0, 1024);
            d.snapshot(dir.resolve("scratch.vmdk"));
            d.write(77, pattern(8, 8192));
            d.write(500, pattern(9, 65536));
            Path dropped = d.revert();
            assertTrue(Files.notExists(dropped));
            assertArrayEquals(before, d.read(0, 1024));
            d.write(5000, pattern(10, 512)); // the parent is writable again
        }
    }

    private void compare(Path vmdk, Path raw) throws Exception {
        Qemu.Result r = Qemu.img("compare", "-f", "vmdk", "-F", "raw", vmdk.toString(), raw.toString());
        assertEquals(0, r.exit(), "qemu-img compare found a difference:\n" + r.out());
    }

    @Test
    void weReadDisksAndDeltasThatQemuMade() throws Exception {
        Path base = dir.resolve("qbase.vmdk");
        Path delta = dir.resolve("qdelta.vmdk");
        Qemu.img("create", "-q", "-f", "vmdk", "-o", "subformat=monolithicSparse", base.toString(), "32M").ok();
        Qemu.io("-c", "write -P 0xcc 512k 1M", "-c", "write -P 0x11 20M 3k", base.toString()).ok();
        Qemu.img("create", "-q", "-f", "vmdk", "-b", base.getFileName().toString(), "-F", "vmdk", delta.toString()).ok();
        Qemu.io("-c", "write -P 0x55 1M 64k", "-c", "write -P 0x77 1000k 6k", delta.toString()).ok();
        Path expected = dir.resolve("expected.raw");
        Qemu.img("convert", "-O", "raw", delta.toString(), expected.toString()).ok();
        try (DiskChain d = DiskChain.open(delta, false)) {
            assertEquals(2, d.depth());
            byte[] all = d.read(0, (int) d.sectorCount());
            assertArrayEquals(Files.readAllBytes(expected), all);
            assertTrue(d.check().isEmpty(), d.check().toString());
        }
        // and a disk qemu-img convert wrote
        Path converted = dir.resolve("converted.vmdk");
        Qemu.img("convert", "-O", "vmdk", "-o", "subformat=monolithicSparse", expected.toString(), converted.toString()).ok();
        try (DiskChain d = DiskChain.open(converted, true)) {
            assertArrayEquals(Files.readAllBytes(expected), d.read(0, (int) d.sectorCount()));
            d.write(3, pattern(3, 512)); // and we can write to it; qemu still reads it
        }
        assertEquals(0, Qemu.img("check", converted.toString()).exit());
        List<String> lines = Arrays.asList(Qemu.img("info", converted.toString()).out().split("\n"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("virtual size: 32 MiB")), lines.toString());
    }
}
