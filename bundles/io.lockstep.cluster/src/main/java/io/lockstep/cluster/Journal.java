package io.lockstep.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import io.lockstep.cluster.records.CorruptRecordException;
import io.lockstep.cluster.records.JournalHeader;
import io.lockstep.cluster.records.Superblock;

/**
 * The per-slot redo journal (see {@link JournalHeader}): how a host changes several data sectors as one, and
 * how the host that breaks a dead host's locks finishes or discards what the dead one was doing.
 * Writing: images into the journal, header COMMITTED (forced), images in place, flush, header EMPTY (forced:
 * an EMPTY that could be lost would let a later replay put old images over newer data).
 */
final class Journal {

    private final ClusterIo io;
    private final Superblock sb;
    private long transactions;

    Journal(ClusterIo io, Superblock sb) {
        this.io = io;
        this.sb = sb;
    }

    int capacity() {
        return sb.journalSectors() - 1;
    }

    /**
     * A transaction of this host was committed but not put in place (a write of the apply failed, say a RESERVATION
     * CONFLICT while the host was being notified): it is replayed before the journal takes the next one, or that one
     * would overwrite it and leave the first half applied.
     */
    private boolean unapplied;

    /** Writes {@code sectors} (data-area LBA → one sector each) as one change, for the slot's holder at {@code generation}. */
    void write(int slot, long generation, Map<Long, byte[]> sectors) throws IOException {
        if (unapplied) {
            replay(slot, generation);
            unapplied = false;
        }
        unapplied = true; // until it is in place: a failure part way (even of the header, whose outcome may be unknown) is replayed
        commit(slot, generation, sectors);
        apply(slot, generation, sectors);
        unapplied = false;
    }

    /** The first half of {@link #write}: after this returns, the change survives the writer's death. */
    void commit(int slot, long generation, Map<Long, byte[]> sectors) throws IOException {
        SortedMap<Long, byte[]> images = validate(sectors);
        int ss = io.sectorSize();
        byte[] body = new byte[images.size() * ss];
        List<JournalHeader.Entry> entries = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Long, byte[]> e : images.entrySet()) {
            System.arraycopy(e.getValue(), 0, body, i++ * ss, ss);
            entries.add(new JournalHeader.Entry(e.getKey(), crc(e.getValue())));
        }
        long base = sb.journalLba(slot);
        io.write(base + 1, body, false);
        JournalHeader header = new JournalHeader(slot, true, generation, ++transactions, entries);
        io.write(base, header.encode(ss), true); // forces the images too
    }

    private void apply(int slot, long generation, Map<Long, byte[]> sectors) throws IOException {
        for (Map.Entry<Long, byte[]> e : validate(sectors).entrySet()) {
            io.write(e.getKey(), e.getValue(), false);
        }
        io.flush();
        io.write(sb.journalLba(slot), JournalHeader.empty(slot).encode(io.sectorSize()), true);
    }

    private SortedMap<Long, byte[]> validate(Map<Long, byte[]> sectors) {
        if (sectors.isEmpty() || sectors.size() > capacity()) {
            throw new IllegalArgumentException("a journaled write holds 1 to " + capacity() + " sectors, found " + sectors.size());
        }
        SortedMap<Long, byte[]> sorted = new TreeMap<>(sectors);
        for (Map.Entry<Long, byte[]> e : sorted.entrySet()) {
            if (e.getKey() < sb.directoryLba() || e.getKey() >= io.medium().sectorCount()) {
                throw new IllegalArgumentException("journaled writes go to the directory, reservation and data areas (sectors " + sb.directoryLba() + " to "
                        + (io.medium().sectorCount() - 1) + "), found sector " + e.getKey());
            }
            if (e.getValue().length != io.sectorSize()) {
                throw new IllegalArgumentException("sector " + e.getKey() + ": expected " + io.sectorSize() + " bytes, found "
                        + e.getValue().length);
            }
        }
        return sorted;
    }

    JournalHeader header(int slot) throws IOException {
        long lba = sb.journalLba(slot);
        return JournalHeader.decode(io.read(lba), lba, slot);
    }

    /** Is there a committed change of the holder of {@code slot} at {@code generation} not yet known to be in place? */
    boolean pending(int slot, long generation) throws IOException {
        JournalHeader h = header(slot);
        return h.committed() && h.heartbeatGeneration() == generation;
    }

    /**
     * Puts a committed change of {@code slot}'s holder at {@code generation} in place and empties the journal.
     * The caller must be the only one allowed to (the holder itself, or the host that fenced it). An image
     * that fails its CRC stops the replay before anything is written.
     *
     * @return how many sectors were replayed (0 when nothing was pending)
     */
    int replay(int slot, long generation) throws IOException {
        JournalHeader h = header(slot);
        if (!h.committed() || h.heartbeatGeneration() != generation) {
            return 0;
        }
        int ss = io.sectorSize();
        long base = sb.journalLba(slot);
        byte[] body = io.read(base + 1, h.entries().size());
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < h.entries().size(); i++) {
            byte[] image = java.util.Arrays.copyOfRange(body, i * ss, (i + 1) * ss);
            if (crc(image) != h.entries().get(i).imageCrc()) {
                throw new CorruptRecordException("journal image " + (i + 1) + " of slot " + slot, base + 1 + i,
                        "CRC32C does not match its header entry for sector " + h.entries().get(i).lba());
            }
            images.add(image);
        }
        for (int i = 0; i < images.size(); i++) {
            io.write(h.entries().get(i).lba(), images.get(i), false);
        }
        io.flush();
        io.write(base, JournalHeader.empty(slot).encode(ss), true);
        return images.size();
    }

    static int crc(byte[] sector) {
        CRC32C crc = new CRC32C();
        crc.update(sector);
        return (int) crc.getValue();
    }
}
