package io.lockstep.ft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Page differences round-trip, stay small for small changes, give up when a page changed throughout. */
class PageDiffTest {

    @Test
    void differencesRoundTripAndAreSmallForSmallChanges() throws Exception {
        Random r = new Random(5);
        for (int trial = 0; trial < 500; trial++) {
            byte[] base = new byte[4096];
            r.nextBytes(base);
            byte[] page = base.clone();
            int changes = r.nextInt(40);
            for (int c = 0; c < changes; c++) {
                int at = r.nextInt(4096 - 8);
                for (int k = 0; k < 1 + r.nextInt(8); k++) {
                    page[at + k] = (byte) r.nextInt();
                }
            }
            byte[] diff = PageDiff.encode(base, page);
            assertTrue(diff != null && diff.length <= 4 + changes * 12, "trial " + trial + ": " + changes + " changes cost " + (diff == null ? "a whole page" : diff.length));
            assertArrayEquals(page, PageDiff.apply(base, diff), "trial " + trial);
        }
    }

    @Test
    void aPageChangedThroughoutIsSentWhole() {
        Random r = new Random(6);
        byte[] a = new byte[4096];
        byte[] b = new byte[4096];
        r.nextBytes(a);
        r.nextBytes(b);
        assertNull(PageDiff.encode(a, b));
    }

    @Test
    void aMalformedDifferenceIsRefused() {
        byte[] base = new byte[4096];
        FtProtocolException e = assertThrows(FtProtocolException.class, () -> PageDiff.apply(base, new byte[] {0x0F, (byte) 0xF0, 0x01, 0x00}));
        assertTrue(e.getMessage().startsWith("a page difference runs past the page"), e.getMessage());
        assertThrows(FtProtocolException.class, () -> PageDiff.apply(base, new byte[] {0, 0}));
    }
}
