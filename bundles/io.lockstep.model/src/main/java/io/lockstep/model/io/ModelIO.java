package io.lockstep.model.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.emfcloud.jackson.resource.JsonResourceFactory;

import io.lockstep.model.Datacenter;
import io.lockstep.model.FtPair;
import io.lockstep.model.Host;
import io.lockstep.model.LockstepPackage;
import io.lockstep.model.VirtualDisk;
import io.lockstep.model.VirtualMachine;
import io.lockstep.model.Datastore;

/**
 * Reading and writing datacenters: {@code .lockstep} files are XMI; JSON goes through emfjson-jackson (EMF's JSON
 * binding, the same document shape both ways); CSV inventory tables through Commons CSV. Saving writes a
 * temporary file and moves it into place, so a failed save leaves the previous file whole. Loading refuses a
 * missing, damaged or foreign file with a {@link ModelFileException} that says what was expected and found.
 */
public final class ModelIO {

    public static final String EXTENSION = "lockstep";

    private ModelIO() {
    }

    /** A resource set that knows the Lockstep package, {@code .lockstep} (XMI) and {@code .json}. */
    public static ResourceSet resourceSet() {
        return configure(new ResourceSetImpl());
    }

    /** Teaches {@code rs} (an editing domain's, say) the Lockstep package, {@code .lockstep} and {@code .json}. */
    public static ResourceSet configure(ResourceSet rs) {
        rs.getPackageRegistry().put(LockstepPackage.eNS_URI, LockstepPackage.eINSTANCE);
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put(EXTENSION, new XMIResourceFactoryImpl());
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("json", new JsonResourceFactory());
        return rs;
    }

    /** Loads {@code file} into {@code rs} (refusing it as {@link #load(Path)} does); on failure {@code rs} is left as it was. */
    public static Datacenter load(ResourceSet rs, Path file) throws ModelFileException {
        return read(rs, file, "a Lockstep datacenter (XMI, namespace " + LockstepPackage.eNS_URI + ")");
    }

    static Map<Object, Object> saveOptions() {
        Map<Object, Object> o = new HashMap<>();
        o.put(XMLResource.OPTION_ENCODING, "UTF-8");
        o.put(XMLResource.OPTION_SAVE_TYPE_INFORMATION, Boolean.FALSE);
        return o;
    }

    public static Datacenter load(Path file) throws ModelFileException {
        return read(file, "a Lockstep datacenter (XMI, namespace " + LockstepPackage.eNS_URI + ")");
    }

    public static Datacenter importJson(Path file) throws ModelFileException {
        return read(file, "a Lockstep datacenter in JSON (emfjson: {\"eClass\": \"" + LockstepPackage.eNS_URI + "#//Datacenter\", …})");
    }

    private static Datacenter read(Path file, String expected) throws ModelFileException {
        return read(resourceSet(), file, expected);
    }

