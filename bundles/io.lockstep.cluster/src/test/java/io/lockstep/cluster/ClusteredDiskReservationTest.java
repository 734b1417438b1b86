package io.lockstep.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.PrType;
import io.lockstep.storage.ReservationConflictException;
import io.lockstep.storage.Sense;
import io.lockstep.storage.SenseKey;
import io.lockstep.storage.scsi.Cdb;
import io.lockstep.storage.scsi.ScsiResponse;
import io.lockstep.storage.scsi.ScsiTarget;
import io.lockstep.storage.ScsiStatus;
import io.lockstep.cluster.records.NotificationRecord;
import io.lockstep.cluster.records.SharedTable;
import io.lockstep.cluster.datastore.ClusteredDisk;
import io.lockstep.cluster.datastore.Datastore;

/** Two clustered guests on two hosts sharing one virtual disk: its reservations answer them as a physical disk would. */
class ClusteredDiskReservationTest extends InProcessClusterTest {

    static final String QUORUM = "/cluster/quorum.vmdk";
    static final String GUEST_1 = "iqn.2026-11.io.lockstep:node1";
    static final String GUEST_2 = "iqn.2026-11.io.lockstep:node2";
    static final long KEY_1 = 0x1111;
    static final long KEY_2 = 0x2222;

    Datastore hostA;
    Datastore hostB;
    ClusteredDisk node1;
    ClusteredDisk node2;

    void twoNodes(AcquisitionMode mode) throws Exception {
        hostA = cluster.datastore("esx-a", mode);
        hostB = cluster.datastore("esx-b", mode);
        hostA.create(QUORUM, EntityKind.FILE, 1 << 20);
        hostB.host().io().read(0); // B learns of the new file
        node1 = hostA.openClusteredDisk(QUORUM, GUEST_1);
        node2 = hostB.openClusteredDisk(QUORUM, GUEST_2);
    }

