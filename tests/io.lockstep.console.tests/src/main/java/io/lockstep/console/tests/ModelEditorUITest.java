package io.lockstep.console.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lockstep.console.tests.bots.WorkbenchBot;
import io.lockstep.model.Datacenter;
import io.lockstep.model.Host;
import io.lockstep.model.LockstepPackage;
import io.lockstep.model.editor.DatacenterEditor;
import io.lockstep.model.io.ModelIO;
import io.lockstep.model.io.Samples;

/**
 * The datacenter editor as an operator uses it: the tree with labels, a change through the Properties view's
 * source that breaks a rule (marked, listed), undo and redo, save, a damaged file on reload that does not cost
 * the unsaved model, a foreign file named in the editor.
 */
class ModelEditorUITest {

    private WorkbenchBot bot;
    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        bot = new WorkbenchBot();
        bot.waitUntil("the workbench window is open", () -> bot.shell().isVisible());
        dir = Files.createTempDirectory("model-editor");
    }

    @AfterEach
    void tearDown() {
        bot.page().closeAllEditors(false);
    }

    DatacenterEditor open(Path file) throws Exception {
        return DatacenterEditor.open(bot.page(), file);
    }

    @Test
    void editUndoRedoValidateSaveAndSurviveADamagedReload() throws Exception {
        Path file = dir.resolve("dc.lockstep");
        ModelIO.save(Samples.large(3, 6), file);
        DatacenterEditor editor = open(file);
        assertNull(editor.loadError());
        TreeItem[] roots = editor.tree().getTree().getItems();
        assertEquals(1, roots.length);
        assertEquals("Datacenter large", roots[0].getText());
        List<String> children = java.util.Arrays.stream(roots[0].getItems()).map(TreeItem::getText).toList();
        assertTrue(children.contains("host-0 · slot 0 · 1024/1048576 MiB"), "hosts with slot and committed memory: " + children);
        assertTrue(children.stream().anyMatch(c -> c.startsWith("vm0 · poweredOn on host-0")), children.toString());
        assertEquals(List.of(), editor.problems());
        assertFalse(editor.isDirty());

        // the Properties view's source: rename host-1 to host-0 (a rule breaks), then give host-0 too little memory
        Datacenter dc = editor.model();
        Host host1 = dc.getHosts().get(1);
        IPropertySource props = editor.propertySource(host1);
        IPropertyDescriptor name = java.util.Arrays.stream(props.getPropertyDescriptors()).filter(d -> d.getDisplayName().equals("Name")).findFirst()
                .orElseThrow();
        assertEquals("host-1", props.getPropertyValue(name.getId()));
        props.setPropertyValue(name.getId(), "host-0");
        bot.waitUntil("the rename is marked", () -> editor.problems().size() == 1);
        assertEquals("two hosts are named 'host-0' in 'large': names must be unique", editor.problems().get(0).message());
        assertTrue(editor.isDirty());
        bot.waitUntil("the tree marks it", () -> java.util.Arrays.stream(editor.tree().getTree().getItems()[0].getItems())
                .anyMatch(i -> i.getText().contains("✖ two hosts are named")));

        editor.undoAction().run();
        bot.waitUntil("undo clears the problem", () -> editor.problems().isEmpty());
        assertEquals("host-1", host1.getName());
        assertFalse(editor.isDirty(), "back to the saved state");
        editor.redoAction().run();
        bot.waitUntil("redo brings it back", () -> editor.problems().size() == 1);
        editor.undoAction().run();
        bot.waitUntil("and undo again", () -> editor.problems().isEmpty());

        // a change through the editing domain's command stack, saved
        editor.getEditingDomain().getCommandStack().execute(SetCommand.create(editor.getEditingDomain(), dc.getHosts().get(2),
                LockstepPackage.Literals.HOST__ADDRESS, "https://127.0.0.1:9443"));
        bot.waitUntil("dirty", editor::isDirty);
        editor.doSave(null);
        assertFalse(editor.isDirty());
        assertEquals("https://127.0.0.1:9443", ModelIO.load(file).getHosts().get(2).getAddress(), "the file has the change");

        // an unsaved change, then the file on disk gets damaged: reload refuses and keeps the model being edited
        editor.getEditingDomain().getCommandStack().execute(SetCommand.create(editor.getEditingDomain(), dc, LockstepPackage.Literals.NAMED__NAME,
                "renamed"));
        bot.waitUntil("dirty again", editor::isDirty);
        byte[] saved = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(saved, saved.length / 3));
        assertFalse(editor.reload());
        assertTrue(editor.bannerText().startsWith("Reloading failed, the model being edited is kept: " + file
                + ": expected a Lockstep datacenter"), editor.bannerText());
        assertEquals("renamed", editor.model().getName(), "the unsaved change is still there");
        assertTrue(editor.isDirty());
        editor.doSave(null);
        assertFalse(editor.isDirty());
        assertEquals("renamed", ModelIO.load(file).getName(), "saving again wrote a whole file");
        assertTrue(editor.reload(), "the saved file reloads");
        assertArrayEquals(new int[] {3, 6}, new int[] {editor.model().getHosts().size(), editor.model().getVms().size()});
        bot.screenshot("model-editor");
    }

    @Test
    void childrenAreCreatedAndObjectsDeletedAsUndoableCommands() throws Exception {
        Path file = dir.resolve("dc.lockstep");
        ModelIO.save(Samples.large(3, 6), file);
        DatacenterEditor editor = open(file);
        Datacenter dc = editor.model();
        java.util.List<String> labels = new java.util.ArrayList<>();
        Object hostDescriptor = null;
        for (Object d : editor.newChildDescriptors(dc)) {
            String label = editor.createChildCommand(dc, d).getLabel();
            labels.add(label);
            if (label.contains("Host")) {
                hostDescriptor = d;
            }
        }
        assertNotNull(hostDescriptor, "a datacenter offers new hosts: " + labels);
        editor.getEditingDomain().getCommandStack().execute(editor.createChildCommand(dc, hostDescriptor));
        assertEquals(4, dc.getHosts().size());
        bot.waitUntil("dirty", editor::isDirty);
        editor.undoAction().run();
        assertEquals(3, dc.getHosts().size());

        Host host0 = dc.getHosts().get(0);
        assertEquals(2, host0.getVms().size());
        assertTrue(editor.delete(List.of(host0)));
        assertEquals(2, dc.getHosts().size());
        assertTrue(dc.getVms().stream().noneMatch(v -> v.getCurrentHost() == host0), "references to the deleted host are gone");
        assertFalse(editor.delete(List.of(dc)), "the datacenter itself is not deleted");
        editor.undoAction().run();
        assertEquals(3, dc.getHosts().size());
        assertEquals(2, host0.getVms().size(), "undo restores the host and its VMs' references");
        bot.waitUntil("clean again", () -> !editor.isDirty());
    }

    @Test
    void aForeignFileIsNamedInTheEditor() throws Exception {
        Path foreign = dir.resolve("notes.lockstep");
        Files.writeString(foreign, "these are my notes, not a datacenter\n");
        DatacenterEditor editor = open(foreign);
        assertNotNull(editor.loadError());
        assertTrue(editor.bannerText().startsWith("This file cannot be opened: " + foreign + ": expected a Lockstep datacenter"), editor.bannerText());
        assertFalse(editor.isDirty());
        assertEquals(0, editor.tree().getTree().getItemCount());
    }
}
