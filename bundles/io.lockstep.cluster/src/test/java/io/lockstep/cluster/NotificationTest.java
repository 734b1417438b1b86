package io.lockstep.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.lockstep.storage.CountingMedium;
import io.lockstep.storage.PrReservation;
import io.lockstep.storage.PrType;
import io.lockstep.storage.ReservationConflictException;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.cluster.records.NotificationRecord;
import io.lockstep.cluster.records.SharedTable;
import io.lockstep.cluster.datastore.Datastore;

/** Notification through the medium, in both acquisition modes, with hosts in this JVM (each its own initiator). */
class NotificationTest extends InProcessClusterTest {

    static final String DISK = "/vm1/vm1.vmdk";

    @ParameterizedTest
    @EnumSource(Setup.class)
    void mountingRegistersEachHostUnderOneAllRegistrantsReservation(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        Datastore b = cluster.datastore("esx-b", mode);
        CountingMedium viewer = cluster.medium("viewer");
        try {
            viewer.readKeys();
        } catch (Exception powerOnReset) {
            // a new session's first command
        }
        assertEquals(List.of(a.key(), b.key()), viewer.readKeys().keys());
        PrReservation r = viewer.readReservation();
        assertEquals(PrType.WRITE_EXCLUSIVE_ALL_REGISTRANTS, r.type());
        assertThrows(ReservationConflictException.class, () -> viewer.write(1, new byte[512], false),
                "a host that is not registered may not write");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aChangeReachesABusyHostThroughItsNextIoWhichSucceeds(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        Datastore b = cluster.datastore("esx-b", mode);
        Datastore c = cluster.datastore("esx-c", mode);
        assertTrue(b.file(DISK).isEmpty());
        long before = b.stats().notificationsReceived();
        a.create(DISK, EntityKind.FILE, 1 << 20);
        byte[] data = b.host().io().read(a.superblock().dataLba()); // B's next I/O meets the unit attention…
        assertEquals(512, data.length); // …and its caller sees only the data
        assertTrue(b.file(DISK).isPresent(), "B refreshed its directory on the notification");
        assertTrue(b.stats().notificationsReceived() > before);
        c.host().io().write(a.superblock().dataLba() + 3000, new byte[512], false); // a write, too, is retried transparently
        assertTrue(c.file(DISK).isPresent());
        assertEquals(a.cachedGeneration(SharedTable.DIRECTORY), c.cachedGeneration(SharedTable.DIRECTORY));
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void anIdleHostLearnsWithinOneHeartbeat(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        Datastore idle = cluster.datastore("esx-idle", mode);
        a.create(DISK, EntityKind.FILE, 4096);
        // the idle host does no I/O but its heartbeat: its next renewal meets the notification (one heartbeat interval
        // later; allowed four, a busy machine's scheduling delays included — a host that never learned would wait forever)
        long start = System.nanoTime();
        long bound = cluster.timing().heartbeatInterval().multipliedBy(4).toNanos();
        while (idle.file(DISK).isEmpty() && System.nanoTime() - start < bound) {
            Thread.sleep(5);
        }
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(idle.file(DISK).isPresent(), "the idle host did not learn of the new file in " + tookMs + " ms (heartbeat every "
                + cluster.timing().heartbeatInterval().toMillis() + " ms)");
        // the idle host refreshes first, then registers again and clears its indicator bit
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (a.host().cluster().notificationRecord().entry(SharedTable.DIRECTORY).indicatorSet() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertFalse(a.host().cluster().notificationRecord().entry(SharedTable.DIRECTORY).indicatorSet(),
                "every host has seen the change: the indicator is cleared");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void listingTheDirectoryComesFromTheCacheWithoutIo(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        a.create(DISK, EntityKind.FILE, 4096);
        a.create("/vm2/vm2.vmdk", EntityKind.FILE, 4096);
        CountingMedium medium = cluster.mediumOf(a.host());
        cluster.holdRenewals(a.host(), true); // only the listings' commands are counted
        long readsBefore = medium.counts().reads();
        for (int i = 0; i < 100; i++) {
            assertEquals(4, a.files().size(), "two files and the two directories made for them");
        }
        long reads = medium.counts().reads() - readsBefore;
        cluster.holdRenewals(a.host(), false);
        assertEquals(0, reads, "no reads of the table on each listing: " + reads + " reads during 100 listings");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aFencedHostLearnsItAtItsNextIoAndTheTargetRefusesItsWrites(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        Datastore victim = cluster.datastore("esx-a", mode);
        Datastore other = cluster.datastore("esx-b", mode);
        victim.host().acquire(DISK, EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ofSeconds(5));
        cluster.hang(victim.host()); // its heartbeat stops, but the process (and its session) live on: a hung host
        other.host().acquire(DISK, EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ofSeconds(10)); // breaks it after T: fences + unregisters
        HostFencedException fenced = assertThrows(HostFencedException.class,
                () -> victim.host().io().write(other.superblock().dataLba(), new byte[512], true));
        assertTrue(fenced.getMessage().contains("was fenced"), fenced.getMessage());
        assertEquals(1, victim.stats().fencedNotices());
        io.lockstep.storage.Medium raw = cluster.rawMediumOf(victim.host());
        assertThrows(ReservationConflictException.class, () -> raw.write(other.superblock().dataLba(), new byte[512], true),
                "the target itself refuses a fenced host's writes");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aStaleNotificationRecordIsIgnoredAndSaidSo(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        Datastore b = cluster.datastore("esx-b", mode);
        a.create(DISK, EntityKind.FILE, 4096);
        b.host().io().read(0); // B is up to date
        cluster.holdRenewals(b.host(), true); // B's next notification is met by this thread's read, not by its heartbeat
        long lba = a.superblock().notificationLba();
        byte[] current = a.host().io().read(lba);
        byte[] stale = NotificationRecord.empty().encode(512); // every generation back to 0
        a.host().io().write(lba, stale, true);
        a.host().io().medium().preempt(a.key(), b.key(), Datastore.RESERVATION); // notify B by hand
        b.host().io().read(0);
        assertEquals(1, b.stats().staleRecords());
        cluster.holdRenewals(b.host(), false);
        assertTrue(b.file(DISK).isPresent(), "B kept what it knew");
        a.host().io().write(lba, current, true);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aDamagedNotificationRecordMakesHostsRefreshEverythingAndIsRebuilt(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        Datastore b = cluster.datastore("esx-b", mode);
        cluster.holdRenewals(b.host(), true); // B's notifications are met by this thread's reads, not by its heartbeat
        long lba = a.superblock().notificationLba();
        byte[] garbage = a.host().io().read(lba);
        garbage[20] ^= 0x55;
        a.host().io().write(lba, garbage, true);
        a.host().io().medium().preempt(a.key(), b.key(), Datastore.RESERVATION);
        long refreshes = b.stats().directoryRefreshes();
        b.host().io().read(0); // no error reaches the caller
        assertTrue(b.stats().damagedRecords() >= 1, "damaged records seen: " + b.stats().damagedRecords());
        assertTrue(b.stats().directoryRefreshes() > refreshes);
        a.create(DISK, EntityKind.FILE, 4096); // the writer rebuilds the record past every generation
        b.host().io().read(0);
        cluster.holdRenewals(b.host(), false);
        assertTrue(b.file(DISK).isPresent());
        assertTrue(a.host().cluster().notificationRecord().entry(SharedTable.DIRECTORY).generation() > 0);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aKeyAlreadyRegisteredByAnotherInitiatorIsACollisionAndNothingIsMounted(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        CountingMedium foreign = cluster.medium("foreign-tool");
        long keyTheFirstHostWillHave = HostIdentity.named("esx-a").registrationKey();
        try {
            foreign.registerAndIgnoreExistingKey(keyTheFirstHostWillHave);
        } catch (Exception powerOnReset) {
            foreign.registerAndIgnoreExistingKey(keyTheFirstHostWillHave);
        }
        Exception e = assertThrows(java.io.IOException.class, () -> cluster.datastore("esx-a", mode));
        assertTrue(e.getMessage().contains("registration key collision"), e.getMessage());
        assertEquals(List.of(keyTheFirstHostWillHave), foreign.readKeys().keys(), "the other initiator's registration is untouched");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void filesCreatedAndDeletedAreSeenByEveryHost(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        Datastore a = cluster.datastore("esx-a", mode);
        Datastore b = cluster.datastore("esx-b", mode);
        DirectoryEntry one = a.create("/one", EntityKind.FILE, 1 << 20);
        DirectoryEntry two = b.create("/two", EntityKind.FILE, 1 << 20);
        assertTrue(one.inline().stream().noneMatch(x -> two.inline().stream().anyMatch(x::overlaps)),
                "extents do not overlap: " + one + " " + two);
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> a.create("/two", EntityKind.FILE, 1));
        a.delete("/one");
        b.host().io().read(0);
        assertEquals(List.of("/two"), b.files().stream().map(DirectoryEntry::name).toList());
        assertThrows(IllegalArgumentException.class, () -> a.create("relative", EntityKind.FILE, 1));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> a.delete("/nope"));
        byte[] marker = new byte[512];
        marker[0] = 7;
        long lba = a.fs().mediumLba(two, 0);
        a.host().io().write(lba, marker, true);
        assertArrayEquals(marker, b.host().io().read(lba));
    }
}
