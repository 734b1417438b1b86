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

/** Keeps the guest runtime benchmark runnable (it needs redis-tools, which .ci/run installs; redis-server is optional). */
class VmBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkPrintsEveryTable() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new VmBench()).execute("--quick", "--dir", dir.toString());
        } finally {
            System.setOut(stdout);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertEquals(0, code, text);
        assertTrue(text.matches("(?s).*\\| 16 MiB +\\| 10% \\(.*"), "the stun row:\n" + text);
        assertTrue(text.contains("| workingSetPages=16000,dirtyPagesPerStep=16,workPerStep=0"), text);
        assertTrue(text.matches("(?s).*\\| SET +\\| [0-9]+.*"), "the KV row:\n" + text);
    }
}
