package io.lockstep.cluster.records;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.PrState;
import io.lockstep.storage.PrType;
import io.lockstep.storage.Sense;
import io.lockstep.storage.SenseKey;

/**
 * The reservation state of one virtual disk (one sector, so one atomic update changes it): the virtual
 * initiators (guests' SAN identities) that have used it, the host slot each was seen from, their keys,
 * the SCSI-2 holder, the persistent reservation, and up to two unit attentions waiting per initiator.
 *
 * <pre>
 *  0 4 "LSVR" | 4 2 version | 6 1 initiator count | 7 1 pr type | 8 4 entry index | 12 4 0
 * 16 8 record generation | 24 8 PR generation | 32 8 PR key | 40 1 PR holder (0xFF none, 0xFE all registrants, else initiator #)
 * 41 1 SCSI-2 holder (0xFF none, else initiator #) | 42 2 0
 * 44 per initiator: name length u8 | name (≤ 56 bytes) | host slot u8 | registered u8 | key u64 | UA count u8 | (key, asc, ascq) ×UA
 * last 4: CRC32C
 * </pre>
 */
public record VdrRecord(int index, long generation, List<String> initiators, Map<String, Integer> hostSlots, PrState state) {

    public static final String MAGIC = "LSVR";
    public static final int VERSION = 1;
    public static final int MAX_INITIATORS = 6;
    public static final int MAX_NAME_BYTES = 56;
    public static final int MAX_UNIT_ATTENTIONS = 2;
    private static final int NONE = 0xFF;
    private static final int ALL = 0xFE;

    public VdrRecord {
        initiators = List.copyOf(initiators);
        hostSlots = Map.copyOf(hostSlots);
    }

    public static VdrRecord empty(int index) {
        return new VdrRecord(index, 0, List.of(), Map.of(), new PrState(MAX_UNIT_ATTENTIONS));
    }

    /** A copy with a state to change; {@code initiator} (from {@code hostSlot}) is added to the known initiators. */
    public Draft draft(String initiator, int hostSlot) throws CheckConditionException {
        if (!initiators.contains(initiator) && live().size() >= MAX_INITIATORS) {
            throw new CheckConditionException("PERSISTENT RESERVE OUT", Sense.INSUFFICIENT_REGISTRATION_RESOURCES,
                    "this virtual disk already tracks " + MAX_INITIATORS + " initiators: " + live());
        }
        return new Draft(this, initiator, hostSlot);
    }

    /** The initiators the record must keep (they hold a registration, a reservation or a unit attention). */
    public List<String> live() {
        List<String> keep = new ArrayList<>();
        for (String i : initiators) {
            if (state.registered(i) || state.unitAttentions.containsKey(i) || i.equals(state.holder) || i.equals(state.scsi2Holder)) {
                keep.add(i);
            }
        }
        return keep;
    }

    /** A record being changed by one command. */
    public static final class Draft {
        public final List<String> initiators;
        public final Map<String, Integer> hostSlots;
        public final PrState state;
        private final VdrRecord from;

        public Draft(VdrRecord from, String initiator, int hostSlot) {
            this.from = from;
            this.initiators = new ArrayList<>(from.initiators);
            this.hostSlots = new LinkedHashMap<>(from.hostSlots);
            this.state = from.state.copy();
            if (!initiators.contains(initiator)) {
                initiators.add(initiator);
            }
            hostSlots.put(initiator, hostSlot);
        }

        public VdrRecord done() {
            return new VdrRecord(from.index, from.generation + 1, initiators, hostSlots, state);
        }
    }

