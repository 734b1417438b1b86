package io.lockstep.console.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lockstep.console.tests.bots.WorkbenchBot;
import io.lockstep.model.Datacenter;
import io.lockstep.model.FtPair;
import io.lockstep.model.Host;
import io.lockstep.model.LockstepFactory;
import io.lockstep.model.VirtualMachine;
import io.lockstep.model.editor.DatacenterEditor;
import io.lockstep.model.io.ModelIO;
import io.lockstep.model.io.Samples;

/**
 * Drag and drop in an offline model, delivered to the tree's drag source and drop target: a VM dropped on another host
 * becomes an FT pair (undoable); dropped on its own host, or on a host that does not mount its datastore, it is
 * refused with the validation rule's message and nothing changes; Shift+drop moves it.
 */
class DragDropUITest {

    private WorkbenchBot bot;
    private DatacenterEditor editor;

    @BeforeEach
    void open() throws Exception {
        bot = new WorkbenchBot();
        bot.waitUntil("the workbench window is open", () -> bot.shell().isVisible());
        Datacenter dc = Samples.large(3, 3);
        Host lonely = LockstepFactory.eINSTANCE.createHost();
        lonely.setName("host-nodisk");
        lonely.setMemoryMiB(4096);
        dc.getHosts().add(lonely); // mounts no datastore
        dc.getFtPairs().clear();
        Path file = Files.createTempDirectory("dnd").resolve("dc.lockstep");
        ModelIO.save(dc, file);
        editor = DatacenterEditor.open(bot.page(), file);
        bot.page().activate(editor);
        editor.tree().expandToLevel(2);
        bot.spin(300);
    }

    @AfterEach
    void close() {
        bot.page().closeAllEditors(false);
    }

    private TreeItem item(Object data) {
        Tree tree = editor.tree().getTree();
        for (TreeItem root : tree.getItems()) {
            for (TreeItem child : root.getItems()) {
                if (child.getData() == data) {
                    tree.showItem(child);
                    return child;
                }
            }
        }
        throw new AssertionError("no tree item shows " + data);
    }

    private static Point center(TreeItem item) {
        Rectangle r = item.getBounds();
        return new Point(r.x + Math.min(r.width / 2, 40), r.y + r.height / 2);
    }

    private void drag(Object from, Object to, int mask) {
        editor.tree().setSelection(new org.eclipse.jface.viewers.StructuredSelection(from));
        bot.spin(100);
        bot.dragAndDrop(editor.tree().getTree(), item(to), mask == SWT.SHIFT ? DND.DROP_MOVE : DND.DROP_DEFAULT);
    }

    @Test
    void dropAVmOnAHostMakesAnFtPairAndRefusesInvalidDrops() {
        Datacenter dc = editor.model();
        VirtualMachine vm = dc.getVms().get(0);
        Host own = vm.getCurrentHost();
        Host other = dc.getHosts().stream().filter(h -> h != own && h.getName().startsWith("host-") && !h.getDatastores().isEmpty()).findFirst()
                .orElseThrow();
        Host lonely = dc.getHosts().stream().filter(h -> h.getName().equals("host-nodisk")).findFirst().orElseThrow();

        drag(vm, other, 0);
        bot.waitUntil("the drop made an FT pair", () -> dc.getFtPairs().size() == 1);
        FtPair pair = dc.getFtPairs().get(0);
        assertSame(vm, pair.getPrimary());
        assertSame(own, pair.getPrimaryHost());
        assertSame(other, pair.getBackupHost());
        assertTrue(editor.isDirty());
        assertEquals(java.util.List.of(), editor.problems(), "the new pair is valid");
        bot.screenshot("dnd-ft-pair-created");

        drag(vm, own, 0);
        bot.waitUntil("the drop on its own host was refused", () -> editor.bannerText().startsWith("Drop refused"));
        assertTrue(editor.bannerText().contains("the primary and the backup are both on host '" + own.getName() + "'"), editor.bannerText());
        assertEquals(1, dc.getFtPairs().size(), "nothing changed");
        bot.screenshot("dnd-refused-same-host");

        VirtualMachine vm2 = dc.getVms().get(1);
        drag(vm2, lonely, 0);
        bot.waitUntil("the drop on a host without the datastore was refused",
                () -> editor.bannerText().contains("host 'host-nodisk' does not mount datastore"));
        assertEquals(1, dc.getFtPairs().size(), "nothing changed");
        bot.screenshot("dnd-refused-no-datastore");

        editor.undoAction().run();
        bot.waitUntil("undo removes the pair", () -> dc.getFtPairs().isEmpty());

        Host from = vm2.getCurrentHost();
        Host to = dc.getHosts().stream().filter(h -> h != from && !h.getDatastores().isEmpty()).findFirst().orElseThrow();
        drag(vm2, to, SWT.SHIFT);
        bot.waitUntil("Shift+drop moved the VM", () -> vm2.getCurrentHost() == to);
        assertTrue(to.getVms().contains(vm2));
    }
}
