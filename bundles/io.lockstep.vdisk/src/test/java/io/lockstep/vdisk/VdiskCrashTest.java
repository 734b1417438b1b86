package io.lockstep.vdisk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process writing through a delta is SIGKILLed at random moments: the chain then opens, qemu-img finds no
 * error, and every write the process had seen flushed is there.
 */
class VdiskCrashTest {

    static final long SECTORS = (64L << 20) / 512;
    static final int BLOCK_SECTORS = 8;

    @TempDir
    Path dir;

    /** Write {@code i} goes to its own 4 KiB block, scattered over the disk (8 blocks share a 64 KiB grain). */
    static long lbaOf(int i, int seed) {
        long blocks = SECTORS / BLOCK_SECTORS;
        long scattered = ((long) i * 2654435761L + seed) % blocks; // a permutation: the multiplier is odd, blocks a power of two
        return (scattered < 0 ? scattered + blocks : scattered) * BLOCK_SECTORS;
    }

    static byte[] block(int i, int seed) {
        byte[] b = new byte[BLOCK_SECTORS * 512];
        new Random(i * 31L + seed).nextBytes(b);
        return b;
    }

    @Test
    void everyFlushedWriteSurvivesASigkillAtAnyMoment() throws Exception {
        Random random = new Random(11);
        for (int round = 0; round < 5; round++) {
            Path base = dir.resolve("base" + round + ".vmdk");
            Path delta = dir.resolve("delta" + round + ".vmdk");
            DiskChain.create(base, SECTORS * 512);
            try (DiskChain d = DiskChain.open(base, true)) {
                d.write(0, block(-1, round)); // something in the parent for copy-on-write to carry up
            }
            DiskChain.createDelta(base, delta);
            Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                    VdiskCrashChild.class.getName(), delta.toString(), Integer.toString(round)).redirectErrorStream(true).start();
            java.util.concurrent.atomic.AtomicInteger lastFlushed = new java.util.concurrent.atomic.AtomicInteger(-1);
            java.util.concurrent.CountDownLatch firstFlush = new java.util.concurrent.CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null;) {
                        if (line.startsWith("FLUSHED ")) {
                            lastFlushed.set(Integer.parseInt(line.substring(8)));
                            firstFlush.countDown();
                        }
                    }
                } catch (java.io.IOException e) {
                    // the process was killed
                }
            });
            reader.start();
            // killed at a random moment after the writer is under way (its JVM's start-up is not part of the experiment)
            assertTrue(firstFlush.await(60, TimeUnit.SECONDS), "round " + round + ": the writer never flushed");
            Thread.sleep(random.nextInt(1200));
            int seenBeforeKill = lastFlushed.get(); // printed only after the flush returned: durable
            p.destroyForcibly(); // SIGKILL: no close, no flush
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            reader.join(5000);
            int flushed = Math.max(seenBeforeKill, lastFlushed.get());
            assertTrue(flushed > 0, "round " + round + ": the writer flushed before it was killed");
            assertEquals(0, Qemu.img("check", delta.toString()).exit(), Qemu.img("check", delta.toString()).out());
            try (DiskChain d = DiskChain.open(delta, false)) {
                assertTrue(d.check().isEmpty(), d.check().toString());
                for (int i = 0; i <= flushed; i++) {
                    assertArrayEquals(block(i, round), d.read(lbaOf(i, round), BLOCK_SECTORS), "round " + round + ": write " + i
                            + " of " + flushed + " flushed is missing");
                }
                byte[] first = d.read(0, BLOCK_SECTORS);
                boolean carried = java.util.Arrays.equals(first, block(-1, round));
                boolean overwritten = false;
                for (int i = 0; i <= flushed && !overwritten; i++) {
                    overwritten = lbaOf(i, round) == 0;
                }
                assertTrue(carried || overwritten, "the parent's data under the delta is intact");
            }
            System.out.println("round " + round + ": killed after " + flushed + " flushed writes; all present");
        }
    }
}
