package io.lockstep.qemu;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figures of docs/qemu-ft.md (not a test of speed: it prints lines starting with {@code qemu-ft:} and asserts
 * nothing about rates). Per guest size (128, 256 MiB) and load (idle; a busybox dd loop writing 16 MiB of
 * /dev/urandom into a tmpfs file again and again, typed on the serial console): epochs at a 100 ms period (10/s asked)
 * — the pause (stop sent to cont answered), the scan, pages changed and their XOR+RLE size, the device state
 * (x-ignore-shared) — then QEMU's own whole migration stream taken the same way (paused), and three ways of scanning the
 * RAM timed on the same memory. Run with {@code -Dlockstep.qemu.measure=true}.
 */
class QemuFtMeasureTest {

    static final int EPOCHS = 30;
    static final int WHOLE = 5;
    static final long PERIOD_NANOS = 100_000_000L;
    static final String DIRTY_LOAD = "while :; do dd if=/dev/urandom of=/run/x bs=1M count=16 2>/dev/null; done &\n";

    @Test
    @EnabledIfSystemProperty(named = "lockstep.qemu.measure", matches = "true")
    void measureEpochsAgainstWholeMigration() throws Exception {
        FtGuests.assume();
        for (int mib : new int[] {128, 256}) {
            for (boolean load : new boolean[] {false, true}) {
                measure(mib, load);
            }
        }
    }

    private static void measure(int mib, boolean load) throws Exception {
        String what = mib + " MiB " + (load ? "dd-loop" : "idle");
        try (FtGuests g = new FtGuests("m" + mib + (load ? "d" : "i"));
             QemuMachine m = new QemuMachine(g.spec("hf-measure", mib, g.memoryFile("ram")))) {
            m.start(Duration.ofSeconds(60));
            m.awaitSerial("lockstep-guest: redis listening", Duration.ofSeconds(180));
            if (load) {
                m.writeSerial(DIRTY_LOAD);
                Thread.sleep(2000);
            }
            Epochs epochs = new Epochs(m, true, Duration.ofSeconds(60));
            Epochs.Epoch first = epochs.capture();
            print("%s: first epoch: %d pages (%.1f MiB), pause %.1f ms, scan %.1f ms, device state %d bytes in %.1f ms",
                    what, first.scan().count(), first.scan().pageBytes() / 1048576.0, ms(first.pauseNanos()),
                    ms(first.scan().nanos()), first.device().size(), ms(first.device().nanos()));
            List<Epochs.Epoch> list = new ArrayList<>();
            long start = System.nanoTime();
            long next = start;
            for (int i = 0; i < EPOCHS; i++) {
                next += PERIOD_NANOS;
                list.add(epochs.capture());
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } else {
                    next = System.nanoTime();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long pagesAll = list.stream().mapToLong(e -> e.scan().count()).sum();
            print("%s: %d epochs in %.2f s (%.1f/s, 10/s asked); dirty %.1f MiB/s (pages changed per epoch)",
                    what, EPOCHS, seconds, EPOCHS / seconds, pagesAll * 4096.0 / 1048576 / seconds);
            print("%s:   pause ms %s", what, stats(list.stream().mapToDouble(e -> ms(e.pauseNanos())).toArray()));
            print("%s:   scan ms %s", what, stats(list.stream().mapToDouble(e -> ms(e.scan().nanos())).toArray()));
            print("%s:   pages changed %s", what, stats(list.stream().mapToDouble(e -> e.scan().count()).toArray()));
            print("%s:   XOR+RLE KiB %s", what, stats(list.stream().mapToDouble(e -> e.scan().diffBytes() / 1024.0)
                    .toArray()));
            print("%s:   device state KiB %s", what, stats(list.stream().mapToDouble(e -> e.device().size() / 1024.0)
                    .toArray()));
            print("%s:   device state ms %s", what, stats(list.stream().mapToDouble(e -> ms(e.device().nanos()))
                    .toArray()));
            double[] deviceDiff = list.stream().mapToDouble(e -> e.deviceDiffBytes() / 1024.0).toArray();
            print("%s:   device state as XOR+RLE against the epoch before, KiB %s", what, stats(deviceDiff));
            print("%s:   epoch KiB sent (page diffs + device-state diff) %s", what,
                    stats(list.stream().mapToDouble(e -> e.bytes() / 1024.0).toArray()));

            DeviceState.prepare(m, false);
            double[] wholeMs = new double[WHOLE];
            double[] wholePause = new double[WHOLE];
            double[] wholeMiB = new double[WHOLE];
            for (int i = 0; i < WHOLE; i++) {
                Thread.sleep(100);
                long t0 = System.nanoTime();
                m.pause();
                DeviceState.Streamed s = DeviceState.save(m, OutputStream.nullOutputStream(), Duration.ofSeconds(120));
                m.resume();
                wholePause[i] = ms(System.nanoTime() - t0);
                wholeMs[i] = ms(s.nanos());
                wholeMiB[i] = s.bytes() / 1048576.0;
            }
            DeviceState.prepare(m, true);
            print("%s: QEMU's whole migration stream, paused, %d times: MiB %s; ms %s; pause ms %s", what, WHOLE,
                    stats(wholeMiB), stats(wholeMs), stats(wholePause));

            scanMethods(what, epochs.dirtyPages().memory());
            m.kill();
        }
    }

    /** The same RAM scanned three ways, the guest running (the timing only: nothing is kept). */
    private static void scanMethods(String what, GuestMemory mem) {
        DirtyPages runs = new DirtyPages(mem, false);
        runs.scan();
        double[] mismatchRuns = new double[5];
        double[] perPage = new double[5];
        double[] hashes = new double[5];
        long sink = 0;
        for (int r = 0; r < 5; r++) {
            mismatchRuns[r] = ms(runs.scan().nanos());
            long t0 = System.nanoTime();
            for (int p = 0; p < mem.pages(); p++) {
                sink += mem.page(p).mismatch(runs.sentPage(p));
            }
            perPage[r] = ms(System.nanoTime() - t0);
            t0 = System.nanoTime();
            for (int p = 0; p < mem.pages(); p++) {
                sink += hash(mem.page(p));
            }
            hashes[r] = ms(System.nanoTime() - t0);
        }
        print("%s: scan of all RAM, ms: mismatch over runs (DirtyPages) %s; mismatch page by page %s; "
                + "a 64-bit hash per page %s (%d)", what, stats(mismatchRuns), stats(perPage), stats(hashes),
                sink & 1);
    }

    private static long hash(ByteBuffer page) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < GuestMemory.PAGE; i += 8) {
            h = (h ^ page.getLong(i)) * 0xBF58476D1CE4E5B9L;
        }
        return h;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String stats(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "p50 %.2f p90 %.2f max %.2f", s[s.length / 2],
                s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.9) - 1)], s[s.length - 1]);
    }

    private static void print(String format, Object... args) {
        System.out.println("qemu-ft: " + String.format(Locale.ROOT, format, args));
    }
}
