package io.lockstep.cluster.records;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.LockMode;

/**
 * One lock record (one sector): the lock on a named entity, its mode, its generation (bumped at every
 * acquisition: a fencing token), and its owners, each named by heartbeat slot and that slot's generation.
 *
 * <pre>
 *   0 4 "LSLK" | 4 2 version | 6 1 entity kind | 7 1 mode | 8 4 record index | 12 2 owner count
 *  16 8 lock generation | 24 202 entity name (length-prefixed UTF-8, 200 bytes)
 * 232 owners, 32 bytes each: slot u32 | 0 u32 | heartbeat generation u64 | acquired at (wall ms) u64 | holder's counter then u64
 * last 4: CRC32C
 * </pre>
 */
public record LockRecord(int index, EntityKind kind, LockMode mode, long generation, String entity, List<Owner> owners) {

    /** An owner: a host by heartbeat slot and generation, when it took the lock (for people), and its counter then. */
    public record Owner(int slot, long heartbeatGeneration, long acquiredAtMillis, long counterAtAcquire) {
        public boolean same(Owner o) {
            return slot == o.slot && heartbeatGeneration == o.heartbeatGeneration;
        }
    }

    public static final String MAGIC = "LSLK";
    public static final int VERSION = 1;
    public static final int ENTITY_BYTES = 200;
    public static final int OWNERS_OFFSET = 232;
    public static final int OWNER_BYTES = 32;

    public LockRecord {
        owners = List.copyOf(owners);
    }

    public static LockRecord unused(int index) {
        return new LockRecord(index, EntityKind.UNUSED, LockMode.FREE, 0, "", List.of());
    }

    public static int maxOwners(int sectorSize) {
        return Math.min(32, (sectorSize - 4 - OWNERS_OFFSET) / OWNER_BYTES);
    }

    public boolean unused() {
        return kind == EntityKind.UNUSED;
    }

    /** Owners that keep a holder in {@code wanted} mode out (empty when it may join). */
    public List<Owner> blockers(LockMode wanted, int sectorSize) {
        if (owners.isEmpty() || mode.admits(wanted) && owners.size() < maxOwners(sectorSize)) {
            return List.of();
        }
        return owners;
    }

    public LockRecord withOwner(EntityKind entityKind, String name, LockMode wanted, Owner owner) {
        List<Owner> next = new ArrayList<>(owners);
        next.add(owner);
        return new LockRecord(index, entityKind, wanted, generation + 1, name, next);
    }

    public LockRecord without(Predicate<Owner> gone) {
        List<Owner> next = new ArrayList<>(owners);
        next.removeIf(gone);
        return new LockRecord(index, kind, next.isEmpty() ? LockMode.FREE : mode, generation, entity, next);
    }

    public byte[] encode(int sectorSize) {
        if (owners.size() > maxOwners(sectorSize)) {
            throw new IllegalStateException(owners.size() + " owners do not fit a " + sectorSize + "-byte lock record");
        }
        ByteBuffer b = SectorCodec.begin(sectorSize, MAGIC, VERSION);
        b.put((byte) kind.ordinal());
        b.put((byte) mode.ordinal());
        b.putInt(index);
        b.putShort((short) owners.size());
        b.putShort((short) 0);
        b.putLong(generation);
        SectorCodec.putString(b, entity, ENTITY_BYTES);
        b.position(OWNERS_OFFSET);
        for (Owner o : owners) {
            b.putInt(o.slot);
            b.putInt(0);
            b.putLong(o.heartbeatGeneration);
            b.putLong(o.acquiredAtMillis);
            b.putLong(o.counterAtAcquire);
        }
        return SectorCodec.seal(b);
    }

    public static LockRecord decode(byte[] sector, long lba, int expectedIndex) throws CorruptRecordException {
        String what = "lock record " + expectedIndex;
        ByteBuffer b = SectorCodec.open(sector, lba, what, MAGIC, VERSION);
        int kind = b.get() & 0xFF;
        int mode = b.get() & 0xFF;
        if (kind >= EntityKind.values().length || mode >= LockMode.values().length) {
            throw new CorruptRecordException(what, lba, "entity kind " + kind + " / mode " + mode + " is out of range");
        }
        int index = b.getInt();
        if (index != expectedIndex) {
            throw new CorruptRecordException(what, lba, "it says it is record " + index);
        }
        int count = b.getShort() & 0xFFFF;
        b.getShort();
        if (count > maxOwners(sector.length)) {
            throw new CorruptRecordException(what, lba, count + " owners exceed the " + maxOwners(sector.length) + " a record holds");
        }
        long generation = b.getLong();
        String entity = SectorCodec.getString(b, ENTITY_BYTES, lba, what);
        b.position(OWNERS_OFFSET);
        List<Owner> owners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int slot = b.getInt();
            b.getInt();
            owners.add(new Owner(slot, b.getLong(), b.getLong(), b.getLong()));
        }
        LockMode m = LockMode.values()[mode];
        if (owners.isEmpty() != (m == LockMode.FREE)) {
            throw new CorruptRecordException(what, lba, "mode " + m.label() + " with " + count + " owners");
        }
        return new LockRecord(index, EntityKind.values()[kind], m, generation, entity, owners);
    }
}
