package io.lockstep.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A QEMU guest as a VM's {@code guest} says it: {@code qemu} (the default image: a Debian cloud kernel and an initramfs
 * with busybox and redis-server, built by {@code releng/qemu-image/build.sh}), {@code qemu:kernel=PATH,initrd=PATH}
 * (optionally {@code ,append=…} last: the rest of the text is the kernel's command line) for people who bring their
 * own, or {@code qemu:image=PATH} for a bootable disk image. Paths are absolute and must be readable where the VM is
 * created; the default image is looked for where it runs ({@link #defaultImage}).
 */
record QemuGuest(Path kernel, Path initrd, String append, Path image) {

    static final String KIND = "qemu";
    /** The default image's Redis port (the VM's {@code port} when not given). */
    static final int SERVICE_PORT = 6379;

    /** Whether a VM's guest is a QEMU guest (and not one of the Java guests of {@code GuestRegistry}). */
    static boolean is(String guest) {
        return guest != null && (guest.equals(KIND) || guest.startsWith(KIND + ":"));
    }

    boolean isDefault() {
        return kernel == null && image == null;
    }

    /** Parses a guest text; an IllegalArgumentException says what was expected and what was found. */
    static QemuGuest parse(String guest) {
        if (!is(guest)) {
            throw new IllegalArgumentException("expected qemu, qemu:kernel=PATH,initrd=PATH[,append=…] or qemu:image=PATH, found '" + guest + "'");
        }
        if (guest.equals(KIND)) {
            return new QemuGuest(null, null, null, null);
        }
        String rest = guest.substring(KIND.length() + 1);
        Map<String, String> kv = new LinkedHashMap<>();
        while (!rest.isEmpty()) {
            int eq = rest.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("qemu guest: expected key=value (kernel, initrd, append, image), found '" + rest + "'");
            }
            String key = rest.substring(0, eq);
            String value;
            if (key.equals("append")) { // the kernel's command line: the rest of the text, commas and all
                value = rest.substring(eq + 1);
                rest = "";
            } else {
                int comma = rest.indexOf(',', eq);
                value = comma < 0 ? rest.substring(eq + 1) : rest.substring(eq + 1, comma);
                rest = comma < 0 ? "" : rest.substring(comma + 1);
            }
            if (!key.matches("kernel|initrd|append|image")) {
                throw new IllegalArgumentException("qemu guest: expected the keys kernel, initrd, append or image, found '" + key + "'");
            }
            if (kv.put(key, value) != null) {
                throw new IllegalArgumentException("qemu guest: '" + key + "' given twice");
            }
        }
        Path kernel = path(kv, "kernel");
        Path initrd = path(kv, "initrd");
        Path image = path(kv, "image");
        String append = kv.get("append");
        if (image != null && (kernel != null || initrd != null || append != null)) {
            throw new IllegalArgumentException("qemu guest: a disk image boots by itself; expected image=PATH alone, found also "
                    + (kernel != null ? "kernel" : initrd != null ? "initrd" : "append"));
        }
        if (image == null && kernel == null) {
            throw new IllegalArgumentException("qemu guest: expected kernel=PATH (with initrd=PATH) or image=PATH, found only "
                    + String.join(", ", kv.keySet()));
        }
        if (append != null && append.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("qemu guest: the kernel command line holds a control character");
        }
        return new QemuGuest(kernel, initrd, append, image);
    }

    private static Path path(Map<String, String> kv, String key) {
        String v = kv.get(key);
        if (v == null) {
            return null;
        }
        Path p = Path.of(v);
        if (!p.isAbsolute()) {
            throw new IllegalArgumentException("qemu guest: " + key + " must be an absolute path, found '" + v + "'");
        }
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new IllegalArgumentException("qemu guest: " + key + ": no readable file at " + p);
        }
        return p.normalize();
    }

    /** The text kept in vm.json. */
    String spec() {
        if (isDefault()) {
            return KIND;
        }
        if (image != null) {
            return KIND + ":image=" + image;
        }
        return KIND + ":kernel=" + kernel + (initrd == null ? "" : ",initrd=" + initrd) + (append == null ? "" : ",append=" + append);
    }

    /**
     * Where the default image is on this host: {@code lockstep.qemu.image} (or {@code LOCKSTEP_QEMU_IMAGE}: a directory
     * holding {@code vmlinuz} and {@code initrd.img}) when set, else where {@code releng/qemu-image/build.sh} (run by
     * {@code ./lockstep image}) puts it: {@code ${XDG_CACHE_HOME:-~/.cache}/lockstep/qemu-image/image}.
     */
    static Path defaultImage() {
        String dir = System.getProperty("lockstep.qemu.image", System.getenv("LOCKSTEP_QEMU_IMAGE"));
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("lockstep").resolve("qemu-image").resolve("image");
    }
}
