package io.lockstep.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QemuSpecTest {
    @TempDir
    Path dir;

    @Test
    void memoryZeroSaysWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QemuSpec.kernel("vm1", 0, 1, dir.resolve("vmlinuz"), null, null));
        assertTrue(e.getMessage().contains("expected memory between 16 MiB and 1 TiB, found 0 MiB"), e.getMessage());
    }

    @Test
    void missingKernelFileIsRefusedByTheMachine() {
        QemuSpec spec = QemuSpec.kernel("vm1", 64, 1, dir.resolve("no-such-vmlinuz"), null, "console=ttyS0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new QemuMachine(spec));
        assertTrue(e.getMessage().contains("expected the kernel file " + dir.resolve("no-such-vmlinuz")
                + ", found nothing there"), e.getMessage());
    }

    @Test
    void directoryAsDiskIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new QemuMachine(QemuSpec.disk("vm1", 64, 1, dir)));
        assertTrue(e.getMessage().contains("found a directory"), e.getMessage());
    }

    @Test
    void otherBadFields() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QemuSpec.disk("vm1", 64, 0, dir))
                .getMessage().contains("expected 1-64 vCPUs, found 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QemuSpec.disk("a/b", 64, 1, dir))
                .getMessage().contains("found \"a/b\""));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new QemuSpec("vm1", 64, 1, null, null, null, null, null, null, null, false, null, null))
                .getMessage().contains("expected a kernel or a disk image to boot, found neither"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> QemuSpec.disk("vm1", 64, 1, dir).withNic("tap0", "01:00:00:00:00:01"))
                .getMessage().contains("unicast"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> QemuSpec.disk("vm1", 64, 1, dir).withNic("tap0", "52:54:00:00:01"))
                .getMessage().contains("found \"52:54:00:00:01\""));
    }

    @Test
    void commandLine() {
        Path k = dir.resolve("vmlinuz");
        QemuSpec spec = QemuSpec.kernel("vm1", 256, 2, k, dir.resolve("initrd.img"), "console=ttyS0")
                .withDisk(dir.resolve("d,1.qcow2")).withNic("tap0", "52:54:00:12:34:56").withNetns("ns1");
        // the machine is not built (files are missing): the command line only needs the spec
        List<String> c = new QemuMachineForTest(spec).commandLine(Path.of("/run/x"));
        String all = String.join(" ", c);
        int at = QemuMachine.SETPRIV == null ? 0 : 4;
        if (QemuMachine.SETPRIV != null) { // QEMU dies with the JVM that started it (its gate and disk are there)
            assertEquals(List.of(QemuMachine.SETPRIV, "--pdeathsig", "KILL", "--"), c.subList(0, 4));
        }
        assertEquals(List.of("ip", "netns", "exec", "ns1"), c.subList(at, at + 4));
        assertTrue(all.contains("-machine q35,accel=tcg -m 256 -smp 2 -nodefaults -no-user-config -display none -S"),
                all);
        assertTrue(all.contains("-qmp unix:/run/x/qmp.sock,server=on,wait=off"), all);
        assertTrue(all.contains("-chardev socket,id=ser0,path=/run/x/serial.sock,server=on,wait=off -serial chardev:ser0"),
                all);
        assertTrue(all.contains("-kernel " + k + " -initrd " + dir.resolve("initrd.img") + " -append console=ttyS0"),
                all);
        assertTrue(all.contains("file=" + dir.resolve("d,,1.qcow2") + ",format=qcow2,if=none,id=disk0"), all);
        assertTrue(all.contains("-netdev tap,id=net0,ifname=tap0,script=no,downscript=no "
                + "-device virtio-net-pci,netdev=net0,mac=52:54:00:12:34:56"), all);
    }

    @Test
    void aMemoryFileBacksTheRamSharedAndIsChecked() throws Exception {
        Files.write(dir.resolve("vmlinuz"), new byte[1]);
        QemuSpec spec = QemuSpec.kernel("vm1", 128, 1, dir.resolve("vmlinuz"), null, null)
                .withMemoryFile(Path.of("/dev/shm/vm1.ram"));
        String all = String.join(" ", new QemuMachineForTest(spec).commandLine(Path.of("/run/x")));
        assertTrue(all.contains("-machine q35,accel=tcg,memory-backend=ram0 -m 128"), all);
        assertTrue(all.contains("-object memory-backend-file,id=ram0,size=128M,mem-path=/dev/shm/vm1.ram,share=on"),
                all);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spec.withMemoryFile(Path.of("vm1.ram")));
        assertEquals("machine vm1: expected the memory file as an absolute path without ',' (/dev/shm/vm1.ram), "
                + "found \"vm1.ram\"", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> spec.withMemoryFile(Path.of("/dev/shm/a,b")));
        QemuSpec nowhere = spec.withMemoryFile(dir.resolve("no-such-dir/vm1.ram"));
        e = assertThrows(IllegalArgumentException.class, nowhere::validateFiles);
        assertTrue(e.getMessage().contains("expected the memory file's directory"), e.getMessage());
        assertFalse(String.join(" ", new QemuMachineForTest(spec.withMemoryFile(null)).commandLine(Path.of("/run/x")))
                .contains("memory-backend"));
    }

    @Test
    void accelIsTcgUnlessKvmIsAskedForAndPresent() {
        assertEquals(Accel.TCG, Accel.choose(null, true));
        assertEquals(Accel.TCG, Accel.choose("tcg", true));
        assertEquals(Accel.TCG, Accel.choose("kvm", false));
        assertEquals(Accel.KVM, Accel.choose(" KVM ", true));
    }

    /** Builds the command line of a spec whose files do not exist. */
    private static final class QemuMachineForTest {
        private final QemuSpec spec;

        QemuMachineForTest(QemuSpec spec) {
            this.spec = spec;
        }

        List<String> commandLine(Path dir) {
            return QemuMachine.commandLine(spec, "qemu-system-x86_64", dir);
        }
    }
}
