package io.lockstep.qemu;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Finds the pages of a guest's RAM that differ from the copy last sent, with no help from the kernel or QEMU (TCG has
 * no dirty log we can read, and this kernel no soft-dirty bits): the whole RAM is compared with a copy of it kept in
 * this JVM ({@code ByteBuffer.mismatch}, which the JDK vectorises), each differing page is copied into the copy and
 * named. Call {@link #scan} with the guest paused; the pages named are then in the copy ({@link #sentPage}) until the
 * next scan, so they can be sent after the guest runs again.
 *
 * <p>The first scan finds every non-zero page (the copy starts zeroed, as a backup's new file does).
 */
public final class DirtyPages {

    /**
     * One scan: the pages that changed (ascending), how long the scan took, their XOR+RLE size if asked, and (from
     * {@link #scanKeepingPrevious}) their versions before it: page {@code pages[i]}'s at {@code i * 4096} of
     * {@code previous} (null from {@link #scan}).
     */
    public record Scan(int[] pages, long nanos, long diffBytes, ByteBuffer previous) {
        public int count() {
            return pages.length;
        }

        /** The bytes of the changed pages sent whole. */
        public long pageBytes() {
            return (long) pages.length * GuestMemory.PAGE;
        }
    }

    private final GuestMemory memory;
    private final ByteBuffer[] copy;
    private final boolean diffSizes;
    private int[] found = new int[1024];

    /**
     * @param diffSizes also count what each changed page costs as the XOR+RLE difference of the FT stream
     *                  ({@code io.lockstep.ft.PageDiff}'s encoding: a page sent whole when that is not smaller)
     */
    public DirtyPages(GuestMemory memory, boolean diffSizes) {
        this.memory = memory;
        this.diffSizes = diffSizes;
        this.copy = new ByteBuffer[memory.pieceCount()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = ByteBuffer.allocateDirect(memory.piece(i).capacity());
        }
    }

    public GuestMemory memory() {
        return memory;
    }

    /** Compares the RAM with the copy, updates the copy, names the pages that differed. Run it with the guest paused. */
    public Scan scan() {
        return scan(false);
    }

    /**
     * As {@link #scan}, also keeping each changed page's version from before (what the other side holds, so it can be
     * sent as a difference from it). The buffer is reused by the next such scan.
     */
    public Scan scanKeepingPrevious() {
        return scan(true);
    }

    private ByteBuffer previous = ByteBuffer.allocate(0);

    private Scan scan(boolean keep) {
        long t0 = System.nanoTime();
        int n = 0;
        long diff = 0;
        for (int p = 0; p < copy.length; p++) {
            ByteBuffer ram = memory.piece(p);
            ByteBuffer sent = copy[p];
            int len = ram.capacity();
            int base = (int) ((long) p * GuestMemory.PIECE / GuestMemory.PAGE);
            int pos = 0;
            while (pos < len) {
                int m = ram.slice(pos, len - pos).mismatch(sent.slice(pos, len - pos));
                if (m < 0) {
                    break;
                }
                int off = (pos + m) / GuestMemory.PAGE * GuestMemory.PAGE;
                if (diffSizes) {
                    diff += xorRleSize(sent, ram, off);
                }
                if (keep) {
                    if (previous.capacity() < (n + 1) * GuestMemory.PAGE) {
                        ByteBuffer bigger = ByteBuffer.allocate(Math.max(64, (n + 1) * 2) * GuestMemory.PAGE);
                        bigger.put(0, previous, 0, n * GuestMemory.PAGE);
                        previous = bigger;
                    }
                    previous.put(n * GuestMemory.PAGE, sent, off, GuestMemory.PAGE);
                }
                sent.put(off, ram, off, GuestMemory.PAGE);
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = base + off / GuestMemory.PAGE;
                pos = off + GuestMemory.PAGE;
            }
        }
        return new Scan(Arrays.copyOf(found, n), System.nanoTime() - t0, diff, keep ? previous.asReadOnlyBuffer() : null);
    }

    /** Page {@code page} as last sent (read-only; valid until the next scan changes it). */
    public ByteBuffer sentPage(int page) {
        long at = (long) page * GuestMemory.PAGE;
        return copy[(int) (at / GuestMemory.PIECE)].slice((int) (at % GuestMemory.PIECE), GuestMemory.PAGE)
                .asReadOnlyBuffer();
    }

    /**
     * The size of {@code io.lockstep.ft.PageDiff.encode(base, page)} for the page at {@code off}: runs of
     * {@code zeros u16 | literal length u16 | literal bytes} of the XOR, a literal ending at 4 equal bytes; the page
     * size when the encoding would not be smaller (the FT stream then sends it whole). Kept here as a count only, the
     * encoder being internal to the FT bundle.
     */
    static int xorRleSize(ByteBuffer base, ByteBuffer page, int off) {
        final int size = GuestMemory.PAGE;
        int out = 0;
        int i = 0;
        while (i < size) {
            while (i < size && base.get(off + i) == page.get(off + i)) {
                i++;
            }
            int start = i;
            while (i < size) {
                if (base.get(off + i) == page.get(off + i)) {
                    int same = 0;
                    while (i + same < size && same < 4 && base.get(off + i + same) == page.get(off + i + same)) {
                        same++;
                    }
                    if (same >= 4 || i + same == size) {
                        break;
                    }
                    i += same;
                } else {
                    i++;
                }
            }
            int literal = i - start;
            if (literal == 0 && i == size) {
                if (out == 0) {
                    out = 4;
                }
                break;
            }
            out += 4 + literal;
            if (out >= size) {
                return size;
            }
        }
        return out;
    }
}
