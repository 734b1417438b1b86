package io.lockstep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.storage.iscsi.IscsiMedium;

/**
 * The cluster on a real iSCSI target when the network misbehaves: a host whose TCP connection keeps breaking
 * reconnects as the same initiator port and keeps its heartbeat and its lock; a host whose registration another
 * preempted takes the notification path, never an error.
 */
class IscsiClusterTest {

    @TempDir
    Path dir;
    TestCluster cluster;

    @AfterEach
    void close() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static IscsiMedium iscsi(TestCluster c, ClusterHost h) {
        return (IscsiMedium) c.rawMediumOf(h);
    }

    @Test
    void aHostWhoseConnectionKeepsBreakingKeepsItsHeartbeatAndItsLock() throws Exception {
        cluster = TestCluster.create(dir, Timing.LOCAL_IO_TIMEOUT, true);
        Duration t = cluster.timing().leaseTimeout();
        ClusterHost a = cluster.host("esx-a", AcquisitionMode.RESERVE);
        ClusterHost b = cluster.host("esx-b", AcquisitionMode.RESERVE);
        ClusterHost c = cluster.host("esx-c", AcquisitionMode.RESERVE);
        Lease held = a.acquire("/vm1/vm1.vmdk", EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ofSeconds(10));
        IscsiMedium am = iscsi(cluster, a);
        AtomicBoolean cutting = new AtomicBoolean(true);
        AtomicInteger cuts = new AtomicInteger();
        Thread cutter = new Thread(() -> {
            while (cutting.get()) {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    return;
                }
                am.dropConnection(); // as a network failure: the next command logs in again
                cuts.incrementAndGet();
            }
        });
        cutter.start();
        for (int refused = 0; refused < 2; refused++) {
            // another host wants the lock for longer than T while the cuts go on: it must not get it
            assertThrows(LockBusyException.class, () -> b.acquire("/vm1/vm1.vmdk", EntityKind.FILE, LockMode.EXCLUSIVE,
                    t.plus(cluster.timing().heartbeatInterval())));
        }
        cutting.set(false);
        cutter.join();
        assertTrue(cuts.get() >= 10, "connection cut " + cuts.get() + " times");
        assertTrue(am.counters().reconnects() >= 5, "reconnected: " + am.counters());
        assertTrue(a.heartbeatValid(), "esx-a's heartbeat survived the cuts");
        assertTrue(held.valid(), "and so did its lock");
        assertEquals(c.slot() != a.slot() && c.slot() != b.slot(), true);
        held.close();
        try (Lease l = b.acquire("/vm1/vm1.vmdk", EntityKind.FILE, LockMode.EXCLUSIVE, cluster.timing().heartbeatInterval())) {
            assertTrue(l.valid(), "released, it goes to esx-b at once");
        }
    }

    /**
     * A medium whose next write to one sector lands but whose answer is lost, as when a connection breaks after the
     * command went out ({@link io.lockstep.storage.iscsi.CommandOutcomeUnknownException}).
     */
    static io.lockstep.storage.Medium losingAnswers(io.lockstep.storage.Medium m, long[] lba, AtomicBoolean armed) {
        return (io.lockstep.storage.Medium) java.lang.reflect.Proxy.newProxyInstance(IscsiClusterTest.class.getClassLoader(),
                new Class<?>[] {io.lockstep.storage.Medium.class}, (proxy, method, args) -> {
                    Object r;
                    try {
                        r = method.invoke(m, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    boolean write = method.getName().equals("write") || method.getName().equals("compareAndWrite");
                    if (write && (long) args[0] == lba[0] && armed.compareAndSet(true, false)) {
                        throw new io.lockstep.storage.iscsi.CommandOutcomeUnknownException(method.getName() + " lba " + lba[0],
                                "the connection broke before the status came back");
                    }
                    return r;
                });
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(AcquisitionMode.class)
    void aHeartbeatRenewalWhoseAnswerWasLostIsRecognisedAsOursNotAsAnotherHostsSlot(AcquisitionMode mode) throws Exception {
        cluster = TestCluster.create(dir, Timing.LOCAL_IO_TIMEOUT, false);
        AtomicBoolean armed = new AtomicBoolean();
        long[] slotLba = {-1};
        try (io.lockstep.storage.file.FileMedium raw = io.lockstep.storage.file.FileMedium.open(cluster.lun, "esx-a")) {
            ClusterHost a = Cluster.open(losingAnswers(raw, slotLba, armed), mode).join(HostIdentity.named("esx-a"));
            slotLba[0] = a.superblock().heartbeatLba(a.slot());
            armed.set(true); // the next renewal's write lands; its caller hears "outcome unknown"
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (armed.get() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(!armed.get(), "a renewal's answer was lost");
            long renewals = a.stats().heartbeatRenewals();
            Thread.sleep(cluster.timing().heartbeatInterval().multipliedBy(5).toMillis());
            assertTrue(a.heartbeatValid(), "the host took its own landed renewal for its own, not for another host's slot");
            assertTrue(a.stats().heartbeatRenewals() > renewals + 2, "renewals went on: " + a.stats());
            assertEquals(1, a.stats().heartbeatFailures(), "the lost answer was counted once");
            a.close();
        }
    }
}
