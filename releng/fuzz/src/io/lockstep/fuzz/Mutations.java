package io.lockstep.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Inputs made from a valid encoding, the way damage and hostility reach a parser: bits flipped, bytes overwritten, the
 * input cut short or followed by more, and its length and count fields set to extremes (0, 1, -1, 2^31−1, 2^31, 2^32−1,
 * 2^63−1, the input's own length and one past it …). A format with a checksum passes a {@code reseal} that puts a
 * matching one back after the damage, so the decoder's own checks are reached and not only the checksum's.
 */
public final class Mutations {

    private Mutations() {
    }

    /** A length or count field of an encoding: where it is, how many bytes, which byte order. */
    public record Field(String name, int offset, int width, boolean bigEndian) {
        public static Field be(String name, int offset, int width) {
            return new Field(name, offset, width, true);
        }

        public static Field le(String name, int offset, int width) {
            return new Field(name, offset, width, false);
        }
    }

    /** A valid encoding and where its length and count fields are. */
    public record Encoded(byte[] bytes, List<Field> fields) {
        public Encoded {
            fields = List.copyOf(fields);
            for (Field f : fields) {
                if (f.offset() < 0 || f.offset() + f.width() > bytes.length || f.width() < 1 || f.width() > 8) {
                    throw new IllegalArgumentException("field " + f + " does not lie inside " + bytes.length + " bytes");
                }
            }
        }
    }

    /** Values a hostile or broken writer puts in a length field; the last four are relative to the input's length. */
    private static final long[] EXTREMES = {0, 1, -1, 2, 0x7F, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFF, 0xFFFFFF, Integer.MAX_VALUE,
        0x80000000L, 0xFFFFFFFFL, 0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, 512, 4096, 1 << 20};
    private static final int RELATIVE = 4;

    /** What is done to a valid encoding. */
    enum Kind {
        FLIP_BITS, OVERWRITE, TRUNCATE, EXTEND, FIELD, TWO_FIELDS, FIELD_THEN_TRUNCATE, NONE
    }

    /**
     * One piece of damage, independent of the encoding it is applied to (so that jqwik shrinks the encoding and the
     * damage each on its own): positions and choices are taken modulo what the encoding has.
     */
    record Damage(Kind kind, List<Integer> spots, byte[] bytes, int field, int choice, long random, int field2, int choice2) {

        byte[] apply(Encoded e) {
            byte[] v = e.bytes().clone();
            int n = v.length;
            List<Field> fields = e.fields();
            Kind k = fields.isEmpty() && kind.compareTo(Kind.FIELD) >= 0 && kind != Kind.NONE ? Kind.FLIP_BITS : kind;
            return switch (k) {
                case FLIP_BITS -> {
                    for (int s : spots) {
                        if (n > 0) {
                            int bit = s % (n * 8);
                            v[bit / 8] ^= (byte) (1 << (bit % 8));
                        }
                    }
                    yield v;
                }
                case OVERWRITE -> {
                    for (int i = 0; n > 0 && i < bytes.length; i++) {
                        v[(int) ((spots.get(0) + (long) i) % n)] = bytes[i];
                    }
                    yield v;
                }
                case TRUNCATE -> Arrays.copyOf(v, n == 0 ? 0 : spots.get(0) % n);
                case EXTEND -> concat(v, bytes);
                case FIELD -> set(v, fields.get(field % fields.size()), value(choice, n));
                case TWO_FIELDS -> set(set(v, fields.get(field % fields.size()), value(choice, n)), fields.get(field2 % fields.size()),
                        value(choice2, n));
                case FIELD_THEN_TRUNCATE -> Arrays.copyOf(set(v, fields.get(field % fields.size()), value(choice, n)), n == 0 ? 0 : spots.get(0) % n);
                case NONE -> v;
            };
        }

        private long value(int c, int length) {
            if (c < EXTREMES.length) {
                return EXTREMES[c];
            }
            return switch (c - EXTREMES.length) {
                case 0 -> length - 1;
                case 1 -> length;
                case 2 -> length + 1;
                case 3 -> length / 2;
                default -> random;
            };
        }
    }

    static Arbitrary<Damage> damage() {
        Arbitrary<Kind> kind = Arbitraries.frequencyOf(tuple(3, Arbitraries.just(Kind.FLIP_BITS)), tuple(2, Arbitraries.just(Kind.OVERWRITE)),
                tuple(2, Arbitraries.just(Kind.TRUNCATE)), tuple(1, Arbitraries.just(Kind.EXTEND)), tuple(5, Arbitraries.just(Kind.FIELD)),
                tuple(2, Arbitraries.just(Kind.TWO_FIELDS)), tuple(2, Arbitraries.just(Kind.FIELD_THEN_TRUNCATE)),
                tuple(1, Arbitraries.just(Kind.NONE)));
        Arbitrary<List<Integer>> spots = Arbitraries.integers().greaterOrEqual(0).list().ofMinSize(1).ofMaxSize(8);
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16);
        Arbitrary<Integer> field = Arbitraries.integers().between(0, 63);
        // an extreme three times in four, else any value
        Arbitrary<Integer> choice = Arbitraries.frequencyOf(tuple(3, Arbitraries.integers().between(0, EXTREMES.length + RELATIVE - 1)),
                tuple(1, Arbitraries.just(EXTREMES.length + RELATIVE)));
        return Combinators.combine(kind, spots, bytes, field, choice, Arbitraries.longs(), field, choice).as(Damage::new);
    }

    /** Random bytes, up to {@code maxSize}. */
    public static Arbitrary<byte[]> randomBytes(int maxSize) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
    }

    /** {@code prefix} (a magic, a header start) followed by random bytes: past the first check, into the rest. */
    public static Arbitrary<byte[]> randomAfter(byte[] prefix, int maxTail) {
        return randomBytes(maxTail).map(tail -> concat(prefix, tail));
    }

    /** Damaged forms of the encodings {@code valid} generates; {@code reseal} (or {@link UnaryOperator#identity()}) runs after each. */
    public static Arbitrary<byte[]> of(Arbitrary<Encoded> valid, UnaryOperator<byte[]> reseal) {
        return Combinators.combine(valid, damage()).as((e, d) -> reseal.apply(d.apply(e)));
    }

    /** Damaged forms of {@code e}. */
    public static Arbitrary<byte[]> of(Encoded e, UnaryOperator<byte[]> reseal) {
        return of(Arbitraries.just(e), reseal);
    }

    /**
     * Hands {@code check} every length and count field of {@code e} set to every extreme, one at a time, each resealed:
     * the deterministic part of a parser's fuzzing (a few hundred inputs), so that what the random part may miss in a
     * short run is always tried. A failure names the field and the value.
     */
    public static void everyFieldAtEveryExtreme(Encoded e, UnaryOperator<byte[]> reseal, java.util.function.Consumer<byte[]> check) {
        int n = e.bytes().length;
        for (Field f : e.fields()) {
            java.util.List<Long> values = new java.util.ArrayList<>();
            for (long x : EXTREMES) {
                values.add(x);
            }
            for (long x : new long[] {n - 1, n, n + 1, n / 2, n - f.offset(), n - f.offset() - f.width(), n - f.offset() - f.width() + 1}) {
                values.add(x);
            }
            for (long x : values) {
                try {
                    check.accept(reseal.apply(set(e.bytes().clone(), f, x)));
                } catch (AssertionError failure) {
                    throw new AssertionError("with the " + f.name() + " (" + f.width() + " bytes at offset " + f.offset() + ") set to " + x
                            + " (0x" + Long.toHexString(x) + ") in a valid encoding of " + n + " bytes: " + failure.getMessage(), failure.getCause());
                }
            }
        }
    }

    /** {@code b} with field {@code f} set to the low {@code f.width()} bytes of {@code value}. */
    public static byte[] set(byte[] b, Field f, long value) {
        for (int i = 0; i < f.width(); i++) {
            int at = f.bigEndian() ? f.offset() + f.width() - 1 - i : f.offset() + i;
            b[at] = (byte) (value >>> (8 * i));
        }
        return b;
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends T>> tuple(int weight, Arbitrary<? extends T> a) {
        return net.jqwik.api.Tuple.of(weight, a);
    }
}
