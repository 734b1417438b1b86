package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Keeps the stall benchmark runnable: both phases measured and compared, the chart drawn. */
class StallBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkMeasuresBothPhasesAndDrawsTheChart() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        Path chart = dir.resolve("stalls.png");
        try {
            code = new CommandLine(new StallBench()).execute("--quick", "--chart", chart.toString());
        } finally {
            System.setOut(stdout);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertEquals(0, code, text);
        assertTrue(text.matches("(?s).*\\| as-is +\\| \\d{3,} +\\| [0-9.]+ ms.*"), "the machine as it is:\n" + text);
        assertTrue(text.matches("(?s).*\\| busy +\\| \\d{3,} +\\| [0-9.]+ ms.*"), "with a busy core:\n" + text);
        assertTrue(Files.isRegularFile(chart), "the chart");
        assertEquals(1, new CommandLine(new StallBench()).execute("--phases", "idle"), "an unknown phase is refused");
    }
}
