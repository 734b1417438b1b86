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
        // the vCPU thread is limited, QEMU's main thread (tid = pid: QMP, the chardevs) is not
        List<Long> vcpus = m.vcpuThreads();
        assertEquals(1, vcpus.size());
        assertEquals(vcpus, g.threads(), "threads in " + g.limitedDir());
        assertFalse(g.threads().contains(m.pid()));
        // the busy guest hits the quota: the kernel counts throttled periods (no rate asserted here)
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (g.throttledPeriods() <= 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(g.throttledPeriods() > 0, "throttled periods: " + g.throttledPeriods());
        // pause lifts the limit only for the stop
        m.pause();
        assertEquals("paused", m.status());
        assertEquals("5000 20000", g.limit());
        m.resume();
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
        measure("echo guest (SeaBIOS, boot sector polling COM1)", m);
        m.kill();
        if (!TestGuests.imagePresent() || !TestGuests.isRoot()) {
            System.out.println("qemu-cpu-share: default image guest not measured (no image or not root)");
            return;
        }
        Path image = TestGuests.imageDir();
        try (TestGuests.Netns ns = new TestGuests.Netns("measure")) {
            QemuMachine g = new QemuMachine(QemuSpec.kernel("measure2", 256, 1, image.resolve("vmlinuz"),
                            image.resolve("initrd.img"), "console=ttyS0 panic=-1 lockstep.ip=10.213.78.2/24")
                    .withNic("tap0", "52:54:00:78:00:02").withNetns(ns.name));
            machines.add(g);
            g.start(GUARD);
            g.awaitSerial("lockstep-guest: redis listening", Duration.ofSeconds(180));
            g.writeSerial("while :; do :; done &\n");
            Thread.sleep(2000);
            measure("default image guest, shell loop `while :; do :; done` on the serial console", g);
            g.kill();
        }
    }

    private static void measure(String what, QemuMachine m) throws Exception {
        System.out.println("qemu-cpu-share: " + what);
        for (double share : new double[] {1.0, 0.5, 0.25, 0.1, 1.0}) {
            m.setCpuShare(share);
            Thread.sleep(500);
            long c0 = m.cpuNanos();
            long t0 = System.nanoTime();
            Thread.sleep(5000);
            long c1 = m.cpuNanos();
            long t1 = System.nanoTime();
            long[] lat = new long[50];
            for (int i = 0; i < lat.length; i++) {
                long q0 = System.nanoTime();
                m.status();
                lat[i] = System.nanoTime() - q0;
                Thread.sleep(7);
            }
            java.util.Arrays.sort(lat);
            long[] stop = new long[20];
            for (int i = 0; i < stop.length; i++) {
                long q0 = System.nanoTime();
                m.qmp().execute("stop");
                stop[i] = System.nanoTime() - q0;
                m.resume();
                Thread.sleep(13);
            }
            java.util.Arrays.sort(stop);
            // QemuMachine.pause(): the limit lifted for the stop and set again after it
            long[] lifted = new long[20];
            for (int i = 0; i < lifted.length; i++) {
                long q0 = System.nanoTime();
                m.pause();
                lifted[i] = System.nanoTime() - q0;
                m.resume();
                Thread.sleep(13);
            }
            java.util.Arrays.sort(lifted);
            System.out.printf(Locale.ROOT, "qemu-cpu-share: share %.2f -> QEMU used %.3f CPU (limit %s); "
                            + "query-status p50 %.2f ms, max %.2f ms; stop p50 %.2f ms, max %.2f ms; "
                            + "pause() p50 %.2f ms, max %.2f ms%n", share,
                    (c1 - c0) / (double) (t1 - t0), m.cpuGroup().map(CpuGroup::limit).orElse("none"),
                    lat[25] / 1e6, lat[49] / 1e6, stop[10] / 1e6, stop[19] / 1e6, lifted[10] / 1e6,
                    lifted[19] / 1e6);
        }
    }
}
