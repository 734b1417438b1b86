package io.lockstep.ft;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.util.UUID;
import java.util.zip.CRC32C;

import io.lockstep.cluster.ClusterIo;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.cluster.EntityKind;

/**
 * A pair's go-live record: one sector of a file on the shared datastore ({@code /ft/<pair>.golive}). The primary
 * arms it when a backup joins (a new generation, state PAIRED). Whichever side loses the other tries to change it
 * from PAIRED to LIVE with itself as owner by compare-and-write (or inside a reservation in the reserve mode):
 * the medium lets exactly one change succeed, so exactly one side goes on running.
 *
 * <pre>
 * "LSGL" | version u16 | generation u64 | state u8 (1 paired, 2 live) | owner UUID (16) | owner name (UTF, ≤ 64)
 *        | changed u64 (epoch ms) | ... zeros ... | CRC32C of the bytes before it, in the sector's last 4 bytes
 * </pre>
 */
public final class GoLive {

    static final int MAGIC = 0x4C53474C; // "LSGL"
    static final int PAIRED = 1;
    static final int LIVE = 2;

    /** What the record says. */
    public record State(long generation, int state, UUID owner, String ownerName, long changedMillis) {
        public boolean live() {
            return state == LIVE;
        }
    }

    private final Datastore datastore;
    private final String file;
    private final long lba;
    private final int sectorSize;

    /** Opens (creating when missing) the go-live record of {@code pair} on {@code datastore}. */
    public GoLive(Datastore datastore, String pair) throws IOException {
        if (!pair.matches("[A-Za-z0-9._-]{1,40}")) {
            throw new IllegalArgumentException("FT pair name: expected 1-40 letters, digits, '.', '_' or '-', found '" + pair + "'");
        }
        this.datastore = datastore;
        this.file = "/ft/" + pair + ".golive";
        DirectoryEntry e = datastore.file(file).orElse(null);
        if (e == null) {
            datastore.fs().mkdirs("/ft");
            try {
                e = datastore.create(file, EntityKind.FILE, 512);
            } catch (FileAlreadyExistsException raced) {
                datastore.poll();
                e = datastore.file(file).orElseThrow(() -> raced);
            }
        }
        this.lba = datastore.fs().mediumLba(e, 0); // a thick file: its blocks never move
        this.sectorSize = datastore.superblock().sectorSize();
    }

    private ClusterIo io() {
        return datastore.host().io();
    }

    public String file() {
        return file;
    }

    /** The record as it is on the medium now (generation 0 when never armed). */
    public State read() throws IOException {
        return decode(io().read(lba));
    }

    /** A new generation, PAIRED, with this host as the one that armed it; returns the generation. */
    public long arm() throws IOException {
        ClusterIo.Update u = io().update(lba, null, current -> {
            State s = decode(current);
            return encode(new State(s.generation() + 1, PAIRED, me(), datastore.host().identity().name(), System.currentTimeMillis()));
        });
        return decode(u.after()).generation();
    }

    /**
     * Tries to go live in {@code generation}: true when this host changed the record to LIVE (or already had);
     * false when the other side did, or the record moved to another generation.
     */
    public boolean tryWin(long generation) throws IOException {
        UUID me = me();
        ClusterIo.Update u = io().update(lba, null, current -> {
            State s = decode(current);
            if (s.generation() == generation && s.state() == PAIRED) {
                return encode(new State(generation, LIVE, me, datastore.host().identity().name(), System.currentTimeMillis()));
            }
            return null;
        });
        State after = decode(u.after());
        return after.generation() == generation && after.live() && after.owner().equals(me);
    }

    private UUID me() {
        return datastore.host().identity().uuid();
    }

    byte[] encode(State s) {
        ByteBuffer b = ByteBuffer.allocate(sectorSize);
        b.putInt(MAGIC).putShort((short) 1).putLong(s.generation()).put((byte) s.state());
        b.putLong(s.owner().getMostSignificantBits()).putLong(s.owner().getLeastSignificantBits());
        byte[] name = s.ownerName().getBytes(StandardCharsets.UTF_8);
        int n = Math.min(name.length, 64);
        b.put((byte) n).put(name, 0, n);
        b.putLong(s.changedMillis());
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, sectorSize - 4);
        b.putInt(sectorSize - 4, (int) crc.getValue());
        return b.array();
    }

    State decode(byte[] sector) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(sector);
        int magic = b.getInt();
        if (magic == 0) {
            return new State(0, 0, new UUID(0, 0), "", 0); // never armed
        }
        if (magic != MAGIC) {
            throw new IOException(file + ": not a go-live record: expected magic LSGL, found " + String.format("%08x", magic));
        }
        CRC32C crc = new CRC32C();
        crc.update(sector, 0, sectorSize - 4);
        if (b.getInt(sectorSize - 4) != (int) crc.getValue()) {
            throw new IOException(file + ": the go-live record is damaged (CRC32C)");
        }
        b.getShort();
        long generation = b.getLong();
        int state = b.get();
        UUID owner = new UUID(b.getLong(), b.getLong());
        byte[] name = new byte[b.get() & 0xFF];
        b.get(name);
        return new State(generation, state, owner, new String(name, StandardCharsets.UTF_8), b.getLong());
    }
}
