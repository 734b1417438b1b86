package io.lockstep.vm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A guest's memory: a fixed number of 4 KiB pages that the guest reaches only through this class, so every
 * write is seen. A page that was never written is null and reads as zeros.
 *
 * <h2>Dirty tracking</h2>
 * Every write sets the page's bit in the current epoch's bitmap; {@link #takeDirty()} hands that bitmap over
 * and starts a new epoch with a cleared one — O(pages / 64), no page is touched.
 *
 * <h2>Copy-on-write</h2>
 * While a checkpoint (or an epoch being sent) reads memory as it was at one instant, {@link #beginCopyOnWrite}
 * marks every page pending; the first write to a pending page first saves its old content. The reader takes
 * each page with {@link #frozenPage}: the saved copy if the guest has written it since, else the page itself,
 * claimed so that a write racing with the copy waits for it. Writes outside a copy-on-write window take no lock.
 */
public final class GuestMemory {

    public static final int PAGE = 4096;
    private static final int STRIPES = 64;

    private final byte[][] pages;
    private long[] dirty;
    private long[] spare;
    private volatile boolean trackDirty = true;
    private long writes;
    private int allocated;
    private volatile long copies;

    private volatile boolean cow;
    private long[] pending;
    private final Map<Integer, byte[]> saved = new HashMap<>();
    private final Object[] stripes = new Object[STRIPES];

    public GuestMemory(long bytes) {
        if (bytes <= 0 || bytes % PAGE != 0) {
            throw new IllegalArgumentException("guest memory: expected a positive multiple of " + PAGE + " bytes (a page), found " + bytes);
        }
        if (bytes / PAGE > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("guest memory: at most " + (long) Integer.MAX_VALUE * PAGE + " bytes, found " + bytes);
        }
        int n = (int) (bytes / PAGE);
        pages = new byte[n][];
        dirty = new long[(n + 63) / 64];
        spare = new long[dirty.length];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** Writes so far (the runtime checks that a step reporting "idle" wrote nothing). */
    public long writeCount() {
        return writes;
    }

    public int pageCount() {
        return pages.length;
    }

    public long bytes() {
        return (long) pages.length * PAGE;
    }

    /** With false, writes are no longer tracked (measuring what tracking costs). */
    public void setTrackDirty(boolean track) {
        trackDirty = track;
    }

    // --- reads ----------------------------------------------------------------------------------------------

    public byte read(long address) {
        byte[] p = pages[page(address, 1)];
        return p == null ? 0 : p[(int) (address & (PAGE - 1))];
    }

    public int readInt(long address) {
        return (read(address) & 0xFF) << 24 | (read(address + 1) & 0xFF) << 16 | (read(address + 2) & 0xFF) << 8 | (read(address + 3) & 0xFF);
    }

    public long readLong(long address) {
        return (long) readInt(address) << 32 | (readInt(address + 4) & 0xFFFFFFFFL);
    }

    public void read(long address, byte[] dst, int offset, int length) {
        page(address, length);
        int done = 0;
        while (done < length) {
            long a = address + done;
            int inPage = (int) (a & (PAGE - 1));
            int n = Math.min(length - done, PAGE - inPage);
            byte[] p = pages[(int) (a / PAGE)];
            if (p == null) {
                Arrays.fill(dst, offset + done, offset + done + n, (byte) 0);
            } else {
                System.arraycopy(p, inPage, dst, offset + done, n);
            }
            done += n;
        }
    }

    public byte[] read(long address, int length) {
        byte[] b = new byte[length];
        read(address, b, 0, length);
        return b;
    }

    // --- writes ---------------------------------------------------------------------------------------------

    public void write(long address, byte value) {
        writable(page(address, 1))[(int) (address & (PAGE - 1))] = value;
    }

    public void writeInt(long address, int value) {
        write(address, (byte) (value >>> 24));
        write(address + 1, (byte) (value >>> 16));
        write(address + 2, (byte) (value >>> 8));
        write(address + 3, (byte) value);
    }

    public void writeLong(long address, long value) {
        writeInt(address, (int) (value >>> 32));
        writeInt(address + 4, (int) value);
    }

    public void write(long address, byte[] src, int offset, int length) {
        page(address, length);
        int done = 0;
        while (done < length) {
            long a = address + done;
            int inPage = (int) (a & (PAGE - 1));
            int n = Math.min(length - done, PAGE - inPage);
            System.arraycopy(src, offset + done, writable((int) (a / PAGE)), inPage, n);
            done += n;
        }
    }

    public void write(long address, byte[] src) {
        write(address, src, 0, src.length);
    }

    /** The page about to be written: tracked, saved first if a copy-on-write window wants its old content. */
    private byte[] writable(int index) {
        writes++;
        if (trackDirty) {
            dirty[index >>> 6] |= 1L << index;
        }
        if (cow) {
            keepOldCopy(index);
        }
        byte[] p = pages[index];
        if (p == null) {
            p = new byte[PAGE];
            pages[index] = p;
            allocated++;
        }
        return p;
    }

    private void keepOldCopy(int index) {
        long[] unlocked = pending;
        if (unlocked == null || (unlocked[index >>> 6] & (1L << index)) == 0) {
            return; // copied already (bits only go from 1 to 0, and only after the copy is taken)
        }
        synchronized (stripes[index % STRIPES]) {
            long[] pend = pending;
            if (pend != null && (pend[index >>> 6] & (1L << index)) != 0) {
                byte[] p = pages[index];
                synchronized (saved) {
                    saved.put(index, p == null ? null : p.clone());
                }
                pend[index >>> 6] &= ~(1L << index);
                copies++; // (only the vCPU thread writes it)
            }
        }
    }

    private int page(long address, int length) {
        if (address < 0 || length < 0 || address + length > bytes()) {
            throw new GuestMemoryFault(address, length, bytes());
        }
        return (int) (address / PAGE);
    }

    // --- dirty epochs -----------------------------------------------------------------------------------------

    /** The pages written since the last call, as a bitmap (one bit a page); a new epoch starts cleared. */
    public long[] takeDirty() {
        long[] taken = dirty;
        Arrays.fill(spare, 0);
        dirty = spare;
        spare = taken;
        return taken.clone();
    }

    // --- copy-on-write windows --------------------------------------------------------------------------------

    /** Freezes the memory as it is now (call with the guest paused): every page is pending until read or written. */
    public void beginCopyOnWrite() {
        long[] pend = new long[dirty.length];
        Arrays.fill(pend, -1L);
        int tail = pages.length % 64;
        if (tail != 0) {
            pend[pend.length - 1] = (1L << tail) - 1;
        }
        beginCopyOnWrite(pend);
    }

    /**
     * Freezes the pages set in {@code subset} (a bitmap, one bit a page; call with the guest paused): an FT epoch
     * reads the pages it sends after the guest runs again. {@link #frozenPage} is for those pages only.
     */
    public void beginCopyOnWrite(long[] subset) {
        if (subset.length != dirty.length) {
            throw new IllegalArgumentException("a page bitmap of " + dirty.length + " words, found " + subset.length);
        }
        long[] pend = subset.clone();
        synchronized (saved) {
            saved.clear();
        }
        pending = pend;
        cow = true;
    }

    /**
     * Page {@code index} as it was when the window began: the saved copy if the guest wrote it since, else a
     * copy of the page taken now (claimed, so a write racing with it waits). Null for a page that was zero.
     */
    public byte[] frozenPage(int index) {
        synchronized (stripes[index % STRIPES]) {
            long[] pend = pending;
            if (pend != null && (pend[index >>> 6] & (1L << index)) != 0) {
                byte[] p = pages[index];
                byte[] copy = p == null ? null : p.clone(); // copy first: a writer that sees the bit cleared writes at once
                pend[index >>> 6] &= ~(1L << index);
                return copy;
            }
        }
        synchronized (saved) {
            return saved.remove(index);
        }
    }

    /** Ends the window; pages still pending were never written and need no copy. */
    public void endCopyOnWrite() {
        cow = false;
        pending = null;
        synchronized (saved) {
            saved.clear();
        }
    }

    /** Old copies taken because the guest wrote a page a copy-on-write window still wanted, since creation. */
    public long copyOnWriteCopies() {
        return copies;
    }

    public int savedCopies() {
        synchronized (saved) {
            return saved.size();
        }
    }

    // --- whole pages (checkpoints, replication) ----------------------------------------------------------------

    /** A copy of page {@code index} now (null for a zero page). Call with the guest paused. */
    public byte[] pageCopy(int index) {
        byte[] p = pages[index];
        return p == null ? null : p.clone();
    }

    /** Replaces page {@code index} (null: zeros), untracked: for restoring a checkpoint or applying an epoch. */
    public void loadPage(int index, byte[] content) {
        if (content != null && content.length != PAGE) {
            throw new IllegalArgumentException("a page is " + PAGE + " bytes, found " + content.length);
        }
        byte[] next = content == null || isZero(content) ? null : content.clone();
        allocated += (next == null ? 0 : 1) - (pages[index] == null ? 0 : 1);
        pages[index] = next;
    }

    /** Forgets every page (all zeros again) and the dirty bitmap. */
    public void clear() {
        Arrays.fill(pages, null);
        Arrays.fill(dirty, 0);
        allocated = 0;
    }

    public boolean isZeroPage(int index) {
        byte[] p = pages[index];
        return p == null || isZero(p);
    }

    static boolean isZero(byte[] p) {
        for (byte b : p) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Pages that hold something (for sizing checkpoints); kept as a count, so cheap with the guest stopped. */
    public int allocatedPages() {
        return allocated;
    }
}
