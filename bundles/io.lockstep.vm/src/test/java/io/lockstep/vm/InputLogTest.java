package io.lockstep.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lengths trusted: an input log's record and event lengths are bounded by what remains before anything is allocated,
 * and what is wrong is an {@link InputLogFormatException} naming the record, what was expected and what was found.
 */
class InputLogTest {

    @TempDir
    Path dir;

    static byte[] header(long memory) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(InputLog.MAGIC);
        out.writeShort(1);
        out.writeUTF("kv");
        out.writeLong(memory);
        return b.toByteArray();
    }

    static byte[] record(int type, byte[] payload) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        out.writeByte(type);
        out.writeInt(payload.length);
        out.write(payload);
        out.writeInt((int) crc.getValue());
        return b.toByteArray();
    }

    Path log(byte[]... parts) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.write(p);
        }
        Path f = dir.resolve("run.lslog");
        Files.write(f, b.toByteArray());
        return f;
    }

    @Test
    void aLogRecordedAndReadBackGivesTheSameInputsAndMarkers() throws Exception {
        Path f = dir.resolve("run.lslog");
        try (InputLog log = InputLog.create(f, new InputLog.Header("kv", 1 << 20))) {
            log.accept(InputEvent.data(3, "PING\r\n".getBytes()).at(7));
            log.marker(7, new byte[32]);
        }
        assertEquals(1, InputLog.Reader.markers(f).size());
        try (InputLog.Reader r = InputLog.Reader.open(f)) {
            InputEvent e = r.take();
            assertEquals(7, e.position());
            assertEquals(3, e.channel());
            assertTrue(r.ended());
        }
    }

    @Test
    void anEventLongerThanItsRecordIsRefused() throws Exception {
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(event);
        out.writeLong(5);
        out.writeByte(InputEvent.Kind.NET_DATA.ordinal());
        out.writeInt(1);
        out.writeInt(1_000_000); // a megabyte of payload claimed in a 17-byte record
        Path f = log(header(1 << 20), record(InputLog.TYPE_INPUT, event.toByteArray()));
        try (InputLog.Reader r = InputLog.Reader.open(f)) {
            InputLogFormatException e = assertThrows(InputLogFormatException.class, r::take);
            assertTrue(e.getMessage().contains("record 0: expected one input event of 17 bytes, found input event: payload of 1000000 bytes; "
                    + "expected at most the 0 bytes that remain"), e.getMessage());
        }
    }

    @Test
    void aDigestRecordOfTheWrongSizeIsRefused() throws Exception {
        Path f = log(header(1 << 20), record(InputLog.TYPE_DIGEST, new byte[8]));
        InputLogFormatException e = assertThrows(InputLogFormatException.class, () -> InputLog.Reader.markers(f));
        assertTrue(e.getMessage().contains("record 0 (at byte 18): expected a payload of 40 bytes, found 8"), e.getMessage());
    }

    @Test
    void aRecordLongerThanTheFileIsTheLogsEndAndAllocatesNothing() throws Exception {
        byte[] cut = new byte[] {InputLog.TYPE_INPUT, 0, 0x10, 0, 0, 1, 2, 3}; // claims 1 MiB, the file ends 3 bytes later
        Path f = log(header(1 << 20), cut);
        try (InputLog.Reader r = InputLog.Reader.open(f)) {
            long start = CheckpointLengthsTest.allocatedBytes();
            assertNull(r.take(), "a record cut short where the recorder stopped ends the log");
            long allocated = CheckpointLengthsTest.allocatedBytes() - start;
            assertTrue(allocated < 256 << 10, "reading the cut record allocated " + allocated + " bytes");
        }
    }

    @Test
    void aForeignOrDamagedLogIsRefusedWithWhatWasExpected() throws Exception {
        Path foreign = log("QFI\u00fb and more bytes".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        InputLogFormatException magic = assertThrows(InputLogFormatException.class, () -> InputLog.Reader.open(foreign));
        assertTrue(magic.getMessage().contains("not an input log: expected magic LSIL (4c53494c), found 514649fb"), magic.getMessage());
        Path memory = log(header(12345));
        InputLogFormatException m = assertThrows(InputLogFormatException.class, () -> InputLog.Reader.open(memory));
        assertTrue(m.getMessage().contains("a memory size of 12345 bytes; expected a positive multiple of 4096"), m.getMessage());
        byte[] r = record(InputLog.TYPE_DIGEST, new byte[40]);
        r[10] ^= 1;
        Path damaged = log(header(1 << 20), r);
        InputLogFormatException crc = assertThrows(InputLogFormatException.class, () -> InputLog.Reader.markers(damaged));
        assertTrue(crc.getMessage().contains("record 0 (at byte 18) is damaged: its CRC32C is"), crc.getMessage());
        Path unknown = log(header(1 << 20), record(9, new byte[40]));
        InputLogFormatException type = assertThrows(InputLogFormatException.class, () -> InputLog.Reader.markers(unknown));
        assertTrue(type.getMessage().contains("expected type 1 (input) or 2 (digest), found 9"), type.getMessage());
    }
}
