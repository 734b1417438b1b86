package io.lockstep.agent.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The round-robin history file: consolidation, wrap-around, restart, and damaged files refused with a clear error. */
class HistoryFileTest {

    @TempDir
    Path dir;

    /** 10 s rows, 6 of them (a minute); 30 s rows, 4 of them (two minutes). */
    static final HistoryFile.Layout SMALL = new HistoryFile.Layout(10, List.of(new HistoryFile.Archive(1, 6), new HistoryFile.Archive(3, 4)));
    static final long T0 = 1_700_000_010L; // a multiple of 30 s: rows of both archives start here

    private static double[] host(double vms, double load) {
        double[] v = new double[HistoryKind.HOST.metrics().size()];
        Arrays.fill(v, Double.NaN);
        v[0] = vms;
        v[6] = load;
        return v;
    }

    @Test
    void samplesAreConsolidatedIntoAverageMinimumAndMaximumAtEachResolution() throws Exception {
        assertEquals(0, T0 % 30);
        Path p = dir.resolve("h.lshist");
        try (HistoryFile f = HistoryFile.openOrCreate(p, HistoryKind.HOST, "host-1", SMALL, 0)) {
            for (int s = 0; s < 61; s++) { // one sample a second for a minute, and one more that closes the last rows
                f.update(T0 + s, host(s, s % 2 == 0 ? Double.NaN : 1.0));
            }
        }
        HistoryFile.Series fine = HistoryFile.read(p, T0, T0 + 50, 10);
        assertEquals(10, fine.stepSeconds());
        assertEquals(6, fine.points());
        assertEquals(T0, fine.fromSeconds());
        for (int r = 0; r < 6; r++) {
            assertEquals(10 * r + 4.5f, fine.avg()[0][r], "row " + r + ": the average of seconds " + 10 * r + ".." + (10 * r + 9));
            assertEquals(10 * r, fine.min()[0][r]);
            assertEquals(10 * r + 9, fine.max()[0][r]);
            assertEquals(1.0f, fine.avg()[6][r], "samples without a value (NaN) do not count");
            assertTrue(Float.isNaN(fine.avg()[1][r]), "a series never sampled is NaN");
        }
        HistoryFile.Series coarse = HistoryFile.read(p, T0, T0 + 59, 30);
        assertEquals(2, coarse.points());
        assertEquals(14.5f, coarse.avg()[0][0]);
        assertEquals(0f, coarse.min()[0][0]);
        assertEquals(29f, coarse.max()[0][0]);
        assertEquals(44.5f, coarse.avg()[0][1]);
        assertEquals("host-1", HistoryFile.describe(p).entity());
        assertEquals(List.of(10, 30), HistoryFile.describe(p).resolutions());
        assertEquals(HistoryKind.HOST.metricNames(), fine.metrics());
    }

    @Test
    void theRingWrapsOldRowsBecomeGapsAndARangeLongerThanTheRingGivesItsMostRecentRows() throws Exception {
        Path p = dir.resolve("w.lshist");
        try (HistoryFile f = HistoryFile.openOrCreate(p, HistoryKind.HOST, "host-1", SMALL, 0)) {
            for (int s = 0; s <= 150; s += 10) { // 15 rows of 10 s into a ring of 6
                f.update(T0 + s, host(s, 0));
            }
        }
        HistoryFile.Series old = HistoryFile.read(p, T0, T0 + 50, 10);
        for (int r = 0; r < 6; r++) {
            assertTrue(Float.isNaN(old.avg()[0][r]), "row " + r + " was written over by a later one: a gap, not a wrong value");
        }
        HistoryFile.Series all = HistoryFile.read(p, T0, T0 + 140, 10);
        assertEquals(6, all.points(), "no more rows than the ring holds");
        assertEquals(T0 + 90, all.fromSeconds());
        for (int r = 0; r < 6; r++) {
            assertEquals(90 + 10 * r, all.avg()[0][r]);
        }
        // the resolution picked when none is asked: the finest whose ring reaches back to from
        assertEquals(10, HistoryFile.read(p, System.currentTimeMillis() / 1000 - 30, System.currentTimeMillis() / 1000, 0).stepSeconds());
        assertEquals(30, HistoryFile.read(p, System.currentTimeMillis() / 1000 - 100, System.currentTimeMillis() / 1000, 0).stepSeconds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HistoryFile.read(p, T0, T0 + 10, 60));
        assertEquals("step: expected one of [10, 30] s (this file's resolutions), found 60", e.getMessage());
    }