    public byte[] encode(int sectorSize) {
        List<String> keep = live();
        for (String i : initiators) {
            if (!keep.contains(i) && keep.size() < MAX_INITIATORS) {
                keep.add(i);
            }
        }
        if (keep.size() > MAX_INITIATORS) {
            throw new IllegalStateException("a virtual disk's reservation record holds " + MAX_INITIATORS + " initiators, found " + keep.size());
        }
        ByteBuffer b = SectorCodec.begin(sectorSize, MAGIC, VERSION);
        b.put((byte) keep.size());
        b.put((byte) (state.type == null ? 0 : state.type.code()));
        b.putInt(index);
        b.putInt(0);
        b.putLong(generation);
        b.putLong(state.generation);
        b.putLong(state.key);
        b.put((byte) (state.holder == null ? NONE : PrState.ALL_REGISTRANTS.equals(state.holder) ? ALL : keep.indexOf(state.holder)));
        b.put((byte) (state.scsi2Holder == null ? NONE : keep.indexOf(state.scsi2Holder)));
        b.putShort((short) 0);
        for (String i : keep) {
            byte[] name = i.getBytes(StandardCharsets.UTF_8);
            b.put((byte) name.length);
            b.put(name);
            b.put((byte) (int) hostSlots.getOrDefault(i, 0xFF));
            b.put((byte) (state.registered(i) ? 1 : 0));
            b.putLong(state.registrations.getOrDefault(i, 0L));
            Deque<Sense> uas = state.unitAttentions.getOrDefault(i, new ArrayDeque<>());
            b.put((byte) uas.size());
            for (Sense s : uas) {
                b.put((byte) s.key().code());
                b.put((byte) s.asc());
                b.put((byte) s.ascq());
            }
        }
        return SectorCodec.seal(b);
    }

    public static VdrRecord decode(byte[] sector, long lba, int expectedIndex) throws CorruptRecordException {
        String what = "virtual disk reservation record " + expectedIndex;
        ByteBuffer b = SectorCodec.open(sector, lba, what, MAGIC, VERSION);
        int count = b.get() & 0xFF;
        int type = b.get() & 0xFF;
        int index = b.getInt();
        b.getInt();
        if (index != expectedIndex || count > MAX_INITIATORS) {
            throw new CorruptRecordException(what, lba, "index " + index + ", " + count + " initiators");
        }
        long generation = b.getLong();
        PrState s = new PrState(MAX_UNIT_ATTENTIONS);
        s.generation = b.getLong();
        s.key = b.getLong();
        int holder = b.get() & 0xFF;
        int scsi2 = b.get() & 0xFF;
        b.getShort();
        try {
            s.type = type == 0 ? null : PrType.of(type);
        } catch (IllegalArgumentException e) {
            throw new CorruptRecordException(what, lba, e.getMessage());
        }
        List<String> initiators = new ArrayList<>();
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int len = b.get() & 0xFF;
            if (len > MAX_NAME_BYTES) {
                throw new CorruptRecordException(what, lba, "an initiator name of " + len + " bytes");
            }
            byte[] name = new byte[len];
            b.get(name);
            String initiator = new String(name, StandardCharsets.UTF_8);
            initiators.add(initiator);
            int slot = b.get() & 0xFF;
            if (slot != 0xFF) {
                slots.put(initiator, slot);
            }
            boolean registered = b.get() == 1;
            long key = b.getLong();
            if (registered) {
                s.registrations.put(initiator, key);
            }
            int uas = b.get() & 0xFF;
            if (uas > MAX_UNIT_ATTENTIONS) {
                throw new CorruptRecordException(what, lba, "initiator " + i + " has " + uas + " unit attentions waiting; a record holds at most "
                        + MAX_UNIT_ATTENTIONS);
            }
            for (int u = 0; u < uas; u++) {
                SenseKey senseKey;
                try {
                    senseKey = SenseKey.of(b.get());
                } catch (IllegalArgumentException e) {
                    throw new CorruptRecordException(what, lba, "unit attention " + u + " of initiator " + i + ": " + e.getMessage());
                }
                s.addUnitAttention(initiator, Sense.of(senseKey, b.get() & 0xFF, b.get() & 0xFF));
            }
        }
        if (holder != NONE && holder != ALL && holder >= count || scsi2 != NONE && scsi2 >= count) {
            throw new CorruptRecordException(what, lba, "a holder index beyond its " + count + " initiators");
        }
        if (holder != NONE) {
            s.holder = holder == ALL ? PrState.ALL_REGISTRANTS : initiators.get(holder);
        }
        if (scsi2 != NONE) {
            s.scsi2Holder = initiators.get(scsi2);
        }
        return new VdrRecord(index, generation, initiators, slots, s);
    }
}
