package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Keeps the guard benchmark runnable: both floods detected and timed, no false alarm under redis-benchmark. */
class GuardBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkTimesTheFloodsAndCountsNoFalseAlarm() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new GuardBench()).execute("--quick", "--dir", dir.toString());
        } finally {
            System.setOut(stdout);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertEquals(0, code, text);
        assertTrue(text.matches("(?s).*\\| 1 +\\| \\d+ +\\| \\d+ ms +\\| \\d+ ms +\\| [0-9.]+ s \\(hold-down 3 s\\).*"), text);
        assertTrue(text.matches("(?s).*\\| 0 +\\|\\s*$"), "no false alarm:\n" + text);
    }
}
