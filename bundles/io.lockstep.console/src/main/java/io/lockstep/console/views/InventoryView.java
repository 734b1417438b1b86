package io.lockstep.console.views;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EContentAdapter;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.eclipse.ui.views.properties.PropertySheetPage;

import io.lockstep.model.Alarm;
import io.lockstep.model.ConnectionState;
import io.lockstep.model.Datacenter;
import io.lockstep.model.Datastore;
import io.lockstep.model.FtPair;
import io.lockstep.model.FtState;
import io.lockstep.model.Host;
import io.lockstep.model.Lease;
import io.lockstep.model.PowerState;
import io.lockstep.model.VirtualDisk;
import io.lockstep.model.VirtualMachine;
import io.lockstep.model.editor.ItemProviders;
import io.lockstep.model.editor.VmDrop;
import io.lockstep.model.provider.LockstepItemProviderAdapterFactory;

/**
 * The inventory of the live datacenter: datacenter › hosts › VMs and datastores › disks › deltas, decorated with
 * live state (power, FT role and state, active alarms, hosts that stopped heartbeating and the locks they hold).
 * Changes arrive as EMF notifications from the merges and are applied to just the items they concern. VMs are
 * dragged onto a host to protect them there (Shift: to move them); multi-selection drives the bulk actions.
 */
public class InventoryView extends LiveView {

    public static final String ID = "io.lockstep.console.views.inventory";

    private TreeViewer viewer;
    private Label banner;
    private ComposedAdapterFactory factory;
    private Color bad;
    private Color good;
    private Color warn;
    private VmDrop drop;
    private final Set<Object> dirty = new LinkedHashSet<>();
    private final Set<Object> structural = new LinkedHashSet<>();
    private Datacenter watched;
    private final EContentAdapter changes = new EContentAdapter() {
        @Override
        public void notifyChanged(Notification n) {
            super.notifyChanged(n);
            if (n.isTouch() || n.getEventType() == Notification.REMOVING_ADAPTER || !(n.getNotifier() instanceof EObject o)) {
                return;
            }
            switch (n.getEventType()) {
                case Notification.ADD, Notification.ADD_MANY, Notification.REMOVE, Notification.REMOVE_MANY, Notification.MOVE -> structural.add(o);
                default -> {
                    dirty.add(o);
                    if (o.eContainer() != null && !(o instanceof VirtualMachine) && !(o instanceof Host)) {
                        dirty.add(o.eContainer()); // statistics of a pair, an alarm: the labels that show them
                    }
                }
            }
        }
    };

