package io.lockstep.cluster.datastore;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lockstep.cluster.Lease;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.cluster.records.Extent;
import io.lockstep.cluster.records.ExtentMapSector;
import io.lockstep.cluster.records.Superblock;

/**
 * One change of the file system's metadata under its lock: directory entries, extent maps and free-map sectors collected
 * and written as one through the host's redo journal ({@link #commit}). A change too large for one journal transaction
 * (a file grown or shrunk by many extents) commits in steps, each of which leaves every file whole: an extent is added
 * with its blocks marked used in the same step, and removed from the tail with its blocks marked free in the same step.
 */
final class Transaction {

    final DirectoryEntry[] entries;
    final Map<Long, byte[]> pending = new HashMap<>();
    private final Datastore ds;
    private final DatastoreFiles files;
    private final Superblock sb;
    private final Lease lock;
    private FreeMap freeMap;

    Transaction(DatastoreFiles files, Lease lock, DirectoryEntry[] entries) {
        this.ds = files.datastore();
        this.files = files;
        this.sb = ds.superblock();
        this.lock = lock;
        this.entries = entries;
    }

    int capacity() {
        return sb.journalSectors() - 1;
    }

    private FreeMap freeMap() throws IOException {
        if (freeMap == null) {
            freeMap = FreeMap.read(ds.io(), sb);
        }
        return freeMap;
    }

    private int pendingCount() {
        return pending.size() + (freeMap == null ? 0 : freeMap.dirtySectors());
    }

    void commit() throws IOException {
        if (freeMap != null) {
            freeMap.drainInto(pending);
        }
        if (pending.isEmpty()) {
            return;
        }
        lock.writeAtomically(pending);
        pending.clear();
    }

    // --- the namespace -----------------------------------------------------------------------------------------------

    DirectoryEntry find(String path) {
        for (DirectoryEntry e : entries) {
            if (e != null && e.inUse() && e.name().equals(path)) {
                return e;
            }
        }
        return null;
    }

    DirectoryEntry require(String path) throws NoSuchFileException {
        DirectoryEntry e = find(path);
        if (e == null) {
            throw new NoSuchFileException(path, null, "not on " + sb.label());
        }
        return e;
    }

    void requireAbsent(String path) throws FileAlreadyExistsException {
        if (find(path) != null) {
            throw new FileAlreadyExistsException(path, null, "already on " + sb.label() + "; nothing was changed");
        }
    }

    void requireParentDirectory(String path) throws IOException {
        String parent = DatastoreFiles.parentOf(path);
        if (parent.equals("/")) {
            return;
        }
        DirectoryEntry p = find(parent);
        if (p == null) {
            throw new NoSuchFileException(path, null, "its directory " + parent + " does not exist on " + sb.label());
        }
        if (!p.isDirectory()) {
            throw new NotDirectoryException(parent);
        }
    }

    int freeEntry(String path) throws FileSystemException {
        for (DirectoryEntry e : entries) {
            if (e != null && !e.inUse()) {
                return e.index();
            }
        }
        throw new FileSystemException(path, null, "no space: all " + sb.directoryEntries() + " directory entries of " + sb.label()
                + " are in use");
    }

    void put(DirectoryEntry e) {
        entries[e.index()] = e;
        pending.put(sb.directoryLba(e.index()), e.encode(sb.sectorSize()));
    }

    // --- space ----------------------------------------------------------------------------------------------------------

    /** Refuses, before anything changes, a growth by {@code blocks} the free blocks cannot hold (an extent map included). */
    void reserveSpace(long blocks, String path) throws IOException {
        long free = freeMap().free();
        if (blocks > free) {
            throw new FileSystemException(path, null, String.format("no space left on %s: %d blocks of %s needed, %d free; nothing was changed",
                    sb.label(), blocks, sb.blockBytes() >= 1 << 20 ? (sb.blockBytes() >> 20) + " MiB" : (sb.blockBytes() >> 10) + " KiB", free));
        }
    }

