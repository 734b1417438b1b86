package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the datastore benchmark runnable: every row on both media, and the fencing count. */
class DatastoreBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkPrintsEveryRowAndCountsRefusedWrites() {
        BenchRun run = BenchRun.of(DatastoreBench::new, "--quick", "--dir", dir.toString());
        String text = run.text();
        assertEquals(0, run.code(), text);
        for (String medium : new String[] {"LUN file", "iSCSI (tgt)"}) {
            for (String row : new String[] {"VMDK sequential 1 MiB write", "VMDK random 4 KiB read", "create + grow a file to 64 MiB"}) {
                assertTrue(text.matches("(?s).*\\| " + java.util.regex.Pattern.quote(row) + "[^|]*\\| " + java.util.regex.Pattern.quote(medium) + ".*"),
                        row + " on " + medium + " missing:\n" + text);
            }
        }
        assertTrue(text.contains("100 of 100 raw writes by host A to the file's blocks were refused by the target"), text);
    }
}
