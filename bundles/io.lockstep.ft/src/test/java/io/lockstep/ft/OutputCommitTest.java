package io.lockstep.ft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.vdisk.DiskChain;
import io.lockstep.vm.GuestRegistry;
import io.lockstep.vm.Vm;

/**
 * Output commit as a client sees it (issue 22): a reply leaves as soon as the backup holds the state that produced it
 * — a checkpointing primary ends its epoch early for a client that waits instead of letting the reply sit out the
 * period — and never before: a backup that cannot acknowledge holds every reply back.
 */
class OutputCommitTest {

    static final long MEMORY = 16L << 20;

    @TempDir
    Path dir;
    Datastore hostA;
    Datastore hostB;
    Path disk;
    LiveVm primary;
    Backup backup;
    TcpProxy proxy;
    final List<String> said = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Fixture f = new Fixture(dir);
        disk = f.disk("vm");
        hostA = f.host("esx-a");
        hostB = f.host("esx-b");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (primary != null) {
            primary.close();
            primary.disk().underlying().close();
        }
        if (backup != null) {
            backup.close();
        }
        hostA.close();
        hostB.close();
    }

    /** A protected KV guest whose backup is reached through a proxy that can cut the link. */
    void protectedPair(FtOptions o) throws Exception {
        backup = new Backup("pair", "kv", MEMORY, disk, new GoLive(hostB, "pair"), 0, Fixture.freePort(), 50, o, 1.0, st -> said.add("backup: " + st.line()));
        proxy = new TcpProxy(backup.port());
        Vm vm = new Vm("pair", GuestRegistry.create("kv"), MEMORY, DiskChain.open(disk, true), 1.0);
        FtDisk ft = new FtDisk(vm.disk(), vm::position);
        vm.setDisk(ft);
        primary = new LiveVm("pair", vm, ft, 0, 1, 50, new GoLive(hostA, "pair"), true, st -> said.add("primary: " + st.line()));
        primary.protect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port()), o);
        for (long end = System.nanoTime() + 30_000_000_000L; primary.protection() != LiveVm.Protection.PROTECTED;) {
            assertTrue(System.nanoTime() < end && primary.protection() == LiveVm.Protection.SYNCING, "the pair got protected: " + said);
            Thread.sleep(5);
        }
    }

    FtOptions options(FtMode mode) {
        return FtOptions.defaults(mode, hostA.superblock().timing()).withAuthKey(BadInputTest.KEY);
    }

    static byte[] set(String key, String value) {
        return ("*3\r\n$3\r\nSET\r\n$" + key.length() + "\r\n" + key + "\r\n$" + value.length() + "\r\n" + value + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static String readLine(InputStream in) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != '\n';) {
            if (c < 0) {
                throw new java.io.EOFException("the guest closed the connection after " + b);
            }
            b.append((char) c);
        }
        return b.toString().trim();
    }

    @Test
    void aClientThatWaitsEndsTheEpochInsteadOfWaitingOutItsPeriod() throws Exception {
        // epochs of 10 s: what is asserted is that every reply ended an epoch early (counted by the primary), not how
        // fast it came; the socket's timeout only keeps a broken build from hanging (a busy machine never nears it)
        protectedPair(options(FtMode.CHECKPOINT).withEpochMillis(FtTiming.MAX_EPOCH_MILLIS));
        long before = primary.stats().earlyEpochs();
        int timed = primary.stats().phaseCount();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), primary.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; i < 20; i++) {
                out.write(set("k" + i, "v" + i));
                out.flush();
                assertEquals("+OK", readLine(in), "SET " + i + "'s reply, released by an epoch the waiting client ended: " + said);
            }
        }
        assertTrue(primary.stats().earlyEpochs() - before >= 20, "every SET's reply ended an epoch early: " + primary.stats().earlyEpochs() + " — " + said);
        // each of those epochs was timed phase by phase (the profile bench ft prints): 20 at least, none negative, and the
        // time waited before the pause is no epoch period (10 s) — the reply did not wait the period out
        FtStats st = primary.stats();
        assertTrue(st.phaseCount() - timed >= 20, "every epoch a client waited for was timed by phase: " + (st.phaseCount() - timed));
        for (FtStats.Phase ph : FtStats.Phase.values()) {
            assertTrue(st.phasePercentile(ph, 0, timed) >= 0, ph + " is never negative");
        }
        assertTrue(st.phasePercentile(FtStats.Phase.WAIT, 100, timed) < FtTiming.MAX_EPOCH_MILLIS * 1_000_000L / 2,
                "no reply waited out the period: " + st.phasePercentile(FtStats.Phase.WAIT, 100, timed) + " ns");
        assertEquals(LiveVm.Protection.PROTECTED, primary.protection(), said.toString());
    }

    @ParameterizedTest
    @EnumSource(FtMode.class)
    void noReplyLeavesWhileTheBackupCannotAcknowledgeIt(FtMode mode) throws Exception {
        protectedPair(options(mode));
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), primary.port())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            s.setSoTimeout(8_000);
            out.write(set("before", "1"));
            out.flush();
            assertEquals("+OK", readLine(in), "a reply while the backup acknowledges: " + said);
            proxy.cut(TcpProxy.Cut.DROP); // both sides alive, nothing passes: no acknowledgement can come
            out.write(set("after", "2"));
            out.flush();
            // less than the time either side takes to give the other up (fail = 2 s here): the primary is still protected
            s.setSoTimeout(500);
            assertThrows(SocketTimeoutException.class, () -> readLine(in), "the reply waits for an acknowledgement that cannot come: " + said);
            assertEquals(LiveVm.Protection.PROTECTED, primary.protection(), "still protected when the reply was held: " + said);
        }
    }
}
