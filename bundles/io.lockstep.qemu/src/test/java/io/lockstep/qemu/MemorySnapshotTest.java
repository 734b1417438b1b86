package io.lockstep.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A point-in-time snapshot of a running guest (background-snapshot into a file) and its load into a new QEMU: the
 * default image's Redis holds a key set before the snapshot and not the one set after it; the guest kept running
 * while the stream was written (its shell answered in between), and the bytes written are the bytes loaded.
 */
class MemorySnapshotTest {

    @TempDir
    Path dir;

    static final List<String> NIC = List.of("-no-reboot", "-netdev", "user,id=n0", "-device", "virtio-net-pci,netdev=n0");

    static Path image() {
        String cache = System.getenv("XDG_CACHE_HOME");
        return (cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache")).resolve("lockstep/qemu-image/image");
    }

    @Test
    void aSnapshotTakenWhileTheGuestRunsRestoresExactlyWhatItHeldThen() throws Exception {
        snapshotAndRestore(null);
    }

    /** The same with the RAM in a shared memory file (as FT-ready VMs run, issue 25): background-snapshot still works. */
    @Test
    void aGuestWithItsRamInASharedFileSnapshotsAndRestoresToo() throws Exception {
        Path ram = Path.of("/dev/shm", "snaptest-" + ProcessHandle.current().pid() + ".ram");
        try {
            snapshotAndRestore(ram);
        } finally {
            Files.deleteIfExists(ram);
        }
    }

    private void snapshotAndRestore(Path ram) throws Exception {
        TestGuests.assumeQemu();
        Path img = image();
        assumeTrue(Files.exists(img.resolve("vmlinuz")) && Files.exists(img.resolve("initrd.img")),
                "the default image is not built (releng/qemu-image/build.sh; ./lockstep test builds it as root)");
        QemuSpec spec = QemuSpec.kernel("snap-a", 128, 1, img.resolve("vmlinuz"), img.resolve("initrd.img"), "console=ttyS0 panic=-1 quiet")
                .withExtraArgs(NIC); // (the image's init wants an eth0; user-mode networking needs no tap)
        if (ram != null) {
            spec = spec.withMemoryFile(ram);
        }
        Path file = dir.resolve("memory.snap");
        MemorySnapshot.Saved saved;
        List<Long> progress = new CopyOnWriteArrayList<>();
        try (QemuMachine a = new QemuMachine(spec)) {
            a.start();
            a.awaitSerial("lockstep-guest: redis listening", Duration.ofSeconds(180));
            a.writeSerial("echo S1-$(redis-cli set k before)-END\n");
            a.awaitSerial("S1-OK-END", Duration.ofSeconds(60));
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                saved = MemorySnapshot.save(a, out, progress::add, Duration.ofSeconds(120));
            }
            assertEquals("running", a.status(), "the guest runs on after the snapshot");
            a.writeSerial("echo S2-$(redis-cli set k after)-END\n");
            a.awaitSerial("S2-OK-END", Duration.ofSeconds(60));
            a.kill();
        }
        assertEquals(Files.size(file), saved.bytes(), "every byte QEMU sent is in the file");
        assertTrue(saved.bytes() > 1 << 20, "a guest's memory is more than a MiB: " + saved);
        assertTrue(saved.downtimeMillis() >= 0, "QEMU reported its downtime: " + saved);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
        }
        assertEquals(saved.bytes(), progress.get(progress.size() - 1), "the last progress is the whole");

        List<String> args = new java.util.ArrayList<>(NIC);
        args.addAll(MemorySnapshot.incomingArgs());
        QemuSpec incoming = spec.withStartPaused(true).withExtraArgs(args);
        incoming = new QemuSpec("snap-b", incoming.memoryMiB(), incoming.vcpus(), incoming.kernel(), incoming.initrd(), incoming.append(),
                incoming.disk(), incoming.nic(), incoming.netns(), incoming.accel(), true, incoming.extraArgs(), ram);
        try (QemuMachine b = new QemuMachine(incoming); FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            b.start();
            long loaded = MemorySnapshot.load(b, in, x -> {
            }, Duration.ofSeconds(120));
            assertEquals(saved.bytes(), loaded);
            assertEquals("running", b.status());
            b.writeSerial("\necho G-$(redis-cli get k)-END\n");
            b.awaitSerial("G-before-END", Duration.ofSeconds(60));
        }
    }
}
