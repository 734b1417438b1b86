package io.lockstep.ft;

import java.io.ByteArrayOutputStream;

/**
 * A page as the difference from the copy the other side holds: XOR of the two, as runs — {@code zeros u16 |
 * literal length u16 | literal bytes} repeated — so a page where a few words changed costs a few dozen bytes.
 * When the encoding would not be smaller than the page, the caller sends the page whole.
 */
final class PageDiff {

    static final int PAGE = 4096;

    private PageDiff() {
    }

    /** The encoded difference, or null when it would be at least as large as the page. */
    static byte[] encode(byte[] base, byte[] page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        int i = 0;
        while (i < PAGE) {
            int zeros = 0;
            while (i < PAGE && base[i] == page[i]) {
                zeros++;
                i++;
            }
            int start = i;
            // a literal run ends at the next stretch of 4 equal bytes (shorter gaps are cheaper inside the literal)
            while (i < PAGE) {
                if (base[i] == page[i]) {
                    int same = 0;
                    while (i + same < PAGE && same < 4 && base[i + same] == page[i + same]) {
                        same++;
                    }
                    if (same >= 4 || i + same == PAGE) {
                        break;
                    }
                    i += same;
                } else {
                    i++;
                }
            }
            int literal = i - start;
            if (literal == 0 && i == PAGE) {
                if (out.size() == 0) {
                    put16(out, zeros); // no difference at all: one empty run
                    put16(out, 0);
                }
                break;
            }
            put16(out, zeros);
            put16(out, literal);
            for (int k = start; k < i; k++) {
                out.write(base[k] ^ page[k]);
            }
            if (out.size() >= PAGE) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** Applies an encoded difference to {@code base} (not changed) and returns the page; a malformed one is refused. */
    static byte[] apply(byte[] base, byte[] diff) throws FtProtocolException {
        byte[] page = base.clone();
        int at = 0;
        int p = 0;
        while (p < diff.length) {
            if (p + 4 > diff.length) {
                throw new FtProtocolException("a page difference ends inside a run header at byte " + p + " of " + diff.length);
            }
            int zeros = (diff[p] & 0xFF) << 8 | diff[p + 1] & 0xFF;
            int literal = (diff[p + 2] & 0xFF) << 8 | diff[p + 3] & 0xFF;
            p += 4;
            at += zeros;
            if (at + literal > PAGE || p + literal > diff.length) {
                throw new FtProtocolException("a page difference runs past the page: offset " + at + " + " + literal + " bytes");
            }
            for (int k = 0; k < literal; k++) {
                page[at + k] ^= diff[p + k];
            }
            at += literal;
            p += literal;
        }
        return page;
    }

    private static void put16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