    @Test
    void aRestartCarriesOnTheOpenRowsAndAnOlderSampleIsRefused() throws Exception {
        Path p = dir.resolve("r.lshist");
        try (HistoryFile f = HistoryFile.openOrCreate(p, HistoryKind.HOST, "host-1", SMALL, 0)) {
            for (int s = 0; s < 15; s++) {
                f.update(T0 + s, host(1, 0));
            }
        } // a clean stop: the open rows' sums saved
        try (HistoryFile f = HistoryFile.openOrCreate(p, HistoryKind.HOST, "host-1", SMALL, 0)) {
            assertFalse(f.update(T0 + 3, host(100, 0)), "older than the last sample: refused");
            assertEquals(1, f.refused());
            for (int s = 15; s <= 30; s++) {
                f.update(T0 + s, host(3, 0));
            }
        }
        HistoryFile.Series fine = HistoryFile.read(p, T0, T0 + 20, 10);
        assertEquals(1f, fine.avg()[0][0]);
        assertEquals(2f, fine.avg()[0][1], "five samples of 1 before the restart, five of 3 after");
        assertEquals(3f, fine.avg()[0][2]);
        HistoryFile.Series coarse = HistoryFile.read(p, T0, T0, 30);
        assertEquals((15 * 1 + 15 * 3) / 30f, coarse.avg()[0][0], "the 30-s row spans the restart");
        assertEquals(1f, coarse.min()[0][0]);
        assertEquals(3f, coarse.max()[0][0]);
    }

