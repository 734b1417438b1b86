package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the agent load benchmark runnable: agent processes, an FT pair, API clients, both tables and the chart. */
class AgentBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkPrintsLatenciesAndEpochRatesAndDrawsTheChart() throws Exception {
        Path chart = dir.resolve("agent.png");
        BenchRun run = BenchRun.of(AgentBench::new, "--quick", "--dir", dir.resolve("work").toString(), "--chart", chart.toString());
        String text = run.text();
        assertEquals(0, run.code(), text);
        assertTrue(text.matches("(?s).*\\| 5 +\\| \\d+ +\\| \\d+ +\\| [0-9.]+ ms \\| [0-9.]+ ms \\| [0-9.]+ ms \\| 0 +\\|.*"), "latencies, no errors:\n" + text);
        assertTrue(text.contains("| alone (3 s) ") && text.contains("| with 5 API clients (3 s) "), text);
        byte[] png = Files.readAllBytes(chart);
        assertTrue(png.length > 5_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG chart of " + png.length + " bytes");
    }
}
