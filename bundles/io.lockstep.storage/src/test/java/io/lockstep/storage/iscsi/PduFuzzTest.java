package io.lockstep.storage.iscsi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * What a target sends, fuzzed (docs/testing.md#fuzzing): whatever bytes arrive, reading PDUs from them returns PDUs or
 * refuses with an {@link IscsiProtocolException} — an EOFException only where the bytes end between two PDUs — and
 * allocates no more than the input and the MaxRecvDataSegmentLength this initiator declares allow; login and text
 * parameters decode or are refused the same way.
 */
class PduFuzzTest {

    /** What IscsiConnection declares (its MAX_RECV_DATA_SEGMENT). */
    static final int MAX_DATA_SEGMENT = 256 * 1024;
    static final Documented PROTOCOL = Documented.only(IscsiProtocolException.class);

    private static long started;

    @BeforeContainer
    static void start() {
        started = System.nanoTime();
    }

    @AfterContainer
    static void report() {
        Fuzz.report("PduFuzzTest", System.nanoTime() - started);
    }

    @Property
    void arbitraryBytesAreReadOrRefused(@ForAll("arbitraryStream") byte[] stream) {
        readAll(stream);
    }

    @Property
    void damagedPdusAreReadOrRefused(@ForAll("damagedStream") byte[] stream) {
        readAll(stream);
    }

    @Property
    void arbitraryTextParametersAreDecodedOrRefused(@ForAll("arbitraryText") byte[] data) {
        Fuzz.check("iscsi text parameters", data.length, PROTOCOL, () -> TextParameters.decode(data));
    }

    @Property
    void damagedTextParametersAreDecodedOrRefused(@ForAll("damagedText") byte[] data) {
        Fuzz.check("iscsi text parameters", data.length, PROTOCOL, () -> TextParameters.decode(data));
    }

    @Example
    void everyLengthFieldAtEveryExtremeIsReadOrRefused() {
        Mutations.everyFieldAtEveryExtreme(stream(List.of(LOGIN, DATA_IN, SCSI_RESPONSE), 100), b -> b, stream -> readAll(stream));
    }

    /** Reads PDUs until the bytes end; the EOFException of a clean end between two PDUs is the end, not a refusal. */
    private static void readAll(byte[] stream) {
        Fuzz.check("iscsi pdu read", stream.length, PROTOCOL, () -> {
            ByteArrayInputStream in = new ByteArrayInputStream(stream);
            List<Pdu> pdus = new ArrayList<>();
            while (true) {
                try {
                    pdus.add(Pdu.read(in, MAX_DATA_SEGMENT));
                } catch (EOFException e) {
                    if (in.available() == 0) {
                        return pdus;
                    }
                    throw e;
                }
            }
        });
    }

    static final int LOGIN = 0;
    static final int DATA_IN = 1;
    static final int SCSI_RESPONSE = 2;
    static final int NOP_IN = 3;

    /** Target PDUs one after another, with each one's AHS and data segment lengths marked. */
    static Encoded stream(List<Integer> kinds, int dataBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Field> fields = new ArrayList<>();
        for (int k : kinds) {
            Pdu p = switch (k) {
                case LOGIN -> Pdu.of(Pdu.LOGIN_RESPONSE, false).flags(0x87).data(TextParameters.encode(parameters()));
                case DATA_IN -> Pdu.of(Pdu.DATA_IN, false).flags(0x81).data(new byte[dataBytes]);
                case SCSI_RESPONSE -> Pdu.of(Pdu.SCSI_RESPONSE, false).flags(0x80);
                default -> Pdu.of(Pdu.NOP_IN, false).flags(0x80).initiatorTaskTag(Pdu.RESERVED_TAG);
            };
            fields.add(Field.be("total AHS length", out.size() + 4, 1));
            fields.add(Field.be("data segment length", out.size() + 5, 3));
            out.writeBytes(p.encode());
        }
        return new Encoded(out.toByteArray(), fields);
    }

    static Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("TargetPortalGroupTag", "1");
        m.put("HeaderDigest", "None");
        m.put("MaxRecvDataSegmentLength", "262144");
        return m;
    }

    @Provide
    Arbitrary<byte[]> arbitraryStream() {
        byte[] loginResponse = Pdu.of(Pdu.LOGIN_RESPONSE, false).encode();
        return Arbitraries.oneOf(Mutations.randomBytes(1024), Mutations.randomAfter(java.util.Arrays.copyOf(loginResponse, 4), 1024));
    }

    @Provide
    Arbitrary<byte[]> damagedStream() {
        Arbitrary<List<Integer>> kinds = Arbitraries.integers().between(0, 3).list().ofMinSize(1).ofMaxSize(4);
        return Mutations.of(Combinators.combine(kinds, Arbitraries.integers().between(0, 600)).as(PduFuzzTest::stream), b -> b);
    }

    @Provide
    Arbitrary<byte[]> arbitraryText() {
        Arbitrary<String> pair = Combinators.combine(Arbitraries.strings().ofMaxLength(70), Arbitraries.strings().ofMaxLength(40))
                .as((k, v) -> k + "=" + v);
        return Arbitraries.oneOf(Mutations.randomBytes(512),
                pair.list().ofMaxSize(6).map(p -> String.join("\0", p).getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<byte[]> damagedText() {
        return Mutations.of(new Encoded(TextParameters.encode(parameters()), List.of()), b -> b);
    }
}
