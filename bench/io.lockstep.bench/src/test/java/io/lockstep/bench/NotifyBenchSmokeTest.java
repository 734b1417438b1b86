package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the notification benchmark runnable: its quick form measures every scheme with 2 hosts. */
class NotifyBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkMeasuresEveryScheme() {
        BenchRun run = BenchRun.of(NotifyBench::new, "--quick", "--dir", dir.toString());
        String text = run.text();
        assertEquals(0, run.code(), text);
        for (String scheme : new String[] {"notified (idle hosts)", "notified (busy hosts)", "polling every heartbeat"}) {
            assertTrue(text.contains("| 2     | " + scheme), scheme + " missing:\n" + text);
        }
    }
}
