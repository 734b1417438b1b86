package io.lockstep.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

/** A benchmark run from its smoke test: its exit code and what it printed (also echoed to the test's output). */
record BenchRun(int code, String text) {

    /** Runs a new benchmark made by {@code benchmark} (made after stdout is captured: benchmarks keep System.out). */
    static BenchRun of(java.util.function.Supplier<Object> benchmark, String... args) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(benchmark.get()).execute(args);
        } finally {
            System.setOut(stdout);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        return new BenchRun(code, text);
    }
}
