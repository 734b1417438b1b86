package io.lockstep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the QEMU end-to-end tests share: a datacenter of their own in a temporary work directory, driven through
 * {@code ./lockstep} only (skipped, saying what is missing, without root, QEMU and the default image), brought down
 * after each test; and the guests' serial consoles, read and typed on through {@code lockstep vm console}.
 */
abstract class QemuDatacenterTest {

    @TempDir
    Path work;

    final DatacenterEndToEndTest cli = new DatacenterEndToEndTest();

    @BeforeEach
    void needsRootQemuAndTheImage() {
        QemuGuests.assumeRootQemuAndTheImage();
        cli.work = work;
    }

    @AfterEach
    void downTheDatacenter() throws Exception {
        if (Files.exists(work.resolve("dc").resolve("datacenter.json"))) {
            cli.lockstep("down");
        }
    }

    /** The VM's console as the agent keeps it: the last 256 KiB of text and how many bytes it printed in all. */
    JsonNode console(String vm) throws Exception {
        return cli.json("vm", "console", vm);
    }

    String consoleText(String vm) throws Exception {
        return console(vm).path("text").asText();
    }

    /** Waits until the VM's console shows {@code text} anywhere in what it keeps. */
    void awaitConsole(String vm, String text, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String last = "";
        while (System.nanoTime() < end) {
            last = consoleText(vm);
            if (last.contains(text)) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(vm + "'s console did not show '" + text + "' within " + seconds + " s; it ends with: "
                + last.substring(Math.max(0, last.length() - 600)));
    }

    /**
     * Types a line on the VM's serial console and waits for {@code expect} in what the console printed after it was
     * typed (the line's own echo must not contain {@code expect}: compute it in the shell, e.g. {@code $((40+2))}).
     */
    void typeAndAwait(String vm, String line, String expect) throws Exception {
        long before = console(vm).path("bytes").asLong();
        cli.ok("vm", "console", vm, "--type", line);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < end) {
            JsonNode c = console(vm);
            last = c.path("text").asText();
            long fresh = c.path("bytes").asLong() - before;
            String recent = fresh >= last.length() ? last : last.substring(last.length() - (int) Math.max(0, fresh));
            if (recent.contains(expect)) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(vm + "'s console did not show '" + expect + "' within 60 s; it ends with: "
                + last.substring(Math.max(0, last.length() - 600)));
    }
}
