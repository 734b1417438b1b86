package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.lockstep.agent.api.SharedDiskView;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.datastore.ClusteredDisk;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.cluster.records.VdrRecord;
import io.lockstep.storage.PrState;

/**
 * Virtual disks that several VMs share — clustered guests on the same or different hosts — and reserve with SCSI
 * commands (issue 24; ARCHITECTURE "Virtual disk reservations"). A shared disk is a thick file {@code /.shared/<name>.disk}
 * on the datastore, opened multi-writer by every host whose VMs use it; its SCSI-2 and persistent reservations live in
 * the file's reservation record on the medium ({@link ClusteredDisk}), so an update by one host's guest reaches the
 * others through the notification protocol. Each QEMU VM it is attached to sees it as a SCSI disk from its host's
 * target ({@link QemuDisks#serveShared}), logging in as its own IQN: one I_T nexus per VM, wherever it runs.
 */
final class SharedDisks {

    /** Where shared disks live on the datastore: a folder no VM name can take (names start with a letter or digit). */
    static final String DIR = "/.shared";

    /** At most this many VMs share a disk: the reservation record keeps one slot per initiator. */
    static final int MAX_SHARERS = VdrRecord.MAX_INITIATORS;

    private final Datastore datastore;
    private final VmStore store;
    private final VmViews views;

    SharedDisks(Datastore datastore, VmStore store, VmViews views) {
        this.datastore = datastore;
        this.store = store;
        this.views = views;
    }

    static String file(String disk) {
        return DIR + "/" + disk + ".disk";
    }

    /** Creates a shared disk of {@code sizeMiB} (thick: every block allocated and zeroed, as clustered disks are). */
    SharedDiskView create(Body b) throws IOException {
        b.only(io.lockstep.agent.api.CreateSharedDiskRequest.class);
        String name = Names.check("name", b.text("name", null));
        long size = b.integer("sizeMiB", 64, 1, 4096);
        if (datastore.find(file(name)).isPresent()) {
            throw ApiException.conflict("a shared disk named '" + name + "' exists already");
        }
        datastore.fs().mkdirs(DIR);
        try {
            datastore.create(file(name), EntityKind.FILE, size << 20);
        } catch (FileAlreadyExistsException e) {
            throw ApiException.conflict("a shared disk named '" + name + "' exists already (made by a request that got there first)");
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("space")) {
                throw ApiException.conflict("the datastore has no room for a shared disk of " + size + " MiB: " + e.getMessage());
            }
            throw e;
        }
        return view(name);
    }

    List<SharedDiskView> list() throws IOException {
        List<SharedDiskView> out = new ArrayList<>();
        for (String n : names()) {
            try {
                out.add(view(n));
            } catch (ApiException e) {
                // deleted meanwhile
            }
        }
        return out;
    }

    List<String> names() throws IOException {
        List<String> out = new ArrayList<>();
        String prefix = DIR + "/";
        if (datastore.find(DIR).isEmpty()) {
            return out;
        }
        for (DirectoryEntry e : datastore.fs().list(DIR)) {
            String n = e.name();
            if (!e.isDirectory() && n.startsWith(prefix) && n.endsWith(".disk")) {
                out.add(n.substring(prefix.length(), n.length() - ".disk".length()));
            }
        }
        out.sort(null);
        return out;
    }

    SharedDiskView view(String name) throws IOException {
        Names.check("disk", name);
        DirectoryEntry e = datastore.find(file(name)).orElseThrow(() -> ApiException.notFound("no shared disk '" + name + "'"));
        List<String> attached = new ArrayList<>();
        for (String vm : store.names()) {
            try {
                if (store.config(vm).sharedDisks().contains(name)) {
                    attached.add(vm);
                }
            } catch (ApiException | java.nio.file.NoSuchFileException gone) {
                // deleted meanwhile
            }
        }
        VdrRecord vdr = datastore.vdr(e.index());
        List<SharedDiskView.Registration> regs = new ArrayList<>();
        String holder = null;
        String type = null;
        String scsi2 = null;
        long generation = 0;
        PrState s = vdr == null ? null : vdr.state();
        if (s != null) {
            for (Map.Entry<String, Long> r : s.registrations.entrySet()) {
                regs.add(new SharedDiskView.Registration(r.getKey(), String.format("0x%016x", r.getValue())));
            }
            if (s.reservationPresent()) {
                holder = s.holderName();
                type = String.valueOf(s.type);
            }
            scsi2 = s.scsi2Holder;
            generation = s.generation;
        }
        return new SharedDiskView(name, e.name(), e.sizeBytes(), attached, regs, holder, type, scsi2, generation);
    }

    /** Attaches a shared disk to a powered-off QEMU VM: it sees the disk as a SCSI disk from its next power-on. */
    void attach(String vm, Body b) throws IOException {
        b.only(io.lockstep.agent.api.AttachSharedDiskRequest.class);
        String disk = Names.check("disk", b.text("disk", null));
        SharedDiskView d = view(disk);
        VmConfig c = store.config(vm);
        if (!QemuGuest.is(c.guest())) {
            throw ApiException.conflict(vm + " is a '" + c.guest() + "' guest: shared disks are SCSI disks served to QEMU guests (expected a VM "
                    + "created with --guest qemu)");
        }
        requireOff(vm, "attach");
        if (c.sharedDisks().contains(disk)) {
            return;
        }
        if (d.attachedTo().size() >= MAX_SHARERS) {
            throw ApiException.conflict("shared disk '" + disk + "' is attached to " + d.attachedTo().size() + " VMs " + d.attachedTo()
                    + "; at most " + MAX_SHARERS + " share one disk (one reservation slot each)");
        }
        List<String> l = new ArrayList<>(c.sharedDisks());
        l.add(disk);
        store.write(c.withSharedDisks(l), true);
    }

    /** Detaches a shared disk from a powered-off VM. */
    void detach(String vm, String disk) throws IOException {
        Names.check("disk", disk);
        VmConfig c = store.config(vm);
        if (!c.sharedDisks().contains(disk)) {
            throw ApiException.notFound(vm + " has no shared disk '" + disk + "' attached (attached: " + c.sharedDisks() + ")");
        }
        requireOff(vm, "detach");
        List<String> l = new ArrayList<>(c.sharedDisks());
        l.remove(disk);
        store.write(c.withSharedDisks(l), true);
    }

    /** Deletes a shared disk no VM has attached. */
    void delete(String disk) throws IOException {
        SharedDiskView d = view(disk);
        if (!d.attachedTo().isEmpty()) {
            throw ApiException.conflict("shared disk '" + disk + "' is attached to " + d.attachedTo() + "; detach it first");
        }
        datastore.delete(file(disk));
    }

    /** The shared disk's file on the datastore, opened for one VM's initiator (an I_T nexus of its own). */
    ClusteredDisk open(String disk, String initiatorIqn) throws IOException {
        Optional<DirectoryEntry> e = datastore.find(file(disk));
        if (e.isEmpty()) {
            throw new java.nio.file.NoSuchFileException(file(disk), null, "shared disk '" + disk + "' is not on the datastore (deleted?)");
        }
        return datastore.openClusteredDisk(file(disk), initiatorIqn);
    }

    private void requireOff(String vm, String what) throws IOException {
        String state = views.view(vm).powerState();
        if (!"poweredOff".equals(state)) {
            throw ApiException.conflict(vm + " is " + state + "; " + what + " shared disks while it is powered off");
        }
    }
}
