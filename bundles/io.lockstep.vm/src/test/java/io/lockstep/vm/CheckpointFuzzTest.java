package io.lockstep.vm;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

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
 * Checkpoint files fuzzed (docs/testing.md#fuzzing): whatever a {@code .lscp} file holds, reading its header, verifying
 * it and loading it return or refuse it with a {@link CheckpointFormatException}, allocate no more than the file's size
 * allows, and leave the VM folder as it was.
 */
class CheckpointFuzzTest {

    static final Documented DOCUMENTED = Documented.only(CheckpointFormatException.class);

    private static Path dir;
    private static long started;

    @BeforeContainer
    static void start() {
        dir = Fuzz.scratch("checkpoint");
        started = System.nanoTime();
    }

    @AfterContainer
    static void report() {
        Fuzz.report("CheckpointFuzzTest", System.nanoTime() - started);
        Fuzz.deleteScratch(dir);
    }

    @Property
    void arbitraryBytesAreReadOrRefused(@ForAll("arbitrary") byte[] file) {
        parseEveryWay(file);
    }

    @Property
    void damagedCheckpointsAreReadOrRefused(@ForAll("damaged") byte[] file) {
        parseEveryWay(file);
    }

    @Example
    void everyLengthFieldAtEveryExtremeIsReadOrRefused() {
        Encoded valid = encode("checkpoint", 12, new byte[40], List.of(0, 3, 11), 7);
        Mutations.everyFieldAtEveryExtreme(valid, CheckpointFuzzTest::resealed, CheckpointFuzzTest::parseEveryWay);
    }

    private static void parseEveryWay(byte[] content) {
        Fuzz.checkFile("checkpoint readHeader", dir, "cp-000001.lscp", content, DOCUMENTED, CheckpointFile::readHeader);
        Fuzz.checkFile("checkpoint verify", dir, "cp-000001.lscp", content, DOCUMENTED, CheckpointFile::verify);
        Fuzz.checkFile("checkpoint load", dir, "cp-000001.lscp", content, DOCUMENTED, f -> CheckpointFile.load(f, (i, page) -> {
        }));
    }

    @Provide
    Arbitrary<byte[]> arbitrary() {
        byte[] magic = {0x4C, 0x53, 0x43, 0x50, 0, 1};
        return Arbitraries.oneOf(Mutations.randomBytes(4096), Mutations.randomAfter(magic, 4096));
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        return Mutations.of(valid(), CheckpointFuzzTest::resealed);
    }

    /** Valid checkpoint files: a few pages of a small memory, a device state, names of any length. */
    static Arbitrary<Encoded> valid() {
        Arbitrary<String> names = Arbitraries.strings().ofMaxLength(24);
        Arbitrary<Integer> memoryPages = Arbitraries.integers().between(1, 12);
        Arbitrary<byte[]> device = Mutations.randomBytes(48);
        Arbitrary<List<Integer>> pages = Arbitraries.integers().between(0, 11).set().ofMaxSize(4).map(s -> new ArrayList<>(new TreeSet<>(s)));
        return Combinators.combine(names, memoryPages, device, pages, Arbitraries.integers())
                .as((name, memory, state, indices, seed) -> encode(name, memory, state, indices.stream().filter(i -> i < memory).toList(), seed));
    }

    /** A checkpoint file as Checkpoints writes it (the format in CheckpointFile), with its length fields marked. */
    static Encoded encode(String name, int memoryPages, byte[] device, List<Integer> pages, int seed) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            List<Field> fields = new ArrayList<>();
            MessageDigest state = Vm.sha256();
            state.update(device);
            out.writeInt(CheckpointFile.MAGIC);
            out.writeShort(CheckpointFile.VERSION);
            out.writeInt(1);
            out.writeLong(1_700_000_000_000L);
            fields.add(Field.be("name length", out.size(), 2));
            out.writeUTF(name);
            fields.add(Field.be("guest spec length", out.size(), 2));
            out.writeUTF("kv");
            fields.add(Field.be("memory bytes", out.size(), 8));
            out.writeLong((long) memoryPages * GuestMemory.PAGE);
            fields.add(Field.be("position", out.size(), 8));
            out.writeLong(12345);
            fields.add(Field.be("disk layer length", out.size(), 2));
            out.writeUTF("vm-000001.vmdk");
            fields.add(Field.be("device state length", out.size(), 4));
            out.writeInt(device.length);
            out.write(device);
            for (int i : pages) {
                fields.add(Field.be("page index", out.size(), 4));
                out.writeInt(i);
                byte[] page = new byte[GuestMemory.PAGE];
                Arrays.fill(page, 0, 64, (byte) (seed + i));
                out.write(page);
                if (!GuestMemory.isZero(page)) {
                    state.update(new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i});
                    state.update(page);
                }
            }
            fields.add(Field.be("end of pages", out.size(), 4));
            out.writeInt(CheckpointFile.END_OF_PAGES);
            fields.add(Field.be("page count", out.size(), 4));
            out.writeInt(pages.size());
            out.write(state.digest());
            out.writeInt(CheckpointFile.END_MAGIC);
            out.write(new byte[32]);
            return new Encoded(resealed(bytes.toByteArray()), fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's last 32 bytes made the SHA-256 of the rest again, so damage inside reaches the record checks. */
    static byte[] resealed(byte[] file) {
        if (file.length < 32) {
            return file;
        }
        MessageDigest sha = Vm.sha256();
        sha.update(file, 0, file.length - 32);
        byte[] out = file.clone();
        System.arraycopy(sha.digest(), 0, out, file.length - 32, 32);
        return out;
    }
}
