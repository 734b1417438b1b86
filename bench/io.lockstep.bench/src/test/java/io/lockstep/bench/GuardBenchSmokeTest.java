package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the guard benchmark runnable: both floods detected and timed, no false alarm under redis-benchmark. */
class GuardBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkTimesTheFloodsAndCountsNoFalseAlarm() {
        BenchRun run = BenchRun.of(GuardBench::new, "--quick", "--dir", dir.toString());
        String text = run.text();
        assertEquals(0, run.code(), text);
        assertTrue(text.matches("(?s).*\\| 1 +\\| \\d+ +\\| \\d+ ms +\\| \\d+ ms +\\| [0-9.]+ s \\(hold-down 3 s\\).*"), text);
        assertTrue(text.matches("(?s).*\\| redis-benchmark [^\n]*\\| 0 +\\|\n.*"), "no false alarm under redis-benchmark:\n" + text);
        assertTrue(text.matches("(?s).*\\| web front end[^\n]*\\| 0 +\\| \\[\\] +\\|\n.*"), "no false alarm under the web front end's mix:\n" + text);
        assertTrue(text.matches("(?s).*\\| 180 conn/s from 30 addresses[^\n]*\\| yes +\\|.*"), "the flood under every single rule is seen:\n" + text);
    }
}
