package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Keeps the virtual disk benchmark runnable (it needs qemu-utils, which .ci/run installs). */
class VdiskBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkPrintsEveryRow() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new VdiskBench()).execute("--quick", "--dir", dir.toString());
        } finally {
            System.setOut(stdout);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertEquals(0, code, text);
        for (String row : new String[] {"sequential write (1 MiB), 1-deep", "random 4 KiB write, 4-deep", "random 4 KiB read, 4-deep",
                "1 MiB reads of the data, in order, 4-deep", "commit a delta of 16 MiB"}) {
            assertTrue(text.contains("| " + row), row + " missing:\n" + text);
        }
    }
}
