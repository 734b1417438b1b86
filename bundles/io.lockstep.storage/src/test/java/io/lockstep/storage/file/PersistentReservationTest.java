package io.lockstep.storage.file;

import static io.lockstep.storage.file.FileMediumTest.login;
import static io.lockstep.storage.file.FileMediumTest.sector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.PrFullStatus;
import io.lockstep.storage.PrKeys;
import io.lockstep.storage.PrReservation;
import io.lockstep.storage.PrType;
import io.lockstep.storage.ReservationConflictException;
import io.lockstep.storage.Sense;
import io.lockstep.storage.ScsiStatus;
import io.lockstep.storage.SenseKey;
import io.lockstep.storage.scsi.Cdb;
import io.lockstep.storage.scsi.ScsiTarget;

/** SCSI-3 persistent reservations on the file medium: every service action and the result codes a target gives. */
class PersistentReservationTest extends LunTestBase {

    static final long KEY_A = 0xA0A0L;
    static final long KEY_B = 0xB0B0L;


    @Test
    void fullStatusNamesEveryRegistrantAndTheHolder() throws IOException {
        try (FileMedium a = login(lun, "host-a"); FileMedium b = login(lun, "host-b")) {
            a.register(0, KEY_A);
            b.register(0, KEY_B);
            a.reserve(KEY_A, PrType.EXCLUSIVE_ACCESS);
            PrFullStatus full = b.readFullStatus();
            assertEquals(2, full.generation());
            assertEquals(List.of(new PrFullStatus.Registrant("host-a", KEY_A, true, PrType.EXCLUSIVE_ACCESS),
                    new PrFullStatus.Registrant("host-b", KEY_B, false, null)), full.registrants());
            // the bytes a target sends: header, then per registrant 24 bytes and an iSCSI TransportID of 20
            byte[] d = ScsiTarget.readFullStatus(full);
            assertEquals(8 + 2 * (24 + 20), d.length);
            assertEquals(2 * (24 + 20), ByteBuffer.wrap(d).getInt(4));
            assertEquals(0x01, d[8 + 12], "host-a: R_HOLDER");
            assertEquals(PrType.EXCLUSIVE_ACCESS.code(), d[8 + 13]);
            assertEquals(0x05, d[8 + 24], "TransportID: iSCSI, format 00");
            assertEquals("host-a", new String(d, 8 + 28, 6, StandardCharsets.UTF_8));
            assertEquals(0, d[8 + 28 + 6], "the name is NUL-terminated");
            assertEquals(0x00, d[8 + 44 + 12], "host-b holds nothing");
        }
    }

    @Test
    void anotherInitiatorsScsi2ReservationRefusesNonDataCommandsButNotInquiryOrPersistentReservations() throws IOException {
        try (FileMedium a = login(lun, "host-a"); FileMedium b = login(lun, "host-b")) {
            ScsiTarget ta = new ScsiTarget(a, "LOCKSTEP", "VDISK");
            ScsiTarget tb = new ScsiTarget(b, "LOCKSTEP", "VDISK");
            assertTrue(ta.execute(new byte[] {0x56, 0, 0, 0, 0, 0, 0, 0, 0, 0}, null).good(), "RESERVE(10)");
            byte[] modeSense = {0x1A, 0, 0x3F, 0, (byte) 0xFF, 0};
            assertEquals(ScsiStatus.RESERVATION_CONFLICT, tb.execute(modeSense, null).status());
            assertEquals(ScsiStatus.RESERVATION_CONFLICT, tb.execute(Cdb.testUnitReady(), null).status());
            assertEquals(ScsiStatus.RESERVATION_CONFLICT, tb.execute(Cdb.readCapacity16(), null).status());
            assertTrue(tb.execute(Cdb.inquiry(false, 0, 36), null).good());
            assertTrue(tb.execute(Cdb.persistentReserveIn(Cdb.PR_IN_READ_KEYS, 64), null).good());
            assertTrue(ta.execute(modeSense, null).good(), "the holder itself");
            assertTrue(ta.execute(new byte[] {0x57, 0, 0, 0, 0, 0, 0, 0, 0, 0}, null).good(), "RELEASE(10)");
            assertTrue(tb.execute(modeSense, null).good());
        }
    }

    @Test
    void registeredKeysAndTheGenerationAreReported() throws IOException {
        try (FileMedium a = login(lun, "host-a"); FileMedium b = login(lun, "host-b")) {
            assertEquals(new PrKeys(0, List.of()), a.readKeys());
            a.register(0, KEY_A);
            b.registerAndIgnoreExistingKey(KEY_B);
            PrKeys keys = a.readKeys();
            assertEquals(2, keys.generation());
            assertEquals(List.of(KEY_A, KEY_B), keys.keys());
            a.register(KEY_A, 0xA1); // change the key
            a.register(0xA1, 0); // unregister
            assertEquals(new PrKeys(4, List.of(KEY_B)), b.readKeys());
        }
    }

