package io.lockstep.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.Medium;
import io.lockstep.storage.MediumFormatException;
import io.lockstep.storage.MiscompareException;
import io.lockstep.storage.ReservationConflictException;
import io.lockstep.storage.ScsiException;
import io.lockstep.storage.ScsiStatus;
import io.lockstep.storage.Sense;
import io.lockstep.storage.SenseKey;

/** The file medium's data commands, SCSI-2 reservations and bad input. Reservations: {@link PersistentReservationTest}. */
class FileMediumTest extends LunTestBase {

    static final int SECTOR = 512;


    /** Logs in and takes the POWER ON, RESET unit attention every new session starts with. */
    static FileMedium login(Path lun, String initiator) throws IOException {
        FileMedium medium = FileMedium.open(lun, initiator);
        CheckConditionException ua = assertThrows(CheckConditionException.class, () -> medium.read(0, 1));
        assertTrue(ua.sense().is(Sense.POWER_ON_RESET), ua.getMessage());
        return medium;
    }

    static byte[] sector(int fill) {
        byte[] b = new byte[SECTOR];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    @Test
    void aNewSessionFirstReportsPowerOnResetThenWorks() throws IOException {
        try (FileMedium a = FileMedium.open(lun, "host-a")) {
            CheckConditionException ua = assertThrows(CheckConditionException.class, () -> a.read(0, 1));
            assertEquals(ScsiStatus.CHECK_CONDITION, ua.status());
            assertEquals(SenseKey.UNIT_ATTENTION, ua.sense().key());
            assertEquals(0x29, ua.sense().asc());
            assertArrayEquals(new byte[SECTOR], a.read(0, 1), "an unwritten sector reads as zeros");
        }
    }

    @Test
    void writtenSectorsReadBackFromAnotherInitiator() throws IOException {
        try (FileMedium a = login(lun, "host-a"); FileMedium b = login(lun, "host-b")) {
            a.write(10, concat(sector(1), sector(2)), true);
            assertArrayEquals(concat(sector(1), sector(2)), b.read(10, 2));
            assertArrayEquals(sector(2), b.read(11, 1));
            assertEquals(2048, b.sectorCount());
            assertEquals(SECTOR, b.sectorSize());
        }
    }

    @Test
    void anLbaOutsideTheLunIsAnIllegalRequestAndWritesNothing() throws IOException {
        try (FileMedium a = login(lun, "host-a")) {
            byte[] before = LunFile.snapshot(lun);
            CheckConditionException e = assertThrows(CheckConditionException.class, () -> a.write(2047, concat(sector(7), sector(7)), false));
            assertTrue(e.sense().is(Sense.LBA_OUT_OF_RANGE), e.getMessage());
            assertTrue(e.getMessage().contains("sectors 2047..2048 are outside the LUN's 2048 sectors"), e.getMessage());
            assertThrows(CheckConditionException.class, () -> a.read(-1, 1));
            assertThrows(CheckConditionException.class, () -> a.read(Long.MAX_VALUE, 2));
            assertArrayEquals(before, LunFile.snapshot(lun));
        }
    }

    @Test
    void dataThatIsNotWholeSectorsIsRefused() throws IOException {
        try (FileMedium a = login(lun, "host-a")) {
            CheckConditionException e = assertThrows(CheckConditionException.class, () -> a.write(0, new byte[700], false));
            assertTrue(e.sense().is(Sense.INVALID_FIELD_IN_CDB));
            assertEquals("WRITE(16) lba 0: CHECK CONDITION, ILLEGAL REQUEST: INVALID FIELD IN CDB (24/00): "
                    + "data must be a whole number of 512-byte sectors, found 700 bytes", e.getMessage());
        }
    }

    @Test
    void compareAndWriteReplacesOnlyWhatItExpected() throws IOException {
        try (FileMedium a = login(lun, "host-a")) {
            a.write(5, sector(1), false);
            a.compareAndWrite(5, sector(1), sector(2));
            assertArrayEquals(sector(2), a.read(5, 1));

            byte[] stale = sector(2);
            stale[100] = 9;
            MiscompareException e = assertThrows(MiscompareException.class, () -> a.compareAndWrite(5, stale, sector(3)));
            assertEquals(100, e.offset());
            assertEquals(SenseKey.MISCOMPARE, e.sense().key());
            assertArrayEquals(sector(2), a.read(5, 1), "a miscompare writes nothing");
        }
    }

    @Test
    void compareAndWriteOfUnequalLengthsIsRefused() throws IOException {
        try (FileMedium a = login(lun, "host-a")) {
            CheckConditionException e = assertThrows(CheckConditionException.class,
                    () -> a.compareAndWrite(0, sector(0), concat(sector(1), sector(1))));
            assertTrue(e.sense().is(Sense.INVALID_FIELD_IN_CDB), e.getMessage());
        }
    }

    @Test
    void compareAndWriteIsAtomicAmongThreads() throws Exception {
        int threads = 4;
        int increments = 200;
        List<FileMedium> media = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            media.add(login(lun, "thread-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (FileMedium m : media) {
                results.add(pool.submit(() -> AtsCounter.increment(m, 7, increments)));
            }
            for (Future<Integer> f : results) {
                f.get();
            }
            assertEquals(threads * increments, AtsCounter.value(media.get(0).read(7, 1)));
        } finally {
            pool.shutdown();
            for (FileMedium m : media) {
                m.close();
            }
        }
    }

    @Test
    void aScsi2ReservationShutsOutOtherInitiatorsUntilReleased() throws IOException {
        try (FileMedium a = login(lun, "host-a"); FileMedium b = login(lun, "host-b")) {
            a.reserve();
            a.reserve(); // again: GOOD
            ReservationConflictException e = assertThrows(ReservationConflictException.class, () -> b.write(0, sector(1), false));
            assertEquals(ScsiStatus.RESERVATION_CONFLICT, e.status());
            assertTrue(e.getMessage().contains("reserved (SCSI-2 RESERVE) by host-a"), e.getMessage());
            assertThrows(ReservationConflictException.class, () -> b.read(0, 1));
            assertThrows(ReservationConflictException.class, b::reserve);
            b.release(); // not the holder: GOOD, no effect
            assertThrows(ReservationConflictException.class, () -> b.read(0, 1));
            b.readKeys(); // persistent reservation commands pass a SCSI-2 reservation (as tgt does)
            a.write(0, sector(4), false);
            a.release();
            assertArrayEquals(sector(4), b.read(0, 1));
        }
    }

    @Test
    void closingTheSessionEndsItsScsi2Reservation() throws IOException {
        try (FileMedium b = login(lun, "host-b")) {
            FileMedium a = login(lun, "host-a");
            a.reserve();
            assertThrows(ReservationConflictException.class, () -> b.read(0, 1));
            a.close();
            b.read(0, 1);
        }
    }

    @Test
    void aLunResetBreaksAScsi2ReservationAndEveryInitiatorHearsOfIt() throws IOException {
        try (FileMedium a = login(lun, "node-1"); FileMedium b = login(lun, "node-2")) {
            a.reserve();
            a.register(0, 0xAA);
            assertThrows(ReservationConflictException.class, () -> b.write(0, sector(1), false));
            b.lunReset(); // what a clustered guest's surviving node does to a dead node's RESERVE
            CheckConditionException heard = assertThrows(CheckConditionException.class, () -> b.write(0, sector(1), false));
            assertTrue(heard.sense().is(Sense.BUS_DEVICE_RESET), heard.getMessage());
            b.write(0, sector(1), false);
            CheckConditionException aHeard = assertThrows(CheckConditionException.class, () -> a.read(0, 1));
            assertTrue(aHeard.sense().is(Sense.BUS_DEVICE_RESET));
            assertEquals(java.util.List.of(0xAAL), a.readKeys().keys(), "persistent registrations survive a LUN reset");
        }
    }

    @Test
    void oneInitiatorCannotLogInTwice() throws IOException {
        try (FileMedium a = FileMedium.open(lun, "host-a")) {
            IOException e = assertThrows(IOException.class, () -> FileMedium.open(lun, "host-a"));
            assertTrue(e.getMessage().contains("already logged in"), e.getMessage());
        }
    }

    @Test
    void aFileThatIsNotALunIsRefusedAndLeftAlone() throws IOException {
        Path elf = dir.resolve("not-a-lun.bin");
        byte[] content = new byte[4096];
        content[0] = 0x7f;
        content[1] = 'E';
        content[2] = 'L';
        content[3] = 'F';
        Files.write(elf, content);
        MediumFormatException e = assertThrows(MediumFormatException.class, () -> FileMedium.open(elf, "host-a"));
        assertTrue(e.getMessage().contains("not a Lockstep LUN: expected magic \"LSTEPLUN\" at offset 0, found 7f454c46"), e.getMessage());
        assertArrayEquals(content, Files.readAllBytes(elf));
    }

    @Test
    void aDamagedHeaderIsReportedNotTrusted() throws IOException {
        byte[] raw = Files.readAllBytes(lun);
        raw[14] ^= 0x01; // inside the sector size field
        Files.write(lun, raw);
        MediumFormatException e = assertThrows(MediumFormatException.class, () -> FileMedium.open(lun, "host-a"));
        assertTrue(e.getMessage().contains("LUN header is damaged: CRC32C expected"), e.getMessage());
    }

    @Test
    void aTruncatedLunIsReported() throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(lun, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(1024 * 1024 + 100);
        }
        MediumFormatException e = assertThrows(MediumFormatException.class, () -> FileMedium.open(lun, "host-a"));
        assertTrue(e.getMessage().contains("LUN file is truncated: header says 2048 sectors of 512 bytes"), e.getMessage());
    }

