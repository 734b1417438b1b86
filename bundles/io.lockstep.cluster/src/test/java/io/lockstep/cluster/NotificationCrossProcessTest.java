package io.lockstep.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.lockstep.storage.PrType;
import io.lockstep.storage.ReservationConflictException;
import io.lockstep.storage.file.FileMedium;
import io.lockstep.cluster.datastore.ClusteredDisk;
import io.lockstep.cluster.datastore.Datastore;

/** Notification and virtual reservations across separate JVMs, with SIGSTOP, SIGCONT and SIGKILL. */
class NotificationCrossProcessTest {

    static final Duration IO = Timing.LOCAL_IO_TIMEOUT; // heartbeat 500 ms, self-fence 1.5 s, T 2 s

    @TempDir
    Path dir;
    final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws Exception {
        for (Process p : children) {
            new ProcessBuilder("kill", "-CONT", Long.toString(p.pid())).start().waitFor();
            p.destroyForcibly();
        }
    }

    /** A child host and the lines it prints, as they come. */
    record Child(Process process, BlockingQueue<String> lines) {
        String await(String prefix) throws InterruptedException {
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < end) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
                seen.add(line);
            }
            throw new AssertionError("child did not print " + prefix + "; it printed " + seen);
        }
    }

    Child child(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), DatastoreChild.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        children.add(p);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Child(p, lines);
    }

    Path formatted() throws IOException {
        Path lun = dir.resolve("ds.lun");
        FileMedium.create(lun, 512, 16384);
        try (FileMedium m = FileMedium.open(lun, "admin")) {
            Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(IO).withSlots(16).withLocks(128).withEntries(32));
        }
        return lun;
    }

    static void signal(Process p, String sig) throws Exception {
        new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).start().waitFor();
    }

    /**
     * Stops {@code p} (SIGSTOP) between two commands. The LUN file serialises a command with OS record locks, which a
     * stopped process keeps: stopped in the middle of one, it would block every host until continued — unlike a real
     * target, which never waits for an initiator. So: stop it, check no command lock of it is held (the state byte
     * and the data area), and if one is, let it run a moment and stop it again.
     */
    static void hangBetweenCommands(Process p, Path lun) throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            signal(p, "STOP");
            try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(lun, java.nio.file.StandardOpenOption.READ,
                    java.nio.file.StandardOpenOption.WRITE)) {
                java.nio.channels.FileLock state = c.tryLock(1024, 1, false);
                java.nio.channels.FileLock data = state == null ? null : c.tryLock(1 << 20, Long.MAX_VALUE - (1 << 20), false);
                if (data != null) {
                    data.release();
                }
                if (state != null) {
                    state.release();
                }
                if (state != null && data != null) {
                    return;
                }
            }
            signal(p, "CONT");
            Thread.sleep(3);
        }
        throw new AssertionError("could not stop the child between two of its commands in 200 tries");
    }

    @ParameterizedTest
    @EnumSource(AcquisitionMode.class)
    void aBusyAndAnIdleHostBothRefreshWhileTheBusyOnesIoNeverFails(AcquisitionMode mode) throws Exception {
        Path lun = formatted();
        Child busy = child("busy", lun.toString(), "esx-b", mode.label(), "/vm9/vm9.vmdk");
        Child idle = child("idle", lun.toString(), "esx-c", mode.label(), "/vm9/vm9.vmdk");
        busy.await("MOUNTED");
        idle.await("MOUNTED");
        try (FileMedium m = FileMedium.open(lun, "esx-a"); Datastore a = Datastore.mount(m, HostIdentity.named("esx-a"), mode)) {
            busy.await("READS 11");
            long start = System.nanoTime();
            a.create("/vm9/vm9.vmdk", EntityKind.FILE, 1 << 20);
            long busyMs = (Long.parseLong(busy.await("SAW").substring(4)) - start) / 1_000_000;
            long idleMs = (Long.parseLong(idle.await("SAW").substring(4)) - start) / 1_000_000;
            String reads = busy.await("READS");
            assertTrue(reads.endsWith("FAILURES 0"), reads);
            // the idle host learns at its next renewal, one heartbeat interval later; four allow for a busy machine
            long heartbeatMs = new Timing(IO).heartbeatInterval().toMillis();
            assertTrue(idleMs <= 4 * heartbeatMs, "the idle host learned after " + idleMs + " ms (heartbeat " + heartbeatMs + " ms)");
            System.out.printf("NOTIFIED %s: busy host after %d ms, idle host after %d ms%n", mode.label(), busyMs, idleMs);
        }
    }

    @ParameterizedTest
    @EnumSource(AcquisitionMode.class)
    void aHungHostWhoseLockWasBrokenStopsWritingWhenItWakes(AcquisitionMode mode) throws Exception {
        Path lun = formatted();
        Child d = child("hold-and-write", lun.toString(), "esx-d", mode.label(), "/vm1/vm1.vmdk");
        d.await("HELD");
        d.await("WROTE");
        hangBetweenCommands(d.process(), lun); // hung: no heartbeat, no writes, but alive
        try (FileMedium m = FileMedium.open(lun, "esx-a"); Datastore a = Datastore.mount(m, HostIdentity.named("esx-a"), mode)) {
            a.host().acquire("/vm1/vm1.vmdk", EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ofSeconds(10)); // breaks it after T
            byte[] mine = new byte[512];
            Arrays.fill(mine, (byte) 'A');
            long target = a.superblock().dataLba() + 7;
            a.host().io().write(target, mine, true);
            d.lines().clear();
            signal(d.process(), "CONT");
            String fenced = d.await("FENCED");
            assertTrue(fenced.contains("was fenced"), fenced);
            assertEquals("RAW-CONFLICT", d.await("RAW-"), "the target refuses the fenced host's writes");
            assertTrue(d.process().waitFor(10, TimeUnit.SECONDS));
            assertFalse(d.lines().stream().anyMatch(l -> l.equals("WROTE")), "no write after it woke: " + d.lines());
            assertArrayEquals(mine, a.host().io().read(target), "what the new holder wrote is intact");
        }
    }

    @ParameterizedTest
    @EnumSource(AcquisitionMode.class)
    void twoClusteredGuestsOnTwoHostsTheHoldersHostIsKilledAndTheSurvivorTakesOver(AcquisitionMode mode) throws Exception {
        Path lun = formatted();
        String quorum = "/cluster/quorum.vmdk";
        try (FileMedium m = FileMedium.open(lun, "esx-b"); Datastore b = Datastore.mount(m, HostIdentity.named("esx-b"), mode)) {
            b.create(quorum, EntityKind.FILE, 1 << 20);
            Child a = child("guest", lun.toString(), "esx-a", mode.label(), quorum);
            a.await("RESERVED-AND-WROTE");
            ClusteredDisk node2 = b.openClusteredDisk(quorum, "iqn.2026-11.io.lockstep:node2");
            node2.register(0, 0x2222);
            byte[] mine = new byte[512];
            Arrays.fill(mine, (byte) 0x22);
            assertThrows(ReservationConflictException.class, () -> node2.write(5, mine, true), "node1 holds Write Exclusive");
            byte[] first = node2.read(0, 1); // Write Exclusive: reads are allowed
            assertEquals(0x10, first[0]);

            a.process().destroyForcibly(); // SIGKILL node1's host
            assertTrue(a.process().waitFor(10, TimeUnit.SECONDS));

            node2.preempt(0x2222, 0x1111, PrType.WRITE_EXCLUSIVE);
            for (int i = 5; i < 10; i++) {
                node2.write(i, mine, true);
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(0x10 + i, node2.read(i, 1)[0], "node1's data survives");
            }
            for (int i = 5; i < 10; i++) {
                assertArrayEquals(mine, node2.read(i, 1), "node2's writes are there");
            }
            assertEquals(java.util.List.of(0x2222L), node2.readKeys().keys());
        }
    }
}
