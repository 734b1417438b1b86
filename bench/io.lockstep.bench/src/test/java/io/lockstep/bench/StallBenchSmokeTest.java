package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Path chart = dir.resolve("stalls.png");
        BenchRun run = BenchRun.of(StallBench::new, "--quick", "--chart", chart.toString());
        String text = run.text();
        assertEquals(0, run.code(), text);
        assertTrue(text.matches("(?s).*\\| as-is +\\| \\d{3,} +\\| [0-9.]+ ms.*"), "the machine as it is:\n" + text);
        assertTrue(text.matches("(?s).*\\| busy +\\| \\d{3,} +\\| [0-9.]+ ms.*"), "with a busy core:\n" + text);
        assertTrue(Files.isRegularFile(chart), "the chart");
        assertEquals(1, new CommandLine(new StallBench()).execute("--phases", "idle"), "an unknown phase is refused");
    }
}