    private static Datacenter read(ResourceSet rs, Path file, String expected) throws ModelFileException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file + ": expected " + expected + ", found no such file", new NoSuchFileException(file.toString()));
        }
        URI uri = URI.createFileURI(file.toAbsolutePath().toString());
        Resource r = rs.createResource(uri);
        try {
            r.load(rs.getLoadOptions());
        } catch (IOException | RuntimeException e) {
            rs.getResources().remove(r);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ModelFileException(file + ": expected " + expected + ", found something else: " + firstLine(cause.getMessage()), cause);
        }
        try {
            return checked(r, file, expected);
        } catch (ModelFileException e) {
            rs.getResources().remove(r);
            throw e;
        }
    }

    private static Datacenter checked(Resource r, Path file, String expected) throws ModelFileException {
        if (!r.getErrors().isEmpty()) {
            throw new ModelFileException(file + ": expected " + expected + ", found errors: " + firstLine(r.getErrors().get(0).getMessage()), null);
        }
        List<EObject> contents = r.getContents();
        if (contents.isEmpty()) {
            throw new ModelFileException(file + ": expected " + expected + ", found an empty document", null);
        }
        EObject root = contents.get(0);
        if (!(root instanceof Datacenter dc)) {
            throw new ModelFileException(file + ": expected " + expected + ", found a " + root.eClass().getName() + " of "
                    + root.eClass().getEPackage().getNsURI(), null);
        }
        return dc;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Saves as XMI; the previous file stays whole until the new one is complete. */
    public static void save(Datacenter dc, Path file) throws IOException {
        write(dc, file, "." + EXTENSION);
    }

    public static void exportJson(Datacenter dc, Path file) throws IOException {
        write(dc, file, ".json");
    }

    private static void write(Datacenter dc, Path file, String kind) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp" + kind);
        try {
            ResourceSet rs = resourceSet();
            Resource r = rs.createResource(URI.createFileURI(tmp.toString()));
            // a copy is saved, so the caller's resource (an editor's) keeps its own URI and contents
            r.getContents().add(org.eclipse.emf.ecore.util.EcoreUtil.copy(dc));
            r.save(saveOptions());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The inventory as CSV tables in {@code dir}: hosts, datastores, disks, VMs, FT pairs. Returns the files written. */
    public static List<Path> exportCsv(Datacenter dc, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path hosts = dir.resolve("hosts.csv");
        try (CSVPrinter p = printer(hosts, "name", "address", "cpus", "memoryMiB", "committedMemoryMiB", "connectionState", "heartbeatSlot",
                "datastores", "vms")) {
            for (Host h : dc.getHosts()) {
                p.printRecord(h.getName(), h.getAddress(), h.getCpus(), h.getMemoryMiB(), h.getCommittedMemoryMiB(), h.getConnectionState(),
                        h.getHeartbeatSlot(), names(h.getDatastores()), names(h.getVms()));
            }
        }
        Path datastores = dir.resolve("datastores.csv");
        try (CSVPrinter p = printer(datastores, "name", "mediumUri", "capacityBytes", "sectorSize", "hosts", "disks")) {
            for (Datastore d : dc.getDatastores()) {
                p.printRecord(d.getName(), d.getMediumUri(), d.getCapacityBytes(), d.getSectorSize(), names(d.getHosts()), d.getDisks().size());
            }
        }
        Path disks = dir.resolve("disks.csv");
        try (CSVPrinter p = printer(disks, "datastore", "name", "file", "capacityBytes", "format", "parent")) {
            for (Datastore d : dc.getDatastores()) {
                for (VirtualDisk v : d.getDisks()) {
                    p.printRecord(d.getName(), v.getName(), v.getFile(), v.getCapacityBytes(), v.getFormat(),
                            v.getParent() == null ? "" : v.getParent().getName());
                }
            }
        }
        Path vms = dir.resolve("vms.csv");
        try (CSVPrinter p = printer(vms, "name", "vcpus", "memoryMiB", "guest", "powerState", "host", "disks", "wwpn", "wwnn", "iqn")) {
            for (VirtualMachine v : dc.getVms()) {
                var san = v.getSanIdentity();
                p.printRecord(v.getName(), v.getVcpus(), v.getMemoryMiB(), v.getGuest(), v.getPowerState(),
                        v.getCurrentHost() == null ? "" : v.getCurrentHost().getName(), names(v.getDisks()), san == null ? "" : san.getWwpn(),
                        san == null ? "" : san.getWwnn(), san == null ? "" : san.getIqn());
            }
        }
        Path ft = dir.resolve("ftpairs.csv");
        try (CSVPrinter p = printer(ft, "vm", "primaryHost", "backupHost", "mode", "epochMillis", "targetLagMillis", "state")) {
            for (FtPair f : dc.getFtPairs()) {
                p.printRecord(f.getPrimary() == null ? "" : f.getPrimary().getName(), f.getPrimaryHost() == null ? "" : f.getPrimaryHost().getName(),
                        f.getBackupHost() == null ? "" : f.getBackupHost().getName(), f.getMode(), f.getEpochMillis(), f.getTargetLagMillis(),
                        f.getState());
            }
        }
        return List.of(hosts, datastores, disks, vms, ft);
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get());
    }

    private static String names(List<? extends io.lockstep.model.Named> items) {
        StringBuilder b = new StringBuilder();
        for (io.lockstep.model.Named n : items) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(n.getName());
        }
        return b.toString();
    }
}
