package io.lockstep.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real QEMU processes (TCG) running the echo guest from {@link TestGuests}: SeaBIOS and a boot sector, no kernel. */
class QemuMachineTest {
    /** Hang guards only: generous, never a performance bound. */
    private static final Duration GUARD = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<QemuMachine> machines = new ArrayList<>();

    @BeforeEach
    void qemu() {
        TestGuests.assumeQemu();
    }

    @AfterEach
    void cleanUp() throws IOException {
        for (QemuMachine m : machines) {
            m.close();
        }
    }

    private QemuMachine started(String name) throws IOException {
        QemuMachine m = new QemuMachine(TestGuests.echoSpec(name, dir));
        machines.add(m);
        m.start(GUARD);
        return m;
    }

    @Test
    void qmpGreetingStatusStopAndCont() throws Exception {
        QemuMachine m = started("qmp1");
        Qmp qmp = m.qmp();
        assertTrue(qmp.greeting().path("QMP").has("version"), qmp.greeting().toString());
        assertTrue(qmp.qemuVersion().matches("\\d+\\.\\d+\\.\\d+"), qmp.qemuVersion());
        assertEquals("running", m.status());

        long before = qmp.lastEventSeq();
        m.pause();
        assertEquals("paused", m.status());
        QmpEvent stop = qmp.awaitEvent("STOP", before, GUARD);
        assertTrue(stop.qemuMicros() > 0);
        assertTrue(qmp.recentEvents().contains(stop));

        before = qmp.lastEventSeq();
        m.resume();
        assertEquals("running", m.status());
        assertNotNull(qmp.awaitEvent("RESUME", before, GUARD));
    }

    @Test
    void eventListenersSeeStopAndMayCallQmp() throws Exception {
        QemuMachine m = started("qmp2");
        List<String> seen = new CopyOnWriteArrayList<>();
        m.qmp().addEventListener(e -> {
            try {
                // a listener that calls QMP itself must not deadlock the reader
                seen.add(e.name() + ":" + m.qmp().execute("query-status").path("status").asText());
            } catch (QmpException x) {
                seen.add(e.name() + ":" + x.getMessage());
            }
        });
        long before = m.qmp().lastEventSeq();
        m.pause();
        m.qmp().awaitEvent("STOP", before, GUARD);
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (seen.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of("STOP:paused"), seen);
    }

    @Test
    void unknownCommandNamesItAndQemusError() throws Exception {
        QemuMachine m = started("qmp3");
        QmpException e = assertThrows(QmpException.class, () -> m.qmp().execute("lockstep-no-such-command"));
        assertEquals("CommandNotFound", e.errorClass());
        assertTrue(e.getMessage().startsWith("QMP lockstep-no-such-command: CommandNotFound: "), e.getMessage());
        assertTrue(e.desc().contains("lockstep-no-such-command"), e.desc());
        // a bad argument is QEMU's GenericError, and the connection stays usable
        QmpException bad = assertThrows(QmpException.class,
                () -> m.qmp().execute("query-block-jobs", Map.of("nonsense", 1)));
        assertNotNull(bad.errorClass());
        assertEquals("running", m.status());
    }

    @Test
    void serialConsoleCapturesAndTakesInput() throws Exception {
        QemuMachine m = started("ser1");
        List<String> lines = new CopyOnWriteArrayList<>();
        m.addSerialListener(lines::add);
        assertTrue(m.awaitSerial(TestGuests.ECHO_READY, GUARD).contains(TestGuests.ECHO_READY));
        m.writeSerial("hello from the host\n");
        assertEquals("hello from the host", m.awaitSerial("hello from the host", GUARD));
        assertTrue(lines.contains("hello from the host"), lines.toString());
        String tail = m.serialTail();
        assertTrue(tail.contains(TestGuests.ECHO_READY + "\r\nhello from the host\n"), tail);
    }

