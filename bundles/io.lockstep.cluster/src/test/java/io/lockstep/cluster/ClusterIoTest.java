package io.lockstep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.lockstep.storage.Medium;

/** The one record-update primitive, in both modes: concurrent updates from threads and hosts lose nothing. */
class ClusterIoTest {

    @TempDir
    Path dir;

    /**
     * Two threads of one host (one initiator, as the heartbeat and a lock request are) and a second host all
     * increment one sector. In reserve mode this needs the host's reserve→release windows not to overlap: a
     * SCSI-2 reservation belongs to the initiator, so one thread's RELEASE would end the other's.
     */
    @ParameterizedTest
    @EnumSource(AcquisitionMode.class)
    void concurrentUpdatesFromTwoThreadsOfOneHostAndAnotherHostLoseNothing(AcquisitionMode mode) throws Exception {
        try (TestCluster cluster = TestCluster.create(dir, Timing.LOCAL_IO_TIMEOUT)) {
            Medium a = cluster.medium("host-a");
            Medium b = cluster.medium("host-b");
            Timing timing = cluster.timing();
            ClusterIo ioA = new ClusterIo(a, mode, timing);
            ClusterIo ioB = new ClusterIo(b, mode, timing);
            long lba = Cluster.open(a).superblock().firstBlockLba(); // a block no file holds
            int perWorker = 150;
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (ClusterIo io : List.of(ioA, ioA, ioB)) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perWorker; i++) {
                            io.update(lba, null, bytes -> {
                                byte[] next = bytes.clone();
                                ByteBuffer.wrap(next).putLong(0, ByteBuffer.wrap(bytes).getLong(0) + 1);
                                return next;
                            });
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(3L * perWorker, ByteBuffer.wrap(ioB.read(lba)).getLong(0));
        }
    }
}
