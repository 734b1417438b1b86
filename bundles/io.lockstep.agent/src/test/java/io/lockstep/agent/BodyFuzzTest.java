package io.lockstep.agent;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.lockstep.fuzz.Fuzz;
import io.lockstep.fuzz.Fuzz.Documented;
import io.lockstep.fuzz.Mutations;
import io.lockstep.fuzz.Mutations.Encoded;
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
 * Request bodies fuzzed (docs/testing.md#fuzzing): whatever a client sends as a body, parsing it and reading the
 * fields a route reads either work or answer 400 (an {@link ApiException} with status 400) — never another exception —
 * and the parse allocates no more than a constant plus a small multiple of the body's size.
 */
class BodyFuzzTest {

    static final Documented BAD_REQUEST = new Documented("ApiException with status 400", t -> t instanceof ApiException a && a.status() == 400);

    private static long started;

    @BeforeContainer
    static void start() {
        started = System.nanoTime();
    }

    @AfterContainer
    static void report() {
        Fuzz.report("BodyFuzzTest", System.nanoTime() - started);
    }

    @Property
    void arbitraryBytesAreAcceptedOrRefusedWith400(@ForAll("arbitrary") byte[] body) {
        parseAndRead(body);
    }

    @Property
    void damagedBodiesAreAcceptedOrRefusedWith400(@ForAll("damaged") byte[] body) {
        parseAndRead(body);
    }

    @Property
    void hostileShapesAreAcceptedOrRefusedWith400(@ForAll("hostile") byte[] body) {
        parseAndRead(body);
    }

    @Example
    void aBodyOfManySmallValuesCostsNoMoreThanItsSize() {
        for (String unit : List.of("{},", "[],", "0,", "\"\",", "{\"a\":[]},")) {
            StringBuilder s = new StringBuilder("[");
            while (s.length() < 256 << 10) {
                s.append(unit);
            }
            s.append("0]");
            parseAndRead(s.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Parses as the API does, then reads the fields of a VM creation as its route does. */
    private static void parseAndRead(byte[] body) {
        Fuzz.check("api body parse", body.length, BAD_REQUEST, () -> Body.parse(body));
        Fuzz.check("api body fields", body.length, BAD_REQUEST, () -> {
            Body b = Body.parse(body);
            b.only("name", "guest", "memoryMiB", "tags", "start");
            return List.of(b.text("name", ""), b.text("guest", "kv"), b.integer("memoryMiB", 64, 4, 4096), b.texts("tags"), b.bool("start", false));
        });
    }

    static final String VALID = "{\"name\":\"vm-1\",\"guest\":\"kv\",\"memoryMiB\":256,\"tags\":[\"a\",\"b\"],\"start\":true}";

    @Provide
    Arbitrary<byte[]> arbitrary() {
        Arbitrary<byte[]> text = Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+truefalsn \\u").ofMaxLength(200)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(Mutations.randomBytes(512), text);
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        return Mutations.of(new Encoded(VALID.getBytes(StandardCharsets.UTF_8), List.of()), b -> b);
    }

    /** Deep nesting, huge numbers, long strings, duplicate keys, trailing garbage, invalid UTF-8, many small values. */
    @Provide
    Arbitrary<byte[]> hostile() {
        Arbitrary<Integer> n = Arbitraries.integers().between(1, 5000);
        Arbitrary<String> nested = Combinators.combine(n, Arbitraries.of("[", "{\"a\":")).as((k, open) -> open.repeat(k));
        Arbitrary<String> closedNested = n.map(k -> "[".repeat(k) + "]".repeat(k));
        Arbitrary<String> number = Combinators.combine(n, Arbitraries.of("9", "0.", "1e", "-")).as((k, d) -> "{\"memoryMiB\":" + d + "9".repeat(k) + "}");
        Arbitrary<String> longString = n.map(k -> "{\"name\":\"" + "\\u00e9".repeat(k) + "\"}");
        Arbitrary<String> duplicate = Arbitraries.of("{\"name\":\"a\",\"name\":\"b\"}", "{\"tags\":[1,2,{}]}", "{\"memoryMiB\":1e400}",
                "{\"memoryMiB\":-9223372036854775809}", "{\"start\":\"yes\"}", "[]", "\"x\"", "null", "1", VALID + "garbage", VALID + VALID);
        Arbitrary<String> many = Combinators.combine(n, Arbitraries.of("{},", "0,", "[],")).as((k, u) -> "[" + u.repeat(k) + "0]");
        Arbitrary<byte[]> badUtf8 = Arbitraries.of(new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'});
        return Arbitraries.oneOf(nested.map(BodyFuzzTest::utf8), closedNested.map(BodyFuzzTest::utf8), number.map(BodyFuzzTest::utf8),
                longString.map(BodyFuzzTest::utf8), duplicate.map(BodyFuzzTest::utf8), many.map(BodyFuzzTest::utf8), badUtf8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
