package io.lockstep.cluster;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A formatted shared medium whose hosts each test joins in this JVM: a LUN file or an iSCSI logical unit, as the
 * test's {@link Setup} says ({@link #on}). Its I/O timeout is {@link Timing#LOCAL_IO_TIMEOUT} (self-fence 1.5 s,
 * T = 2 s), which a loaded 2-core machine honours: a host of these tests must not self-fence because the machine
 * was busy, only because a test stopped it.
 */
abstract class InProcessClusterTest {

    @TempDir
    Path dir;
    TestCluster cluster;

    /** Makes the cluster this test runs on; returns the acquisition mode to use. */
    AcquisitionMode on(Setup setup) throws Exception {
        cluster = TestCluster.create(dir, Timing.LOCAL_IO_TIMEOUT, setup.iscsi);
        return setup.mode;
    }

    @AfterEach
    void closeCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }
}
