package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the FT benchmark runnable (redis-tools, which .ci/run installs): every table and the chart. */
class FtBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkPrintsEveryTableAndDrawsTheChart() throws Exception {
        Path chart = dir.resolve("lag.png");
        BenchRun run = BenchRun.of(FtBench::new, "--quick", "--dir", dir.resolve("work").toString(), "--chart", chart.toString());
        String text = run.text();
        assertEquals(0, run.code(), text);
        for (String row : new String[] {"| unprotected ", "| checkpoint, 25 ms epochs ", "| checkpoint, 10 ms epochs ", "| record/replay ",
            "| checkpoint | 1 ", "| replay     | 1 ", "| off ", "| on (target 50 ms) "}) {
            assertTrue(text.contains(row), row + " missing:\n" + text);
        }
        assertTrue(text.matches("(?s).*\\| checkpoint \\| 1 +\\| \\d+ ms .*\\| 0 +\\|.*"), "no acknowledged SET lost:\n" + text);
        byte[] png = Files.readAllBytes(chart);
        assertTrue(png.length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG chart of " + png.length + " bytes");
    }
}
