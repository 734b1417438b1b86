package io.lockstep.storage.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32C;

import io.lockstep.storage.MediumFormatException;

/**
 * The first 512 bytes of a LUN file: what the file is and where its regions lie. Written once, when the LUN
 * is created; checked at every open.
 *
 * <pre>
 * off len field
 *   0   8 magic "LSTEPLUN"
 *   8   2 format version (1)
 *  12   4 sector size (bytes)
 *  16   8 sector count
 *  24   8 data offset (bytes): sector 0 of the LUN
 *  32   8 state offset (bytes): target-state slot A; slot B follows it
 *  40   4 state slot size (bytes)
 *  48  16 LUN serial (UUID)
 *  64   8 created (ms since the epoch)
 * 508   4 CRC32C of bytes 0..507
 * </pre>
 */
public record LunHeader(int sectorSize, long sectorCount, long dataOffset, long stateOffset, int stateSlotSize,
        UUID serial, long createdMillis) {

    public static final byte[] MAGIC = "LSTEPLUN".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    public static final int SIZE = 512;

    /** Byte offsets inside the header page of what is not part of the record. */
    static final long COMMIT_WORD_OFFSET = 512;
    static final long STATE_LOCK_OFFSET = 1024;
    static final long NEXUS_LOCK_OFFSET = 2048;
    static final int MAX_NEXUS = 1024;

    static final long DEFAULT_STATE_OFFSET = 64 * 1024;
    static final int DEFAULT_STATE_SLOT_SIZE = 64 * 1024;
    static final long DEFAULT_DATA_OFFSET = 1024 * 1024;

    public static LunHeader fresh(int sectorSize, long sectorCount) {
        return new LunHeader(sectorSize, sectorCount, DEFAULT_DATA_OFFSET, DEFAULT_STATE_OFFSET, DEFAULT_STATE_SLOT_SIZE,
                UUID.randomUUID(), System.currentTimeMillis());
    }

    public long dataBytes() {
        return sectorCount * sectorSize;
    }

    public long fileSize() {
        return dataOffset + dataBytes();
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        b.put(MAGIC);
        b.putShort((short) VERSION);
        b.putShort((short) 0);
        b.putInt(sectorSize);
        b.putLong(sectorCount);
        b.putLong(dataOffset);
        b.putLong(stateOffset);
        b.putInt(stateSlotSize);
        b.putInt(0);
        b.putLong(serial.getMostSignificantBits());
        b.putLong(serial.getLeastSignificantBits());
        b.putLong(createdMillis);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, SIZE - 4);
        b.putInt(SIZE - 4, (int) crc.getValue());
        return b.array();
    }

    static LunHeader decode(byte[] raw, String file) throws MediumFormatException {
        if (raw.length < SIZE) {
            throw new MediumFormatException(file + ": not a Lockstep LUN: expected a " + SIZE + "-byte header, found a "
                    + raw.length + "-byte file");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (raw[i] != MAGIC[i]) {
                throw new MediumFormatException(file + ": not a Lockstep LUN: expected magic \"LSTEPLUN\" at offset 0, found "
                        + printable(raw, 0, 8));
            }
        }
        ByteBuffer b = ByteBuffer.wrap(raw, 0, SIZE);
        CRC32C crc = new CRC32C();
        crc.update(raw, 0, SIZE - 4);
        int stored = b.getInt(SIZE - 4);
        if (stored != (int) crc.getValue()) {
            throw new MediumFormatException(String.format("%s: LUN header is damaged: CRC32C expected %08x, found %08x",
                    file, (int) crc.getValue(), stored));
        }
        b.position(8);
        int version = b.getShort() & 0xFFFF;
        if (version != VERSION) {
            throw new MediumFormatException(file + ": LUN format version " + version + " is not supported (expected "
                    + VERSION + ")");
        }
        b.getShort();
        int sectorSize = b.getInt();
        long sectorCount = b.getLong();
        long dataOffset = b.getLong();
        long stateOffset = b.getLong();
        int slotSize = b.getInt();
        b.getInt();
        UUID serial = new UUID(b.getLong(), b.getLong());
        long created = b.getLong();
        LunHeader header = new LunHeader(sectorSize, sectorCount, dataOffset, stateOffset, slotSize, serial, created);
        header.validate(file);
        return header;
    }

    void validate(String file) throws MediumFormatException {
        if (!validSectorSize(sectorSize)) {
            throw new MediumFormatException(file + ": LUN header: sector size " + sectorSize
                    + " is not a power of two from 512 to 65536");
        }
        if (sectorCount <= 0 || stateOffset < 4096 || stateSlotSize < 4096
                || dataOffset < stateOffset + 2L * stateSlotSize || dataOffset % 4096 != 0) {
            throw new MediumFormatException(file + ": LUN header: inconsistent regions (sectors " + sectorCount
                    + ", state at " + stateOffset + " x2 of " + stateSlotSize + ", data at " + dataOffset + ")");
        }
    }

    public static boolean validSectorSize(int size) {
        return size >= 512 && size <= 65536 && Integer.bitCount(size) == 1;
    }

    static String printable(byte[] raw, int off, int len) {
        StringBuilder hex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (int i = off; i < off + len && i < raw.length; i++) {
            hex.append(String.format("%02x", raw[i]));
            char c = (char) (raw[i] & 0xFF);
            text.append(c >= 32 && c < 127 ? c : '.');
        }
        return hex + " (\"" + text + "\")";
    }
}
