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
import org.eclipse.jface.viewers.ILazyTreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.eclipse.ui.views.properties.PropertySheetPage;

import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.model.Alarm;
import io.lockstep.model.ConnectionState;
import io.lockstep.model.Datacenter;
import io.lockstep.model.Datastore;
import io.lockstep.model.FtPair;
import io.lockstep.model.FtState;
import io.lockstep.model.Host;
import io.lockstep.model.Lease;
import io.lockstep.model.LockstepPackage;
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
    /** Indexes behind the decorations, rebuilt only when what they index changed (labels are asked for often). */
    private Map<VirtualMachine, FtPair> pairOf;
    private Map<Host, List<FtPair>> backupsOn;
    private Map<String, Integer> activeAlarms;
    private Map<Host, Integer> breakable;
    private final Set<String> alarmSubjects = new LinkedHashSet<>();
    /** A VM was created, deleted or changed host: the Not running group is worked out again. */
    private boolean whereaboutsChanged;
    /** What the find box says (empty: the whole inventory). */
    private io.lockstep.console.live.FindQuery query = io.lockstep.console.live.FindQuery.NONE;
    /** Found items at most opened at once after a find (each opened parent costs its visible rows only). */
    static final int OPEN_FOUND = 200;

    /**
     * Turns the model's notifications into the tree items they concern: structural changes refresh a node's
     * children, value changes relabel the elements that show them (a pair's state and lag on its primary VM and
     * hosts, an alarm on its subject, a lock whose holder stopped heartbeating on that host). Changes nothing in
     * the tree shows (heartbeat ages of 20,000 locks every second, registrations, tasks) cost a test and no more.
     */
    private final EContentAdapter changes = new EContentAdapter() {
        @Override
        public void notifyChanged(Notification n) {
            super.notifyChanged(n);
            if (n.isTouch() || n.getEventType() == Notification.REMOVING_ADAPTER || !(n.getNotifier() instanceof EObject o)) {
                return;
            }
            boolean list = switch (n.getEventType()) {
                case Notification.ADD, Notification.ADD_MANY, Notification.REMOVE, Notification.REMOVE_MANY, Notification.MOVE -> true;
                default -> false;
            };
            Object f = n.getFeature();
            if (o instanceof Datacenter) {
                if (f == LockstepPackage.Literals.DATACENTER__HOSTS || f == LockstepPackage.Literals.DATACENTER__DATASTORES) {
                    structural.add(o);
                } else if (f == LockstepPackage.Literals.DATACENTER__FT_PAIRS) {
                    pairsChanged(n.getOldValue());
                    pairsChanged(n.getNewValue());
                } else if (f == LockstepPackage.Literals.DATACENTER__VMS) {
                    whereaboutsChanged = true; // the Not running group (a VM created or deleted)
                } else if (f == LockstepPackage.Literals.DATACENTER__ALARMS) {
                    alarmsChanged(n.getOldValue());
                    alarmsChanged(n.getNewValue());
                } else if (!list) {
                    dirty.add(o);
                }
            } else if (o instanceof Host || o instanceof Datastore || o instanceof VirtualDisk) {
                boolean children = f == LockstepPackage.Literals.HOST__VMS || f == LockstepPackage.Literals.DATASTORE__DISKS
                        || f == LockstepPackage.Literals.VIRTUAL_DISK__CHILDREN || f == LockstepPackage.Literals.VIRTUAL_DISK__PARENT;
                if (children) {
                    structural.add(o);
                } else if (f != LockstepPackage.Literals.DATASTORE__LEASES && f != LockstepPackage.Literals.DATASTORE__REGISTRATIONS) {
                    dirty.add(o);
                }
                if (f == LockstepPackage.Literals.DATASTORE__LEASES) {
                    breakable = null;
                }
            } else if (o instanceof VirtualMachine) {
                if (f != LockstepPackage.Literals.VIRTUAL_MACHINE__CHECKPOINTS) {
                    dirty.add(o);
                }
                if (f == LockstepPackage.Literals.VIRTUAL_MACHINE__CURRENT_HOST) {
                    whereaboutsChanged = true; // into or out of the Not running group
                }
            } else if (o instanceof FtPair || o instanceof io.lockstep.model.FtStatistics) {
                pairsChanged(o instanceof FtPair p ? p : o.eContainer());
                if (f == LockstepPackage.Literals.FT_PAIR__PRIMARY || f == LockstepPackage.Literals.FT_PAIR__BACKUP_HOST
                        || f == LockstepPackage.Literals.FT_PAIR__PRIMARY_HOST) {
                    shown(n.getOldValue());
                }
            } else if (o instanceof Alarm a) {
                alarmsChanged(a);
            } else if (o instanceof Lease l && (f == LockstepPackage.Literals.LEASE__OWNER_LIVE || f == LockstepPackage.Literals.LEASE__OWNER)) {
                breakable = null;
                shown(l.getOwner());
                shown(n.getOldValue());
            }
        }

        private void shown(Object o) {
            if (o instanceof Host || o instanceof VirtualMachine) {
                dirty.add(o);
            }
        }

        private void pairsChanged(Object value) {
            pairOf = null;
            backupsOn = null;
            for (Object o : value instanceof java.util.Collection<?> c ? c : java.util.Collections.singleton(value)) {
                if (o instanceof FtPair p) {
                    shown(p.getPrimary());
                    shown(p.getPrimaryHost());
                    shown(p.getBackupHost());
                }
            }
        }

        private void alarmsChanged(Object value) {
            activeAlarms = null;
            for (Object o : value instanceof java.util.Collection<?> c ? c : java.util.Collections.singleton(value)) {
                if (o instanceof Alarm a && a.getSubject() != null) {
                    alarmSubjects.add(a.getSubject());
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
        viewer = new LazyTree(parent, SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL | SWT.VIRTUAL);
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setUseHashlookup(true);
        factory = new ComposedAdapterFactory(ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
        factory.addAdapterFactory(new LockstepItemProviderAdapterFactory());
        factory.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
        bad = parent.getDisplay().getSystemColor(SWT.COLOR_RED);
        good = parent.getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN);
        warn = parent.getDisplay().getSystemColor(SWT.COLOR_DARK_YELLOW);
        viewer.setContentProvider(new Content());
        // one column, as wide as the tree: a tree without columns has GTK measure every row for its scroll width
        // (materialising all 1,000 hosts of a large datacenter when it takes the focus)
        org.eclipse.swt.widgets.TreeColumn column = new org.eclipse.swt.widgets.TreeColumn(viewer.getTree(), SWT.LEFT);
        column.setWidth(600);
        viewer.getTree().addListener(SWT.Resize, e -> column.setWidth(Math.max(600, viewer.getTree().getClientArea().width)));
        viewer.setLabelProvider(new Decorated(factory));
        // a VM's whole label (address, QEMU's figures, FT) as the tooltip: the inventory is narrow; any other label
        // that the view's edge cuts ("⇄ backup of demo" on a host) too
        CutLabels.install(viewer.getTree(), InventoryView::wholeLabel);
        getSite().setSelectionProvider(viewer);
        drop = VmDrop.install(viewer, new VmDrop.Target() {
            @Override
            public void protect(List<VirtualMachine> vms, Host backup) {
                for (VirtualMachine vm : vms) {
                    say("Protecting " + vm.getName() + " on " + backup.getName() + "…");
                    awaited.put(vm.getName(), backup.getName());
                    live.run("protect " + vm.getName() + " on " + backup.getName(), () -> live.client(vm.getCurrentHost().getName())
                            .post("/v1/vms/" + vm.getName() + "/ft", new io.lockstep.agent.api.ProtectRequest(backup.getName(), null, null)),
                            InventoryView.this::refused);
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
        java.util.function.Consumer<io.lockstep.console.live.BulkRun> ended = run -> {
            if (!banner.isDisposed()) {
                tell(run.summary(), run.count(io.lockstep.console.live.BulkRun.State.FAILED) > 0);
            }
        };
        io.lockstep.console.live.BulkTasks.watch(ended);
        viewer.getControl().addDisposeListener(e -> {
            io.lockstep.console.live.BulkTasks.unwatch(ended);
            if (watched != null) {
                watched.eAdapters().remove(changes);
            }
            factory.dispose();
        });
    }

    /** Protections asked for by a drop and not yet seen protected: VM name → backup host name (for the message line). */
    private final Map<String, String> awaited = new java.util.LinkedHashMap<>();

    /** Tells on the message line when a protection asked for is in place (the agents sync the backup first). */
    private void protectionsDone() {
        for (var it = awaited.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            for (FtPair p : watched.getFtPairs()) {
                if (p.getPrimary() != null && e.getKey().equals(p.getPrimary().getName()) && p.getBackupHost() != null
                        && e.getValue().equals(p.getBackupHost().getName()) && p.getState() == FtState.PROTECTED) {
                    say(e.getKey() + " is protected: its backup runs on " + e.getValue() + ".");
                    it.remove();
                    break;
                }
            }
        }
    }

    private void say(String text) {
        banner.setForeground(banner.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        banner.setText(text);
        banner.getParent().layout();
    }

    private void refused(String message) {
        awaited.clear();
        banner.setForeground(banner.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        banner.setText("Refused: " + message);
        banner.getParent().layout();
        getViewSite().getActionBars().getStatusLineManager().setErrorMessage("Refused: " + message.replace('\n', ' '));
    }

    /** The tooltip an item always has: a VM's whole label (null: only when cut). */
    static String wholeLabel(TreeItem item) {
        if (item.getData() instanceof NotRunning) {
            return NotRunning.TOOLTIP;
        }
        return item.getData() instanceof VirtualMachine ? item.getText() : null;
    }

    /** Says {@code text} on the message line above the tree (and the status line), in red when something failed. */
    public void tell(String text, boolean failed) {
        banner.setForeground(banner.getDisplay().getSystemColor(failed ? SWT.COLOR_DARK_RED : SWT.COLOR_DARK_BLUE));
        banner.setText(text);
        banner.setToolTipText(text);
        banner.getParent().layout();
        var line = getViewSite().getActionBars().getStatusLineManager();
        if (failed) {
            line.setErrorMessage(text.replace('\n', ' '));
        } else {
            line.setErrorMessage(null);
            line.setMessage(text);
        }
    }

    /** The message line above the tree (what a drop did or why it was refused). */
    public String banner() {
        return banner.getText();
    }

    public TreeViewer viewer() {
        return viewer;
    }

    /**
     * Selects {@code elements} and scrolls to them, creating only the items on their paths: JFace's own reveal
     * creates every sibling on the way down (all 1,000 hosts of a large datacenter to select one VM).
     */
    public void select(List<?> elements) {
        Content content = content();
        for (Object e : elements) {
            List<Object> path = new ArrayList<>();
            for (Object o = e; o != null && !(o instanceof Root); o = content.getParent(o)) {
                path.add(0, o);
            }
            Object parent = viewer.getInput();
            TreeItem item = null;
            for (Object o : path) {
                int i = content.children(parent).indexOf(o);
                int count = item == null ? viewer.getTree().getItemCount() : item.getItemCount();
                if (i < 0 || i >= count) {
                    break;
                }
                if (item != null) {
                    item.setExpanded(true);
                }
                item = item == null ? viewer.getTree().getItem(i) : item.getItem(i);
                item.getText(); // SetData: the tree asks the content provider for this one element
                parent = o;
            }
        }
        viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(elements), true);
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
        for (io.lockstep.console.live.VmOperation op : io.lockstep.console.live.VmOperation.values()) {
            // the commands' own actions (VM menu, Alt+Shift+V …): one task per VM in the tasks dock; the key shows in the menu
            Action a = new Action(op.title() + " " + n + (op == io.lockstep.console.live.VmOperation.PROTECT ? " (backup on the least-loaded host)" : "")) {
                @Override
                public void run() {
                    io.lockstep.console.handlers.VmCommandHandler.run(live, op, vms);
                }
            };
            a.setActionDefinitionId("io.lockstep.console.vm." + op.kind());
            m.add(a);
        }
        for (VirtualMachine vm : vms) {
            if (LiveDatacenter.isQemu(vm.getGuest())) {
                m.add(new Action(vms.size() == 1 ? "Open Serial Console" : "Open Serial Console of " + vm.getName()) {
                    @Override
                    public void run() {
                        try {
                            SerialConsoleView.open(getSite().getPage(), vm.getName());
                        } catch (org.eclipse.ui.PartInitException e) {
                            refused("the serial console of " + vm.getName() + " did not open: " + e.getMessage());
                        }
                    }
                });
            }
        }
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
        powerOnOn(m, vms);
    }

    /** For VMs that run nowhere: Power On on ▸ a host (the host asked runs it; Power On lets the first agent choose). */
    private void powerOnOn(IMenuManager m, List<VirtualMachine> vms) {
        List<VirtualMachine> stopped = vms.stream().filter(vm -> vm.getCurrentHost() == null).toList();
        if (stopped.isEmpty()) {
            return;
        }
        MenuManager on = new MenuManager(stopped.size() == 1 ? "Power On " + stopped.get(0).getName() + " on" : "Power On " + stopped.size() + " VMs on");
        for (Host h : live.model().getHosts()) {
            on.add(new Action(h.getName()) {
                @Override
                public void run() {
                    for (VirtualMachine vm : stopped) {
                        say("Powering on " + vm.getName() + " on " + h.getName() + "…");
                        live.run("power on " + vm.getName() + " on " + h.getName(),
                                () -> live.client(h.getName()).post("/v1/vms/" + vm.getName() + "/power-on", null), InventoryView.this::refused);
                    }
                }
            });
        }
        m.add(on);
    }

    Content content() {
        return (Content) viewer.getContentProvider();
    }

    @Override
    protected boolean findsItself() {
        return true;
    }

    /** Shows only what {@code q} finds (the lazy tree asks again for what it shows) and opens the first found. */
    @Override
    protected void find(io.lockstep.console.live.FindQuery q) {
        query = q;
        if (watched == null) {
            return;
        }
        content().found(q.isEmpty() ? null : InventoryFind.children(watched, content().group(), q, addresses()));
        viewer.refresh();
        if (q.isEmpty()) {
            opened.clear();
            expandSmall();
        } else {
            openFound();
        }
    }

    /** The query the inventory shows (empty: everything). */
    public io.lockstep.console.live.FindQuery query() {
        return query;
    }

    private Map<String, String> addresses() {
        Map<String, String> out = new java.util.HashMap<>();
        if (live != null) {
            for (var e : live.vmViews().entrySet()) {
                if (e.getValue().address() != null) {
                    out.put(e.getKey(), e.getValue().address());
                }
            }
        }
        return out;
    }

    /** Opens the nodes that hold what was found, in order, until about {@value #OPEN_FOUND} found items show. */
    private void openFound() {
        if (viewer.getTree().getItemCount() == 0) {
            return;
        }
        TreeItem dc = viewer.getTree().getItem(0);
        dc.getText();
        dc.setExpanded(true);
        List<?> top = content().children(watched);
        int shown = 0;
        for (int i = 0; i < dc.getItemCount() && i < top.size() && shown < OPEN_FOUND; i++) {
            List<?> under = content().children(top.get(i));
            if (under.isEmpty()) {
                continue;
            }
            TreeItem item = dc.getItem(i);
            item.getText();
            item.setExpanded(true);
            shown += under.size();
        }
    }

    /**
     * After the model changed: the Not running group again when a VM came, went or changed host, and what the find box
     * finds again (only parents whose found children changed are refreshed).
     */
    private void refreshFound() {
        Content c = content();
        boolean moved = whereaboutsChanged;
        if (moved) {
            whereaboutsChanged = false;
            List<VirtualMachine> before = c.notRunningCached();
            c.forgetNotRunning();
            List<VirtualMachine> now = c.notRunning();
            if (before == null || !before.equals(now)) {
                structural.add(before == null || before.isEmpty() != now.isEmpty() ? watched : c.group());
                dirty.add(c.group());
            }
        }
        if (query.isEmpty() || (!moved && dirty.isEmpty() && structural.isEmpty())) {
            return;
        }
        Map<Object, List<Object>> before = c.found();
        Map<Object, List<Object>> now = InventoryFind.children(watched, c.group(), query, addresses());
        c.found(now);
        if (before == null) {
            structural.add(watched);
            return;
        }
        for (var e : now.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                structural.add(e.getKey());
            }
        }
        for (Object parent : before.keySet()) {
            if (!now.containsKey(parent)) {
                structural.add(watched);
            }
        }
    }

    @Override
    protected void attached() {
        if (watched != null) {
            watched.eAdapters().remove(changes);
        }
        watched = live == null ? null : live.model();
        dirty.clear();
        structural.clear();
        alarmSubjects.clear();
        opened.clear();
        pairOf = null;
        backupsOn = null;
        seenViews = Map.of();
        seenMachines = Map.of();
        activeAlarms = null;
        breakable = null;
        whereaboutsChanged = false;
        content().reset(watched);
        if (watched != null && !query.isEmpty()) {
            content().found(InventoryFind.children(watched, content().group(), query, addresses()));
        }
        viewer.setInput(watched == null ? null : new Root(watched));
        if (watched != null) {
            watched.eAdapters().add(changes);
            // the datacenter open on its hosts and datastores (expandToLevel(2) would create every one of them)
            TreeItem dc = viewer.getTree().getItem(0);
            dc.getText(); // a virtual item receives its element when first asked
            dc.setExpanded(true);
            expandSmall();
        }
    }

    @Override
    protected void refresh() {
        if (watched == null) {
            return;
        }
        if (!awaited.isEmpty()) {
            protectionsDone();
        }
        if (!alarmSubjects.isEmpty()) {
            for (Host h : watched.getHosts()) {
                if (alarmSubjects.contains(h.getName())) {
                    dirty.add(h);
                }
            }
            for (VirtualMachine vm : watched.getVms()) {
                if (alarmSubjects.contains(vm.getName())) {
                    dirty.add(vm);
                }
            }
            alarmSubjects.clear();
        }
        if (live != null && (live.vmViews() != seenViews || live.machines() != seenMachines)) {
            relabelRuntime();
        }
        refreshFound();
        if (structural.size() > 50) {
            viewer.refresh(); // many nodes changed their children: one pass over what the tree shows
        } else {
            for (Object o : structural) {
                viewer.refresh(o, false); // its children (the tree asks again for the ones it shows)
                if (o instanceof Host) {
                    ((LazyTree) viewer).realign(o, content().children(o)); // VMs move between hosts; disks and hosts stay where they are
                }
                dirty.add(o); // and its own label (counts of hosts, disks, committed memory)
            }
            if (!dirty.isEmpty()) {
                viewer.update(dirty.toArray(), null);
            }
        }
        dirty.clear();
        structural.clear();
        expandSmall();
    }

    private Map<String, io.lockstep.agent.api.VmView> seenViews = Map.of();
    private Map<String, LiveDatacenter.Machine> seenMachines = Map.of();

    /**
     * VMs whose address or QEMU figures (not in the model: the live datacenter reads them beside its pictures) changed
     * since their labels were made are relabelled.
     */
    private void relabelRuntime() {
        Map<String, io.lockstep.agent.api.VmView> views = live.vmViews();
        Map<String, LiveDatacenter.Machine> machines = live.machines();
        Set<String> changed = new java.util.HashSet<>();
        for (var e : views.entrySet()) {
            var before = seenViews.get(e.getKey());
            if (!java.util.Objects.equals(e.getValue().address(), before == null ? null : before.address())) {
                changed.add(e.getKey());
            }
        }
        for (String n : seenMachines.keySet()) {
            if (!machines.containsKey(n)) {
                changed.add(n);
            }
        }
        for (var e : machines.entrySet()) {
            var before = seenMachines.get(e.getKey());
            if (before == null || !before.view().equals(e.getValue().view())) {
                changed.add(e.getKey());
            }
        }
        seenViews = views;
        seenMachines = machines;
        if (!changed.isEmpty()) {
            for (VirtualMachine vm : watched.getVms()) {
                if (changed.contains(vm.getName())) {
                    dirty.add(vm);
                }
            }
        }
    }

    /**
     * A lazy tree that puts the right elements back into the items of a refreshed node. A refresh clears the items but
     * JFace keeps each item's old element: a later update of that element (a VM that moved to another host, relabelled
     * for its new power state) wrote its label into the stale item under the host it had left, which then never asked
     * for its element again — the inventory showed a VM under its old host and hid the one that took its place. Items
     * whose element is still the right one stay lazy.
     */
    private static final class LazyTree extends TreeViewer {
        LazyTree(Composite parent, int style) {
            super(parent, style);
        }

        /** {@code children}: the element's children as the (filtered) content gives them now. */
        void realign(Object element, List<?> children) {
            for (org.eclipse.swt.widgets.Widget w : findItems(element)) {
                if (w instanceof TreeItem parent) {
                    TreeItem[] items = parent.getItems();
                    for (int i = 0; i < items.length && i < children.size(); i++) {
                        Object shown = items[i].getData(); // no SetData: the element JFace last gave it
                        if (shown != null && shown != children.get(i)) {
                            replace(element, i, children.get(i));
                        }
                    }
                }
            }
        }
    }

    /** Nodes opened once already (the operator may close them again: they are not reopened). */
    private final Set<Object> opened = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * A small datacenter (up to 30 hosts and datastores) shows its VMs and disks at once, as it comes in; a large one
     * opens on its hosts and datastores only (each opened on demand, so 1,000 hosts cost only what is on screen).
     */
    private void expandSmall() {
        if (watched == null || viewer.getTree().getItemCount() == 0 || watched.getHosts().size() + watched.getDatastores().size() > 30) {
            return;
        }
        TreeItem dc = viewer.getTree().getItem(0);
        List<?> children = content().children(watched);
        for (int i = 0; i < dc.getItemCount() && i < children.size(); i++) {
            Object child = children.get(i);
            if (!opened.contains(child) && !content().children(child).isEmpty()) {
                TreeItem item = dc.getItem(i);
                item.getText();
                if (item.getData() == child) {
                    item.setExpanded(true);
                    opened.add(child);
                }
            }
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

    /**
     * The VMs that run on no host — powered off, created and never started, or left by a host that stopped — under the
     * datacenter after its hosts: the agents name no host for them (a VM's lock says where it runs), so they have no
     * host to sit under; from here they are powered on (context menu: Power On, or Power On on ▸ a host).
     */
    record NotRunning(Datacenter datacenter) {
        static final String LABEL = "Not running";
        static final String TOOLTIP = "VMs that run on no host: powered off, created and never started, or left by a host that stopped.\n"
                + "Power On (context menu) starts one; Power On … on ▸ chooses the host.";
    }

    /**
     * Datacenter › hosts, datastores; host › its VMs; datastore › base disks; disk › its deltas — handed out lazily:
     * the tree asks only for the items it shows, so a datacenter of 1,000 hosts opens as fast as one of three.
     */
    static final class Content implements ILazyTreeContentProvider {
        private TreeViewer viewer;
        private Root root;
        /** The VMs that run nowhere (powered off, or never started), in the model's order; null: to be worked out. */
        private List<VirtualMachine> notRunning;
        private NotRunning group;
        /** What the find box leaves (children by parent, identity); null: no query, everything shown. */
        private Map<Object, List<Object>> found;

        void reset(Datacenter dc) {
            notRunning = null;
            group = dc == null ? null : new NotRunning(dc);
            found = null;
        }

        /** The group of VMs that run nowhere (null: no datacenter). */
        NotRunning group() {
            return group;
        }

        List<VirtualMachine> notRunning() {
            if (notRunning == null) {
                notRunning = group == null ? List.of()
                        : group.datacenter().getVms().stream().filter(vm -> vm.getCurrentHost() == null).toList();
            }
            return notRunning;
        }

        List<VirtualMachine> notRunningCached() {
            return notRunning;
        }

        void forgetNotRunning() {
            notRunning = null;
        }

        void found(Map<Object, List<Object>> f) {
            found = f;
        }

        Map<Object, List<Object>> found() {
            return found;
        }

        @Override
        public void inputChanged(org.eclipse.jface.viewers.Viewer v, Object oldInput, Object newInput) {
            viewer = (TreeViewer) v;
            root = newInput instanceof Root r ? r : null;
        }

        @Override
        public void updateElement(Object parent, int index) {
            List<?> children = children(parent);
            if (index < children.size()) {
                Object child = children.get(index);
                viewer.replace(parent, index, child);
                viewer.setChildCount(child, children(child).size());
            }
        }

        @Override
        public void updateChildCount(Object element, int currentChildCount) {
            int n = children(element).size();
            if (n != currentChildCount) {
                viewer.setChildCount(element, n);
            }
        }

        List<?> children(Object parent) {
            if (parent instanceof Root r) {
                return List.of(r.datacenter());
            }
            if (found != null && !(parent instanceof VirtualDisk)) {
                return found.getOrDefault(parent, List.of());
            }
            if (parent instanceof NotRunning) {
                return notRunning();
            }
            if (parent instanceof Datacenter dc) {
                List<Object> out = new ArrayList<>(dc.getHosts().size() + dc.getDatastores().size() + 1);
                out.addAll(dc.getHosts());
                if (group != null && !notRunning().isEmpty()) {
                    out.add(group); // after the hosts: every VM is somewhere in the tree, whatever its power state
                }
                out.addAll(dc.getDatastores());
                return out;
            }
            if (parent instanceof Host h) {
                return h.getVms();
            }
            if (parent instanceof Datastore ds) {
                return ds.getDisks().stream().filter(d -> d.getParent() == null).toList();
            }
            if (parent instanceof VirtualDisk d) {
                return d.getChildren();
            }
            return List.of();
        }

        @Override
        public Object getParent(Object element) {
            if (element instanceof Datacenter) {
                return root;
            }
            if (element instanceof VirtualMachine vm) {
                return vm.getCurrentHost() != null ? vm.getCurrentHost() : group;
            }
            if (element instanceof NotRunning g) {
                return g.datacenter();
            }
            if (element instanceof VirtualDisk d) {
                return d.getParent() != null ? d.getParent() : d.getDatastore();
            }
            return element instanceof EObject e ? e.eContainer() : null;
        }
    }

    /** The item providers' labels and icons with live state appended and coloured. */
    private final class Decorated extends ItemProviders.Labels {
        Decorated(ComposedAdapterFactory f) {
            super(f);
        }

        @Override
        public String getText(Object element) {
            if (element instanceof NotRunning) {
                int n = content().notRunning().size();
                return NotRunning.LABEL + " · " + n + (n == 1 ? " VM" : " VMs");
            }
            String text = super.getText(element);
            if (element instanceof VirtualMachine vm) {
                StringBuilder b = new StringBuilder(vm.getName()).append("  [").append(vm.getPowerState().getLiteral()).append(']');
                if (live != null) {
                    String address = live.address(vm.getName());
                    if (address != null) {
                        b.append("  ").append(address);
                    }
                    LiveDatacenter.Machine m = live.machines().get(vm.getName());
                    if (m != null) {
                        b.append("  ").append(machineLabel(m));
                    }
                }
                FtPair p = pair(vm);
                if (p != null) {
                    b.append("  FT primary → ").append(p.getBackupHost() == null ? "?" : p.getBackupHost().getName()).append(' ').append(p.getState().getLiteral());
                    if (p.getStatistics() != null) {
                        b.append(String.format(", lag %.1f ms", p.getStatistics().getLagMillis()));
                    }
                }
                if (p != null && p.getBackupHost() == vm.getCurrentHost()) {
                    b.append("  ⚠ backup on the same host");
                }
                int alarms = alarms(vm.getName());
                if (alarms > 0) {
                    b.append("  ⚠ ").append(alarms).append(alarms == 1 ? " alarm" : " alarms");
                }
                return b.toString();
            }
            if (element instanceof Host h) {
                StringBuilder b = new StringBuilder(text);
                String address = addressOf(h);
                if (address != null) {
                    b.append("  ").append(address);
                }
                List<FtPair> backups = backupsOn(h);
                for (int i = 0; i < backups.size() && i < 3; i++) {
                    if (backups.get(i).getPrimary() != null) {
                        b.append("  ⇄ backup of ").append(backups.get(i).getPrimary().getName());
                    }
                }
                if (backups.size() > 3) {
                    b.append(" and ").append(backups.size() - 3).append(" more");
                }
                String asker = live == null ? null : live.unreachable().get(h.getName());
                if (asker != null) {
                    b.append("  ⚠ unreachable from ").append(asker);
                }
                if (h.getConnectionState() != ConnectionState.CONNECTED) {
                    b.append("  ⚠ ").append(h.getConnectionState() == ConnectionState.FENCED ? "fenced" : "not heartbeating (storage)");
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

        private FtPair pair(VirtualMachine vm) {
            if (pairOf == null) {
                index();
            }
            return pairOf.get(vm);
        }

        private List<FtPair> backupsOn(Host h) {
            if (backupsOn == null) {
                index();
            }
            return backupsOn.getOrDefault(h, List.of());
        }

        private void index() {
            pairOf = new java.util.HashMap<>();
            backupsOn = new java.util.HashMap<>();
            if (watched != null) {
                for (FtPair p : watched.getFtPairs()) {
                    if (p.getPrimary() != null) {
                        pairOf.putIfAbsent(p.getPrimary(), p);
                    }
                    if (p.getBackupHost() != null) {
                        backupsOn.computeIfAbsent(p.getBackupHost(), k -> new ArrayList<>()).add(p);
                    }
                }
            }
        }

        /** A QEMU VM's figures in its label: "qemu · CPU 12.3 s (41 %), share 1.00 · 180.0 MiB resident". */
        private String machineLabel(LiveDatacenter.Machine m) {
            var v = m.view();
            return String.format(java.util.Locale.ROOT, "qemu · CPU %.1f s%s, share %.2f · %s resident", v.cpuSeconds(),
                    Double.isNaN(m.cpuUse()) ? "" : String.format(java.util.Locale.ROOT, " (%.0f %%)", m.cpuUse() * 100), v.cpuShare(),
                    LiveView.bytes(v.rssBytes()));
        }

        /** The host part of the host's agent URL (its address in the datacenter network), or null. */
        private String addressOf(Host h) {
            try {
                return h.getAddress() == null || h.getAddress().isEmpty() ? null : java.net.URI.create(h.getAddress()).getHost();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private int alarms(String subject) {
            if (activeAlarms == null) {
                activeAlarms = new java.util.HashMap<>();
                if (watched != null) {
                    for (Alarm a : watched.getAlarms()) {
                        if (a.isActive() && !a.isAcknowledged() && a.getSubject() != null) {
                            activeAlarms.merge(a.getSubject(), 1, Integer::sum);
                        }
                    }
                }
            }
            return activeAlarms.getOrDefault(subject, 0);
        }

        private long staleLeases(Host h) {
            if (breakable == null) {
                breakable = new java.util.HashMap<>();
                if (watched != null) {
                    for (Datastore ds : watched.getDatastores()) {
                        for (Lease l : ds.getLeases()) {
                            if (l.getOwner() != null && !l.isOwnerLive()) {
                                breakable.merge(l.getOwner(), 1, Integer::sum);
                            }
                        }
                    }
                }
            }
            return breakable.getOrDefault(h, 0);
        }
    }
}
