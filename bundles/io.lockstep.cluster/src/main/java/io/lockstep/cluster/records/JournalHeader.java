package io.lockstep.cluster.records;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The first sector of a heartbeat slot's redo journal. A host that must change several sectors at once
 * (metadata guarded by its locks) writes the new images into the journal's following sectors, then this
 * header as COMMITTED (forced), then the sectors in place, then the header EMPTY. Whoever breaks the host's
 * locks after it died replays a COMMITTED journal of the dead generation before taking them: the change
 * lands whole or not at all.
 *
 * <pre>
 *  0 4 "LSJH" | 4 2 version | 6 2 state (0 empty, 1 committed) | 8 4 slot | 12 4 entry count
 * 16 8 heartbeat generation of the writer | 24 8 transaction number
 * 32 entries, 16 bytes each: target lba u64 | CRC32C of the image u32 | 0 u32   (image i is in journal sector i + 1)
 * last 4: CRC32C
 * </pre>
 */
public record JournalHeader(int slot, boolean committed, long heartbeatGeneration, long transaction, List<Entry> entries) {

    public record Entry(long lba, int imageCrc) {
    }

    public static final String MAGIC = "LSJH";
    public static final int VERSION = 1;
    public static final int ENTRIES_OFFSET = 32;

    public JournalHeader {
        entries = List.copyOf(entries);
    }

    public static JournalHeader empty(int slot) {
        return new JournalHeader(slot, false, 0, 0, List.of());
    }

    public static int maxEntries(int sectorSize) {
        return (sectorSize - 4 - ENTRIES_OFFSET) / 16;
    }

    public byte[] encode(int sectorSize) {
        ByteBuffer b = SectorCodec.begin(sectorSize, MAGIC, VERSION);
        b.putShort((short) (committed ? 1 : 0));
        b.putInt(slot);
        b.putInt(entries.size());
        b.putLong(heartbeatGeneration);
        b.putLong(transaction);
        for (Entry e : entries) {
            b.putLong(e.lba);
            b.putInt(e.imageCrc);
            b.putInt(0);
        }
        return SectorCodec.seal(b);
    }

    public static JournalHeader decode(byte[] sector, long lba, int expectedSlot) throws CorruptRecordException {
        String what = "journal header of slot " + expectedSlot;
        ByteBuffer b = SectorCodec.open(sector, lba, what, MAGIC, VERSION);
        int state = b.getShort() & 0xFFFF;
        int slot = b.getInt();
        int count = b.getInt();
        if (state > 1 || slot != expectedSlot || count < 0 || count > maxEntries(sector.length)) {
            throw new CorruptRecordException(what, lba, "state " + state + ", slot " + slot + ", " + count + " entries");
        }
        long generation = b.getLong();
        long transaction = b.getLong();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new Entry(b.getLong(), b.getInt()));
            b.getInt();
        }
        return new JournalHeader(slot, state == 1, generation, transaction, entries);
    }
}