    @Test
    void registeringWithTheWrongCurrentKeyIsAConflict() throws IOException {
        try (FileMedium a = login(lun, "host-a")) {
            a.register(0, KEY_A);
            ReservationConflictException e = assertThrows(ReservationConflictException.class, () -> a.register(0x1234, KEY_B));
            assertEquals("PERSISTENT RESERVE OUT REGISTER: RESERVATION CONFLICT: host-a is registered with key 0xa0a0, not the 0x1234 given",
                    e.getMessage());
            assertEquals(List.of(KEY_A), a.readKeys().keys(), "nothing changed");
        }
    }

    @Test
    void aKeyThatIsNotRegisteredCannotReserve() throws IOException {
        try (FileMedium a = login(lun, "host-a")) {
            ReservationConflictException e = assertThrows(ReservationConflictException.class,
                    () -> a.reserve(KEY_A, PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY));
            assertTrue(e.getMessage().contains("host-a is not registered (key 0xa0a0 given)"), e.getMessage());
            assertFalse(a.readReservation().present());
        }
    }

    @Test
    void writeExclusiveRegistrantsOnlyLetsEveryoneReadAndOnlyRegistrantsWrite() throws IOException {
        try (FileMedium a = login(lun, "host-a"); FileMedium b = login(lun, "host-b"); FileMedium c = login(lun, "host-c")) {
            a.register(0, KEY_A);
            b.register(0, KEY_B);
            a.reserve(KEY_A, PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY);
            assertEquals(new PrReservation(2, true, KEY_A, PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY), c.readReservation());
            a.write(1, sector(1), false);
            b.write(2, sector(2), false); // a registrant that is not the holder may write
            c.read(1, 1); // unregistered: reads are allowed
            ReservationConflictException e = assertThrows(ReservationConflictException.class, () -> c.write(3, sector(3), false));
            assertTrue(e.getMessage().contains("(host-c is not registered)"), e.getMessage());
            assertThrows(ReservationConflictException.class, () -> c.compareAndWrite(1, sector(1), sector(9)));
        }
    }

    @Test
    void exclusiveAccessRegistrantsOnlyShutsUnregisteredInitiatorsOutOfReadsToo() throws IOException {
        try (FileMedium a = login(lun, "host-a"); FileMedium c = login(lun, "host-c")) {
            a.register(0, KEY_A);
            a.reserve(KEY_A, PrType.EXCLUSIVE_ACCESS_REGISTRANTS_ONLY);
            assertThrows(ReservationConflictException.class, () -> c.read(0, 1));
            c.register(0, 0xC0);
            c.read(0, 1);
        }
    }

    @Test
    void writeExclusiveLeavesWritesToTheHolderAlone() throws IOException {
        try (FileMedium a = login(lun, "host-a"); FileMedium b = login(lun, "host-b")) {
            a.register(0, KEY_A);
            b.register(0, KEY_B);
            a.reserve(KEY_A, PrType.WRITE_EXCLUSIVE);
            assertThrows(ReservationConflictException.class, () -> b.write(0, sector(1), false));
            b.read(0, 1);
            assertThrows(ReservationConflictException.class, () -> b.reserve(KEY_B, PrType.WRITE_EXCLUSIVE));
            a.reserve(KEY_A, PrType.WRITE_EXCLUSIVE); // the holder again, same type: GOOD
            assertThrows(ReservationConflictException.class, () -> a.reserve(KEY_A, PrType.EXCLUSIVE_ACCESS));
        }
    }

    @Test
    void preemptRemovesTheVictimWhoseNextCommandReportsRegistrationsPreempted() throws IOException {
        try (FileMedium a = login(lun, "host-a"); FileMedium b = login(lun, "host-b")) {
            a.register(0, KEY_A);
            b.register(0, KEY_B);
            a.reserve(KEY_A, PrType.EXCLUSIVE_ACCESS_REGISTRANTS_ONLY);
            b.preempt(KEY_B, KEY_A, PrType.EXCLUSIVE_ACCESS_REGISTRANTS_ONLY);

            assertEquals(new PrReservation(3, true, KEY_B, PrType.EXCLUSIVE_ACCESS_REGISTRANTS_ONLY), b.readReservation());
            CheckConditionException ua = assertThrows(CheckConditionException.class, () -> a.write(0, sector(1), false));
            assertEquals(SenseKey.UNIT_ATTENTION, ua.sense().key());
            assertTrue(ua.sense().is(Sense.REGISTRATIONS_PREEMPTED), ua.getMessage());
            // reported once; now a plain conflict, because host-a is no longer registered
            assertThrows(ReservationConflictException.class, () -> a.write(0, sector(1), false));
            a.registerAndIgnoreExistingKey(KEY_A);
            a.write(0, sector(1), false);
            assertArrayEquals(sector(1), b.read(0, 1));
        }
    }

