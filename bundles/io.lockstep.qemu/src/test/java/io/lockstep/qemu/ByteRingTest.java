package io.lockstep.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/**
 * The serial console's ring: the tail and the count read together always agree (the console route answers both, and a
 * client that polls takes the last {@code count - seen} bytes of the text as the new ones), while a writer appends.
 * Reading the count and then the bytes in two calls fails here (about 1 round in 1,000 on a 2-core machine: 185 of
 * 200,000 in one run, checked by hand).
 */
class ByteRingTest {

    /** The byte at position {@code i} of the stream the writer writes. */
    private static byte at(long i) {
        return (byte) ('a' + (i * 7 + i / 13) % 26);
    }

    @Test
    void theTailEndsAtTheCountWhileWritten() throws Exception {
        ByteRing ring = new ByteRing(4096);
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            long pos = 0;
            byte[] chunk = new byte[997];
            while (!stop.get()) {
                int n = 1 + (int) (pos % chunk.length);
                for (int i = 0; i < n; i++) {
                    chunk[i] = at(pos + i);
                }
                ring.append(chunk, 0, n);
                pos += n;
            }
        });
        writer.start();
        int checked = 0;
        try {
            for (int round = 0; round < 200_000; round++) {
                ByteRing.Tail t = ring.tail();
                byte[] expected = new byte[t.bytes().length];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = at(t.total() - expected.length + i);
                }
                assertArrayEquals(expected, t.bytes(), "round " + round + ": the tail is the stream's bytes just before its count " + t.total());
                assertEquals(Math.min(t.total(), 4096), t.bytes().length);
                checked++;
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertTrue(checked == 200_000 && ring.total() > 4096, "the writer went round the ring: " + ring.total());
    }

    @Test
    void onlyWhatFollowsAByteAsked() {
        ByteRing ring = new ByteRing(8);
        byte[] abc = "abcdefghijkl".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ring.append(abc, 0, 5);
        assertEquals("cde", new String(ring.tail(2).bytes(), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(5, ring.tail(2).total());
        assertEquals("", new String(ring.tail(9).bytes(), java.nio.charset.StandardCharsets.US_ASCII), "nothing after the end");
        ring.append(abc, 5, 7); // 12 written, the last 8 kept
        assertEquals("efghijkl", new String(ring.tail(1).bytes(), java.nio.charset.StandardCharsets.US_ASCII), "bytes no longer kept are not sent");
        assertEquals("jkl", new String(ring.tail(9).bytes(), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(12, ring.tail(9).total());
    }
}