    @Test
    void aCrashLosesOnlyTheSamplesSinceTheLastRowAndATornStateSlotFallsBackToTheOther() throws Exception {
        Path p = dir.resolve("c.lshist");
        HistoryFile crashed = HistoryFile.openOrCreate(p, HistoryKind.HOST, "host-1", SMALL, 0);
        for (int s = 0; s < 25; s++) {
            crashed.update(T0 + s, host(2, 0)); // rows 0 and 1 written (state saved at each), 5 samples of row 2 only in memory
        }
        // no close: the process died. Then the last state write is torn (its slot's CRC no longer matches)
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer a = ByteBuffer.allocate(8);
            ByteBuffer b = ByteBuffer.allocate(8);
            c.read(a, HistoryFile.SLOT_A + 8);
            c.read(b, HistoryFile.SLOT_B + 8);
            long newer = a.getLong(0) > b.getLong(0) ? HistoryFile.SLOT_A : HistoryFile.SLOT_B;
            c.write(ByteBuffer.wrap(new byte[] {0x55}), newer + 30);
        }
        try (HistoryFile f = HistoryFile.openOrCreate(p, HistoryKind.HOST, "host-1", SMALL, 0)) {
            for (int s = 25; s <= 60; s++) {
                f.update(T0 + s, host(4, 0));
            }
        }
        crashed.close(); // (after the fact: its file is what the next writer made of it)
        HistoryFile.Series fine = HistoryFile.read(p, T0, T0 + 50, 10);
        assertEquals(2f, fine.avg()[0][0]);
        assertEquals(2f, fine.avg()[0][1], "rows written before the crash are kept");
        assertEquals(4f, fine.avg()[0][2], "row 2's samples before the crash were in memory only: lost, the rest recorded");
        assertEquals(4f, fine.avg()[0][5]);
        HistoryFile.Series coarse = HistoryFile.read(p, T0, T0 + 30, 30);
        assertEquals(2f, coarse.min()[0][0], "the 30-s row's sums of the older (sound) state slot");
        assertEquals(4f, coarse.max()[0][0]);
        assertEquals(4f, coarse.avg()[0][1]);
    }

    @Test
    void aTruncatedOrDamagedFileIsRefusedSayingWhatWasExpectedAndFoundAndOtherFilesReadOn() throws Exception {
        Path good = dir.resolve("good.lshist");
        try (HistoryFile f = HistoryFile.openOrCreate(good, HistoryKind.HOST, "host-1", SMALL, 0)) {
            for (int s = 0; s <= 20; s += 10) {
                f.update(T0 + s, host(7, 0));
            }
        }
        byte[] whole = Files.readAllBytes(good);
        long size = whole.length;
        assertEquals(HistoryFile.DATA_OFFSET + 6 * (4 + 12 * 7) + 4 * (4 + 12 * 7), size);

        Path truncated = dir.resolve("truncated.lshist");
        Files.write(truncated, Arrays.copyOf(whole, whole.length - 100)); // the last rows cut off
        HistoryFile.BadHistoryFile t = assertThrows(HistoryFile.BadHistoryFile.class, () -> HistoryFile.read(truncated, T0, T0 + 20, 10));
        assertEquals(truncated + ": truncated: the header promises " + size + " bytes (2 archives of [6, 4] rows of 88 B), found " + (size - 100), t.getMessage());
        Path stub = dir.resolve("stub.lshist");
        Files.write(stub, Arrays.copyOf(whole, 100));
        assertEquals(stub + ": truncated: expected a 512-byte header, found 100 bytes",
                assertThrows(HistoryFile.BadHistoryFile.class, () -> HistoryFile.read(stub, T0, T0, 10)).getMessage());
        Path writer = dir.resolve("truncated-w.lshist");
        Files.write(writer, Arrays.copyOf(whole, whole.length - 100));
        assertThrows(HistoryFile.BadHistoryFile.class, () -> HistoryFile.openOrCreate(writer, HistoryKind.HOST, "host-1", SMALL, 0));
        assertEquals(size - 100, Files.size(writer), "a damaged file is never written over");

        Path flipped = dir.resolve("flipped.lshist");
        byte[] f = whole.clone();
        f[40] ^= 1;
        Files.write(flipped, f);
        String m = assertThrows(HistoryFile.BadHistoryFile.class, () -> HistoryFile.read(flipped, T0, T0, 10)).getMessage();
        assertTrue(m.startsWith(flipped + ": header damaged: CRC32C expected "), m);
        assertTrue(m.endsWith(" at offset 508"), m);

        Path other = dir.resolve("other.lshist");
        Files.writeString(other, "#!/bin/sh\n" + "x".repeat(600));
        assertEquals(other + ": expected magic \"LSHISTRY\" at offset 0, found 23212f62696e2f73 (\"#!/bin/s\"): not a history file",
                assertThrows(HistoryFile.BadHistoryFile.class, () -> HistoryFile.read(other, T0, T0, 10)).getMessage());

        Path noState = dir.resolve("nostate.lshist");
        byte[] s = whole.clone();
        Arrays.fill(s, HistoryFile.SLOT_A + 20, HistoryFile.SLOT_A + 22, (byte) 0x7f);
        Arrays.fill(s, HistoryFile.SLOT_B + 20, HistoryFile.SLOT_B + 22, (byte) 0x7f);
        Files.write(noState, s);
        String ns = assertThrows(HistoryFile.BadHistoryFile.class, () -> HistoryFile.openOrCreate(noState, HistoryKind.HOST, "host-1", SMALL, 0))
                .getMessage();
        assertTrue(ns.startsWith(noState + ": no sound state: slot A (offset 512) CRC32C expected "), ns);
        assertTrue(ns.contains("; slot B (offset 1536) CRC32C expected"), ns);

        Path wrongEntity = dir.resolve("wrong.lshist");
        Files.write(wrongEntity, whole);
        assertEquals(wrongEntity + ": expected the history of host 'host-2', found that of host 'host-1'",
                assertThrows(HistoryFile.BadHistoryFile.class, () -> HistoryFile.openOrCreate(wrongEntity, HistoryKind.HOST, "host-2", SMALL, 0))
                        .getMessage());

        HistoryFile.Series still = HistoryFile.read(good, T0, T0 + 10, 10);
        assertArrayEquals(new float[] {7f, 7f}, still.avg()[0], "the sound file beside them reads as before");
        assertArrayEquals(whole, Files.readAllBytes(good));
    }

    @Test
    void theStandardLayoutKeepsTenSecondsForADayAndFiveMinutesForAMonth() throws IOException {
        HistoryFile.Layout l = HistoryFile.Layout.standard();
        assertEquals(10, l.stepSeconds());
        assertEquals(new HistoryFile.Archive(1, 8640), l.archives().get(0));
        assertEquals(new HistoryFile.Archive(30, 8928), l.archives().get(1));
        Path p = dir.resolve("vm1.lshist");
        try (HistoryFile f = HistoryFile.openOrCreate(p, HistoryKind.VM, "vm1", l, 0)) {
            assertEquals(HistoryFile.DATA_OFFSET + (8640L + 8928L) * (4 + 12 * 7), f.length());
            assertEquals(f.length(), Files.size(p));
        }
    }
}
