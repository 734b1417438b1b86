package io.lockstep.cluster;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A formatted shared medium (io timeout 25 ms: T = 200 ms) whose hosts each test joins in this JVM: a LUN file or an
 * iSCSI logical unit, as the test's {@link Setup} says ({@link #on}).
 */
abstract class InProcessClusterTest {

    @TempDir
    Path dir;
    TestCluster cluster;

    /** Makes the cluster this test runs on; returns the acquisition mode to use. */
    AcquisitionMode on(Setup setup) throws Exception {
        cluster = TestCluster.create(dir, Duration.ofMillis(25), setup.iscsi);
        return setup.mode;
    }

    @AfterEach
    void closeCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }
}
