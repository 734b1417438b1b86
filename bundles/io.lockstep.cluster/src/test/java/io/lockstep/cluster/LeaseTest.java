package io.lockstep.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.lockstep.storage.CountingMedium;
import io.lockstep.cluster.records.CorruptRecordException;
import io.lockstep.cluster.records.HeartbeatRecord;
import io.lockstep.cluster.records.LockRecord;

/** Locks on entities in both acquisition modes: modes, contention, breaking dead holders, the journal. */
class LeaseTest extends InProcessClusterTest {

    static final String VMDK = "/vmfs/volumes/ds1/vm1/vm1.vmdk";
    /** Long enough for any takeover the protocol allows (2T = 4 s) with room for a loaded machine: a did-not-hang bound. */
    static final Duration WAIT = Duration.ofSeconds(10);


    @ParameterizedTest
    @EnumSource(Setup.class)
    void anExclusiveLockKeepsOtherHostsOutUntilReleased(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        ClusterHost a = cluster.host("esx-a", mode);
        ClusterHost b = cluster.host("esx-b", mode);
        Lease lease = a.acquire(VMDK, EntityKind.FILE, LockMode.EXCLUSIVE, WAIT);
        assertEquals(1, lease.generation());
        assertTrue(lease.valid());
        assertEquals(Optional.empty(), b.tryAcquire(VMDK, EntityKind.FILE, LockMode.EXCLUSIVE));
        assertEquals(Optional.empty(), b.tryAcquire(VMDK, EntityKind.FILE, LockMode.SHARED_READ));
        LockBusyException busy = assertThrows(LockBusyException.class,
                () -> b.acquire(VMDK, EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ofMillis(60)));
        assertTrue(busy.getMessage().startsWith(VMDK + " is held exclusive by esx-a (slot " + a.slot()), busy.getMessage());
        lease.close();
        Lease second = b.acquire(VMDK, EntityKind.FILE, LockMode.EXCLUSIVE, WAIT);
        assertEquals(2, second.generation(), "every acquisition bumps the lock generation (a fencing token)");
        LockRecord onDisk = b.cluster().locks().get(0).record();
        assertEquals(LockMode.EXCLUSIVE, onDisk.mode());
        assertEquals(List.of(b.slot()), onDisk.owners().stream().map(LockRecord.Owner::slot).toList());
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void sharedReadersShareAndKeepWritersOut(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        ClusterHost a = cluster.host("esx-a", mode);
        ClusterHost b = cluster.host("esx-b", mode);
        ClusterHost c = cluster.host("esx-c", mode);
        Lease ra = a.acquire("/vmfs/volumes/ds1/iso/base.iso", EntityKind.FILE, LockMode.SHARED_READ, WAIT);
        Lease rb = b.acquire("/vmfs/volumes/ds1/iso/base.iso", EntityKind.FILE, LockMode.SHARED_READ, WAIT);
        assertEquals(Optional.empty(), c.tryAcquire("/vmfs/volumes/ds1/iso/base.iso", EntityKind.FILE, LockMode.EXCLUSIVE));
        assertEquals(Optional.empty(), c.tryAcquire("/vmfs/volumes/ds1/iso/base.iso", EntityKind.FILE, LockMode.MULTI_WRITER));
        ra.close();
        rb.close();
        assertTrue(c.tryAcquire("/vmfs/volumes/ds1/iso/base.iso", EntityKind.FILE, LockMode.EXCLUSIVE).isPresent());
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void multiWriterLocksAreSharedByUpToEightHostsOnAClusteredDisk(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        List<ClusterHost> hosts = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            hosts.add(cluster.host("esx-" + i, mode));
        }
        for (int i = 0; i < 8; i++) {
            hosts.get(i).acquire("/vmfs/volumes/ds1/quorum.vmdk", EntityKind.FILE, LockMode.MULTI_WRITER, WAIT);
        }
        assertEquals(Optional.empty(), hosts.get(8).tryAcquire("/vmfs/volumes/ds1/quorum.vmdk", EntityKind.FILE, LockMode.MULTI_WRITER),
                "a 512-byte lock record holds eight owners");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void theLockOfAHostThatStoppedHeartbeatingIsBrokenAfterTheLeaseTimeout(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        ClusterHost a = cluster.host("esx-a", mode);
        ClusterHost b = cluster.host("esx-b", mode);
        a.acquire(VMDK, EntityKind.FILE, LockMode.EXCLUSIVE, WAIT);
        int deadSlot = a.slot();
        long start = System.nanoTime();
        cluster.crash(a);
        Lease taken = b.acquire(VMDK, EntityKind.FILE, LockMode.EXCLUSIVE, WAIT);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        Duration t = cluster.timing().leaseTimeout();
        // T runs from the crashed host's last renewal as B saw it, which may precede the crash by up to one interval
        long earliest = t.minus(cluster.timing().heartbeatInterval()).toMillis();
        assertTrue(tookMs >= earliest, "no break before the lease timeout after the last renewal (" + tookMs + " ms, at least " + earliest
                + " ms expected)");
        assertTrue(tookMs <= 2 * t.toMillis(), "takeover within 2T (" + tookMs + " ms, T = " + t.toMillis() + " ms)");
        assertTrue(taken.valid());
        HeartbeatRecord fenced = b.cluster().heartbeats().get(deadSlot).record();
        assertEquals(HeartbeatRecord.State.FENCED, fenced.state());
        assertEquals(b.slot(), fenced.fencedBy());
        assertEquals(1, b.stats().fences());
        assertFalse(a.heartbeatValid(), "the crashed host's leases lapse on its side too");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aRestartedHostsOldLocksAreStaleAtOnce(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        ClusterHost a = cluster.host("esx-a", mode);
        a.acquire(VMDK, EntityKind.FILE, LockMode.EXCLUSIVE, WAIT);
        cluster.crash(a);
        ClusterHost restarted = cluster.host("esx-a", mode);
        cluster.holdRenewals(restarted, true); // only the acquisition's commands are counted
        CountingMedium medium = cluster.mediumOf(restarted);
        CountingMedium.Counts before = medium.counts();
        Lease lease = restarted.acquire(VMDK, EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ZERO);
        CountingMedium.Counts cost = medium.counts().minus(before);
        cluster.holdRenewals(restarted, false);
        // no waiting out the lease timeout for one's own previous generation (which would poll the lock for T, or fail
        // with Duration.ZERO): the stale owner is removed and the lock taken in one pass
        assertEquals(2, lease.generation());
        assertTrue(cost.sectorIos() <= 8, mode + ": took the stale lock with " + cost);
        assertEquals(0, restarted.stats().fences(), "nobody was fenced: the old owner was this host's previous generation");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void anUncontendedAcquireCostsAtMostThreeSectorIos(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        ClusterHost a = cluster.host("esx-a", mode);
        CountingMedium medium = cluster.mediumOf(a);
        cluster.holdRenewals(a, true); // the heartbeat's own commands are not the acquisition's cost
        for (String entity : List.of("/vmfs/fresh-entity", "/vmfs/fresh-entity")) {
            CountingMedium.Counts before = medium.counts();
            Lease lease = a.acquire(entity, EntityKind.FILE, LockMode.EXCLUSIVE, WAIT);
            CountingMedium.Counts cost = medium.counts().minus(before);
            lease.close();
            assertTrue(cost.sectorIos() <= 3, mode + ": acquire cost " + cost);
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aCorruptLockRecordIsReportedAndNotOverwritten(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        ClusterHost a = cluster.host("esx-a", mode);
        a.acquire(VMDK, EntityKind.FILE, LockMode.EXCLUSIVE, WAIT).close();
        ClusterHost b = cluster.host("esx-b", mode);
        Cluster.Read<LockRecord> read = b.cluster().locks().get(0);
        byte[] bytes = b.cluster().io().read(read.lba());
        bytes[30] ^= 0x01; // a byte of the entity name
        b.cluster().io().write(read.lba(), bytes, true);
        CorruptRecordException e = assertThrows(CorruptRecordException.class,
                () -> b.acquire(VMDK, EntityKind.FILE, LockMode.EXCLUSIVE, WAIT));
        assertTrue(e.getMessage().startsWith("lock record " + read.record().index() + " at sector " + read.lba() + " is corrupt: CRC32C expected"),
                e.getMessage());
        assertArrayEquals(bytes, b.cluster().io().read(read.lba()), "the damaged record was left as found");
        assertFalse(b.cluster().locks().get(0).ok());
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void badRequestsAreRefusedClearly(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        ClusterHost a = cluster.host("esx-a", mode);
        a.acquire("/vmfs/volumes/ds1/vm1", EntityKind.DIRECTORY, LockMode.SHARED_READ, WAIT).close();
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> a.acquire("/vmfs/volumes/ds1/vm1", EntityKind.FILE, LockMode.EXCLUSIVE, WAIT));
        assertEquals("/vmfs/volumes/ds1/vm1 is a directory, not a file", kind.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.acquire("", EntityKind.FILE, LockMode.EXCLUSIVE, WAIT));
        assertThrows(IllegalArgumentException.class, () -> a.acquire("x".repeat(201), EntityKind.FILE, LockMode.EXCLUSIVE, WAIT));
        assertThrows(IllegalArgumentException.class, () -> a.acquire("/x", EntityKind.FILE, LockMode.FREE, WAIT));
        a.acquire("/x", EntityKind.FILE, LockMode.EXCLUSIVE, WAIT);
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> a.acquire("/x", EntityKind.FILE, LockMode.EXCLUSIVE, WAIT));
        assertTrue(twice.getMessage().contains("already holds /x"));
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aJournaledChangeOfADeadHostIsReplayedBeforeItsLockIsTaken(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        ClusterHost a = cluster.host("esx-a", mode);
        ClusterHost b = cluster.host("esx-b", mode);
        long data = a.cluster().superblock().dataLba();
        Lease held = a.acquire(VMDK, EntityKind.FILE, LockMode.EXCLUSIVE, WAIT);
        byte[] one = filled(0x11);
        byte[] two = filled(0x22);
        cluster.failWritesFrom(a, data); // the journal reaches the medium, the sectors in place do not: the host dies in between
        assertThrows(java.io.IOException.class, () -> held.writeAtomically(Map.of(data, one, data + 5, two)));
        cluster.crash(a);
        b.acquire(VMDK, EntityKind.FILE, LockMode.EXCLUSIVE, WAIT);
        assertArrayEquals(one, b.cluster().io().read(data));
        assertArrayEquals(two, b.cluster().io().read(data + 5));
        assertEquals(1, b.stats().journalsReplayed());
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void writeAtomicallyPutsEverySectorInPlaceUnderTheLease(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        ClusterHost a = cluster.host("esx-a", mode);
        long data = a.cluster().superblock().dataLba();
        Lease lease = a.acquire(VMDK, EntityKind.FILE, LockMode.EXCLUSIVE, WAIT);
        lease.writeAtomically(Map.of(data + 1, filled(1), data + 2, filled(2)));
        assertArrayEquals(filled(2), a.cluster().io().read(data + 2));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> lease.writeAtomically(Map.of(0L, filled(9))));
        assertTrue(outside.getMessage().contains("journaled writes go to the directory, reservation and data areas"), outside.getMessage());
    }

    static byte[] filled(int value) {
        byte[] b = new byte[512];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
