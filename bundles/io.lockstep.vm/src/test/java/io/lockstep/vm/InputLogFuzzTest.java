package io.lockstep.vm;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

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
 * Input logs fuzzed (docs/testing.md#fuzzing): whatever a {@code .lslog} holds, opening it, reading every input and
 * listing its markers return or refuse it with an {@link InputLogFormatException} (or an EOFException where the file
 * ends: a log being written is read up to its last whole record), allocate no more than the file's size allows, and
 * leave its folder as it was.
 */
class InputLogFuzzTest {

    static final Documented DOCUMENTED = Documented.only(InputLogFormatException.class).or("EOFException", t -> t instanceof java.io.EOFException);

    private static Path dir;
    private static long started;

    @BeforeContainer
    static void start() {
        dir = Fuzz.scratch("input-log");
        started = System.nanoTime();
    }

    @AfterContainer
    static void report() {
        Fuzz.report("InputLogFuzzTest", System.nanoTime() - started);
        Fuzz.deleteScratch(dir);
    }

    @Property
    void arbitraryBytesAreReadOrRefused(@ForAll("arbitrary") byte[] file) {
        readEveryWay(file);
    }

    @Property
    void damagedLogsAreReadOrRefused(@ForAll("damaged") byte[] file) {
        readEveryWay(file);
    }

    @Example
    void everyLengthFieldAtEveryExtremeIsReadOrRefused() {
        Encoded valid = encode("kv", List.of(InputEvent.open(1).at(10), InputEvent.data(1, new byte[] {'P', 'I', 'N', 'G'}).at(20),
                InputEvent.timer().at(30)), true);
        Mutations.everyFieldAtEveryExtreme(valid, InputLogFuzzTest::resealed, InputLogFuzzTest::readEveryWay);
    }

    private static void readEveryWay(byte[] content) {
        Fuzz.checkFile("input log read", dir, "run.lslog", content, DOCUMENTED, f -> {
            try (InputLog.Reader r = InputLog.Reader.open(f)) {
                int n = 0;
                while (!r.ended()) {
                    r.take();
                    n++;
                }
                return n;
            }
        });
        Fuzz.checkFile("input log markers", dir, "run.lslog", content, DOCUMENTED, InputLog.Reader::markers);
    }

    @Provide
    Arbitrary<byte[]> arbitrary() {
        byte[] header = {0x4C, 0x53, 0x49, 0x4C, 0, 1, 0, 2, 'k', 'v', 0, 0, 0, 0, 1, 0, 0, 0};
        return Arbitraries.oneOf(Mutations.randomBytes(2048), Mutations.randomAfter(header, 2048).map(InputLogFuzzTest::resealed));
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        return Mutations.of(valid(), InputLogFuzzTest::resealed);
    }

    static Arbitrary<Encoded> valid() {
        Arbitrary<InputEvent> event = Combinators.combine(Arbitraries.longs().between(0, 1L << 40), Arbitraries.of(InputEvent.Kind.values()),
                Arbitraries.integers().between(0, 64), Mutations.randomBytes(40)).as((p, k, ch, payload) -> new InputEvent(p, k, ch, payload));
        return Combinators.combine(Arbitraries.strings().ofMaxLength(12), event.list().ofMaxSize(5), Arbitraries.of(true, false))
                .as(InputLogFuzzTest::encode);
    }

    /** A log as InputLog writes it, with its length fields marked (each record's, each event's payload length). */
    static Encoded encode(String spec, List<InputEvent> events, boolean marker) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            List<Field> fields = new ArrayList<>();
            out.writeInt(InputLog.MAGIC);
            out.writeShort(1);
            fields.add(Field.be("guest spec length", out.size(), 2));
            out.writeUTF(spec);
            out.writeLong(16L << 20);
            for (InputEvent e : events) {
                ByteArrayOutputStream p = new ByteArrayOutputStream();
                e.write(new DataOutputStream(p));
                fields.add(Field.be("record length", out.size() + 1, 4));
                fields.add(Field.be("event kind", out.size() + 5 + 8, 1));
                fields.add(Field.be("event payload length", out.size() + 5 + 13, 4));
                record(out, InputLog.TYPE_INPUT, p.toByteArray());
            }
            if (marker) {
                fields.add(Field.be("record length", out.size() + 1, 4));
                record(out, InputLog.TYPE_DIGEST, ByteBuffer.allocate(40).putLong(30).array());
            }
            return new Encoded(bytes.toByteArray(), fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void record(DataOutputStream out, int type, byte[] payload) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        out.writeByte(type);
        out.writeInt(payload.length);
        out.write(payload);
        out.writeInt((int) crc.getValue());
    }

    /** Each record whose (possibly damaged) length still fits gets a matching CRC32C again, so its payload is decoded. */
    static byte[] resealed(byte[] log) {
        byte[] out = log.clone();
        if (out.length < 8) {
            return out;
        }
        ByteBuffer b = ByteBuffer.wrap(out);
        int at = 6 + 2 + (b.getShort(6) & 0xFFFF) + 8;
        while (at + 5 <= out.length) {
            int length = b.getInt(at + 1);
            if (length < 0 || (long) at + 5 + length + 4 > out.length) {
                break;
            }
            CRC32C crc = new CRC32C();
            crc.update(out, at + 5, length);
            b.putInt(at + 5 + length, (int) crc.getValue());
            at += 5 + length + 4;
        }
        return out;
    }
}
