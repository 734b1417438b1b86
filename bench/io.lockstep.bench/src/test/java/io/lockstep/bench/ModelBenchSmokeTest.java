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

/** Keeps the model benchmark runnable: every step timed, the generated model valid. */
class ModelBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkTimesEveryStepOnAValidModel() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new ModelBench()).execute("--quick", "--dir", dir.toString());
        } finally {
            System.setOut(stdout);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertEquals(0, code, text);
        for (String row : new String[] {"| save (XMI) ", "| load (XMI) ", "| validate (all rules) ", "| export (JSON) ", "| import (JSON) ",
            "validation: OK, 0 problems", "100 hosts, 1,000 VMs, 2,000 disks"}) {
            assertTrue(text.contains(row), row + " missing:\n" + text);
        }
    }
}
