package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the guest runtime benchmark runnable (it needs redis-tools, which .ci/run installs; redis-server is optional). */
class VmBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkPrintsEveryTable() {
        BenchRun run = BenchRun.of(VmBench::new, "--quick", "--dir", dir.toString());
        String text = run.text();
        assertEquals(0, run.code(), text);
        assertTrue(text.matches("(?s).*\\| 16 MiB +\\| 10% \\(.*"), "the stun row:\n" + text);
        assertTrue(text.contains("| workingSetPages=16000,dirtyPagesPerStep=16,workPerStep=0"), text);
        assertTrue(text.matches("(?s).*\\| SET +\\| [0-9]+.*"), "the KV row:\n" + text);
    }
}
