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

/** Keeps the notification benchmark runnable: its quick form measures every scheme with 2 hosts. */
class NotifyBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkMeasuresEveryScheme() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new NotifyBench()).execute("--quick", "--dir", dir.toString());
        } finally {
            System.setOut(stdout);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertEquals(0, code, text);
        for (String scheme : new String[] {"notified (idle hosts)", "notified (busy hosts)", "polling every heartbeat"}) {
            assertTrue(text.contains("| 2     | " + scheme), scheme + " missing:\n" + text);
        }
    }
}