    /**
     * Adds {@code blocks} blocks to the file of {@code e} (whose extents are {@code extents}, changed in place), preferring
     * the blocks right after block {@code near}. Returns the entry as put.
     */
    DirectoryEntry grow(DirectoryEntry e, List<Extent> extents, long blocks, long near) throws IOException {
        long left = blocks;
        long map = e.mapBlock();
        while (left > 0) {
            if (pendingCount() + 6 > capacity()) {
                e = putExtents(e, extents, map, Math.max(0, e.extentCount() - 1));
                commit();
            }
            long hint = extents.isEmpty() ? near : extents.get(extents.size() - 1).end();
            Extent x = freeMap().take(left, hint);
            if (x == null) {
                throw new FileSystemException(e.name(), null, "no space left on " + sb.label() + " (" + left + " more blocks needed)");
            }
            int firstChanged;
            Extent last = extents.isEmpty() ? null : extents.get(extents.size() - 1);
            if (last != null && last.end() == x.first()) {
                extents.set(extents.size() - 1, new Extent(last.first(), last.blocks() + x.blocks()));
                firstChanged = extents.size() - 1;
            } else {
                extents.add(x);
                firstChanged = extents.size() - 1;
            }
            if (extents.size() > DirectoryEntry.INLINE && map == DirectoryEntry.NO_MAP) {
                Extent m = freeMap().take(1, -1);
                if (m == null) {
                    throw new FileSystemException(e.name(), null, "no space left on " + sb.label() + " for its extent map");
                }
                map = m.first();
            }
            if (extents.size() > DirectoryEntry.INLINE + (long) ExtentMapSector.perSector(sb.sectorSize()) * sb.blockSectors()) {
                throw new FileSystemException(e.name(), null, "too fragmented: " + extents.size() + " extents");
            }
            left -= x.blocks();
            e = putExtents(e, extents, map, firstChanged);
        }
        return e;
    }

    /** Removes the file's blocks past its first {@code keepBlocks}, tail first. Returns the entry as put. */
    DirectoryEntry shrinkTo(DirectoryEntry e, List<Extent> extents, long keepBlocks) throws IOException {
        if (e.sizeBytes() > keepBlocks * sb.blockBytes()) { // the size first: no step names a size past its blocks
            e = e.withSize(keepBlocks * sb.blockBytes(), System.currentTimeMillis());
        }
        long have = DatastoreFiles.dataBlocks(extents);
        long map = e.mapBlock();
        while (have > keepBlocks) {
            if (pendingCount() + 5 > capacity()) {
                commit();
            }
            Extent last = extents.remove(extents.size() - 1);
            long drop = Math.min(last.blocks(), have - keepBlocks);
            drop = Math.min(drop, io.lockstep.cluster.records.FreeMapSector.blocksPerSector(sb.sectorSize()));
            if (drop < last.blocks()) {
                extents.add(new Extent(last.first(), last.blocks() - drop));
            }
            if (extents.size() <= DirectoryEntry.INLINE && map != DirectoryEntry.NO_MAP) {
                e = putExtents(e, extents, DirectoryEntry.NO_MAP, Math.max(0, extents.size() - 1));
                freeMap().release(map, 1);
                map = DirectoryEntry.NO_MAP;
            } else {
                e = putExtents(e, extents, map, Math.max(0, extents.size() - 1));
            }
            freeMap().release(last.first() + last.blocks() - drop, drop); // with the entry that no longer names them: one step
            have -= drop;
        }
        return e;
    }

    /** Marks every block of a file (its extent map's too) free, in this transaction: the caller frees its entry with them. */
    void releaseAll(DirectoryEntry e, List<Extent> extents) throws IOException {
        for (Extent x : extents) {
            freeMap().release(x.first(), x.blocks());
        }
        if (e.mapBlock() != DirectoryEntry.NO_MAP) {
            freeMap().release(e.mapBlock(), 1);
        }
    }

    /** {@link #shrinkTo(DirectoryEntry, List, long)} reading the file's extents first. */
    DirectoryEntry shrinkTo(DirectoryEntry e, long keepBlocks) throws IOException {
        return shrinkTo(e, files.readExtents(e), keepBlocks);
    }

    private DirectoryEntry putExtents(DirectoryEntry e, List<Extent> extents, long map, int firstChanged) {
        DirectoryEntry updated = e.withExtents(new ArrayList<>(extents), map, System.currentTimeMillis());
        put(updated);
        if (extents.size() > DirectoryEntry.INLINE) {
            int per = ExtentMapSector.perSector(sb.sectorSize());
            int from = Math.max(0, firstChanged - DirectoryEntry.INLINE) / per;
            int to = (extents.size() - DirectoryEntry.INLINE - 1) / per;
            for (int s = from; s <= to; s++) {
                int a = DirectoryEntry.INLINE + s * per;
                int b = Math.min(extents.size(), a + per);
                pending.put(sb.blockLba(map) + s, new ExtentMapSector(e.index(), s, extents.subList(a, b)).encode(sb.sectorSize()));
            }
        }
        return updated;
    }
}
