package io.lockstep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.model.io.ModelFileException;
import io.lockstep.model.io.ModelIO;

/** XMI and JSON round trips compared with EcoreUtil.equals; CSV tables; damaged, foreign and missing files; a failed save. */
class ModelIoTest {

    @TempDir
    Path dir;

    @Test
    void xmiRoundTripGivesAnEqualModel() throws Exception {
        Datacenter dc = Models.sample();
        Path f = dir.resolve("dc1.lockstep");
        ModelIO.save(dc, f);
        Datacenter back = ModelIO.load(f);
        assertTrue(EcoreUtil.equals(dc, back), "the loaded model equals the saved one");
        assertEquals("host-1", back.getVms().get(0).getCurrentHost().getName(), "references survive");
        assertEquals(back.getHosts().get(0), back.getFtPairs().get(0).getPrimaryHost());
        assertEquals(2, back.getHosts().get(0).getDatastores().get(0).getHosts().size() - 1, "opposites survive");
        assertTrue(Files.readString(f).contains("xmlns:lockstep=\"http://lockstep.io/model/1.0\""), "XMI with our namespace");
    }

    @Test
    void jsonRoundTripGivesAnEqualModel() throws Exception {
        Datacenter dc = Models.sample();
        Path f = dir.resolve("dc1.json");
        ModelIO.exportJson(dc, f);
        String text = Files.readString(f);
        assertTrue(text.contains("\"eClass\"") && text.contains("\"host-1\""), text.substring(0, Math.min(300, text.length())));
        Datacenter back = ModelIO.importJson(f);
        assertTrue(EcoreUtil.equals(dc, back), "the imported model equals the exported one");
        assertEquals("vm1-000001.vmdk", back.getVms().get(0).getDisks().get(0).getName());
        assertEquals("vm1.vmdk", back.getVms().get(0).getDisks().get(0).getParent().getName());
    }

    @Test
    void csvTablesListTheInventory() throws Exception {
        List<Path> files = ModelIO.exportCsv(Models.sample(), dir.resolve("csv"));
        assertEquals(5, files.size());
        try (Reader r = Files.newBufferedReader(dir.resolve("csv/vms.csv"))) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
            assertEquals(2, rows.size());
            assertEquals("vm1", rows.get(0).get("name"));
            assertEquals("host-1", rows.get(0).get("host"));
            assertEquals("50:01:43:80:00:00:00:01", rows.get(0).get("wwpn"));
        }
        try (Reader r = Files.newBufferedReader(dir.resolve("csv/hosts.csv"))) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
            assertEquals("512", rows.get(0).get("committedMemoryMiB"), "derived values are exported");
            assertEquals("vm1", rows.get(0).get("vms"));
        }
    }

    @Test
    void damagedForeignAndMissingFilesAreRefusedClearly() throws Exception {
        Path damaged = dir.resolve("damaged.lockstep");
        ModelIO.save(Models.sample(), damaged);
        String xml = Files.readString(damaged);
        Files.writeString(damaged, xml.substring(0, xml.length() / 2));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelIO.load(damaged));
        assertTrue(e.getMessage().startsWith(damaged + ": expected a Lockstep datacenter (XMI, namespace http://lockstep.io/model/1.0), found"),
                e.getMessage());

        Path foreign = dir.resolve("foreign.lockstep");
        Files.writeString(foreign, "<?xml version=\"1.0\"?>\n<xmi:XMI xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" "
                + "xmlns:other=\"http://example.org/other\"><other:Thing/></xmi:XMI>\n");
        e = assertThrows(ModelFileException.class, () -> ModelIO.load(foreign));
        assertTrue(e.getMessage().contains("http://example.org/other"), "the foreign namespace is named: " + e.getMessage());

        Path ecore = dir.resolve("an-ecore.lockstep");
        Files.copy(Path.of("model/lockstep.ecore"), ecore);
        e = assertThrows(ModelFileException.class, () -> ModelIO.load(ecore));
        assertTrue(e.getMessage().contains("found"), e.getMessage());

        Path text = dir.resolve("notes.json");
        Files.writeString(text, "this is not json");
        e = assertThrows(ModelFileException.class, () -> ModelIO.importJson(text));
        assertTrue(e.getMessage().startsWith(text + ": expected a Lockstep datacenter in JSON"), e.getMessage());

        e = assertThrows(ModelFileException.class, () -> ModelIO.load(dir.resolve("missing.lockstep")));
        assertTrue(e.getMessage().endsWith("found no such file"), e.getMessage());
    }

    @Test
    void aSaveThatFailsLeavesThePreviousFileWhole() throws Exception {
        Path f = dir.resolve("dc1.lockstep");
        Datacenter dc = Models.sample();
        ModelIO.save(dc, f);
        byte[] before = Files.readAllBytes(f);
        // a VM that uses a disk outside any datastore: XMI cannot write the reference
        VirtualDisk stray = LockstepFactory.eINSTANCE.createVirtualDisk();
        stray.setName("stray.vmdk");
        dc.getVms().get(1).getDisks().add(stray);
        assertThrows(Exception.class, () -> ModelIO.save(dc, f));
        assertArrayEquals(before, Files.readAllBytes(f), "the previous file is untouched");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("dc1.lockstep"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file is left");
        }
        assertFalse(EcoreUtil.equals(dc, ModelIO.load(f)));
    }
}
