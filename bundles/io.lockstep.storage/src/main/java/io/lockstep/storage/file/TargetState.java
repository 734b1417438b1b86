package io.lockstep.storage.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import io.lockstep.storage.MediumFormatException;
import io.lockstep.storage.PrType;
import io.lockstep.storage.Sense;
import io.lockstep.storage.SenseKey;

/**
 * What a SCSI target remembers about a logical unit besides its data: the I_T nexuses it has seen (by
 * initiator name), their persistent-reservation registrations, the persistent reservation, the SCSI-2
 * reservation, and unit attentions waiting to be reported. Kept in the LUN file in two slots written
 * alternately; the commit word names the current one (see {@link LunFile}).
 *
 * <pre>
 * slot: "LSTS" | version u16 | 0 u16 | sequence u64 | payload length u32 | CRC32C(payload) u32 | payload
 * payload: prGeneration u64 | scsi2Holder i32 | prHolder i32 | prType u8 | prKey u64
 *          | nexus count u16 | (name length u16, UTF-8 name)*
 *          | registration count u16 | (nexus u16, key u64)*
 *          | unit attention count u16 | (nexus u16, sense key u8, asc u8, ascq u8)*
 * </pre>
 */
final class TargetState {

    static final byte[] MAGIC = "LSTS".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int SLOT_HEADER = 24;
    static final int NO_HOLDER = -1;
    static final int ALL_REGISTRANTS = -2;
    static final int MAX_UNIT_ATTENTIONS = 16;
    static final int MAX_NAME_BYTES = 223; // the longest iSCSI name

    long sequence;
    long prGeneration;
    int scsi2Holder = NO_HOLDER;
    int prHolder = NO_HOLDER;
    PrType prType;
    long prKey;
    final List<String> nexusNames = new ArrayList<>();
    final Map<Integer, Long> registrations = new LinkedHashMap<>();
    final Map<Integer, Deque<Sense>> unitAttentions = new LinkedHashMap<>();

    TargetState copy() {
        TargetState c = new TargetState();
        c.sequence = sequence;
        c.prGeneration = prGeneration;
        c.scsi2Holder = scsi2Holder;
        c.prHolder = prHolder;
        c.prType = prType;
        c.prKey = prKey;
        c.nexusNames.addAll(nexusNames);
        c.registrations.putAll(registrations);
        unitAttentions.forEach((nexus, queue) -> c.unitAttentions.put(nexus, new ArrayDeque<>(queue)));
        return c;
    }

    int nexusIndex(String initiator) {
        return nexusNames.indexOf(initiator);
    }

    String nexusName(int index) {
        return index >= 0 && index < nexusNames.size() ? nexusNames.get(index) : "nexus#" + index;
    }

    /** Who holds the persistent reservation, for messages. */
    String holderName() {
        return prHolder == ALL_REGISTRANTS ? "all registrants" : nexusName(prHolder);
    }

    boolean reservationPresent() {
        return prHolder != NO_HOLDER;
    }

    boolean registered(int nexus) {
        return registrations.containsKey(nexus);
    }

    boolean isHolder(int nexus) {
        if (prHolder == ALL_REGISTRANTS) {
            return registered(nexus);
        }
        return prHolder == nexus && registered(nexus);
    }

    void addUnitAttention(int nexus, Sense sense) {
        Deque<Sense> queue = unitAttentions.computeIfAbsent(nexus, n -> new ArrayDeque<>());
        for (Sense pending : queue) {
            if (pending.is(sense)) {
                return;
            }
        }
        if (queue.size() >= MAX_UNIT_ATTENTIONS) {
            queue.pollFirst();
        }
        queue.addLast(sense);
    }

    Sense pendingUnitAttention(int nexus) {
        Deque<Sense> queue = unitAttentions.get(nexus);
        return queue == null ? null : queue.peekFirst();
    }

    void consumeUnitAttention(int nexus) {
        Deque<Sense> queue = unitAttentions.get(nexus);
        if (queue != null) {
            queue.pollFirst();
            if (queue.isEmpty()) {
                unitAttentions.remove(nexus);
            }
        }
    }

    void clearReservation() {
        prHolder = NO_HOLDER;
        prType = null;
        prKey = 0;
    }

