package io.lockstep.storage.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import io.lockstep.storage.MediumFormatException;
import io.lockstep.storage.PrState;
import io.lockstep.storage.PrType;
import io.lockstep.storage.Sense;
import io.lockstep.storage.SenseKey;

/**
 * What the file target remembers about a logical unit besides its data: the initiators it has seen (their
 * position is their nexus number, whose liveness byte their process locks) and the reservation state
 * ({@link PrState}). Kept in the LUN file in two slots written alternately; the commit word names the current
 * one (see {@link LunFile}). On disk, initiators are referred to by nexus number.
 *
 * <pre>
 * slot: "LSTS" | version u16 | 0 u16 | sequence u64 | payload length u32 | CRC32C(payload) u32 | payload
 * payload: prGeneration u64 | scsi2Holder i32 | prHolder i32 (-1 none, -2 all registrants) | prType u8 | prKey u64
 *          | nexus count u16 | (name length u16, UTF-8 name)*
 *          | registration count u16 | (nexus u16, key u64)*
 *          | unit attention count u16 | (nexus u16, sense key u8, asc u8, ascq u8)*
 * </pre>
 */
final class TargetState {

    static final byte[] MAGIC = "LSTS".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int SLOT_HEADER = 24;
    static final int NONE = -1;
    static final int ALL = -2;
    static final int MAX_UNIT_ATTENTIONS = 16;
    static final int MAX_NAME_BYTES = 223; // the longest iSCSI name

    long sequence;
    final List<String> nexusNames = new ArrayList<>();
    /** LUN masking: the initiators this LUN is presented to (empty: every initiator). */
    final java.util.TreeSet<String> presentedTo = new java.util.TreeSet<>();
    final PrState pr;

    TargetState() {
        this(new PrState(MAX_UNIT_ATTENTIONS));
    }

    private TargetState(PrState pr) {
        this.pr = pr;
    }

    TargetState copy() {
        TargetState c = new TargetState(pr.copy());
        c.sequence = sequence;
        c.nexusNames.addAll(nexusNames);
        c.presentedTo.addAll(presentedTo);
        return c;
    }

    int nexusIndex(String initiator) {
        return nexusNames.indexOf(initiator);
    }

    /** Does this initiator hold anything the target must remember after its session? */
    boolean holdsState(String initiator) {
        return pr.registered(initiator) || pr.unitAttentions.containsKey(initiator) || initiator.equals(pr.scsi2Holder)
                || initiator.equals(pr.holder);
    }

    byte[] encodeSlot(int slotSize) {
        ByteBuffer p = ByteBuffer.allocate(slotSize - SLOT_HEADER);
        p.putLong(pr.generation);
        p.putInt(pr.scsi2Holder == null ? NONE : nexusIndex(pr.scsi2Holder));
        p.putInt(pr.holder == null ? NONE : PrState.ALL_REGISTRANTS.equals(pr.holder) ? ALL : nexusIndex(pr.holder));
        p.put((byte) (pr.type == null ? 0 : pr.type.code()));
        p.putLong(pr.key);
        p.putShort((short) nexusNames.size());
        for (String name : nexusNames) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            p.putShort((short) bytes.length);
            p.put(bytes);
        }
        p.putShort((short) pr.registrations.size());
        pr.registrations.forEach((initiator, key) -> {
            p.putShort((short) nexusIndex(initiator));
            p.putLong(key);
        });
        int count = pr.unitAttentions.values().stream().mapToInt(Deque::size).sum();
        p.putShort((short) count);
        for (Map.Entry<String, Deque<Sense>> e : pr.unitAttentions.entrySet()) {
            for (Sense sense : e.getValue()) {
                p.putShort((short) nexusIndex(e.getKey()));
                p.put((byte) sense.key().code());
                p.put((byte) sense.asc());
                p.put((byte) sense.ascq());
            }
        }
        // LUN masking, appended (a slot written before masking existed ends here and reads as "presented to all")
        p.putShort((short) presentedTo.size());
        for (String name : presentedTo) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            p.putShort((short) bytes.length);
            p.put(bytes);
        }
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

    /** Bytes this state needs in a slot; logins that would not fit are refused. */
    int sizeEstimate() {
        int size = SLOT_HEADER + 8 + 4 + 4 + 1 + 8 + 2 + 2 + 2;
        for (String name : nexusNames) {
            size += 2 + name.getBytes(StandardCharsets.UTF_8).length;
        }
        size += pr.registrations.size() * 10;
        size += pr.unitAttentions.values().stream().mapToInt(Deque::size).sum() * 5;
        size += 2;
        for (String name : presentedTo) {
            size += 2 + name.getBytes(StandardCharsets.UTF_8).length;
        }
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
        s.pr.generation = b.getLong();
        int scsi2 = b.getInt();
        int holder = b.getInt();
        int type = b.get() & 0xFF;
        s.pr.type = type == 0 ? null : PrType.of(type);
        s.pr.key = b.getLong();
        int names = b.getShort() & 0xFFFF;
        for (int i = 0; i < names; i++) {
            byte[] name = new byte[b.getShort() & 0xFFFF];
            b.get(name);
            s.nexusNames.add(new String(name, StandardCharsets.UTF_8));
        }
        s.pr.scsi2Holder = scsi2 == NONE ? null : s.nexusNames.get(scsi2);
        s.pr.holder = holder == NONE ? null : holder == ALL ? PrState.ALL_REGISTRANTS : s.nexusNames.get(holder);
        int registrations = b.getShort() & 0xFFFF;
        for (int i = 0; i < registrations; i++) {
            s.pr.registrations.put(s.nexusNames.get(b.getShort() & 0xFFFF), b.getLong());
        }
        int uas = b.getShort() & 0xFFFF;
        for (int i = 0; i < uas; i++) {
            String initiator = s.nexusNames.get(b.getShort() & 0xFFFF);
            s.pr.addUnitAttention(initiator, Sense.of(SenseKey.of(b.get()), b.get() & 0xFF, b.get() & 0xFF));
        }
        if (b.position() + 2 <= SLOT_HEADER + length) {
            int masked = b.getShort() & 0xFFFF;
            for (int i = 0; i < masked; i++) {
                byte[] name = new byte[b.getShort() & 0xFFFF];
                b.get(name);
                s.presentedTo.add(new String(name, StandardCharsets.UTF_8));
            }
        }
        return s;
    }
}
