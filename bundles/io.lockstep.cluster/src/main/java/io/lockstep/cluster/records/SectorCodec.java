package io.lockstep.cluster.records;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * What every on-disk record shares: a 4-byte magic and a 2-byte version at the start, a CRC32C of everything
 * before it in the last 4 bytes of the sector, and length-prefixed UTF-8 strings.
 */
public final class SectorCodec {

    private SectorCodec() {
    }

    public static ByteBuffer begin(int sectorSize, String magic, int version) {
        ByteBuffer b = ByteBuffer.allocate(sectorSize);
        b.put(magic.getBytes(StandardCharsets.US_ASCII));
        b.putShort((short) version);
        return b;
    }

    /** Stores the CRC32C of bytes [0, size-4) in the last 4 bytes and returns the sector. */
    public static byte[] seal(ByteBuffer b) {
        byte[] sector = b.array();
        CRC32C crc = new CRC32C();
        crc.update(sector, 0, sector.length - 4);
        ByteBuffer.wrap(sector).putInt(sector.length - 4, (int) crc.getValue());
        return sector;
    }

    /** Checks magic, version and CRC; returns a buffer positioned after the version. */
    public static ByteBuffer open(byte[] sector, long lba, String record, String magic, int version) throws CorruptRecordException {
        byte[] expected = magic.getBytes(StandardCharsets.US_ASCII);
        boolean magicOk = true;
        for (int i = 0; i < 4; i++) {
            magicOk &= sector[i] == expected[i];
        }
        CRC32C crc = new CRC32C();
        crc.update(sector, 0, sector.length - 4);
        int stored = ByteBuffer.wrap(sector).getInt(sector.length - 4);
        if (!magicOk) {
            boolean zero = true;
            for (byte x : sector) {
                zero &= x == 0;
            }
            throw new CorruptRecordException(record, lba, "expected magic \"" + magic + "\", found "
                    + (zero ? "an all-zero sector (overwritten or never formatted)" : hex(sector, 0, 4)));
        }
        if (stored != (int) crc.getValue()) {
            throw new CorruptRecordException(record, lba, String.format("CRC32C expected %08x, found %08x",
                    (int) crc.getValue(), stored));
        }
        ByteBuffer b = ByteBuffer.wrap(sector);
        b.position(4);
        int v = b.getShort() & 0xFFFF;
        if (v != version) {
            throw new CorruptRecordException(record, lba, "version " + v + " is not supported (expected " + version + ")");
        }
        return b;
    }

    public static void putString(ByteBuffer b, String s, int maxBytes) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException("'" + s + "' is " + bytes.length + " bytes in UTF-8; at most " + maxBytes + " fit");
        }
        b.putShort((short) bytes.length);
        b.put(bytes);
        b.position(b.position() + maxBytes - bytes.length);
    }

    public static String getString(ByteBuffer b, int maxBytes, long lba, String record) throws CorruptRecordException {
        int len = b.getShort() & 0xFFFF;
        if (len > maxBytes) {
            throw new CorruptRecordException(record, lba, "a name of " + len + " bytes exceeds its " + maxBytes + "-byte field");
        }
        byte[] bytes = new byte[len];
        b.get(bytes);
        b.position(b.position() + maxBytes - len);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    public static String hex(byte[] bytes, int off, int len) {
        StringBuilder s = new StringBuilder();
        for (int i = off; i < off + len; i++) {
            s.append(String.format("%02x", bytes[i]));
        }
        return s.toString();
    }
}