    @Test
    void aStoppedQemuGivesATimeoutNotAHang() throws Exception {
        QemuMachine m = started("hang1");
        TestGuests.signal(m.pid(), "STOP");
        try {
            QmpTimeoutException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(QmpTimeoutException.class,
                    () -> m.qmp().execute("query-status", Map.of(), Duration.ofSeconds(2))));
            assertEquals("query-status", e.command());
            assertEquals(Duration.ofSeconds(2), e.timeout());
            assertTrue(e.getMessage().contains("no answer within 2000 ms"), e.getMessage());
        } finally {
            TestGuests.signal(m.pid(), "CONT");
        }
        // the late answer is dropped; the next call gets its own
        assertEquals("running", m.status());
    }

    @Test
    void aQemuThatStoppedReadingBlocksNoCaller() throws Exception {
        QemuMachine m = started("hang2");
        TestGuests.signal(m.pid(), "STOP");
        try {
            // 40 × 32 KiB is more than a unix socket buffers: the writes block in the writer thread, not here
            String pad = "x".repeat(32 * 1024);
            assertTimeoutPreemptively(GUARD, () -> {
                for (int i = 0; i < 40; i++) {
                    assertThrows(QmpTimeoutException.class,
                            () -> m.qmp().execute("query-status", Map.of("pad", pad), Duration.ofMillis(20)));
                }
            });
        } finally {
            TestGuests.signal(m.pid(), "CONT");
        }
        // QEMU then reads the backlog (and refuses the padded calls, whose answers nobody waits for)
        assertEquals("running", m.status());
    }

    @Test
    void anOutsideKillIsReportedOnceWithExitInfo() throws Exception {
        QemuMachine m = started("kill1");
        m.awaitSerial(TestGuests.ECHO_READY, GUARD);
        AtomicInteger calls = new AtomicInteger();
        List<QemuMachine.Exit> exits = new CopyOnWriteArrayList<>();
        m.onExit(x -> {
            calls.incrementAndGet();
            exits.add(x);
        });
        Path runDir = m.runDir();
        TestGuests.signal(m.pid(), "KILL");
        QemuMachine.Exit x = m.awaitExit(GUARD);
        assertEquals(137, x.code());
        assertEquals(9, x.signal());
        assertFalse(x.requested());
        assertEquals("not asked", x.how());
        assertTrue(x.serialTail().contains(TestGuests.ECHO_READY), x.serialTail().toString());
        assertTrue(x.describe().contains("was killed by signal 9, not asked to by us"), x.describe());
        assertNull(x.cleanup());
        assertFalse(Files.exists(runDir), "runtime dir removed");
        // later calls (kill, close, a listener added afterwards) do not report it again
        m.kill();
        m.close();
        AtomicInteger late = new AtomicInteger();
        m.onExit(e -> late.incrementAndGet());
        assertEquals(1, late.get(), "a listener added after the exit gets it once, right away");
        assertEquals(1, calls.get());
        assertEquals(List.of(x), exits);
        assertThrows(QmpException.class, () -> m.qmp().execute("query-status"));
    }

    @Test
    void powerOffOfAGuestThatIgnoresAcpiQuitsAfterTheGrace() throws Exception {
        QemuMachine m = started("off1");
        m.awaitSerial(TestGuests.ECHO_READY, GUARD);
        assertEquals(QemuMachine.PowerOff.QUIT, m.powerOff(Duration.ofMillis(500)));
        QemuMachine.Exit x = m.exitInfo().orElseThrow();
        assertTrue(x.requested());
        assertEquals(0, x.code());
        assertEquals("host-qmp-quit", x.shutdownReason());
        assertTrue(x.how().contains("quit after the guest ignored system_powerdown for 500 ms"), x.how());
        assertEquals(QemuMachine.PowerOff.ALREADY_EXITED, m.powerOff(Duration.ofMillis(500)));
    }

    @Test
    void powerOffOfAHungQemuKillsIt() throws Exception {
        QemuMachine m = started("off2");
        TestGuests.signal(m.pid(), "STOP");
        assertEquals(QemuMachine.PowerOff.KILL, m.powerOff(Duration.ofMillis(200)));
        QemuMachine.Exit x = m.exitInfo().orElseThrow();
        assertEquals(9, x.signal());
        assertTrue(x.requested());
    }

    @Test
    void startPausedStaysInPrelaunchAndCpuAndMemoryAreReadable() throws Exception {
        QemuMachine m = new QemuMachine(TestGuests.echoSpec("paused1", dir).withStartPaused(true));
        machines.add(m);
        m.start(GUARD);
        assertEquals("prelaunch", m.status());
        assertTrue(m.rssBytes() > 1 << 20, "rss " + m.rssBytes());
        long cpu0 = m.cpuNanos();
        m.resume();
        m.awaitSerial(TestGuests.ECHO_READY, GUARD);
        // the echo guest polls its UART: QEMU's CPU time grows (no rate asserted)
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (m.cpuNanos() <= cpu0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(m.cpuNanos() > cpu0);
    }

    @Test
    void aQemuThatCannotStartSaysWhy() throws Exception {
        QemuMachine m = new QemuMachine(TestGuests.echoSpec("bad1", dir)
                .withExtraArgs(List.of("-lockstep-no-such-option")));
        machines.add(m);
        IOException e = assertThrows(IOException.class, () -> m.start(GUARD));
        assertTrue(e.getMessage().contains("-lockstep-no-such-option"), e.getMessage());
        QemuMachine.Exit x = m.awaitExit(GUARD);
        assertEquals(1, x.code());
    }

    @Test
    void qmpReturnValues() throws Exception {
        QemuMachine m = started("qmp4");
        JsonNode cpus = m.qmp().execute("query-cpus-fast");
        assertEquals(1, cpus.size(), cpus.toString());
        JsonNode name = m.qmp().execute("query-name");
        assertEquals("qmp4", name.path("name").asText());
    }
}
