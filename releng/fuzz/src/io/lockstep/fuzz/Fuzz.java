package io.lockstep.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The property every parser is fuzzed against (docs/testing.md#fuzzing), in one place: for any input, the parser
 * returns or throws its documented bad-input exception — nothing else (no OutOfMemoryError, NegativeArraySizeException,
 * ArithmeticException, IndexOutOfBoundsException, BufferUnderflowException, IllegalArgumentException …) — and
 * allocates no more than {@link #BUDGET_BYTES} plus {@link #BUDGET_FACTOR} times the input's size, measured on the
 * calling thread ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}). A file-backed parser also
 * leaves its directory as it was ({@link #snapshot}).
 *
 * <p>The constant covers what a parser holds whatever its input: a stream buffer (64 KiB), {@code DataInputStream.readUTF}'s
 * scratch arrays (up to 6 × 64 KiB for one string field, allocated from its u16 length), a page, digests, an exception
 * and its message. What grows with a length field must be bounded by what remains of the input before it is
 * allocated: that is what the factor leaves no room for (a 2^31−1 length, a 64 MiB frame, a 1 MiB record).
 */
public final class Fuzz {

    public static final long BUDGET_BYTES = 1 << 20;
    public static final int BUDGET_FACTOR = 8;

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Fuzz() {
    }

    /** A parse of one input; whatever it returns is kept out of the way of the collector until it is measured. */
    @FunctionalInterface
    public interface Parse {
        Object run() throws Throwable;
    }

    /** The exceptions a parser documents for bad input. */
    public record Documented(String description, Predicate<Throwable> accepts) {
        public static Documented only(Class<?>... types) {
            return new Documented(Arrays.stream(types).map(Class::getSimpleName).reduce((a, b) -> a + " or " + b).orElse("nothing"),
                    t -> Arrays.stream(types).anyMatch(c -> c.isInstance(t)));
        }

        public Documented or(String what, Predicate<Throwable> also) {
            Predicate<Throwable> mine = accepts;
            return new Documented(description + " or " + what, t -> mine.test(t) || also.test(t));
        }
    }

    /** What one parse did. */
    public record Outcome(Object result, Throwable thrown, long allocated) {
        public boolean refused() {
            return thrown != null;
        }
    }

    /**
     * Parses one input of {@code inputBytes} and checks the property: only {@code documented} thrown, allocation
     * within the budget. An input over budget is parsed a second time and the smaller figure counts: the first parse
     * of a JVM also loads classes and fills caches, which is not the input's doing.
     */
    public static Outcome check(String parser, long inputBytes, Documented documented, Parse parse) {
        long started = System.nanoTime();
        Outcome o = measure(parse);
        long budget = BUDGET_BYTES + BUDGET_FACTOR * inputBytes;
        if (o.allocated > budget) {
            Outcome again = measure(parse);
            if (again.allocated < o.allocated) {
                o = again;
            }
        }
        long nanos = System.nanoTime() - started;
        Tally t = TALLIES.computeIfAbsent(parser, p -> new Tally());
        t.add(o.refused(), nanos);
        if (o.allocated > budget) {
            throw new AssertionError(parser + ": an input of " + inputBytes + " bytes made it allocate " + o.allocated + " bytes; the budget is "
                    + BUDGET_BYTES + " + " + BUDGET_FACTOR + " × " + inputBytes + " = " + budget + " bytes"
                    + (o.thrown == null ? "" : " (it then threw " + o.thrown + ")"));
        }
        if (o.thrown != null && !documented.accepts().test(o.thrown)) {
            throw new AssertionError(parser + ": an input of " + inputBytes + " bytes threw " + o.thrown + "; expected it to return or to throw "
                    + documented.description(), o.thrown);
        }
        return o;
    }

    private static Outcome measure(Parse parse) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        Object result = null;
        Throwable thrown = null;
        try {
            result = parse.run();
        } catch (Throwable t) { // an Error too: OutOfMemoryError and StackOverflowError are findings, not the end of the run
            thrown = t;
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        return new Outcome(result, thrown, allocated);
    }

    // --- files --------------------------------------------------------------------------------------------------------

    /** The names in {@code dir} and the SHA-256 of each regular file: equal before and after a parse that must not write. */
    public static Map<String, String> snapshot(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                files.put(p.getFileName().toString(), Files.isRegularFile(p) ? sha256(Files.readAllBytes(p)) : "(not a file)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A parse of a file. */
    @FunctionalInterface
    public interface FileParse {
        Object run(Path file) throws Throwable;
    }

    private static final java.util.concurrent.atomic.AtomicLong TRIES = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Writes {@code content} as {@code name} into a new directory of its own under {@code dir}, parses it with
     * {@link #check}, and checks that the parse changed nothing there: the same files with the same SHA-256, and no new
     * one. (A directory per try: jqwik shrinks on a thread of its own, which may still run when the next property starts.)
     */
    public static Outcome checkFile(String parser, Path dir, String name, byte[] content, Documented documented, FileParse parse) {
        Path tryDir = dir.resolve("try-" + TRIES.incrementAndGet());
        try {
            Files.createDirectories(tryDir);
            Path file = tryDir.resolve(name);
            Files.write(file, content);
            Map<String, String> before = snapshot(tryDir);
            Outcome o = check(parser, content.length, documented, () -> parse.run(file));
            Map<String, String> after = snapshot(tryDir);
            if (!before.equals(after)) {
                throw new AssertionError(parser + ": parsing a file of " + content.length + " bytes changed its directory: before " + before
                        + ", after " + after);
            }
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteScratch(tryDir);
        }
    }

    /** An empty directory of its own for {@code owner}'s files under target/ (deleted again by {@link #deleteScratch}). */
    public static Path scratch(String owner) {
        try {
            Path dir = Path.of("target", "fuzz-scratch", owner).toAbsolutePath();
            Files.createDirectories(dir);
            empty(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteScratch(Path dir) {
        if (dir != null && Files.isDirectory(dir)) {
            empty(dir);
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes everything in {@code dir} (not the directory itself). */
    public static void empty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    empty(p);
                }
                Files.deleteIfExists(p);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // a try's directory removed by its own thread meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the tally: inputs tried per parser, for docs/benchmarks.md ------------------------------------------------

    private static final class Tally {
        long inputs;
        long refused;
        long nanos;

        synchronized void add(boolean wasRefused, long n) {
            inputs++;
            refused += wasRefused ? 1 : 0;
            nanos += n;
        }
    }

    private static final Map<String, Tally> TALLIES = new ConcurrentHashMap<>();

    /**
     * Writes what was tried in the property class {@code container} to {@code target/fuzz/<container>.txt} of the bundle
     * under test — one line a parser: inputs, how many were refused, time inside the parser — and the class's wall time,
     * and prints them; a property class calls it when its properties are done ({@code ./lockstep fuzz} gathers them).
     */
    public static void report(String container, long wallNanos) {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(TALLIES).forEach((parser, t) -> lines.add(String.format("%-28s %9d inputs %9d refused %10.1f ms in the parser", parser,
                t.inputs, t.refused, t.nanos / 1e6)));
        lines.add(String.format("%-28s %.1f s in all (generation, files and checks included)", container, wallNanos / 1e9));
        try {
            Path dir = Path.of("target", "fuzz");
            Files.createDirectories(dir);
            Files.write(dir.resolve(container + ".txt"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TALLIES.clear();
        lines.forEach(l -> System.out.println("fuzz: " + l));
    }
}
