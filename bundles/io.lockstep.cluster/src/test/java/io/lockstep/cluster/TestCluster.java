package io.lockstep.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lockstep.storage.CountingMedium;
import io.lockstep.storage.Medium;
import io.lockstep.storage.file.FileMedium;
import io.lockstep.storage.iscsi.IscsiMedium;
import io.lockstep.storage.iscsi.TgtTarget;
import io.lockstep.cluster.datastore.Datastore;

/** A formatted LUN file and the hosts (each its own initiator) that join it, for in-process tests. */
final class TestCluster implements AutoCloseable {

    final Path lun;
    final Duration ioTimeout;
    private final TgtTarget.Lun iscsi;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Map<ClusterHost, CountingMedium> media = new HashMap<>();
    private final Map<ClusterHost, TestHeartbeats> heartbeats = new HashMap<>();
    private final Map<String, long[]> failWritesFrom = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Medium> raw = new java.util.concurrent.ConcurrentHashMap<>();

    private TestCluster(Path lun, TgtTarget.Lun iscsi, Duration ioTimeout) {
        this.lun = lun;
        this.iscsi = iscsi;
        this.ioTimeout = ioTimeout;
    }

    static TestCluster create(Path dir, Duration ioTimeout) throws IOException {
        return create(dir, ioTimeout, false);
    }

    /** A formatted medium of 16,384 sectors: a LUN file under {@code dir}, or a new logical unit of the shared tgtd. */
    static TestCluster create(Path dir, Duration ioTimeout, boolean iscsi) throws IOException {
        return create(dir, ioTimeout, iscsi, 16 * 1024, Cluster.FormatOptions.defaults().blockBytes());
    }

    /** A formatted medium of {@code sectors} 512-byte sectors whose file system has blocks of {@code blockBytes}. */
    static TestCluster create(Path dir, Duration ioTimeout, boolean iscsi, long sectors, int blockBytes) throws IOException {
        Cluster.FormatOptions format = Cluster.FormatOptions.defaults().withIoTimeout(ioTimeout).withLocks(256).withSlots(16)
                .withBlockBytes(blockBytes);
        if (iscsi) {
            TgtTarget.Lun lun = TgtTarget.shared().lun("cluster", sectors * 512L, List.of());
            try (Medium m = IscsiMedium.open(lun.uri(), "formatter").takeUnitAttentions()) {
                Cluster.format(m, format);
            }
            return new TestCluster(null, lun, ioTimeout);
        }
        Path lun = dir.resolve("datastore.lun");
        FileMedium.create(lun, 512, sectors);
        try (FileMedium m = FileMedium.open(lun, "formatter")) {
            Cluster.format(m, format);
        }
        return new TestCluster(lun, null, ioTimeout);
    }

    boolean iscsi() {
        return iscsi != null;
    }

    CountingMedium medium(String initiator) throws IOException {
        Medium medium = iscsi != null ? IscsiMedium.open(iscsi.uri(), initiator) : FileMedium.open(lun, initiator);
        raw.put(initiator, medium);
        CountingMedium m = new CountingMedium(failing(medium, initiator));
        open.add(m);
        return m;
    }

    ClusterHost host(String name, AcquisitionMode mode) throws IOException {
        CountingMedium m = medium(name);
        TestHeartbeats driver = new TestHeartbeats();
        ClusterHost host = Cluster.open(m, mode).join(HostIdentity.named(name), driver);
        open.add(0, host);
        media.put(host, m);
        heartbeats.put(host, driver);
        return host;
    }

    /** Mounts the datastore as host {@code name} (its own initiator), in {@code mode}. */
    Datastore datastore(String name, AcquisitionMode mode) throws IOException {
        CountingMedium m = medium(name);
        TestHeartbeats driver = new TestHeartbeats();
        Datastore ds = Datastore.mount(m, HostIdentity.named(name), mode, driver);
        open.add(0, ds);
        media.put(ds.host(), m);
        heartbeats.put(ds.host(), driver);
        return ds;
    }

    /** The host dies this instant, as a SIGKILLed process: no more renewals, and its initiator session ends. */
    void crash(ClusterHost host) throws IOException {
        heartbeats.get(host).stop();
        media.get(host).close();
    }

    /** The host hangs, as a SIGSTOPped process: no more renewals, but its initiator session lives on. */
    void hang(ClusterHost host) {
        heartbeats.get(host).stop();
    }

    /** While held, the host's heartbeat renews nothing: its commands are the test thread's alone (see {@link TestHeartbeats}). */
    void holdRenewals(ClusterHost host, boolean hold) {
        heartbeats.get(host).hold(hold);
    }

    /** From now on the host's writes at or after {@code lba} fail, as if it died before they reached the medium. */
    void failWritesFrom(ClusterHost host, long lba) {
        failWritesFrom.get(host.identity().name())[0] = lba;
    }

    /** A medium whose writes fail from an LBA a test names (none until then). */
    private Medium failing(Medium m, String initiator) {
        long[] from = {Long.MAX_VALUE};
        failWritesFrom.put(initiator, from);
        return (Medium) java.lang.reflect.Proxy.newProxyInstance(TestCluster.class.getClassLoader(), new Class<?>[] {Medium.class},
                (proxy, method, args) -> {
                    boolean write = method.getName().equals("write") || method.getName().equals("compareAndWrite");
                    if (write && (long) args[0] >= from[0]) {
                        throw new IOException(initiator + " died before its write of sector " + args[0] + " reached the medium");
                    }
                    try {
                        return method.invoke(m, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A view of the cluster from an initiator that does not join it. */
    Cluster viewer(String name) throws IOException {
        return Cluster.open(medium(name));
    }

    CountingMedium mediumOf(ClusterHost host) {
        return media.get(host);
    }

    /** The host's own initiator, as the target sees it: past every count and fault of the test. */
    Medium rawMediumOf(ClusterHost host) {
        return raw.get(host.identity().name());
    }

    Timing timing() {
        return new Timing(ioTimeout);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // a crashed or fenced host may refuse; the medium closes anyway
            }
        }
        if (iscsi != null) {
            TgtTarget.shared().remove(iscsi);
        }
    }
}
