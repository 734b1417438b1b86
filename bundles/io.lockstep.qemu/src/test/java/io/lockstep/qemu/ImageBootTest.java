package io.lockstep.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Boots the default guest image (releng/qemu-image/build.sh; default output ~/.cache/lockstep/qemu-image/image, or the
 * directory in LOCKSTEP_QEMU_IMAGE) on a tap device in a network namespace of its own, and waits for its init to say
 * Redis listens. Skipped without the image or without root.
 */
class ImageBootTest {
    @Test
    void theDefaultImageBootsToRedis() throws Exception {
        TestGuests.assumeQemu();
        Path image = TestGuests.imageDir();
        assumeTrue(TestGuests.imagePresent(),
                "no default guest image in " + image + " (build it with releng/qemu-image/build.sh)");
        assumeTrue(TestGuests.isRoot() && TestGuests.onPath("ip"), "a network namespace and a tap need root and ip");

        try (TestGuests.Netns ns = new TestGuests.Netns("boot")) {
            QemuSpec spec = QemuSpec.kernel("boot1", 256, 1, image.resolve("vmlinuz"), image.resolve("initrd.img"),
                            "console=ttyS0 panic=-1 lockstep.ip=10.213.77.2/24")
                    .withNic("tap0", "52:54:00:77:00:02").withNetns(ns.name);
            try (QemuMachine m = new QemuMachine(spec)) {
                m.start(Duration.ofSeconds(60));
                String line = m.awaitSerial("lockstep-guest: redis listening", Duration.ofSeconds(180));
                assertTrue(line.contains("10.213.77.2:6379"), line);
                assertEquals("running", m.status());
                m.writeSerial("echo lockstep-console-$((6*7))\n");
                m.awaitSerial("lockstep-console-42", Duration.ofSeconds(60));
                QemuMachine.PowerOff how = m.powerOff(Duration.ofSeconds(3));
                assertTrue(how == QemuMachine.PowerOff.GUEST || how == QemuMachine.PowerOff.QUIT, how.toString());
            }
        }
    }
}
