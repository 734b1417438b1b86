package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.lockstep.vdisk.DiskChain;
import io.lockstep.vm.Checkpoints;

/**
 * The VMs' folders on the datastore: one folder a VM, holding {@code vm.json} (its {@link VmConfig}), its VMDK chain
 * and its checkpoints. Every host reads the same folders; which host runs a VM is said by the locks on the entities
 * named here ({@link #configEntity}, {@link #diskEntity}), not by anything in the folder.
 */
final class VmStore {

    private final Path root;

    VmStore(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path folder(String name) {
        return root.resolve(Names.check("vm", name));
    }

    /** The lock that says who runs a VM (exclusive: one host). */
    static String configEntity(String vm) {
        return vm + "/vm.json";
    }

    /** The lock on a VM's disk (exclusive; multi-writer while an FT pair's primary and backup both hold it). */
    static String diskEntity(String vm) {
        return vm + "/disk.vmdk";
    }

    VmConfig config(String name) throws IOException {
        Path f = folder(name).resolve("vm.json");
        if (!Files.exists(f)) {
            throw ApiException.notFound("no VM '" + name + "' on datastore " + root);
        }
        for (int attempt = 1;; attempt++) {
            try (var in = Files.newInputStream(f)) {
                return Json.MAPPER.readValue(in, VmConfig.class);
            } catch (java.nio.file.NoSuchFileException e) {
                // another host replaced vm.json (written aside, renamed over) between finding and opening it: read the new one
                if (attempt == 3 || !Files.exists(f)) {
                    throw e;
                }
            }
        }
    }

    List<String> names() throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> d = Files.newDirectoryStream(root)) {
            for (Path p : d) {
                if (Files.exists(p.resolve("vm.json"))) {
                    out.add(p.getFileName().toString());
                }
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** Makes the VM's folder, its disk of {@code diskMiB} and its vm.json; nothing is left behind when that fails. */
    void create(VmConfig c) throws IOException {
        Path dir = folder(c.name());
        Files.createDirectories(root);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw ApiException.conflict("a VM named '" + c.name() + "' exists already on datastore " + root);
        }
        try {
            DiskChain.create(baseDisk(c.name()), c.diskMiB() << 20);
            write(c, false);
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** Writes vm.json whole, through a temporary file (a reader sees the old or the new, never half). */
    void write(VmConfig c, boolean replace) throws IOException {
        Path dir = folder(c.name());
        Path tmp = dir.resolve("vm.json.tmp");
        try (var out = Files.newOutputStream(tmp)) { // closing it forces it
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, c);
        }
        if (replace) {
            Files.move(tmp, dir.resolve("vm.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.move(tmp, dir.resolve("vm.json"), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    void delete(String name) throws IOException {
        VmConfig c = null;
        try {
            c = config(name);
        } catch (IOException | RuntimeException e) {
            // a folder without a readable vm.json holds no address
        }
        deleteTree(folder(name));
        if (c != null && c.address() != null) {
            releaseAddress(c.address(), name);
        }
        if (c != null && c.wwpn() != null) {
            releaseWwn(c.wwpn(), name);
            releaseWwn(c.wwnn(), name);
        }
    }

    /** A WWN claim whose VM does not exist is a creation at work for this long, and stale after it. */
    static final long STALE_CLAIM_MILLIS = 60_000;

    /** Where WWN claims live: one file per WWPN or WWNN taken, named by it, holding the VM's name. */
    private Path wwns() {
        return root.resolve(".wwns");
    }

    /** The claim file of {@code wwn} ({@code 50:01:…} is claimed as {@code 50-01-…}). */
    private Path wwnClaim(String wwn) {
        return wwns().resolve(wwn.replace(':', '-').toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Claims {@code wwn} (a WWPN or WWNN, as text) for VM {@code vm}: creating the claim file is atomic on the datastore,
     * so two VMs created at once (here or on two hosts) never both get one WWN. A claim whose VM is gone, or no longer
     * has that WWN (a VM made before claims existed, a creation that died half-way), is taken over; a live one is a 409.
     */
    void claimWwn(String wwn, String vm) throws IOException {
        Files.createDirectories(wwns());
        Path f = wwnClaim(wwn);
        byte[] me = vm.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.write(f, me, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                return;
            } catch (FileAlreadyExistsException held) {
                String owner;
                try {
                    owner = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue; // released a moment ago: try again
                }
                if (owner.equals(vm)) {
                    return;
                }
                boolean live;
                try {
                    VmConfig other = config(owner);
                    live = wwn.equalsIgnoreCase(String.valueOf(other.wwpn())) || wwn.equalsIgnoreCase(String.valueOf(other.wwnn()));
                } catch (IOException | RuntimeException e) {
                    // no such VM (yet): a creation at work on it now, or one that died half-way long ago
                    long age = System.currentTimeMillis() - Files.getLastModifiedTime(f).toMillis();
                    live = age < STALE_CLAIM_MILLIS;
                }
                if (live) {
                    throw ApiException.conflict(wwn + " is " + (owner.isEmpty() ? "being claimed by another VM's creation" : "VM " + owner + "'s")
                            + "; a WWN belongs to one VM (choose another, or none for a fresh one)");
                }
                try {
                    Files.delete(f); // a stale claim: taken over on the next try
                } catch (java.nio.file.FileSystemException busy) {
                    throw ApiException.conflict(wwn + " is being claimed by another creation at this moment; try again");
                }
            }
        }
        throw ApiException.conflict(wwn + " is being claimed by another creation at this moment; try again");
    }

    /** Gives back a WWN claim of a creation that failed, unless a VM of that name (made by another) has that WWN. */
    void releaseWwnUnlessUsed(String wwn, String vm) throws IOException {
        try {
            VmConfig c = config(vm);
            if (wwn.equalsIgnoreCase(String.valueOf(c.wwpn())) || wwn.equalsIgnoreCase(String.valueOf(c.wwnn()))) {
                return;
            }
        } catch (IOException | RuntimeException e) {
            // no such VM: the claim is ours alone
        }
        releaseWwn(wwn, vm);
    }

    /** Gives back a WWN claim when it still names {@code vm}. */
    void releaseWwn(String wwn, String vm) throws IOException {
        Path f = wwnClaim(wwn);
        if (Files.exists(f) && new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8).equals(vm)) {
            Files.delete(f);
        }
    }

    /** Where address claims live: one file per address taken, named by it, holding the VM's name. */
    private Path addresses() {
        return root.resolve(".addresses");
    }

    /**
     * Takes the first address of {@code range} no VM holds, for VM {@code vm}: creating the claim file is atomic on the
     * datastore (under its directory lock), so two hosts creating VMs at once never take the same address.
     */
    String claimAddress(AddressRange range, String vm) throws IOException {
        Files.createDirectories(addresses());
        java.util.Set<String> tried = new java.util.HashSet<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(addresses())) {
            for (Path p : d) {
                tried.add(p.getFileName().toString());
            }
        }
        while (true) {
            String a = range.firstFree(tried).orElseThrow(() -> ApiException.conflict("every address of the VM range " + range + " is taken ("
                    + range.size() + " VMs); delete a VM or widen the range"));
            tried.add(a);
            try {
                Files.write(addresses().resolve(a), vm.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return a;
            } catch (FileAlreadyExistsException raced) {
                // another host took it a moment ago: the next one
            }
        }
    }

    /** Gives back a VM's address (its claim file, when it still names that VM). */
    void releaseAddress(String address, String vm) throws IOException {
        Path f = addresses().resolve(address);
        if (Files.exists(f) && new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8).equals(vm)) {
            Files.delete(f);
        }
    }

    /** The disk the VM was created with, the bottom of its chain. */
    Path baseDisk(String name) {
        return folder(name).resolve(name + ".vmdk");
    }

    /** The top of the chain the VM runs on: its last checkpoint's delta, or its base disk. */
    Path runningDisk(String name) throws IOException {
        Path top = Checkpoints.runningDisk(folder(name));
        return top == null ? baseDisk(name) : top;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
