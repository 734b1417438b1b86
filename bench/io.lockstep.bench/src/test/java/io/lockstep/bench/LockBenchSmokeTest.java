package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the lock benchmark runnable: its quick form runs every section but sanlock and prints its tables.
 * Figures are not asserted here (that is the benchmark's job, recorded in docs/benchmarks.md), except the
 * protocol's own bound: an uncontended acquire costs at most three sector I/Os.
 */
class LockBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkPrintsEverySection() {
        BenchRun run = BenchRun.of(LockBench::new, "--quick", "--dir", dir.toString());
        String text = run.text();
        assertEquals(0, run.code(), text);
        assertTrue(text.contains("1. Uncontended acquire") && text.contains("2. Acquisitions per second")
                && text.contains("3. SIGKILL of a holder"), text);
        Matcher ios = Pattern.compile("\\| (ats|reserve) +\\|(?: [^|]+\\|){4} ([0-9.]+) +\\|").matcher(text);
        int rows = 0;
        while (ios.find()) {
            rows++;
            assertTrue(Double.parseDouble(ios.group(2)) <= 3.0, ios.group(1) + ": " + ios.group(2) + " sector I/Os per acquire");
        }
        assertEquals(2, rows, "one uncontended row per acquisition mode:\n" + text);
    }
}
