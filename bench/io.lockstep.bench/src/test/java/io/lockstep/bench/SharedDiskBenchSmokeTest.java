package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the shared-disk benchmark runnable: its quick form without the QEMU guest measures the target's service time of
 * each command and the notification of a reservation change to another host process, idle and busy.
 */
class SharedDiskBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkMeasuresTheTargetAndTheNotificationOfReservationChanges() {
        BenchRun run = BenchRun.of(SharedDiskBench::new, "--quick", "--no-guest", "--dir", dir.toString());
        String text = run.text();
        assertEquals(0, run.code(), text);
        for (String command : new String[] {"| TEST UNIT READY", "| PR IN READ KEYS", "| PR OUT REGISTER AND IGNORE EXISTING KEY"}) {
            assertTrue(text.contains(command), command + " missing:\n" + text);
        }
        for (String learning : new String[] {"| 2     | 1           | idle (next heartbeat)", "| 2     | 1           | busy (own I/O every 10 ms)"}) {
            assertTrue(text.contains(learning), learning + " missing:\n" + text);
        }
    }
}