    @Override
    protected void create(Composite parent) {
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        parent.setLayout(gl);
        banner = new Label(parent, SWT.WRAP);
        banner.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        banner.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL | SWT.VIRTUAL);
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setUseHashlookup(true);
        factory = new ComposedAdapterFactory(ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
        factory.addAdapterFactory(new LockstepItemProviderAdapterFactory());
        factory.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
        bad = parent.getDisplay().getSystemColor(SWT.COLOR_RED);
        good = parent.getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN);
        warn = parent.getDisplay().getSystemColor(SWT.COLOR_DARK_YELLOW);
        viewer.setContentProvider(new Content());
        viewer.setLabelProvider(new Decorated(factory));
        getSite().setSelectionProvider(viewer);
        drop = VmDrop.install(viewer, new VmDrop.Target() {
            @Override
            public void protect(List<VirtualMachine> vms, Host backup) {
                for (VirtualMachine vm : vms) {
                    say("Protecting " + vm.getName() + " on " + backup.getName() + "…");
                    live.run("protect " + vm.getName() + " on " + backup.getName(), () -> live.client(vm.getCurrentHost().getName())
                            .post("/v1/vms/" + vm.getName() + "/ft", Map.of("backup", backup.getName())), InventoryView.this::refused);
                }
            }

            @Override
            public void move(List<VirtualMachine> vms, Host to) {
                for (VirtualMachine vm : vms) {
                    String from = vm.getCurrentHost() == null ? null : vm.getCurrentHost().getName();
                    boolean on = vm.getPowerState() == PowerState.POWERED_ON;
                    say("Moving " + vm.getName() + " to " + to.getName() + "…");
                    live.run("move " + vm.getName() + " to " + to.getName(), () -> {
                        if (on && from != null) {
                            live.client(from).post("/v1/vms/" + vm.getName() + "/power-off", null);
                        }
                        live.client(to.getName()).post("/v1/vms/" + vm.getName() + "/power-on", null);
                    }, InventoryView.this::refused);
                }
            }

            @Override
            public void refused(String message) {
                InventoryView.this.refused(message);
            }
        });
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillMenu);
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        viewer.getControl().addDisposeListener(e -> {
            if (watched != null) {
                watched.eAdapters().remove(changes);
            }
            factory.dispose();
        });
    }

    private void say(String text) {
        banner.setForeground(banner.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        banner.setText(text);
        banner.getParent().layout();
    }

    private void refused(String message) {
        banner.setForeground(banner.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        banner.setText("Refused: " + message);
        banner.getParent().layout();
        getViewSite().getActionBars().getStatusLineManager().setErrorMessage("Refused: " + message.replace('\n', ' '));
    }

    /** The message line above the tree (what a drop did or why it was refused). */
    public String banner() {
        return banner.getText();
    }

    public TreeViewer viewer() {
        return viewer;
    }

    public VmDrop vmDrop() {
        return drop;
    }

    private List<VirtualMachine> selectedVms() {
        List<VirtualMachine> out = new ArrayList<>();
        for (Object o : viewer.getStructuredSelection().toList()) {
            if (o instanceof VirtualMachine vm) {
                out.add(vm);
            }
        }
        return out;
    }

    private void fillMenu(IMenuManager m) {
        List<VirtualMachine> vms = selectedVms();
        if (vms.isEmpty() || live == null) {
            return;
        }
        String n = vms.size() == 1 ? vms.get(0).getName() : vms.size() + " VMs";
        m.add(bulk("Power On " + n, vms, vm -> live.client(vm.getCurrentHost() == null ? null : vm.getCurrentHost().getName())
                .post("/v1/vms/" + vm.getName() + "/power-on", null)));
        m.add(bulk("Power Off " + n, vms, vm -> live.client(vm.getCurrentHost().getName()).post("/v1/vms/" + vm.getName() + "/power-off", null)));
        m.add(bulk("Take Checkpoint of " + n, vms, vm -> live.client(vm.getCurrentHost().getName()).post("/v1/vms/" + vm.getName() + "/checkpoints",
                Map.of())));
        m.add(bulk("Unprotect " + n, vms, vm -> live.client(vm.getCurrentHost().getName()).delete("/v1/vms/" + vm.getName() + "/ft")));
        MenuManager protect = new MenuManager("Protect on");
        MenuManager move = new MenuManager("Move to");
        for (Host h : live.model().getHosts()) {
            protect.add(new Action(h.getName()) {
                @Override
                public void run() {
                    drop.drop(vms, h, false);
                }
            });
            move.add(new Action(h.getName()) {
                @Override
                public void run() {
                    drop.drop(vms, h, true);
                }
            });
        }
        m.add(protect);
        m.add(move);
    }

    private interface VmCall {
        void call(VirtualMachine vm) throws Exception;
    }

    private Action bulk(String label, List<VirtualMachine> vms, VmCall call) {
        return new Action(label) {
            @Override
            public void run() {
                for (VirtualMachine vm : vms) {
                    live.run(label.replace(vms.size() == 1 ? vm.getName() : vms.size() + " VMs", vm.getName()), () -> call.call(vm), InventoryView.this::refused);
                }
            }
        };
    }

    @Override
    protected void attached() {
        if (watched != null) {
            watched.eAdapters().remove(changes);
        }
        watched = live == null ? null : live.model();
        dirty.clear();
        structural.clear();
        viewer.setInput(watched == null ? null : new Root(watched));
        if (watched != null) {
            watched.eAdapters().add(changes);
            viewer.expandToLevel(2);
        }
    }

    @Override
    protected void refresh() {
        if (watched == null) {
            return;
        }
        if (structural.size() > 50) {
            viewer.refresh();
        } else {
            for (Object o : structural) {
                refreshShown(o);
            }
            if (!dirty.isEmpty()) {
                viewer.update(dirty.toArray(), null);
            }
        }
        dirty.clear();
        structural.clear();
    }

    /** A structural change under {@code o}: refresh the items that show it (a datacenter's lists are its hosts and datastores). */
    private void refreshShown(Object o) {
        if (o instanceof Datacenter) {
            viewer.refresh(o, false);
        } else if (o instanceof VirtualMachine || o instanceof FtPair) {
            viewer.refresh(watched, true); // a VM moved or its pair changed: host children and labels
        } else {
            viewer.refresh(o, true);
        }
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IPropertySheetPage.class) {
            PropertySheetPage page = new PropertySheetPage();
            page.setPropertySourceProvider(new ItemProviders.Properties(factory));
            return adapter.cast(page);
        }
        return super.getAdapter(adapter);
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    /**
     * The viewer's input: the datacenter is the tree's one top item, so it cannot be the input as well (JFace asks
     * for the input's elements again when it expands an item whose element equals the input, and the datacenter
     * would contain itself without end: expandAll then recursed until GTK overflowed the UI thread's stack).
     */
    record Root(Datacenter datacenter) {
    }

    /** Datacenter › hosts, datastores; host › its VMs; datastore › base disks; disk › its deltas. */
    static final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return input instanceof Root r ? new Object[] {r.datacenter()} : new Object[0];
        }

        @Override
        public Object[] getChildren(Object parent) {
            if (parent instanceof Datacenter dc) {
                List<Object> out = new ArrayList<>(dc.getHosts());
                out.addAll(dc.getDatastores());
                return out.toArray();
            }
            if (parent instanceof Host h) {
                return h.getVms().toArray();
            }
            if (parent instanceof Datastore ds) {
                return ds.getDisks().stream().filter(d -> d.getParent() == null).toArray();
            }
            if (parent instanceof VirtualDisk d) {
                return d.getChildren().toArray();
            }
            return new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            if (element instanceof VirtualMachine vm) {
                return vm.getCurrentHost();
            }
            if (element instanceof VirtualDisk d) {
                return d.getParent() != null ? d.getParent() : d.getDatastore();
            }
            return element instanceof EObject e ? e.eContainer() : null;
        }

        @Override
        public boolean hasChildren(Object element) {
            if (element instanceof Host h) {
                return !h.getVms().isEmpty();
            }
            if (element instanceof VirtualDisk d) {
                return !d.getChildren().isEmpty();
            }
            return element instanceof Datacenter || element instanceof Datastore;
        }
    }

    /** The item providers' labels and icons with live state appended and coloured. */
    private final class Decorated extends ItemProviders.Labels {
        Decorated(ComposedAdapterFactory f) {
            super(f);
        }

        @Override
        public String getText(Object element) {
            String text = super.getText(element);
            if (element instanceof VirtualMachine vm) {
                StringBuilder b = new StringBuilder(vm.getName()).append("  [").append(vm.getPowerState().getLiteral()).append(']');
                FtPair p = pair(vm);
                if (p != null) {
                    b.append("  FT primary → ").append(p.getBackupHost() == null ? "?" : p.getBackupHost().getName()).append(' ').append(p.getState().getLiteral());
                    if (p.getStatistics() != null) {
                        b.append(String.format(", lag %.1f ms", p.getStatistics().getLagMillis()));
                    }
                }
                for (FtPair q : pairs()) {
                    if (q.getBackupHost() == vm.getCurrentHost() && q.getPrimary() == vm) {
                        b.append("  (backup here)");
                    }
                }
                int alarms = alarms(vm.getName());
                if (alarms > 0) {
                    b.append("  ⚠ ").append(alarms).append(alarms == 1 ? " alarm" : " alarms");
                }
                return b.toString();
            }
            if (element instanceof Host h) {
                StringBuilder b = new StringBuilder(text);
                for (FtPair q : pairs()) {
                    if (q.getBackupHost() == h && q.getPrimary() != null) {
                        b.append("  ⇄ backup of ").append(q.getPrimary().getName());
                    }
                }
                if (h.getConnectionState() != ConnectionState.CONNECTED) {
                    b.append("  ⚠ ").append(h.getConnectionState() == ConnectionState.FENCED ? "fenced" : "not heartbeating");
                    long stale = staleLeases(h);
                    if (stale > 0) {
                        b.append(", ").append(stale).append(stale == 1 ? " lock breakable" : " locks breakable");
                    }
                }
                int alarms = alarms(h.getName());
                if (alarms > 0) {
                    b.append("  ⚠ ").append(alarms).append(alarms == 1 ? " alarm" : " alarms");
                }
                return b.toString();
            }
            return text;
        }

        @Override
        public Color getForeground(Object element) {
            if (element instanceof Host h) {
                return h.getConnectionState() != ConnectionState.CONNECTED ? bad : alarms(h.getName()) > 0 ? warn : null;
            }
            if (element instanceof VirtualMachine vm) {
                if (alarms(vm.getName()) > 0 || vm.getPowerState() == PowerState.HALTED) {
                    return warn;
                }
                FtPair p = pair(vm);
                return p != null && p.getState() == FtState.PROTECTED ? good : null;
            }
            return super.getForeground(element);
        }

        private List<FtPair> pairs() {
            return watched == null ? List.of() : watched.getFtPairs();
        }

        private FtPair pair(VirtualMachine vm) {
            for (FtPair p : pairs()) {
                if (p.getPrimary() == vm) {
                    return p;
                }
            }
            return null;
        }

        private int alarms(String subject) {
            int n = 0;
            if (watched != null) {
                for (Alarm a : watched.getAlarms()) {
                    if (a.isActive() && !a.isAcknowledged() && subject.equals(a.getSubject())) {
                        n++;
                    }
                }
            }
            return n;
        }

        private long staleLeases(Host h) {
            long n = 0;
            if (watched != null) {
                for (Datastore ds : watched.getDatastores()) {
                    for (Lease l : ds.getLeases()) {
                        if (l.getOwner() == h && !l.isOwnerLive()) {
                            n++;
                        }
                    }
                }
            }
            return n;
        }
    }
}
