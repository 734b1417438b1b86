package io.lockstep.storage.file;

import static io.lockstep.storage.file.FileMediumTest.login;
import static io.lockstep.storage.file.FileMediumTest.sector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.storage.ReservationConflictException;

/** The file medium shared by separate JVMs: atomicity and SIGKILL at any instant. */
class CrossProcessTest {

    @TempDir
    Path dir;
    Path lun;
    final List<Process> children = new ArrayList<>();

    @BeforeEach
    void createLun() throws IOException {
        lun = dir.resolve("lun.img");
        FileMedium.create(lun, 512, 1024);
    }

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    Process child(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), StorageChild.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        children.add(p);
        return p;
    }

    static String awaitLine(Process p, String prefix) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null;) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child ended without printing " + prefix + "; it printed:\n" + seen);
    }

    @Test
    void compareAndWriteIsAtomicAcrossProcesses() throws Exception {
        int processes = 4;
        int increments = 150;
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            ps.add(child("ats-increment", lun.toString(), "proc-" + i, "9", Integer.toString(increments)));
        }
        int retries = 0;
        for (Process p : ps) {
            retries += Integer.parseInt(awaitLine(p, "DONE").substring("DONE retries=".length()));
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        }
        try (FileMedium m = login(lun, "checker")) {
            assertEquals(processes * increments, FileMediumTest.AtsCounter.value(m.read(9, 1)),
                    "every increment landed exactly once (" + retries + " miscompares were retried)");
        }
    }

    @Test
    void aKilledReservationHoldersReservationEndsWithItsProcess() throws Exception {
        Process holder = child("reserve-and-wait", lun.toString(), "doomed-host");
        awaitLine(holder, "RESERVED");
        try (FileMedium m = login(lun, "survivor")) {
            assertThrows(ReservationConflictException.class, () -> m.read(0, 1));
            holder.destroyForcibly(); // SIGKILL: no chance to release
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            m.write(0, sector(3), true); // I_T nexus loss ended the reservation
            assertArrayEquals(sector(3), m.read(0, 1));
        }
    }

    @Test
    void anInterruptedThreadAbortsItsCommandButTheMediumStaysUsableAndItsSessionsStayAlive() throws Exception {
        try (FileMedium holder = login(lun, "holder"); FileMedium other = login(lun, "other")) {
            holder.reserve(); // its liveness must survive the channel being closed and opened again
            java.util.concurrent.atomic.AtomicInteger aborted = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicReference<Throwable> unexpected = new java.util.concurrent.atomic.AtomicReference<>();
            int done = 0;
            for (int round = 0; round < 20; round++) {
                Thread t = new Thread(() -> {
                    for (int i = 0; i < 200; i++) {
                        try {
                            holder.write(i % 64, sector(i), true);
                        } catch (io.lockstep.storage.CheckConditionException e) {
                            if (e.sense().key() == io.lockstep.storage.SenseKey.ABORTED_COMMAND) {
                                aborted.incrementAndGet();
                                return; // the interrupted thread's command was aborted: it stops, as a caller would
                            }
                            unexpected.set(e);
                        } catch (IOException | RuntimeException e) {
                            unexpected.set(e);
                        }
                    }
                });
                t.start();
                Thread.sleep(2);
                t.interrupt();
                t.join(10_000);
                assertTrue(!t.isAlive());
                done++;
            }
            holder.write(70, sector(70), true); // the holder's session still works…
            assertArrayEquals(sector(70), holder.read(70, 1));
            assertThrows(ReservationConflictException.class, () -> other.read(70, 1)); // …and still holds its reservation
            Process p = child("try-write", lun.toString(), "outsider");
            String line = awaitLine(p, "");
            while (line.isEmpty() || !(line.startsWith("CONFLICT") || line.startsWith("WROTE"))) {
                line = awaitLine(p, "");
            }
            assertTrue(line.startsWith("CONFLICT"), "another process still sees the holder alive: " + line);
            assertEquals(null, unexpected.get(), "only ABORTED COMMAND may reach an interrupted caller");
            assertTrue(aborted.get() > 0, "interrupts landed in file I/O " + aborted.get() + " times out of " + done);
        }
    }

    @Test
    void killingAProcessInTheMiddleOfReservationChangesLeavesTheMediumConsistent() throws Exception {
        Random random = new Random(7);
        try (FileMedium m = login(lun, "observer")) {
            m.write(0, sector(0x5A), true);
        }
        for (int round = 0; round < 6; round++) {
            Process churn = child("churn-reservations", lun.toString(), "churner-" + round);
            awaitLine(churn, "CHURNING");
            Thread.sleep(100 + random.nextInt(400));
            churn.destroyForcibly();
            assertTrue(churn.waitFor(10, TimeUnit.SECONDS));
            // the state decodes, the other data is intact, and reservations can still be used
            try (FileMedium m = login(lun, "observer")) {
                assertArrayEquals(sector(0x5A), m.read(0, 1));
                m.registerAndIgnoreExistingKey(0x77);
                var reservation = m.readReservation();
                if (reservation.present()) {
                    m.preempt(0x77, reservation.key(), reservation.type()); // take over what the dead one held
                }
                m.write(1, sector(round), false);
                m.clear(0x77);
            }
        }
    }
}
