package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.lockstep.agent.api.LunView;

import io.lockstep.san.Wwn;
import io.lockstep.storage.Medium;
import io.lockstep.storage.ScsiException;
import io.lockstep.storage.file.FileMedium;

/**
 * LUNs on the datastore's target, seen through each VM's own SAN identity (ARCHITECTURE "SAN identities"): a LUN is
 * presented to the initiators a storage administrator names; a VM that has it attached logs in to it as its own
 * initiator when it powers on, on whichever host that is, and a LUN not presented to it refuses. The LUNs are LUN files
 * in the datastore's {@code luns} folder (the file target's masking); a LUN on another target is not possible yet.
 */
final class LunAccess {

    private final VmStore store;
    private final Path dir;
    private final LocalVms here;

    /** {@code dir}: where the LUN files are (the target's side: a local directory until hosts reach LUNs over iSCSI). */
    LunAccess(VmStore store, Path dir, LocalVms here) {
        this.store = store;
        this.dir = dir;
        this.here = here;
    }

    Path lunFile(String lun) {
        return dir.resolve(Names.check("lun", lun) + ".lun");
    }

    /** Creates a LUN on the datastore's target, presented only to the given initiators (a storage administrator's step). */
    LunView create(Body b) throws IOException {
        b.only(io.lockstep.agent.api.CreateLunRequest.class);
        String name = Names.check("name", b.text("name", null));
        long size = b.integer("sizeMiB", 16, 1, 65_536);
        List<String> to = b.texts("presentedTo");
        Path f = lunFile(name);
        if (Files.exists(f)) {
            throw ApiException.conflict("a LUN named '" + name + "' exists already");
        }
        if (to.isEmpty()) {
            // default-deny: a LUN presented to every initiator is never made by accident
            throw ApiException.badRequest("presentedTo", "presentedTo: expected at least one initiator (a VM's WWPN or an IQN), found none");
        }
        Files.createDirectories(f.getParent());
        try {
            // made whole, masking included, then published: a refusal leaves no LUN, and none is ever open to all
            FileMedium.create(f, 512, (size << 20) / 512, to);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("presentedTo", "presentedTo: " + e.getMessage());
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw ApiException.conflict("a LUN named '" + name + "' exists already (made by a request that got there first)");
        }
        return view(name);
    }

    LunView view(String name) throws IOException {
        Path f = lunFile(name);
        if (!Files.exists(f)) {
            throw ApiException.notFound("no LUN '" + name + "'");
        }
        return new LunView(name, FileMedium.header(f).sectorCount() * 512, List.copyOf(FileMedium.presentedTo(f)));
    }

    List<LunView> list() throws IOException {
        List<LunView> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".lun")).sorted().toList()) {
                    out.add(view(p.getFileName().toString().replaceFirst("\\.lun$", "")));
                }
            }
        }
        return out;
    }

    /** Attaches a LUN to a VM (written to vm.json; the VM logs in to it with its own identity when powered on). */
    void attach(String vm, Body b) throws IOException {
        b.only(io.lockstep.agent.api.AttachLunRequest.class);
        String lun = Names.check("lun", b.text("lun", null));
        view(lun);
        VmConfig c = store.config(vm);
        if (here.runs(vm)) {
            throw ApiException.conflict(vm + " is powered on; attach LUNs while it is off");
        }
        if (!c.luns().contains(lun)) {
            List<String> l = new ArrayList<>(c.luns());
            l.add(lun);
            store.write(c.withLuns(l), true);
        }
    }

    /** Logs the VM in to each of its LUNs as its own initiator; a LUN not presented to it refuses, and power-on fails saying so. */
    void login(VmConfig c, List<Medium> sessions) throws IOException {
        if (c.luns().isEmpty()) {
            return;
        }
        String initiator = Wwn.parse(c.wwpn()).initiatorName();
        for (String lun : c.luns()) {
            try {
                sessions.add(FileMedium.open(lunFile(lun), initiator));
            } catch (ScsiException e) {
                throw ApiException.conflict(c.name() + " cannot power on: LUN '" + lun + "' refused its initiator " + initiator + ": " + e.getMessage());
            }
        }
    }
}
