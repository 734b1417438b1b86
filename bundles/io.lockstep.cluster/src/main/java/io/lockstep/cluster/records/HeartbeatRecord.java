package io.lockstep.cluster.records;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * One heartbeat slot (one sector). A live host bumps {@code counter} every heartbeat interval; others judge
 * it alive by watching the counter move on their own clocks. {@code generation} changes whenever the slot
 * changes hands or is fenced, so a lock owner recorded as (slot, generation) is stale once they differ.
 *
 * <pre>
 *   0 4 "LSHB" | 4 2 version | 6 2 state (0 free, 1 live, 2 fenced) | 8 4 slot
 *  12 4 fenced by (slot + 1, 0 = nobody) | 16 8 generation | 24 8 counter | 32 16 owner uuid
 *  48 8 renewed at (wall ms, informational only) | 56 66 host name (length-prefixed UTF-8, 64 bytes)
 * last 4: CRC32C
 * </pre>
 */
public record HeartbeatRecord(int slot, State state, long generation, long counter, UUID owner, String hostName,
        long renewedAtMillis, int fencedBy) {

    public enum State {
        FREE, LIVE, FENCED
    }

    public static final String MAGIC = "LSHB";
    public static final int VERSION = 1;
    public static final int NAME_BYTES = 64;
    public static final int NOBODY = -1;

    public static HeartbeatRecord free(int slot, long generation) {
        return new HeartbeatRecord(slot, State.FREE, generation, 0, new UUID(0, 0), "", 0, NOBODY);
    }

    public HeartbeatRecord claimedBy(UUID host, String name) {
        return new HeartbeatRecord(slot, State.LIVE, generation + 1, 0, host, name, System.currentTimeMillis(), NOBODY);
    }

    public HeartbeatRecord renewed() {
        return new HeartbeatRecord(slot, state, generation, counter + 1, owner, hostName, System.currentTimeMillis(), fencedBy);
    }

    public HeartbeatRecord fencedBy(int fencer) {
        return new HeartbeatRecord(slot, State.FENCED, generation + 1, counter, owner, hostName, renewedAtMillis, fencer);
    }

    /** The same fenced generation, its journal now the responsibility of {@code fencer} (the first fencer died). */
    public HeartbeatRecord refencedBy(int fencer) {
        return new HeartbeatRecord(slot, State.FENCED, generation, counter, owner, hostName, renewedAtMillis, fencer);
    }

    public HeartbeatRecord released() {
        return new HeartbeatRecord(slot, State.FREE, generation + 1, 0, owner, hostName, System.currentTimeMillis(), NOBODY);
    }

    public boolean live() {
        return state == State.LIVE;
    }

    public byte[] encode(int sectorSize) {
        ByteBuffer b = SectorCodec.begin(sectorSize, MAGIC, VERSION);
        b.putShort((short) state.ordinal());
        b.putInt(slot);
        b.putInt(fencedBy + 1);
        b.putLong(generation);
        b.putLong(counter);
        b.putLong(owner.getMostSignificantBits());
        b.putLong(owner.getLeastSignificantBits());
        b.putLong(renewedAtMillis);
        SectorCodec.putString(b, hostName, NAME_BYTES);
        return SectorCodec.seal(b);
    }

    public static HeartbeatRecord decode(byte[] sector, long lba, int expectedSlot) throws CorruptRecordException {
        ByteBuffer b = SectorCodec.open(sector, lba, "heartbeat slot " + expectedSlot, MAGIC, VERSION);
        int state = b.getShort() & 0xFFFF;
        if (state >= State.values().length) {
            throw new CorruptRecordException("heartbeat slot " + expectedSlot, lba, "state " + state + " is not 0, 1 or 2");
        }
        int slot = b.getInt();
        if (slot != expectedSlot) {
            throw new CorruptRecordException("heartbeat slot " + expectedSlot, lba, "it says it is slot " + slot);
        }
        int fencedBy = b.getInt() - 1;
        long generation = b.getLong();
        long counter = b.getLong();
        UUID owner = new UUID(b.getLong(), b.getLong());
        long renewed = b.getLong();
        String name = SectorCodec.getString(b, NAME_BYTES, lba, "heartbeat slot " + expectedSlot);
        return new HeartbeatRecord(slot, State.values()[state], generation, counter, owner, name, renewed, fencedBy);
    }
}
