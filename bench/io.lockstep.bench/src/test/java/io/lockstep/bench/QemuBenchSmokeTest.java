package io.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the QEMU benchmark runnable (its --quick mode, about 30 s under TCG): a boot answers PING from outside through
 * the tap, the 64 MiB guest is reported as not booting with the kernel's own need, a 128 MiB checkpoint, idle and with
 * its memory filled, shows both downtimes, the three in-guest disks and the six redis-benchmark figures are there, and
 * the namespace is gone afterwards. Skipped without root, QEMU, redis tools or the default image ({@code ./lockstep
 * image} builds it).
 */
class QemuBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theQuickBenchmarkBootsCheckpointsMeasuresDisksAndRedisAndCleansUp() throws Exception {
        Path image = Path.of(System.getProperty("user.home"), ".cache/lockstep/qemu-image/image");
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root (a namespace and a tap)");
        assumeTrue(Files.isRegularFile(image.resolve("vmlinuz")) && Files.isRegularFile(image.resolve("initrd.img")),
                "no default guest image in " + image + " (./lockstep image)");
        for (String tool : List.of("qemu-system-x86_64", "redis-benchmark", "redis-server", "ip")) {
            assumeTrue(onPath(tool), tool + " is not installed");
        }
        assertTrue(QemuBench.kernelNeedsMiB(image.resolve("vmlinuz")) > 64, "the default kernel cannot decompress in 64 MiB");

        BenchRun run = BenchRun.of(QemuBench::new, "--quick", "--dir", dir.toString());
        String text = run.text();
        assertEquals(0, run.code(), text);
        assertTrue(text.matches("(?s).*\\| tap in a namespace \\| PING answered to a client outside the VM \\(\\+PONG\\) +\\| \\d+ +\\|.*"), text);
        assertTrue(text.matches("(?s).*\\| 64 MiB +\\| did not boot: [^\n]*the kernel needs [0-9.]+ MiB to decompress.*"), text);
        assertTrue(text.matches("(?s).*\\| 128 MiB +\\| idle, just booted +\\| \\d+ +\\| [0-9.]+ +\\| \\d+ +\\| \\d+ +\\| \\d+ +\\|.*"), text);
        assertTrue(text.matches("(?s).*\\| 128 MiB +\\| [1-9]\\d* MiB of random data in tmpfs +\\| \\d+ +\\| [0-9.]+ +\\| \\d+ +\\| \\d+ +\\| \\d+ +\\|.*"), text);
        assertTrue(text.matches("(?s).*\\| Lockstep iSCSI target over a DiskChain[^\n]*\\| [^\n]*ops/s[^\n]*MB/s[^\n]*\n.*"), text);
        assertEquals(2, text.split("QEMU's vmdk driver on the file ", -1).length - 1, text);
        assertTrue(text.matches("(?s).*\\| -c 50 -P 16 +\\| \\d+ +\\| \\d+ \\([0-9.]+\\) +\\| \\d+ \\([0-9.]+\\) +\\| \\d+ \\([0-9.]+\\) +\\| \\d+ \\([0-9.]+\\) +\\|.*"), text);

        Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        String namespaces = new String(p.getInputStream().readAllBytes());
        p.waitFor(10, TimeUnit.SECONDS);
        assertFalse(namespaces.contains("hb-qemu-" + ProcessHandle.current().pid()), "the bench's namespace is left over:\n" + namespaces);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
