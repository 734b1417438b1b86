package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the virtual disk benchmark runnable (it needs qemu-utils, which .ci/run installs), and keeps its comparison
 * like with like: every write row is measured with one flush at the end and with a flush per write, on both sides.
 */
class VdiskBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkPrintsEveryRow() {
        BenchRun run = BenchRun.of(VdiskBench::new, "--quick", "--dir", dir.toString());
        String text = run.text();
        assertEquals(0, run.code(), text);
        for (String row : new String[] {"sequential write (1 MiB), 1-deep", "sequential read (1 MiB), 1-deep", "random 4 KiB write, 4-deep",
                "random 4 KiB read, 4-deep", "1 MiB reads of the data, in order, 4-deep", "commit a delta of 16 MiB"}) {
            assertTrue(text.contains("| " + row), row + " missing:\n" + text);
        }
        for (String write : new String[] {"sequential write (1 MiB), 1-deep", "random 4 KiB write, 1-deep", "random 4 KiB write, 4-deep"}) {
            for (VdiskBench.Flushes flushes : new VdiskBench.Flushes[] {VdiskBench.Flushes.AT_END, VdiskBench.Flushes.EVERY_WRITE}) {
                assertTrue(Pattern.compile("\\| " + Pattern.quote(write) + " +\\| " + Pattern.quote(flushes.label) + " +\\|").matcher(text).find(),
                        write + " with flushes '" + flushes.label + "' missing:\n" + text);
            }
        }
    }
}