    static byte[] sector(int value) {
        byte[] b = new byte[512];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aScsi2ReserveOnOneHostShutsTheOtherHostsGuestOut(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        twoNodes(mode);
        node1.reserve();
        ReservationConflictException w = assertThrows(ReservationConflictException.class, () -> node2.write(0, sector(2), false));
        assertTrue(w.getMessage().contains("reserved (SCSI-2 RESERVE) by " + GUEST_1), w.getMessage());
        assertThrows(ReservationConflictException.class, () -> node2.read(0, 1));
        node1.write(0, sector(1), true);
        node1.release();
        node2.write(1, sector(2), true);
        assertArrayEquals(sector(1), node2.read(0, 1));
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void underWriteExclusiveTheOtherGuestReadsButMayNotWrite(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        twoNodes(mode);
        node1.register(0, KEY_1);
        node2.register(0, KEY_2);
        node1.reserve(KEY_1, PrType.WRITE_EXCLUSIVE);
        node1.write(0, sector(1), true);
        assertArrayEquals(sector(1), node2.read(0, 1), "Write Exclusive: other initiators still read");
        assertThrows(ReservationConflictException.class, () -> node2.write(0, sector(2), false));
        assertEquals(List.of(KEY_1, KEY_2), node2.readKeys().keys());
        assertEquals(KEY_1, node2.readReservation().key());
        node1.release(KEY_1, PrType.WRITE_EXCLUSIVE);
        node1.reserve(KEY_1, PrType.EXCLUSIVE_ACCESS);
        assertThrows(ReservationConflictException.class, () -> node2.read(0, 1), "Exclusive Access: not even reads");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void whenTheHoldingNodesHostDiesTheSurvivorPreemptsAndLosesNothing(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        twoNodes(mode);
        node1.register(0, KEY_1);
        node2.register(0, KEY_2);
        node2.write(10, sector(10), true); // before any reservation
        node1.reserve(KEY_1, PrType.WRITE_EXCLUSIVE);
        node1.reserve(KEY_1, PrType.WRITE_EXCLUSIVE); // the holder again, same type: GOOD
        node1.write(0, sector(1), true);
        assertThrows(ReservationConflictException.class, () -> node2.write(11, sector(11), false));

        cluster.crash(hostA.host()); // node1's host dies holding the reservation

        node2.preempt(KEY_2, KEY_1, PrType.WRITE_EXCLUSIVE);
        assertEquals(KEY_2, node2.readReservation().key());
        assertEquals(List.of(KEY_2), node2.readKeys().keys());
        for (int i = 11; i < 20; i++) {
            node2.write(i, sector(i), true);
        }
        assertArrayEquals(sector(1), node2.read(0, 1), "what node1 wrote before it died is there");
        for (int i = 10; i < 20; i++) {
            assertArrayEquals(sector(i), node2.read(i, 1), "nothing node2 wrote is lost (sector " + i + ")");
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aPreemptedGuestHearsOfItOnceThenConflicts(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        twoNodes(mode);
        node1.register(0, KEY_1);
        node2.register(0, KEY_2);
        node1.reserve(KEY_1, PrType.EXCLUSIVE_ACCESS_REGISTRANTS_ONLY);
        node2.preempt(KEY_2, KEY_1, PrType.EXCLUSIVE_ACCESS_REGISTRANTS_ONLY);
        CheckConditionException ua = assertThrows(CheckConditionException.class, () -> node1.read(0, 1));
        assertEquals(SenseKey.UNIT_ATTENTION, ua.sense().key());
        assertTrue(ua.sense().is(Sense.REGISTRATIONS_PREEMPTED), ua.getMessage());
        assertThrows(ReservationConflictException.class, () -> node1.read(0, 1));
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aLunResetBreaksADeadNodesScsi2Reserve(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        twoNodes(mode);
        node1.reserve();
        cluster.crash(hostA.host());
        assertThrows(ReservationConflictException.class, () -> node2.write(0, sector(2), false));
        node2.lunReset(); // what a clustered guest's surviving node does
        CheckConditionException heard = assertThrows(CheckConditionException.class, () -> node2.write(0, sector(2), false));
        assertTrue(heard.sense().is(Sense.BUS_DEVICE_RESET));
        node2.write(0, sector(2), true);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void theNotificationIndicatorIsSetUntilTheOtherHostHasSeenTheChange(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        twoNodes(mode);
        cluster.holdRenewals(hostB.host(), true); // B meets the notification through the read below, not through its heartbeat
        node1.register(0, KEY_1);
        NotificationRecord.Entry set = hostA.host().cluster().notificationRecord().entry(SharedTable.VDR);
        assertTrue(set.indicatorSet(), "just changed: host B has not seen it");
        assertEquals(1L << hostB.host().slot(), set.pending());
        hostB.host().io().read(0); // B meets the notification: refreshes, registers again, clears its bit, then reads
        cluster.holdRenewals(hostB.host(), false);
        assertFalse(hostA.host().cluster().notificationRecord().entry(SharedTable.VDR).indicatorSet());
        assertEquals(List.of(KEY_1), hostB.vdr(node2.file().index()).state().registrations.values().stream().toList(),
                "B's cache holds node1's registration");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void guestCommandsArriveAsCdbsAndBadOnesGetIllegalRequest(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        twoNodes(mode);
        ScsiTarget target = new ScsiTarget(node1, "LOCKSTEP", "VIRTUAL DISK");
        ScsiResponse bad = target.execute(Cdb.persistentReserveOut(0x1F, null), Cdb.prOutParameters(KEY_1, 0));
        assertEquals(ScsiStatus.CHECK_CONDITION, bad.status());
        assertTrue(bad.sense().is(Sense.INVALID_FIELD_IN_CDB), bad.toString());
        assertTrue(bad.detail().contains("service action 0x1f is not one of REGISTER"), bad.detail());
        assertEquals(List.of(), node2.readKeys().keys(), "nothing was registered");

        assertTrue(target.execute(Cdb.persistentReserveOut(Cdb.PR_OUT_REGISTER, null), Cdb.prOutParameters(0, KEY_1)).good());
        ScsiResponse keys = target.execute(Cdb.persistentReserveIn(Cdb.PR_IN_READ_KEYS, 256), null);
        assertEquals(List.of(KEY_1), ScsiTarget.keysOf(keys.dataIn()));
        ScsiResponse shortList = target.execute(Cdb.persistentReserveOut(Cdb.PR_OUT_RESERVE, PrType.WRITE_EXCLUSIVE), new byte[10]);
        assertTrue(shortList.sense().is(Sense.PARAMETER_LIST_LENGTH_ERROR), shortList.toString());
        ScsiResponse badType = target.execute(Cdb.persistentReserveOut(Cdb.PR_OUT_RESERVE, null), Cdb.prOutParameters(KEY_1, 0));
        assertTrue(badType.sense().is(Sense.INVALID_FIELD_IN_CDB), badType.toString());
        ScsiResponse unknown = target.execute(new byte[] {(byte) 0xC0, 0, 0, 0, 0, 0}, null);
        assertTrue(unknown.sense().is(Sense.INVALID_COMMAND_OPERATION_CODE), unknown.toString());
        ScsiResponse write = target.execute(Cdb.write16(3, 1, true), sector(3));
        assertTrue(write.good(), write.toString());
        assertArrayEquals(sector(3), target.execute(Cdb.read16(3, 1), null).dataIn());
    }
}
