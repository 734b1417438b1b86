package io.lockstep.cluster.datastore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.records.CorruptRecordException;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.cluster.records.Extent;
import io.lockstep.cluster.records.FreeMapSector;
import io.lockstep.cluster.records.HeartbeatRecord;
import io.lockstep.cluster.records.JournalHeader;
import io.lockstep.cluster.records.LockRecord;
import io.lockstep.cluster.records.Superblock;

/**
 * The file system's consistency check (fsck), read-only: every directory entry sound, named under a directory that
 * exists, once; every extent inside the data area and owned by one file only; the free map exactly the complement of
 * what files own; no committed journal left behind by a host that is gone; leases on file names that name no file noted.
 * It reads the medium under the file-system lock, so no host changes metadata meanwhile.
 */
public final class DatastoreCheck {

    /** What the check found: problems make it unclean; notes are for the operator. */
    public record Report(List<String> problems, List<String> notes, int files, int directories, long usedBlocks, long ownedBlocks) {
        public boolean clean() {
            return problems.isEmpty();
        }
    }

    private DatastoreCheck() {
    }

    public static Report run(Datastore ds) throws IOException {
        return ds.fs().transaction(tx -> check(ds, tx.entries));
    }

    private static Report check(Datastore ds, DirectoryEntry[] cachedUnderLock) throws IOException {
        Superblock sb = ds.superblock();
        int ss = sb.sectorSize();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        DirectoryEntry[] entries = new DirectoryEntry[sb.directoryEntries()];
        for (int first = 0; first < sb.directoryEntries(); first += 256) {
            int n = Math.min(256, sb.directoryEntries() - first);
            byte[] bytes = ds.io().read(sb.directoryLba(first), n);
            for (int i = 0; i < n; i++) {
                long lba = sb.directoryLba(first + i);
                try {
                    entries[first + i] = DirectoryEntry.decode(Arrays.copyOfRange(bytes, i * ss, (i + 1) * ss), lba, first + i);
                } catch (CorruptRecordException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        Map<String, DirectoryEntry> byName = new HashMap<>();
        int files = 0;
        int dirs = 0;
        for (DirectoryEntry e : entries) {
            if (e == null || !e.inUse()) {
                continue;
            }
            if (e.isDirectory()) {
                dirs++;
            } else {
                files++;
            }
            try {
                DatastoreFiles.checkPath(e.name());
            } catch (IllegalArgumentException bad) {
                problems.add("directory entry " + e.index() + " (sector " + sb.directoryLba(e.index()) + "): " + bad.getMessage());
            }
            DirectoryEntry twin = byName.put(e.name(), e);
            if (twin != null) {
                problems.add(e.name() + " is named by directory entries " + twin.index() + " and " + e.index());
            }
        }
        for (DirectoryEntry e : byName.values()) {
            String parent = DatastoreFiles.parentOf(e.name());
            if (!parent.equals("/") && (byName.get(parent) == null || !byName.get(parent).isDirectory())) {
                problems.add(e.name() + " (entry " + e.index() + ") is in " + parent + ", which is not a directory on the datastore");
            }
        }
        // extents: inside the data area, each block owned once
        int[] owner = new int[(int) sb.blocks()];
        Arrays.fill(owner, -1);
        BitSet owned = new BitSet();
        for (DirectoryEntry e : byName.values()) {
            if (e.isDirectory()) {
                if (e.extentCount() != 0) {
                    problems.add("directory " + e.name() + " (entry " + e.index() + ") names " + e.extentCount() + " extents");
                }
                continue;
            }
            List<Extent> extents;
            try {
                extents = ds.fs().readExtents(e);
            } catch (CorruptRecordException bad) {
                problems.add(e.name() + ": " + bad.getMessage());
                continue;
            }
            long blocks = 0;
            List<Extent> all = new ArrayList<>(extents);
            if (e.mapBlock() != DirectoryEntry.NO_MAP) {
                all.add(new Extent(e.mapBlock(), 1));
            }
            for (Extent x : all) {
                if (x.end() > sb.blocks()) {
                    problems.add(e.name() + ": extent " + x + " lies past the data area's " + sb.blocks() + " blocks");
                    continue;
                }
                blocks += x.blocks();
                for (long b = x.first(); b < x.end(); b++) {
                    int was = owner[(int) b];
                    if (was >= 0) {
                        problems.add("block " + b + " is in two files: " + entries[was].name() + " and " + e.name());
                    }
                    owner[(int) b] = e.index();
                    owned.set((int) b);
                }
            }
            if (blocks != e.blocks()) {
                problems.add(e.name() + ": its entry counts " + e.blocks() + " blocks, its extents (and map) hold " + blocks);
            }
            long capacity = DatastoreFiles.dataBlocks(extents) * sb.blockBytes();
            if (e.sizeBytes() > capacity) {
                problems.add(e.name() + ": size " + e.sizeBytes() + " bytes exceeds its " + capacity + " bytes of blocks");
            }
        }
        // the free map: the complement of what files own
        BitSet used = new BitSet();
        long per = FreeMapSector.blocksPerSector(ss);
        byte[] map = ds.io().read(sb.freeMapLba(), sb.freeMapSectors());
        for (int s = 0; s < sb.freeMapSectors(); s++) {
            try {
                BitSet bits = FreeMapSector.decode(Arrays.copyOfRange(map, s * ss, (s + 1) * ss), sb.freeMapLba() + s, s).used();
                for (int b = bits.nextSetBit(0); b >= 0; b = bits.nextSetBit(b + 1)) {
                    used.set((int) (s * per + b));
                }
            } catch (CorruptRecordException bad) {
                problems.add(bad.getMessage());
            }
        }
        BitSet leaked = (BitSet) used.clone();
        leaked.andNot(owned);
        BitSet unmarked = (BitSet) owned.clone();
        unmarked.andNot(used);
        if (!leaked.isEmpty()) {
            problems.add(leaked.cardinality() + " blocks are marked used but no file holds them: " + ranges(leaked));
        }
        if (!unmarked.isEmpty()) {
            problems.add(unmarked.cardinality() + " blocks held by files are marked free: " + ranges(unmarked));
        }
        // journals and leases
        Cluster cluster = ds.host().cluster();
        List<Cluster.Read<HeartbeatRecord>> hbs = cluster.heartbeats();
        for (int slot = 0; slot < sb.slots(); slot++) {
            long lba = sb.journalLba(slot);
            try {
                JournalHeader h = JournalHeader.decode(ds.io().read(lba), lba, slot);
                HeartbeatRecord hb = hbs.get(slot).record();
                if (h.committed()) {
                    if (hb != null && hb.live() && hb.generation() == h.heartbeatGeneration()) {
                        notes.add("slot " + slot + " (" + hb.hostName() + ") has a transaction in flight");
                    } else {
                        problems.add("the journal of slot " + slot + " holds a committed transaction of generation " + h.heartbeatGeneration()
                                + " not yet replayed (the host that breaks its locks replays it)");
                    }
                }
            } catch (CorruptRecordException bad) {
                problems.add(bad.getMessage());
            }
        }
        for (Cluster.Read<LockRecord> r : cluster.locks()) {
            if (!r.ok()) {
                problems.add(r.error().getMessage());
                continue;
            }
            LockRecord l = r.record();
            if (!l.unused() && !l.owners().isEmpty() && l.kind() == EntityKind.FILE && l.entity().startsWith("/")
                    && !DatastoreFiles.isReserved(l.entity()) && !byName.containsKey(l.entity())) {
                notes.add("lock record " + l.index() + " is held on " + l.entity() + ", which names no file on the datastore (a plain lease)");
            }
        }
        return new Report(problems, notes, files, dirs, used.cardinality(), owned.cardinality());
    }

    static String ranges(BitSet bits) {
        StringBuilder s = new StringBuilder();
        int shown = 0;
        for (int b = bits.nextSetBit(0); b >= 0 && shown < 8; shown++) {
            int end = bits.nextClearBit(b);
            s.append(shown == 0 ? "" : ", ").append(end - b == 1 ? String.valueOf(b) : b + "–" + (end - 1));
            b = bits.nextSetBit(end);
        }
        return s + (shown == 8 ? ", …" : "");
    }
}
