package io.lockstep.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** The CPU share through a cgroup; needs root and a writable cgroup cpu controller (v2, or v1 on hybrid hosts). */
class CpuShareTest {
    private static final Duration GUARD = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<QemuMachine> machines = new ArrayList<>();

    @BeforeEach
    void need() {
        TestGuests.assumeQemu();
        CpuGroup.Support s = CpuGroup.probe();
        assumeTrue(s.available(), "CPU shares cannot be set on this host: " + s.reason());
    }

    @AfterEach
    void cleanUp() throws IOException {
        for (QemuMachine m : machines) {
            m.close();
        }
    }

    private QemuMachine echo(String name) throws IOException {
        QemuMachine m = new QemuMachine(TestGuests.echoSpec(name, dir));
        machines.add(m);
        return m;
    }

    @Test
    void aShareLimitsTheGroupAndTheGroupGoesWithQemu() throws Exception {
        QemuMachine m = echo("share1");
        m.start(GUARD);
        m.awaitSerial(TestGuests.ECHO_READY, GUARD);
        assertTrue(m.cpuGroup().isEmpty(), "no group before a share below 1");
        m.setCpuShare(0.25);
        CpuGroup g = m.cpuGroup().orElseThrow();
        assertEquals("5000 20000", g.limit());
        assertTrue(Files.readString(g.dir().resolve("cgroup.procs")).lines()
                .anyMatch(l -> l.equals(Long.toString(m.pid()))), "QEMU's pid in " + g.dir());
        // the busy guest hits the quota: the kernel counts throttled periods (no rate asserted here)
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (g.throttledPeriods() <= 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(g.throttledPeriods() > 0, "throttled periods: " + g.throttledPeriods());
        m.setCpuShare(1.0);
        assertTrue(g.limit().startsWith("max "), g.limit());
        m.kill();
        assertFalse(Files.exists(g.dir()), "group removed with QEMU: " + g.dir());
        assertTrue(m.exitInfo().orElseThrow().cleanup() == null, m.exitInfo().toString());
    }

    @Test
    void aShareSetBeforeStartIsAppliedAtStart() throws Exception {
        QemuMachine m = echo("share2");
        m.setCpuShare(0.5);
        m.start(GUARD);
        assertEquals("10000 20000", m.cpuGroup().orElseThrow().limit());
        assertThrows(IllegalArgumentException.class, () -> m.setCpuShare(0));
        assertThrows(IllegalArgumentException.class, () -> m.setCpuShare(Double.NaN));
    }

    /**
     * The measurement for docs/qemu.md (not a test of speed: it prints, asserts nothing about rates). Run with
     * {@code -Dlockstep.qemu.measure=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "lockstep.qemu.measure", matches = "true")
    void measureCpuRateAgainstShare() throws Exception {
        QemuMachine m = echo("measure");
        m.start(GUARD);
        m.awaitSerial(TestGuests.ECHO_READY, GUARD);
        Thread.sleep(1000);
        for (double share : new double[] {1.0, 0.5, 0.25, 0.1, 1.0}) {
            m.setCpuShare(share);
            Thread.sleep(500);
            long c0 = m.cpuNanos();
            long t0 = System.nanoTime();
            Thread.sleep(5000);
            long c1 = m.cpuNanos();
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "qemu-cpu-share: share %.2f -> QEMU used %.3f CPU (limit %s)%n", share,
                    (c1 - c0) / (double) (t1 - t0), m.cpuGroup().map(CpuGroup::limit).orElse("none"));
        }
    }
}
