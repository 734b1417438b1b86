package io.lockstep.cluster.datastore;

import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeSet;

import io.lockstep.cluster.ClusterIo;
import io.lockstep.cluster.records.Extent;
import io.lockstep.cluster.records.FreeMapSector;
import io.lockstep.cluster.records.Superblock;

/**
 * The free map as read under the file-system lock: a bit per block, which sectors of it a transaction changed, and
 * the allocation policy — extend a file in place when the blocks after its last extent are free, otherwise the next
 * free run large enough after the last allocation (next fit), otherwise the largest runs there are.
 */
final class FreeMap {

    private final Superblock sb;
    private final BitSet used;
    private final TreeSet<Integer> dirty = new TreeSet<>();
    private final long perSector;
    private long cursor;

    private FreeMap(Superblock sb, BitSet used) {
        this.sb = sb;
        this.used = used;
        this.perSector = FreeMapSector.blocksPerSector(sb.sectorSize());
    }

    /** Reads every sector of the map; a damaged one is reported with its sector and never written over. */
    static FreeMap read(ClusterIo io, Superblock sb) throws IOException {
        int ss = sb.sectorSize();
        long per = FreeMapSector.blocksPerSector(ss);
        BitSet used = new BitSet();
        for (int first = 0; first < sb.freeMapSectors(); first += 256) {
            int n = Math.min(256, sb.freeMapSectors() - first);
            byte[] bytes = io.read(sb.freeMapLba() + first, n);
            for (int i = 0; i < n; i++) {
                int index = first + i;
                FreeMapSector s = FreeMapSector.decode(Arrays.copyOfRange(bytes, i * ss, (i + 1) * ss), sb.freeMapLba() + index, index);
                BitSet bits = s.used();
                for (int b = bits.nextSetBit(0); b >= 0; b = bits.nextSetBit(b + 1)) {
                    used.set((int) (index * per + b));
                }
            }
        }
        return new FreeMap(sb, used);
    }

    BitSet used() {
        return used;
    }

    long free() {
        return sb.blocks() - used.cardinality();
    }

    int dirtySectors() {
        return dirty.size();
    }

    /** Takes up to {@code want} blocks as one run (never spanning more than two sectors of the map). */
    Extent take(long want, long near) {
        long limit = Math.min(want, perSector);
        long blocks = sb.blocks();
        long start = -1;
        long length = 0;
        if (near >= 0 && near < blocks && !used.get((int) near)) {
            start = near;
            length = runFrom(near, limit);
        } else {
            long bestStart = -1;
            long bestLength = 0;
            for (int pass = 0; pass < 2 && start < 0; pass++) {
                long from = pass == 0 ? cursor : 0;
                long to = pass == 0 ? blocks : Math.min(cursor, blocks);
                for (long b = used.nextClearBit((int) from); b < to; ) {
                    long run = runFrom(b, limit);
                    if (run >= limit) {
                        start = b;
                        length = run;
                        break;
                    }
                    if (run > bestLength) {
                        bestStart = b;
                        bestLength = run;
                    }
                    long next = used.nextSetBit((int) b);
                    if (next < 0 || next >= to) {
                        break;
                    }
                    b = used.nextClearBit((int) next);
                }
            }
            if (start < 0) {
                start = bestStart;
                length = bestLength;
            }
        }
        if (start < 0 || length == 0) {
            return null;
        }
        mark(start, length, true);
        cursor = start + length;
        return new Extent(start, length);
    }

    private long runFrom(long b, long limit) {
        long next = used.nextSetBit((int) b);
        long end = next < 0 ? sb.blocks() : Math.min(next, sb.blocks());
        return Math.min(end - b, limit);
    }

    void release(long first, long n) {
        mark(first, n, false);
    }

    private void mark(long first, long n, boolean set) {
        used.set((int) first, (int) (first + n), set);
        for (long s = first / perSector; s <= (first + n - 1) / perSector; s++) {
            dirty.add((int) s);
        }
    }

    /** The images of the sectors changed since the last call, added to {@code pending}. */
    void drainInto(Map<Long, byte[]> pending) {
        for (int s : dirty) {
            BitSet bits = used.get((int) (s * perSector), (int) Math.min((s + 1) * perSector, sb.blocks()));
            pending.put(sb.freeMapLba() + s, new FreeMapSector(s, bits).encode(sb.sectorSize()));
        }
        dirty.clear();
    }
}