    byte[] encodeSlot(int slotSize) {
        ByteBuffer p = ByteBuffer.allocate(slotSize - SLOT_HEADER);
        p.putLong(prGeneration);
        p.putInt(scsi2Holder);
        p.putInt(prHolder);
        p.put((byte) (prType == null ? 0 : prType.code()));
        p.putLong(prKey);
        p.putShort((short) nexusNames.size());
        for (String name : nexusNames) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            p.putShort((short) bytes.length);
            p.put(bytes);
        }
        p.putShort((short) registrations.size());
        registrations.forEach((nexus, key) -> {
            p.putShort((short) (int) nexus);
            p.putLong(key);
        });
        int count = unitAttentions.values().stream().mapToInt(Deque::size).sum();
        p.putShort((short) count);
        unitAttentions.forEach((nexus, queue) -> {
            for (Sense sense : queue) {
                p.putShort((short) (int) nexus);
                p.put((byte) sense.key().code());
                p.put((byte) sense.asc());
                p.put((byte) sense.ascq());
            }
        });
        int length = p.position();
        CRC32C crc = new CRC32C();
        crc.update(p.array(), 0, length);
        ByteBuffer slot = ByteBuffer.allocate(SLOT_HEADER + length);
        slot.put(MAGIC);
        slot.putShort((short) VERSION);
        slot.putShort((short) 0);
        slot.putLong(sequence);
        slot.putInt(length);
        slot.putInt((int) crc.getValue());
        slot.put(p.array(), 0, length);
        return slot.array();
    }

    /** Bytes a state with these names would need; callers refuse logins that would not fit. */
    static int sizeEstimate(TargetState state) {
        int size = SLOT_HEADER + 8 + 4 + 4 + 1 + 8 + 2 + 2 + 2;
        for (String name : state.nexusNames) {
            size += 2 + name.getBytes(StandardCharsets.UTF_8).length;
        }
        size += state.registrations.size() * 10;
        size += state.unitAttentions.values().stream().mapToInt(Deque::size).sum() * 5;
        return size;
    }

    static TargetState decodeSlot(byte[] slot, long expectedSequence, String where) throws MediumFormatException {
        ByteBuffer b = ByteBuffer.wrap(slot);
        for (byte m : MAGIC) {
            if (b.get() != m) {
                throw new MediumFormatException(where + ": target state slot: expected magic \"LSTS\", found "
                        + LunHeader.printable(slot, 0, 4));
            }
        }
        int version = b.getShort() & 0xFFFF;
        if (version != VERSION) {
            throw new MediumFormatException(where + ": target state version " + version + " is not supported");
        }
        b.getShort();
        long sequence = b.getLong();
        if (sequence != expectedSequence) {
            throw new MediumFormatException(where + ": target state slot: commit word names sequence " + expectedSequence
                    + " but the slot holds sequence " + sequence);
        }
        int length = b.getInt();
        int storedCrc = b.getInt();
        if (length < 0 || length > slot.length - SLOT_HEADER) {
            throw new MediumFormatException(where + ": target state slot: payload length " + length + " exceeds the slot");
        }
        CRC32C crc = new CRC32C();
        crc.update(slot, SLOT_HEADER, length);
        if ((int) crc.getValue() != storedCrc) {
            throw new MediumFormatException(String.format("%s: target state slot (sequence %d) is damaged: CRC32C expected %08x, found %08x",
                    where, sequence, (int) crc.getValue(), storedCrc));
        }
        TargetState s = new TargetState();
        s.sequence = sequence;
        s.prGeneration = b.getLong();
        s.scsi2Holder = b.getInt();
        s.prHolder = b.getInt();
        int type = b.get() & 0xFF;
        s.prType = type == 0 ? null : PrType.of(type);
        s.prKey = b.getLong();
        int names = b.getShort() & 0xFFFF;
        for (int i = 0; i < names; i++) {
            byte[] name = new byte[b.getShort() & 0xFFFF];
            b.get(name);
            s.nexusNames.add(new String(name, StandardCharsets.UTF_8));
        }
        int registrations = b.getShort() & 0xFFFF;
        for (int i = 0; i < registrations; i++) {
            s.registrations.put(b.getShort() & 0xFFFF, b.getLong());
        }
        int uas = b.getShort() & 0xFFFF;
        for (int i = 0; i < uas; i++) {
            int nexus = b.getShort() & 0xFFFF;
            Sense sense = Sense.of(SenseKey.of(b.get()), b.get() & 0xFF, b.get() & 0xFF);
            s.unitAttentions.computeIfAbsent(nexus, n -> new ArrayDeque<>()).addLast(sense);
        }
        return s;
    }
}
