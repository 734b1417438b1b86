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

/** Keeps the agent load benchmark runnable: agent processes, an FT pair, API clients, both tables and the chart. */
class AgentBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkPrintsLatenciesAndEpochRatesAndDrawsTheChart() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        Path chart = dir.resolve("agent.png");
        try {
            code = new CommandLine(new AgentBench()).execute("--quick", "--dir", dir.resolve("work").toString(), "--chart", chart.toString());
        } finally {
            System.setOut(stdout);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertEquals(0, code, text);
        assertTrue(text.matches("(?s).*\\| 5 +\\| \\d+ +\\| \\d+ +\\| [0-9.]+ ms \\| [0-9.]+ ms \\| [0-9.]+ ms \\| 0 +\\|.*"), "latencies, no errors:\n" + text);
        assertTrue(text.contains("| alone (3 s) ") && text.contains("| with 5 API clients (3 s) "), text);
        byte[] png = Files.readAllBytes(chart);
        assertTrue(png.length > 5_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG chart of " + png.length + " bytes");
    }
}
