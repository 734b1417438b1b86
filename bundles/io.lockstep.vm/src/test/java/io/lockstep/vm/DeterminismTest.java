package io.lockstep.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest serving real traffic is recorded in one process and replayed from its input log in another: the state
 * digests agree at every marker and at the checkpoints taken during the recording. A guest that reads the host
 * clock is caught.
 */
class DeterminismTest {

    @TempDir
    Path dir;

    static String child(String... args) throws Exception {
        Process p = Tools.java(ReplayChild.class, args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "the child failed:\n" + out);
        return out;
    }

    @Test
    void aRecordedKvRunReplaysInAnotherProcessWithEqualDigestsEverywhere() throws Exception {
        String recorded = child("record", dir.toString(), "kv");
        List<String> markers = lines(recorded, "MARKER ");
        List<String> checkpoints = lines(recorded, "CHECKPOINT ");
        assertTrue(markers.size() >= 7, recorded);
        assertEquals(2, checkpoints.size(), recorded);
        for (String cp : checkpoints) {
            assertTrue(markers.contains(cp), "checkpoint " + cp + " has the digest of the marker at its position");
        }
        Matcher inputs = Pattern.compile("RECORDED inputs=(\\d+)").matcher(recorded);
        assertTrue(inputs.find());
        assertTrue(Long.parseLong(inputs.group(1)) > 900, "three clients' 900 commands and the timer ticks were logged: " + recorded);
        assertTrue(markers.stream().map(m -> m.split(" ")[1]).distinct().count() > 3, "the state moved between markers");

        String replayed = child("replay", dir.toString());
        assertTrue(replayed.contains("REPLAYED checked=" + markers.size() + " markers=" + markers.size() + " position="), replayed);
        assertTrue(!replayed.contains("DIVERGED"), replayed);
        String last = markers.get(markers.size() - 1).split(" ")[0];
        assertTrue(replayed.contains("position=" + last), "the replay ends where the recording did: " + replayed);
        assertTrue(Files.size(dir.resolve("run.lslog")) > 10_000);
    }

    @Test
    void diskReadsAreInputsTheReplayNeedsNoDiskContentFor() throws Exception {
        String recorded = child("record", dir.toString(), "disk:blockSectors=8,spanSectors=4096");
        List<String> markers = lines(recorded, "MARKER ");
        assertTrue(markers.size() >= 7, recorded);
        String replayed = child("replay", dir.toString()); // on an empty disk: every read comes from the log
        assertTrue(replayed.contains("REPLAYED checked=" + markers.size() + " markers=" + markers.size() + " position="), replayed);
        assertTrue(!replayed.contains("DIVERGED"), replayed);
    }

    @Test
    void aGuestThatReadsTheClockIsCaughtByTheReplay() throws Exception {
        String recorded = child("record", dir.toString(), "rogue");
        String replayed = child("replay", dir.toString());
        Matcher m = Pattern.compile("DIVERGED the state at position (\\d+) differs: recorded [0-9a-f]{16}…, replayed [0-9a-f]{16}…").matcher(replayed);
        assertTrue(m.find(), "the replay names where the state first differed:\n" + replayed + "\nrecording:\n" + recorded);
    }

    static List<String> lines(String out, String prefix) {
        List<String> l = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith(prefix)) {
                l.add(line.substring(prefix.length()).trim());
            }
        }
        return l;
    }
}
