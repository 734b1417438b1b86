package io.lockstep.vdisk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lockstep.fuzz.Fuzz;
import io.lockstep.fuzz.Fuzz.Documented;
import io.lockstep.fuzz.Mutations;
import io.lockstep.fuzz.Mutations.Encoded;
import io.lockstep.fuzz.Mutations.Field;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * VMDK sparse extents fuzzed (docs/testing.md#fuzzing): whatever a {@code .vmdk} holds, decoding its header, parsing
 * its descriptor, and opening it and reading its grain directory and tables return or refuse it with a
 * {@link VmdkFormatException}, allocate no more than the file's size allows, and write nothing — also when it is
 * opened for writing and refused. (Disks are parsed on every VM listing: a hostile one must cost no more than its size.)
 */
class VmdkFuzzTest {

    static final Documented DOCUMENTED = Documented.only(VmdkFormatException.class);

    private static Path dir;
    private static long started;
    private static List<Encoded> disks;

    @BeforeContainer
    static void start() throws IOException {
        dir = Fuzz.scratch("vmdk");
        disks = validDisks();
        started = System.nanoTime();
    }

    @AfterContainer
    static void report() {
        Fuzz.report("VmdkFuzzTest", System.nanoTime() - started);
        Fuzz.deleteScratch(dir);
    }

    @Property
    void arbitraryHeadersAreDecodedOrRefused(@ForAll("arbitraryHeader") byte[] header, @ForAll("fileSize") long fileSize) {
        Fuzz.check("vmdk header decode", header.length, DOCUMENTED, () -> SparseHeader.decode(header, "fuzz.vmdk", fileSize));
    }

    @Property
    void arbitraryDescriptorsAreParsedOrRefused(@ForAll("arbitraryDescriptor") byte[] text) {
        Fuzz.check("vmdk descriptor parse", text.length, DOCUMENTED, () -> Descriptor.parse(text, "fuzz.vmdk"));
    }

    @Property
    void damagedDescriptorsAreParsedOrRefused(@ForAll("damagedDescriptor") byte[] text) {
        Fuzz.check("vmdk descriptor parse", text.length, DOCUMENTED, () -> Descriptor.parse(text, "fuzz.vmdk"));
    }

    @Property
    void damagedDisksAreOpenedOrRefused(@ForAll("damagedDisk") byte[] disk) {
        openEveryWay(disk);
    }

    @Example
    void everyLengthFieldAtEveryExtremeIsOpenedOrRefused() {
        for (Encoded valid : disks) {
            Mutations.everyFieldAtEveryExtreme(valid, b -> b, VmdkFuzzTest::openEveryWay);
        }
    }

    /** Opens read-only and reads every table (then checks them, as `vdisk check` does); opens for writing. */
    private static void openEveryWay(byte[] content) {
        Fuzz.checkFile("vmdk open and tables", dir, "disk.vmdk", content, DOCUMENTED, f -> {
            try (SparseExtent e = SparseExtent.open(f, false)) {
                List<Long> grains = e.allocatedGrains();
                return List.of(grains, e.check());
            }
        });
        Path tryDir = dir.resolve("writable");
        try {
            Files.createDirectories(tryDir);
            Path f = tryDir.resolve("disk.vmdk");
            Files.write(f, content);
            Map<String, String> before = Fuzz.snapshot(tryDir);
            Fuzz.Outcome o = Fuzz.check("vmdk open for writing", content.length, DOCUMENTED, () -> SparseExtent.open(f, true));
            if (o.result() instanceof SparseExtent e) {
                e.close(); // opened: it may mark itself clean again, that is a write it is allowed
            } else if (!before.equals(Fuzz.snapshot(tryDir))) {
                throw new AssertionError("a disk refused for writing (" + o.thrown() + ") was changed on disk");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            Fuzz.deleteScratch(tryDir);
        }
    }

    @Provide
    Arbitrary<byte[]> arbitraryHeader() {
        byte[] start = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(SparseHeader.MAGIC).putInt(1).array();
        return Arbitraries.oneOf(Mutations.randomBytes(600), Mutations.randomAfter(start, 504),
                Mutations.of(Arbitraries.of(disks).map(VmdkFuzzTest::header), b -> b));
    }

    @Provide
    Arbitrary<Long> fileSize() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 1L << 42), Arbitraries.of(0L, 512L, 65536L, Long.MAX_VALUE));
    }

    @Provide
    Arbitrary<byte[]> arbitraryDescriptor() {
        Arbitrary<String> keyed = Combinators.combine(Arbitraries.of("CID", "parentCID", "createType", "parentFileNameHint", "ddb.x", "RW", "RDONLY"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30)).as((k, v) -> k.startsWith("R") ? k + " " + v : k + "=" + v);
        Arbitrary<String> line = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40), keyed);
        Arbitrary<byte[]> lines = line.list().ofMaxSize(12).map(l -> String.join("\n", l).getBytes(StandardCharsets.ISO_8859_1));
        return Arbitraries.oneOf(Mutations.randomBytes(1024), lines);
    }

    @Provide
    Arbitrary<byte[]> damagedDescriptor() {
        Descriptor d = Descriptor.delta(16384, "disk.vmdk", 0x1234, 0x5678, "parent.vmdk");
        return Mutations.of(new Encoded(d.format().getBytes(StandardCharsets.US_ASCII), List.of()), b -> b);
    }

    @Provide
    Arbitrary<byte[]> damagedDisk() {
        return Mutations.of(Arbitraries.of(disks), b -> b);
    }

    /** A disk's header alone, with the fields that lie in it. */
    static Encoded header(Encoded disk) {
        return new Encoded(java.util.Arrays.copyOf(disk.bytes(), SparseHeader.SIZE),
                disk.fields().stream().filter(f -> f.offset() + f.width() <= SparseHeader.SIZE).toList());
    }

    /**
     * Disks as DiskChain makes them (one grain table, two, a few grains written), with the header's fields and the
     * first directory and table entries marked.
     */
    static List<Encoded> validDisks() throws IOException {
        List<Encoded> out = new ArrayList<>();
        Path made = dir.resolve("made");
        Files.createDirectories(made);
        long[][] shapes = {{64 << 10, 0}, {8 << 20, 2}, {33 << 20, 1}};
        for (int i = 0; i < shapes.length; i++) {
            Path p = made.resolve("disk-" + i + ".vmdk");
            DiskChain.create(p, shapes[i][0]);
            try (DiskChain d = DiskChain.open(p, true)) {
                for (int g = 0; g < shapes[i][1]; g++) {
                    byte[] data = new byte[4096];
                    java.util.Arrays.fill(data, (byte) (g + 1));
                    d.write((long) g * 128, data);
                }
            }
            byte[] bytes = Files.readAllBytes(p);
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            List<Field> fields = new ArrayList<>(List.of(Field.le("version", 4, 4), Field.le("capacity", 12, 8), Field.le("grain size", 20, 8),
                    Field.le("descriptor offset", 28, 8), Field.le("descriptor size", 36, 8), Field.le("entries per grain table", 44, 4),
                    Field.le("redundant directory offset", 48, 8), Field.le("directory offset", 56, 8), Field.le("overhead", 64, 8)));
            long gd = b.getLong(56);
            fields.add(Field.le("first directory entry", (int) gd * 512, 4));
            long gt = b.getInt((int) gd * 512) & 0xFFFFFFFFL;
            fields.add(Field.le("first grain table entry", (int) gt * 512, 4));
            out.add(new Encoded(bytes, fields));
            Files.delete(p);
        }
        Files.delete(made);
        return out;
    }
}
