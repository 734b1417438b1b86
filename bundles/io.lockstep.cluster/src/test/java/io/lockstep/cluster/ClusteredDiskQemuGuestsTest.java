package io.lockstep.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.lockstep.storage.PrReservation;
import io.lockstep.storage.PrType;
import io.lockstep.storage.iscsi.IscsiServer;
import io.lockstep.cluster.datastore.ClusteredDisk;
import io.lockstep.cluster.datastore.Datastore;

/**
 * Two QEMU guests (the default image, releng/qemu-image) share one clustered disk through Lockstep's iSCSI target and
 * reserve it with sg3-utils from inside: QEMU's iscsi block driver logs in with each VM's own initiator name and its
 * {@code scsi-block} device passes the guest's SCSI commands through (the driver emulates SG_IO), so {@code sg_persist}
 * in the guest reaches {@link ClusteredDisk} as PERSISTENT RESERVE OUT. VM A's sessions are opened on host A, VM B's
 * on host B, and a third host checks what the guests did: the reservation crosses hosts through the disk's
 * reservation record and the notification protocol.
 *
 * <p>Needs qemu-system-x86_64 with the iscsi block driver (qemu-block-extra) and the default image; not root (no tap:
 * the guests' only NIC is QEMU's restricted user network, and QEMU talks to the target on 127.0.0.1).
 */
class ClusteredDiskQemuGuestsTest extends InProcessClusterTest {

    static final String DISK = "/cluster/shared.vmdk";
    static final String TARGET = "iqn.2026-12.io.lockstep:shared-disk";
    static final String VM_A = "iqn.2026-12.io.lockstep:hs-vm-a";
    static final String VM_B = "iqn.2026-12.io.lockstep:hs-vm-b";
    static final String CHECKER = "iqn.2026-12.io.lockstep:hs-checker";
    static final Duration BOOT = Duration.ofSeconds(240);
    static final Duration COMMAND = Duration.ofSeconds(90);

