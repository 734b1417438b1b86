package io.lockstep.qemu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one QEMU machine is: a q35 PC with {@code memoryMiB} of RAM and {@code vcpus} CPUs that boots either a kernel
 * (with an optional initrd and command line) or a disk image (virtio-blk; raw unless the file ends in ".qcow2"), or a
 * kernel with a disk attached. Optionally a virtio NIC on an existing tap device, and a network namespace to run in.
 *
 * @param name        the machine's name: letters, digits, '.', '_', '-' (1–48); names its runtime dir and CPU group
 * @param kernel      a kernel to boot directly ({@code -kernel}), or null
 * @param initrd      its initrd, or null
 * @param append      its command line, or null
 * @param disk        a disk image, or null; a machine with neither kernel nor disk is refused
 * @param nic         a NIC, or null for none
 * @param netns       a network namespace to run QEMU in ({@code ip netns exec}), or null
 * @param accel       the accelerator; {@link Accel#TCG} unless asked for
 * @param startPaused leave the guest paused after {@link QemuMachine#start()} (QEMU's "prelaunch")
 * @param extraArgs   more QEMU arguments, appended as they are (e.g. {@code -incoming defer})
 * @param memoryFile  null, or a file (absolute, best under {@code /dev/shm}) that backs the guest's RAM, mapped shared
 *                    ({@code memory-backend-file,share=on}): what the guest writes is in the file at once, so another
 *                    process can map it ({@link GuestMemory}) and migration can leave it out ({@code x-ignore-shared})
 */
public record QemuSpec(String name, int memoryMiB, int vcpus, Path kernel, Path initrd, String append, Path disk,
                       Nic nic, String netns, Accel accel, boolean startPaused, List<String> extraArgs,
                       Path memoryFile) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,48}");
    private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9._-]{1,15}");
    private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");

    /** A virtio-net NIC on an existing tap device {@code tap} with the guest MAC {@code mac} ("52:54:00:12:34:56"). */
    public record Nic(String tap, String mac) {
        public Nic {
            if (tap == null || !IFNAME.matcher(tap).matches()) {
                throw new IllegalArgumentException("NIC tap: expected an interface name of 1-15 letters, digits, "
                        + "'.', '_' or '-', found " + quote(tap));
            }
            if (mac == null || !MAC.matcher(mac).matches()) {
                throw new IllegalArgumentException("NIC MAC: expected six hex pairs separated by ':' "
                        + "(52:54:00:12:34:56), found " + quote(mac));
            }
            if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0) {
                throw new IllegalArgumentException("NIC MAC: expected a unicast address (first octet even), found "
                        + mac);
            }
        }
    }

    public QemuSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("machine name: expected 1-48 letters, digits, '.', '_' or '-', found "
                    + quote(name));
        }
        if (memoryMiB < 16 || memoryMiB > 1 << 20) {
            throw new IllegalArgumentException("machine " + name + ": expected memory between 16 MiB and 1 TiB, found "
                    + memoryMiB + " MiB");
        }
        if (vcpus < 1 || vcpus > 64) {
            throw new IllegalArgumentException("machine " + name + ": expected 1-64 vCPUs, found " + vcpus);
        }
        if (kernel == null && disk == null) {
            throw new IllegalArgumentException("machine " + name + ": expected a kernel or a disk image to boot, "
                    + "found neither");
        }
        if (kernel == null && (initrd != null || append != null)) {
            throw new IllegalArgumentException("machine " + name + ": expected an initrd or a kernel command line only "
                    + "with a kernel, found " + (initrd != null ? "initrd " + initrd : "append \"" + append + "\"")
                    + " without one");
        }
        if (netns != null && !IFNAME.matcher(netns).matches() && !NAME.matcher(netns).matches()) {
            throw new IllegalArgumentException("machine " + name + ": expected a network namespace name of letters, "
                    + "digits, '.', '_' or '-', found " + quote(netns));
        }
        if (memoryFile != null && (!memoryFile.isAbsolute() || memoryFile.toString().contains(",")
                || memoryFile.getFileName() == null)) {
            throw new IllegalArgumentException("machine " + name + ": expected the memory file as an absolute path "
                    + "without ',' (/dev/shm/vm1.ram), found \"" + memoryFile + "\"");
        }
        accel = accel == null ? Accel.TCG : accel;
        extraArgs = extraArgs == null ? List.of() : List.copyOf(extraArgs);
    }

    /** A machine that boots {@code kernel} with {@code initrd} (may be null) and command line {@code append}. */
    public static QemuSpec kernel(String name, int memoryMiB, int vcpus, Path kernel, Path initrd, String append) {
        return new QemuSpec(name, memoryMiB, vcpus, Objects.requireNonNull(kernel, "kernel"), initrd, append, null,
                null, null, Accel.TCG, false, List.of(), null);
    }

    /** A machine that boots a disk image through its BIOS. */
    public static QemuSpec disk(String name, int memoryMiB, int vcpus, Path disk) {
        return new QemuSpec(name, memoryMiB, vcpus, null, null, null, Objects.requireNonNull(disk, "disk"), null, null,
                Accel.TCG, false, List.of(), null);
    }

    public QemuSpec withDisk(Path d) {
        return new QemuSpec(name, memoryMiB, vcpus, kernel, initrd, append, d, nic, netns, accel, startPaused,
                extraArgs, memoryFile);
    }

    public QemuSpec withNic(String tap, String mac) {
        return new QemuSpec(name, memoryMiB, vcpus, kernel, initrd, append, disk, new Nic(tap, mac), netns, accel,
                startPaused, extraArgs, memoryFile);
    }

    public QemuSpec withNetns(String ns) {
        return new QemuSpec(name, memoryMiB, vcpus, kernel, initrd, append, disk, nic, ns, accel, startPaused,
                extraArgs, memoryFile);
    }

    public QemuSpec withAccel(Accel a) {
        return new QemuSpec(name, memoryMiB, vcpus, kernel, initrd, append, disk, nic, netns, a, startPaused,
                extraArgs, memoryFile);
    }

    public QemuSpec withStartPaused(boolean paused) {
        return new QemuSpec(name, memoryMiB, vcpus, kernel, initrd, append, disk, nic, netns, accel, paused,
                extraArgs, memoryFile);
    }

    public QemuSpec withExtraArgs(List<String> args) {
        return new QemuSpec(name, memoryMiB, vcpus, kernel, initrd, append, disk, nic, netns, accel, startPaused,
                args, memoryFile);
    }

    /** This machine with its RAM in {@code file} (see {@link #memoryFile()}); null for anonymous memory. */
    public QemuSpec withMemoryFile(Path file) {
        return new QemuSpec(name, memoryMiB, vcpus, kernel, initrd, append, disk, nic, netns, accel, startPaused,
                extraArgs, file);
    }

    /**
     * Checks what the record cannot check alone: the files exist and are readable, and KVM is only asked for where
     * {@code /dev/kvm} exists.
     *
     * @throws IllegalArgumentException saying what was expected and what was found
     */
    public void validateFiles() {
        file("kernel", kernel);
        file("initrd", initrd);
        file("disk image", disk);
        if (memoryFile != null && (memoryFile.getParent() == null || !Files.isDirectory(memoryFile.getParent()))) {
            throw new IllegalArgumentException("machine " + name + ": expected the memory file's directory "
                    + memoryFile.getParent() + " to exist, found nothing there");
        }
        if (memoryFile != null && Files.isDirectory(memoryFile)) {
            throw new IllegalArgumentException("machine " + name + ": expected the memory file " + memoryFile
                    + " to be a file (or absent), found a directory");
        }
        if (accel == Accel.KVM && !Files.exists(Path.of("/dev/kvm"))) {
            throw new IllegalArgumentException("machine " + name + ": expected /dev/kvm for accel kvm, found none");
        }
    }

    private void file(String what, Path p) {
        if (p == null) {
            return;
        }
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("machine " + name + ": expected the " + what + " file " + p
                    + ", found nothing there");
        }
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new IllegalArgumentException("machine " + name + ": expected the " + what + " " + p
                    + " to be a readable file, found " + (Files.isDirectory(p) ? "a directory" : "it unreadable"));
        }
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