    @Test
    void creatingOverAnExistingFileIsRefused() throws IOException {
        byte[] before = Files.readAllBytes(lun);
        assertThrows(FileAlreadyExistsException.class, () -> FileMedium.create(lun, SECTOR, 10));
        assertArrayEquals(before, Files.readAllBytes(lun));
    }

    @Test
    void aSectorSizeThatIsNotAPowerOfTwoIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FileMedium.create(dir.resolve("x"), 520, 10));
        assertEquals("sector size: expected a power of two from 512 to 65536, found 520", e.getMessage());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void fourKibibyteSectorsWork() throws IOException {
        Path big = dir.resolve("4k.img");
        FileMedium.create(big, 4096, 16);
        try (FileMedium a = login(big, "host-a")) {
            byte[] data = new byte[4096];
            data[4095] = 42;
            a.write(15, data, true);
            assertArrayEquals(data, a.read(15, 1));
            assertThrows(CheckConditionException.class, () -> a.write(0, new byte[512], false));
        }
    }

    @Test
    void aClosedSessionRefusesCommands() throws IOException {
        FileMedium a = login(lun, "host-a");
        a.close();
        IOException e = assertThrows(IOException.class, () -> a.read(0, 1));
        assertFalse(e instanceof ScsiException);
        assertTrue(e.getMessage().contains("is closed"));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, off, p.length);
            off += p.length;
        }
        return all;
    }

    /** A counter in the first 8 bytes of a sector, incremented with compare-and-write and retried on miscompare. */
    static final class AtsCounter {
        static int increment(Medium m, long lba, int times) throws IOException {
            int retries = 0;
            for (int i = 0; i < times; i++) {
                while (true) {
                    byte[] current = m.read(lba, 1);
                    byte[] next = current.clone();
                    java.nio.ByteBuffer.wrap(next).putLong(0, value(current) + 1);
                    try {
                        m.compareAndWrite(lba, current, next);
                        break;
                    } catch (MiscompareException e) {
                        retries++;
                    }
                }
            }
            return retries;
        }

        static int value(byte[] sector) {
            return (int) java.nio.ByteBuffer.wrap(sector).getLong(0);
        }
    }
}