    static Path imageDir() {
        String env = System.getenv("LOCKSTEP_QEMU_IMAGE");
        return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "lockstep", "qemu-image", "image");
    }

    static void assumeQemuWithIscsiAndTheImage() {
        assumeTrue(ClusteredDiskTargetTest.onPath("qemu-system-x86_64"),
                "qemu-system-x86_64 is not installed (Debian package qemu-system-x86, listed in releng/debian-packages.txt)");
        assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/qemu/block-iscsi.so")),
                "QEMU's iscsi block driver is not installed (Debian package qemu-block-extra)");
        Path image = imageDir();
        assumeTrue(Files.isRegularFile(image.resolve("vmlinuz")) && Files.isRegularFile(image.resolve("initrd.img")),
                "no default guest image in " + image + " (build it with releng/qemu-image/build.sh)");
    }

    /** The QEMU arguments that attach LUN 0 of {@code target} on {@code portal} as a pass-through SCSI disk, logging in as {@code iqn}. */
    static List<String> sharedDiskArgs(String portal, String target, String iqn) {
        return List.of("-device", "virtio-scsi-pci,id=scsi0",
                "-blockdev", "driver=iscsi,transport=tcp,portal=" + portal + ",target=" + target + ",lun=0,initiator-name=" + iqn
                        + ",node-name=shared0",
                "-device", "scsi-block,drive=shared0,bus=scsi0.0");
    }

    /** A guest on its serial console (QEMU's stdio): commands typed in, their output and exit status read back. */
    static final class Guest implements AutoCloseable {
        final String name;
        final Process qemu;
        final StringBuilder serial = new StringBuilder();
        final Thread reader;
        final OutputStream in;
        int steps;

        Guest(String name, String portal, String iqn) throws IOException {
            this.name = name;
            Path image = imageDir();
            List<String> cmd = new ArrayList<>(List.of("qemu-system-x86_64", "-name", name, "-accel", "tcg", "-m", "256", "-nodefaults",
                    "-no-reboot", "-display", "none", "-kernel", image.resolve("vmlinuz").toString(), "-initrd",
                    image.resolve("initrd.img").toString(), "-append", "console=ttyS0 panic=-1 lockstep.name=" + name,
                    "-netdev", "user,id=n0,restrict=on", "-device", "virtio-net-pci,netdev=n0"));
            cmd.addAll(sharedDiskArgs(portal, TARGET, iqn));
            cmd.addAll(List.of("-serial", "stdio"));
            qemu = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            in = qemu.getOutputStream();
            reader = new Thread(() -> {
                byte[] buf = new byte[4096];
                try (InputStream out = qemu.getInputStream()) {
                    int n;
                    while ((n = out.read(buf)) > 0) {
                        synchronized (serial) {
                            serial.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                            serial.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // QEMU ended
                }
            }, "serial-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        int length() {
            synchronized (serial) {
                return serial.length();
            }
        }

        /** Waits for {@code p} in the console output from {@code from}; fails with the output when it does not come. */
        Matcher await(Pattern p, int from, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (serial) {
                while (true) {
                    Matcher m = p.matcher(serial);
                    if (m.find(Math.min(from, serial.length()))) {
                        return m;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || (!qemu.isAlive() && !reader.isAlive())) {
                        throw new AssertionError(name + ": expected '" + p + "' on the console within " + timeout.toSeconds() + " s"
                                + (qemu.isAlive() ? "" : " (QEMU exited " + qemu.exitValue() + ")") + "; it said:\n" + serial);
                    }
                    serial.wait(Math.max(1, Math.min(1000, left / 1_000_000)));
                }
            }
        }

        record Result(int rc, String out) {
        }

        /** Types {@code line} on the guest's shell and returns its output and the exit status of its last command. */
        Result sh(String line) throws IOException, InterruptedException {
            String tag = "@@" + name + "-" + ++steps;
            int from = length();
            in.write((line + "; echo \"" + tag + " rc=$?\"\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
            Matcher m = await(Pattern.compile(Pattern.quote(tag) + " rc=(\\d+)"), from, COMMAND);
            String out;
            synchronized (serial) {
                out = serial.substring(from, m.start());
            }
            return new Result(Integer.parseInt(m.group(1)), out);
        }

        Result ok(String line) throws IOException, InterruptedException {
            Result r = sh(line);
            assertEquals(0, r.rc(), name + ": '" + line + "' failed:\n" + r.out());
            return r;
        }

        @Override
        public void close() throws InterruptedException {
            qemu.destroy();
            if (!qemu.waitFor(10, TimeUnit.SECONDS)) {
                qemu.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static byte[] pattern(char c) {
        byte[] b = new byte[512];
        for (int i = 0; i < b.length; i += 2) {
            b[i] = (byte) c;
            b[i + 1] = '\n';
        }
        return b;
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void twoGuestsReserveTheSharedDiskWithSgPersistAndTheSecondPreemptsTheFirst(Setup setup) throws Exception {
        assumeQemuWithIscsiAndTheImage();
        AcquisitionMode mode = on(setup);
        Datastore hostA = cluster.datastore("esx-a", mode);
        Datastore hostB = cluster.datastore("esx-b", mode);
        Datastore hostC = cluster.datastore("esx-c", mode);
        hostA.create(DISK, EntityKind.FILE, 4 << 20);
        hostB.host().io().read(0);
        hostC.host().io().read(0);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        IscsiServer.Masking masking = new IscsiServer.Masking()
                .lun(TARGET, 0, initiator -> (initiator.equals(VM_B) ? hostB : hostA).openClusteredDisk(DISK, initiator))
                .allow(TARGET, VM_A, VM_B);
        try (IscsiServer server = new IscsiServer(new InetSocketAddress("127.0.0.1", 0), masking,
                        IscsiServer.Options.defaults().withLog(log::add));
                ClusteredDisk checker = hostC.openClusteredDisk(DISK, CHECKER); // a third host's view
                Guest a = new Guest("hs-vma", server.portal(), VM_A);
                Guest b = new Guest("hs-vmb", server.portal(), VM_B)) {
            Pattern ready = Pattern.compile("lockstep-guest: (redis listening on|boot finished with errors)[^\n]*");
            for (Guest g : List.of(a, b)) {
                String line = g.await(ready, 0, BOOT).group();
                assertTrue(line.contains("redis listening"), g.name + " booted with errors:\n" + g.serial);
            }
            assertTrue(a.ok("ls /dev/sg0 /dev/sda").out().contains("/dev/sg0"), "the shared disk is a SCSI disk in the guest");

            // A registers and reserves Write Exclusive – Registrants Only; it arrives at the target (seen from host C)
            a.ok("sg_persist --out --register --param-sark=0xa1 /dev/sg0");
            a.ok("sg_persist --out --reserve --param-rk=0xa1 --prout-type=5 /dev/sg0");
            PrReservation r = checker.readReservation();
            assertTrue(r.present() && r.key() == 0xa1 && r.type() == PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY, r.toString());

            // B, not registered, sees A's key, and its write fails with RESERVATION CONFLICT inside the guest
            assertTrue(b.ok("sg_persist -k /dev/sg0").out().contains("0xa1"), "B reads A's registration");
            b.ok("yes B | head -c 512 > /tmp/b && yes A | head -c 512 > /tmp/a");
            a.ok("yes A | head -c 512 > /tmp/a");
            int from = b.length();
            Guest.Result refused = b.sh("dd if=/tmp/b of=/dev/sda bs=512 count=1 oflag=direct");
            assertNotEquals(0, refused.rc(), "B's write under A's reservation succeeded:\n" + refused.out());
            b.await(Pattern.compile("reservation conflict"), from, COMMAND);
            assertArrayEquals(new byte[512], checker.read(0, 1), "B's refused write reached the disk");

            // B registers and preempts A with PREEMPT AND ABORT; B now writes
            b.ok("sg_persist --out --register --param-sark=0xb2 /dev/sg0");
            b.ok("sg_persist --out --preempt-abort --param-rk=0xb2 --param-sark=0xa1 --prout-type=5 /dev/sg0");
            r = checker.readReservation();
            assertTrue(r.present() && r.key() == 0xb2 && r.type() == PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY, r.toString());
            assertEquals(List.of(0xb2L), checker.readKeys().keys());
            b.ok("dd if=/tmp/b of=/dev/sda bs=512 count=1 oflag=direct");
            assertArrayEquals(pattern('B'), checker.read(0, 1), "B's write is on the shared disk");

            // A hears REGISTRATIONS PREEMPTED once, then its write is refused; it sees the current registrations
            Guest.Result ua = a.sh("sg_turs /dev/sg0");
            assertTrue(ua.out().contains("Registrations preempted"), "A's TEST UNIT READY after the preemption:\n" + ua.out());
            from = a.length();
            Guest.Result late = a.sh("dd if=/tmp/a of=/dev/sda bs=512 count=1 oflag=direct");
            assertNotEquals(0, late.rc(), "A's write after it was preempted succeeded:\n" + late.out());
            a.await(Pattern.compile("reservation conflict"), from, COMMAND);
            assertArrayEquals(pattern('B'), checker.read(0, 1), "A's refused write reached the disk");
            String keys = a.ok("sg_persist -k /dev/sg0").out();
            assertTrue(keys.contains("0xb2") && !keys.contains("0xa1"), keys);
        }
    }
}