    @Test
    void preemptWithoutAReservationRemovesRegistrationsOnly() throws IOException {
        try (FileMedium a = login(lun, "host-a"); FileMedium b = login(lun, "host-b")) {
            a.register(0, KEY_A);
            b.register(0, KEY_B);
            a.preempt(KEY_A, KEY_B, PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY);
            assertFalse(a.readReservation().present());
            assertEquals(List.of(KEY_A), a.readKeys().keys());
            CheckConditionException ua = assertThrows(CheckConditionException.class, () -> b.read(0, 1));
            assertTrue(ua.sense().is(Sense.REGISTRATIONS_PREEMPTED));
            b.read(0, 1); // no reservation: the retry goes through
        }
    }

    @Test
    void preemptingAKeyNobodyHoldsIsAConflictAndZeroIsAnIllegalField() throws IOException {
        try (FileMedium a = login(lun, "host-a")) {
            a.register(0, KEY_A);
            ReservationConflictException conflict = assertThrows(ReservationConflictException.class,
                    () -> a.preempt(KEY_A, 0x5555, PrType.WRITE_EXCLUSIVE));
            assertTrue(conflict.getMessage().contains("no other initiator is registered with key 0x5555"));
            CheckConditionException zero = assertThrows(CheckConditionException.class, () -> a.preempt(KEY_A, 0, PrType.WRITE_EXCLUSIVE));
            assertTrue(zero.sense().is(Sense.INVALID_FIELD_IN_PARAMETER_LIST));
        }
    }

    @Test
    void releaseOfARegistrantsOnlyReservationTellsTheOtherRegistrants() throws IOException {
        try (FileMedium a = login(lun, "host-a"); FileMedium b = login(lun, "host-b")) {
            a.register(0, KEY_A);
            b.register(0, KEY_B);
            a.reserve(KEY_A, PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY);
            CheckConditionException wrongType = assertThrows(CheckConditionException.class,
                    () -> a.release(KEY_A, PrType.EXCLUSIVE_ACCESS));
            assertEquals(0x26, wrongType.sense().asc());
            assertEquals(0x04, wrongType.sense().ascq());
            b.release(KEY_B, PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY); // not the holder: GOOD, no effect
            assertTrue(a.readReservation().present());
            a.release(KEY_A, PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY);
            CheckConditionException ua = assertThrows(CheckConditionException.class, () -> b.read(0, 1));
            assertTrue(ua.sense().is(Sense.RESERVATIONS_RELEASED));
            assertFalse(b.readReservation().present());
        }
    }

    @Test
    void clearRemovesEverythingAndTellsTheOthers() throws IOException {
        try (FileMedium a = login(lun, "host-a"); FileMedium b = login(lun, "host-b")) {
            a.register(0, KEY_A);
            b.register(0, KEY_B);
            b.reserve(KEY_B, PrType.EXCLUSIVE_ACCESS);
            a.clear(KEY_A);
            assertEquals(List.of(), a.readKeys().keys());
            assertFalse(a.readReservation().present());
            CheckConditionException ua = assertThrows(CheckConditionException.class, b::readKeys);
            assertTrue(ua.sense().is(Sense.RESERVATIONS_PREEMPTED));
        }
    }

    @Test
    void allRegistrantsReservationsMakeEveryRegistrantAHolder() throws IOException {
        try (FileMedium a = login(lun, "host-a"); FileMedium b = login(lun, "host-b"); FileMedium c = login(lun, "host-c")) {
            a.register(0, KEY_A);
            b.register(0, KEY_B);
            a.reserve(KEY_A, PrType.EXCLUSIVE_ACCESS_ALL_REGISTRANTS);
            assertEquals(0, a.readReservation().key(), "all-registrants reservations report key 0");
            b.write(0, sector(5), false);
            assertThrows(ReservationConflictException.class, () -> c.read(0, 1));
            a.register(KEY_A, 0);
            assertTrue(b.readReservation().present(), "the reservation stays while a registrant remains");
            b.register(KEY_B, 0);
            assertFalse(c.readReservation().present(), "the last registrant leaving releases it");
        }
    }

    @Test
    void registrationsAndUnitAttentionsOutliveTheSession() throws IOException {
        try (FileMedium b = login(lun, "host-b")) {
            try (FileMedium a = login(lun, "host-a")) {
                a.register(0, KEY_A);
            }
            b.register(0, KEY_B);
            b.preempt(KEY_B, KEY_A, PrType.WRITE_EXCLUSIVE);
            try (FileMedium a = FileMedium.open(lun, "host-a")) {
                // both the new session's POWER ON RESET and the preemption that happened while host-a was away
                CheckConditionException first = assertThrows(CheckConditionException.class, () -> a.read(0, 1));
                CheckConditionException second = assertThrows(CheckConditionException.class, () -> a.read(0, 1));
                assertTrue(first.sense().is(Sense.REGISTRATIONS_PREEMPTED), first.getMessage());
                assertTrue(second.sense().is(Sense.POWER_ON_RESET), second.getMessage());
                a.read(0, 1);
            }
        }
    }
}
