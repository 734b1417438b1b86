package io.lockstep.ft;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * What an FT peer sends, fuzzed (docs/testing.md#fuzzing): whatever bytes arrive, reading handshake frames and sealed
 * messages returns messages or refuses with an {@link FtProtocolException} — or an EOFException where the bytes end
 * (the peer closed the connection: for the backup, a primary that died mid-message, which must not be taken for a
 * hostile one) — and allocates no more than what arrived; a HELLO's payload and a page difference decode or are
 * refused the same way.
 */
class WireFuzzTest {

    static final Documented PROTOCOL = Documented.only(FtProtocolException.class);

    private static long started;

    @BeforeContainer
    static void start() {
        started = System.nanoTime();
    }

    @AfterContainer
    static void report() {
        Fuzz.report("WireFuzzTest", System.nanoTime() - started);
    }

    // --- frames -------------------------------------------------------------------------------------------------------

    /** The peer closed the connection: an EOFException where the bytes end is the connection's end, not a refusal. */
    static final Documented PROTOCOL_OR_CLOSED = PROTOCOL.or("EOFException", t -> t instanceof EOFException);

    @Property
    void arbitraryBytesAreReadOrRefused(@ForAll("arbitraryStream") byte[] stream) {
        readAll(stream, PROTOCOL_OR_CLOSED);
    }

    @Property
    void damagedFramesAreReadOrRefused(@ForAll("damagedStream") byte[] stream) {
        readAll(stream, PROTOCOL_OR_CLOSED);
    }

    @Example
    void everyFrameLengthAtEveryExtremeIsReadOrRefused() {
        Mutations.everyFieldAtEveryExtreme(stream(List.of(Wire.HELLO, Wire.PAGES, Wire.HEARTBEAT), 7), WireFuzzTest::resealed,
                s -> readAll(s, PROTOCOL_OR_CLOSED));
    }

    /** Sealed messages (after the handshake): random bytes, and real sealed streams damaged, are opened or refused. */
    @Property
    void arbitrarySealedBytesAreOpenedOrRefused(@ForAll("arbitraryStream") byte[] stream) {
        openAll(stream);
    }

    @Property
    void damagedSealedMessagesAreOpenedOrRefused(@ForAll("damagedSealed") byte[] stream) {
        openAll(stream);
    }

    @Example
    void everySealedLengthAtEveryExtremeIsOpenedOrRefused() {
        Mutations.everyFieldAtEveryExtreme(sealed(List.of(Wire.PAGES, Wire.COMMIT, Wire.HEARTBEAT), 7), b -> b, WireFuzzTest::openAll);
    }

    static final byte[] NONCE_P = new byte[Handshake.NONCE];
    static final byte[] NONCE_B = new byte[Handshake.NONCE];
    static final String KEY = "ab".repeat(32);

    static {
        NONCE_B[0] = 1;
    }

    private static void openAll(byte[] stream) {
        Fuzz.check("ft sealed read", stream.length, PROTOCOL_OR_CLOSED, () -> {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(stream));
            FtChannel backup = FtChannel.backup(in, new DataOutputStream(new ByteArrayOutputStream()), Handshake.Sealing.AES_GCM,
                    Handshake.keys(KEY, NONCE_P, NONCE_B));
            List<Wire.Frame> frames = new ArrayList<>();
            while (true) {
                frames.add(backup.read());
            }
        });
    }

    /** Messages as a primary seals them, with each message's length field marked. */
    static Encoded sealed(List<Integer> types, int seed) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            FtChannel primary = FtChannel.primary(new DataInputStream(new ByteArrayInputStream(new byte[0])), out, Handshake.Sealing.AES_GCM,
                    Handshake.keys(KEY, NONCE_P, NONCE_B), n -> {
                    });
            List<Field> fields = new ArrayList<>();
            Random r = new Random(seed);
            for (int type : types) {
                byte[] payload = new byte[type == Wire.HEARTBEAT ? 0 : r.nextInt(300)];
                r.nextBytes(payload);
                fields.add(Field.be("message length", bytes.size() + 1, 4));
                primary.write(type, payload);
            }
            out.flush();
            return new Encoded(bytes.toByteArray(), fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> damagedSealed() {
        Arbitrary<List<Integer>> types = Arbitraries.of(Wire.PAGES, Wire.COMMIT, Wire.EVENTS, Wire.HEARTBEAT).list().ofMinSize(1).ofMaxSize(4);
        return Mutations.of(Combinators.combine(types, Arbitraries.integers()).as(WireFuzzTest::sealed), b -> b);
    }

    /** Reads frames until the bytes end; the EOFException of a clean end between two frames is the end, not a refusal. */
    private static void readAll(byte[] stream, Documented documented) {
        Fuzz.check("ft frame read", stream.length, documented, () -> {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(stream));
            List<Wire.Frame> frames = new ArrayList<>();
            while (true) {
                int before = in.available();
                try {
                    frames.add(Wire.read(in, Wire.MAX_HANDSHAKE));
                } catch (EOFException e) {
                    if (before == 0) {
                        return frames;
                    }
                    throw e;
                }
            }
        });
    }

    /** Frames as Wire writes them, with each one's length field marked. */
    static Encoded stream(List<Integer> types, int seed) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            List<Field> fields = new ArrayList<>();
            Random r = new Random(seed);
            for (int type : types) {
                byte[] payload = switch (type) {
                    case Wire.HELLO -> hello("pair-" + seed, "kv", new byte[Handshake.MAC]).encode();
                    case Wire.HEARTBEAT -> new byte[0];
                    default -> {
                        byte[] p = new byte[r.nextInt(Math.min(300, Wire.MAX_HANDSHAKE))];
                        r.nextBytes(p);
                        yield p;
                    }
                };
                fields.add(Field.be("frame length", bytes.size() + 1, 4));
                Wire.write(out, type, payload);
            }
            return new Encoded(bytes.toByteArray(), fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each frame whose (possibly damaged) length still fits gets a matching CRC32C again, so it is taken apart. */
    static byte[] resealed(byte[] stream) {
        byte[] out = stream.clone();
        ByteBuffer b = ByteBuffer.wrap(out);
        int at = 0;
        while (at + 5 <= out.length) {
            int length = b.getInt(at + 1);
            if (length < 0 || (long) at + 5 + length + 4 > out.length) {
                break;
            }
            CRC32C crc = new CRC32C();
            crc.update(out[at] & 0xFF);
            crc.update(out, at + 5, length);
            b.putInt(at + 5 + length, (int) crc.getValue());
            at += 5 + length + 4;
        }
        return out;
    }

    @Provide
    Arbitrary<byte[]> arbitraryStream() {
        return Arbitraries.oneOf(Mutations.randomBytes(1024), Mutations.randomAfter(new byte[] {Wire.PAGES}, 1024).map(WireFuzzTest::resealed));
    }

    @Provide
    Arbitrary<byte[]> damagedStream() {
        Arbitrary<List<Integer>> types = Arbitraries.of(Wire.HELLO, Wire.PAGES, Wire.EVENTS, Wire.HEARTBEAT).list().ofMinSize(1).ofMaxSize(4);
        return Mutations.of(Combinators.combine(types, Arbitraries.integers()).as(WireFuzzTest::stream), WireFuzzTest::resealed);
    }

    // --- HELLO --------------------------------------------------------------------------------------------------------

    @Property
    void arbitraryHelloPayloadsAreDecodedOrRefused(@ForAll("arbitraryHello") byte[] payload) {
        Fuzz.check("ft hello decode", payload.length, PROTOCOL, () -> Handshake.Hello.decode(payload));
    }

    @Property
    void damagedHellosAreDecodedOrRefused(@ForAll("damagedHello") byte[] payload) {
        Fuzz.check("ft hello decode", payload.length, PROTOCOL, () -> Handshake.Hello.decode(payload));
    }

    @Example
    void everyHelloLengthAtEveryExtremeIsDecodedOrRefused() {
        Mutations.everyFieldAtEveryExtreme(encodedHello("pair-1", "kv", new byte[Handshake.MAC]), b -> b,
                payload -> Fuzz.check("ft hello decode", payload.length, PROTOCOL, () -> Handshake.Hello.decode(payload)));
    }

    static Handshake.Hello hello(String pair, String spec, byte[] mac) {
        return new Handshake.Hello(Wire.VERSION, FtMode.REPLAY, pair, spec, 16L << 20, 3, 50, Handshake.Sealing.AES_GCM, new byte[Handshake.NONCE], mac);
    }

    static Encoded encodedHello(String pair, String spec, byte[] mac) {
        byte[] payload = hello(pair, spec, mac).encode();
        int pairLength = Wire.utf(pair).length;
        int specLength = Wire.utf(spec).length;
        return new Encoded(payload, List.of(Field.be("pair length", 7, 2), Field.be("guest spec length", 9 + pairLength, 2),
                Field.be("mac length", payload.length - mac.length - 2, 2)));
    }

    @Provide
    Arbitrary<byte[]> arbitraryHello() {
        byte[] start = {0x4C, 0x53, 0x46, 0x54, 0, (byte) Wire.VERSION, 1};
        return Arbitraries.oneOf(Mutations.randomBytes(300), Mutations.randomAfter(start, 300));
    }

    @Provide
    Arbitrary<byte[]> damagedHello() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(30);
        Arbitrary<byte[]> mac = Arbitraries.of(new byte[0], new byte[Handshake.MAC]);
        return Mutations.of(Combinators.combine(text, text, mac).as(WireFuzzTest::encodedHello), b -> b);
    }

    // --- page differences ---------------------------------------------------------------------------------------------

    private static final byte[] BASE = new byte[PageDiff.PAGE];

    static {
        new Random(11).nextBytes(BASE);
    }

    @Property
    void arbitraryPageDifferencesAreAppliedOrRefused(@ForAll("arbitraryDiff") byte[] diff) {
        applied(diff);
    }

    @Property
    void damagedPageDifferencesAreAppliedOrRefused(@ForAll("damagedDiff") byte[] diff) {
        applied(diff);
    }

    @Example
    void everyRunLengthAtEveryExtremeIsAppliedOrRefused() {
        Mutations.everyFieldAtEveryExtreme(diff(9, 12), b -> b, WireFuzzTest::applied);
    }

    private static void applied(byte[] diff) {
        Fuzz.Outcome o = Fuzz.check("ft page difference apply", diff.length, PROTOCOL, () -> PageDiff.apply(BASE, diff));
        if (o.result() instanceof byte[] page && page.length != PageDiff.PAGE) {
            throw new AssertionError("a page difference of " + diff.length + " bytes made a page of " + page.length + " bytes");
        }
    }

    /** The difference of a page that changed in {@code changes} places, with each run's two lengths marked. */
    static Encoded diff(int seed, int changes) {
        Random r = new Random(seed);
        byte[] page = BASE.clone();
        for (int c = 0; c < changes; c++) {
            page[r.nextInt(PageDiff.PAGE)] ^= (byte) (1 + r.nextInt(255));
        }
        byte[] d = PageDiff.encode(BASE, page);
        if (d == null) {
            d = new byte[4];
        }
        List<Field> fields = new ArrayList<>();
        for (int p = 0; p + 4 <= d.length;) {
            fields.add(Field.be("run zeros", p, 2));
            fields.add(Field.be("run literal length", p + 2, 2));
            p += 4 + ((d[p + 2] & 0xFF) << 8 | d[p + 3] & 0xFF);
        }
        return new Encoded(d, fields);
    }

    @Provide
    Arbitrary<byte[]> arbitraryDiff() {
        return Mutations.randomBytes(600);
    }

    @Provide
    Arbitrary<byte[]> damagedDiff() {
        return Mutations.of(Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 60)).as(WireFuzzTest::diff), b -> b);
    }
}
