package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the model benchmark runnable: every step timed, the generated model valid. */
class ModelBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkTimesEveryStepOnAValidModel() {
        BenchRun run = BenchRun.of(ModelBench::new, "--quick", "--dir", dir.toString());
        String text = run.text();
        assertEquals(0, run.code(), text);
        for (String row : new String[] {"| save (XMI) ", "| load (XMI) ", "| validate (all rules) ", "| export (JSON) ", "| import (JSON) ",
            "validation: OK, 0 problems", "100 hosts, 1,000 VMs, 2,000 disks"}) {
            assertTrue(text.contains(row), row + " missing:\n" + text);
        }
    }
}
