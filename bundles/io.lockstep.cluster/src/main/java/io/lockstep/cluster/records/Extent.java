package io.lockstep.cluster.records;

/**
 * A run of consecutive blocks of the file system: {@code blocks} blocks from block {@code first}. On disk 8 bytes:
 * first u32 | blocks u32.
 */
public record Extent(long first, long blocks) {

    public static final int BYTES = 8;

    public Extent {
        if (first < 0 || blocks < 1 || first + blocks > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("extent: expected blocks [first, first + n) inside u32 with n ≥ 1, found first "
                    + first + ", " + blocks + " blocks");
        }
    }

    public long end() {
        return first + blocks;
    }

    public boolean overlaps(Extent other) {
        return first < other.end() && other.first < end();
    }

    @Override
    public String toString() {
        return first + "+" + blocks;
    }
}
