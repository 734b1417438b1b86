package io.lockstep.cluster.records;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;

/**
 * The notification record (sector {@link Superblock#notificationLba()}): for every shared table, its current
 * generation, who changed it last and when, and the <em>notification indicator</em> — a bitmap of the host
 * slots that have not yet refreshed their copy since. A host that changes a table bumps its generation, sets
 * the bits of the other live hosts, then unregisters their reservation keys; each of them, told by a unit
 * attention, reads this record, refreshes the tables whose generation moved, and clears its bit. A generation
 * vector, not a queue: concurrent changers merge, and a host that missed several changes catches up at once.
 *
 * <pre>
 *  0 4 "LSNT" | 4 2 version | 6 2 table count | 8 8 sequence (every change)
 * 16 per table, 32 bytes: table u16 | changed by (slot) u16 | 0 u32 | generation u64 | changed at (ms) u64 | pending slots u64
 * last 4: CRC32C
 * </pre>
 */
public record NotificationRecord(long sequence, Map<SharedTable, Entry> tables) {

    public record Entry(long generation, int changedBy, long changedAtMillis, long pending) {
        public boolean indicatorSet() {
            return pending != 0;
        }
    }

    public static final String MAGIC = "LSNT";
    public static final int VERSION = 1;

    public NotificationRecord {
        EnumMap<SharedTable, Entry> copy = new EnumMap<>(SharedTable.class);
        copy.putAll(tables);
        tables = copy;
    }

    public static NotificationRecord empty() {
        Map<SharedTable, Entry> t = new EnumMap<>(SharedTable.class);
        for (SharedTable table : SharedTable.values()) {
            t.put(table, new Entry(0, -1, 0, 0));
        }
        return new NotificationRecord(0, t);
    }

    public Entry entry(SharedTable table) {
        return tables.getOrDefault(table, new Entry(0, -1, 0, 0));
    }

    /** {@code table} changed by {@code slot}: a new generation, and every slot in {@code others} still to refresh. */
    public NotificationRecord changed(SharedTable table, int slot, long others) {
        Map<SharedTable, Entry> t = new EnumMap<>(tables);
        Entry e = entry(table);
        t.put(table, new Entry(e.generation + 1, slot, System.currentTimeMillis(), e.pending | others));
        return new NotificationRecord(sequence + 1, t);
    }

    /** {@code slots} have seen every table as it is now (or are gone): their indicator bits go. */
    public NotificationRecord acknowledged(long slots) {
        Map<SharedTable, Entry> t = new EnumMap<>(SharedTable.class);
        tables.forEach((table, e) -> t.put(table, new Entry(e.generation, e.changedBy, e.changedAtMillis, e.pending & ~slots)));
        return new NotificationRecord(sequence, t);
    }

    public boolean indicatorSet() {
        return tables.values().stream().anyMatch(Entry::indicatorSet);
    }

    public byte[] encode(int sectorSize) {
        ByteBuffer b = SectorCodec.begin(sectorSize, MAGIC, VERSION);
        b.putShort((short) tables.size());
        b.putLong(sequence);
        for (Map.Entry<SharedTable, Entry> e : tables.entrySet()) {
            b.putShort((short) e.getKey().ordinal());
            b.putShort((short) e.getValue().changedBy);
            b.putInt(0);
            b.putLong(e.getValue().generation);
            b.putLong(e.getValue().changedAtMillis);
            b.putLong(e.getValue().pending);
        }
        return SectorCodec.seal(b);
    }

    public static NotificationRecord decode(byte[] sector, long lba) throws CorruptRecordException {
        ByteBuffer b = SectorCodec.open(sector, lba, "notification record", MAGIC, VERSION);
        int count = b.getShort() & 0xFFFF;
        if (count > SharedTable.values().length) {
            throw new CorruptRecordException("notification record", lba, count + " tables, but only "
                    + SharedTable.values().length + " exist");
        }
        long sequence = b.getLong();
        Map<SharedTable, Entry> t = new EnumMap<>(SharedTable.class);
        for (int i = 0; i < count; i++) {
            int table = b.getShort() & 0xFFFF;
            int by = b.getShort();
            b.getInt();
            if (table >= SharedTable.values().length) {
                throw new CorruptRecordException("notification record", lba, "unknown table " + table);
            }
            t.put(SharedTable.values()[table], new Entry(b.getLong(), by, b.getLong(), b.getLong()));
        }
        return new NotificationRecord(sequence, t);
    }
}
