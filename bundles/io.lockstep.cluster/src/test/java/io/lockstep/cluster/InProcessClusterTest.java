package io.lockstep.cluster;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A formatted LUN file (io timeout 25 ms: T = 200 ms) whose hosts each test joins in this JVM. */
abstract class InProcessClusterTest {

    @TempDir
    Path dir;
    TestCluster cluster;

    @BeforeEach
    void createCluster() throws Exception {
        cluster = TestCluster.create(dir, Duration.ofMillis(25));
    }

    @AfterEach
    void closeCluster() throws Exception {
        cluster.close();
    }
}
