package io.lockstep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import io.lockstep.cluster.records.HeartbeatRecord;
import io.lockstep.cluster.records.Superblock;

/** Heartbeat slots: claimed, renewed, reclaimed after a restart, released; fencing stops the fenced host. */
class HeartbeatTest extends InProcessClusterTest {


    @ParameterizedTest
    @EnumSource(Setup.class)
    void hostsClaimDistinctSlotsAndTheirCountersAdvance(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        ClusterHost a = cluster.host("esx-a", mode);
        ClusterHost b = cluster.host("esx-b", mode);
        assertNotEquals(a.slot(), b.slot());
        long before = a.heartbeat().counter();
        Thread.sleep(cluster.timing().heartbeatInterval().toMillis() * 4);
        assertTrue(a.heartbeat().counter() >= before + 2, "counter went from " + before + " to " + a.heartbeat().counter());
        HeartbeatRecord seenByB = b.cluster().heartbeats().get(a.slot()).record();
        assertEquals("esx-a", seenByB.hostName());
        assertEquals(HeartbeatRecord.State.LIVE, seenByB.state());
        assertTrue(a.heartbeatValid());
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aRestartedHostReclaimsItsSlotWithANewGeneration(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        ClusterHost first = cluster.host("esx-a", mode);
        int slot = first.slot();
        long generation = first.heartbeatGeneration();
        cluster.crash(first);
        ClusterHost again = cluster.host("esx-a", mode);
        assertEquals(slot, again.slot());
        assertTrue(again.heartbeatGeneration() > generation);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void leavingFreesTheSlot(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        ClusterHost a = cluster.host("esx-a", mode);
        int slot = a.slot();
        a.close();
        assertEquals(HeartbeatRecord.State.FREE, cluster.viewer("viewer").heartbeats().get(slot).record().state());
        assertFalse(a.heartbeatValid());
        assertThrows(HostFencedException.class, a::ensureHeartbeatValid);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aHostWhoseSlotIsFencedLearnsItAtItsNextRenewalAndStops(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        ClusterHost victim = cluster.host("esx-a", mode);
        ClusterHost other = cluster.host("esx-b", mode);
        CompletableFuture<String> told = new CompletableFuture<>();
        victim.onFenced(told::complete);
        // esx-b fences esx-a's slot by hand, as a host that took esx-a for dead would
        ClusterIo io = other.cluster().io();
        Superblock sb = other.cluster().superblock();
        long lba = sb.heartbeatLba(victim.slot());
        io.update(lba, null, bytes -> HeartbeatRecord.decode(bytes, lba, victim.slot()).fencedBy(other.slot()).encode(bytes.length));
        String reason = told.get(10, TimeUnit.SECONDS);
        assertTrue(reason.contains("fenced by the host in slot " + other.slot()), reason);
        assertFalse(victim.heartbeatValid());
        HostFencedException e = assertThrows(HostFencedException.class,
                () -> victim.acquire("/vmfs/volume1", EntityKind.FILESYSTEM, LockMode.SHARED_READ, Duration.ZERO));
        assertTrue(e.getMessage().contains("was fenced"), e.getMessage());
    }
}
