package io.lockstep.console.views;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;

import io.lockstep.agent.api.ConsoleInput;
import io.lockstep.agent.api.ConsoleView;
import io.lockstep.agent.api.MachineView;
import io.lockstep.agent.api.VmView;
import io.lockstep.agent.client.AgentClient;
import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.console.live.SerialFeed;
import io.lockstep.model.VirtualMachine;

/**
 * A QEMU VM's serial console, live: a header (VM, host, address, power state, QEMU's pid, CPU and resident memory),
 * the console's text in a read-only, selectable widget (Ctrl+C or the menu's Copy; Select All) keeping the last
 * {@value SerialFeed#MAX_LINES} lines, following the end unless the operator scrolled up, and a line to type into the
 * VM (Enter sends it with a newline).
 *
 * <p>One view per VM: its secondary id is the VM's name ({@link #open}); opened without one (Window › Show View) it
 * follows the VM selected in the inventory. All calls to the agents run on the view's own thread: every
 * {@value #POLL_MILLIS} ms the console ({@code GET /v1/vms/{vm}/console?after=N}: the agent sends only what is new,
 * with 64 bytes before it to recognise a console started again; {@link SerialFeed}), every second the VM ({@code GET /v1/vms/{vm}}: host, guest, power, address) and its QEMU
 * ({@code GET /v1/vms/{vm}/machine}); the UI thread only applies what they brought ({@code asyncExec}).
 */
public class SerialConsoleView extends LiveView {

    public static final String ID = "io.lockstep.console.views.serial";
    static final long POLL_MILLIS = 200;
    private static final long INFO_NANOS = 1_000_000_000L;

    private Label header;
    private Label message;
    private StyledText text;
    private Text input;
    private Button send;
    private ScheduledExecutorService poller;
    private ISelectionListener selectionListener;

    /** The VM followed (UI thread writes, the poller reads). */
    private volatile String vm;
    // the poller's own state
    private String feedVm;
    private SerialFeed feed;
    private volatile VmView info;
    private long infoAt;
    private MachineView machine;
    private double cpuUse = Double.NaN;
    private long machineAt;
    /** The last text shown on the message line by the poller (so an unchanged state is not posted again). */
    private String said;

    /** Opens (or brings forward) the serial console of {@code vmName}: one view per VM. */
    public static SerialConsoleView open(IWorkbenchPage page, String vmName) throws PartInitException {
        return (SerialConsoleView) page.showView(ID, vmName, IWorkbenchPage.VIEW_ACTIVATE);
    }

    @Override
    protected void create(Composite parent) {
        GridLayout gl = new GridLayout(3, false);
        gl.marginWidth = 2;
        gl.marginHeight = 2;
        parent.setLayout(gl);
        header = new Label(parent, SWT.NONE);
        header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        header.setFont(JFaceResources.getBannerFont());
        message = new Label(parent, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        message.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        ((GridData) message.getLayoutData()).exclude = true;
        message.setVisible(false);
        text = new StyledText(parent, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        text.setFont(JFaceResources.getTextFont());
        text.setKeyBinding('a' | SWT.MOD1, org.eclipse.swt.custom.ST.SELECT_ALL);
        Label prompt = new Label(parent, SWT.NONE);
        prompt.setText("Type:");
        input = new Text(parent, SWT.SINGLE | SWT.BORDER);
        input.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        input.setMessage("a line for the VM's console (Enter sends it)");
        input.addListener(SWT.DefaultSelection, e -> type());
        send = new Button(parent, SWT.PUSH);
        send.setText("Send");
        send.addListener(SWT.Selection, e -> type());

        Action copy = new Action("Copy") {
            @Override
            public void run() {
                copy();
            }
        };
        copy.setActionDefinitionId("org.eclipse.ui.edit.copy");
        Action selectAll = new Action("Select All") {
            @Override
            public void run() {
                selectAll();
            }
        };
        selectAll.setActionDefinitionId("org.eclipse.ui.edit.selectAll");
        Action clear = new Action("Clear") {
            @Override
            public void run() {
                clear();
            }
        };
        MenuManager menu = new MenuManager();
        menu.add(copy);
        menu.add(selectAll);
        menu.add(clear);
        text.setMenu(menu.createContextMenu(text));
        getViewSite().getActionBars().setGlobalActionHandler(ActionFactory.COPY.getId(), copy);
        getViewSite().getActionBars().setGlobalActionHandler(ActionFactory.SELECT_ALL.getId(), selectAll);

        String secondary = getViewSite().getSecondaryId();
        if (secondary != null) {
            vm = secondary;
        } else {
            selectionListener = (part, selection) -> {
                if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof VirtualMachine v) {
                    vm = v.getName();
                }
            };
            getSite().getPage().addSelectionListener(selectionListener);
        }
        setPartName(vm == null ? "Serial Console" : "Serial Console: " + vm);
        header.setText(vm == null ? "Select a VM in the inventory" : vm);
        String name = vm == null ? "selection" : vm;
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lockstep-serial-" + name);
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        text.addDisposeListener(e -> poller.shutdownNow());
    }

    /** The VM followed, or null. */
    public String vm() {
        return vm;
    }

    /** Follows another VM (its console from the start). */
    public void follow(String name) {
        vm = name;
        setPartName("Serial Console: " + name);
    }

    public StyledText text() {
        return text;
    }

    public String header() {
        return header.getText();
    }

    /** The message line: why there is no console, or the last error talking to the agent ("" when all is well). */
    public String message() {
        return message.getText();
    }

    public Text input() {
        return input;
    }

    /** Copies the selected text (all of it when nothing is selected) to the clipboard. */
    public void copy() {
        if (text.getSelectionCount() == 0) {
            text.selectAll();
        }
        text.copy();
    }

    public void selectAll() {
        text.selectAll();
    }

    /** Empties the scrollback (the view's only: what the VM prints next is added after it). */
    public void clear() {
        poller.execute(() -> {
            if (feed != null) {
                feed.clear();
            }
            post(() -> text.setText("")); // after the updates posted before, in order
        });
    }

    /** Sends the input line (and Enter) to the VM's console, off the UI thread. */
    private void type() {
        String line = input.getText();
        String name = vm;
        VmView at = info;
        LiveDatacenter l = live;
        if (name == null || l == null) {
            return;
        }
        input.setText("");
        poller.execute(() -> {
            try {
                client(l, at).post("/v1/vms/" + name + "/console", new ConsoleInput(line + "\n"), ConsoleView.class);
            } catch (Exception e) {
                say("typing on " + name + "'s console: " + e.getMessage());
            }
        });
    }

    private static AgentClient client(LiveDatacenter l, VmView v) throws java.io.IOException {
        return l.client(v == null ? null : v.host());
    }

    /** One round of the poller (its own thread). */
    private void poll() {
        String name = vm;
        LiveDatacenter l = live;
        if (name == null) {
            return;
        }
        if (l == null || !l.connected()) {
            say("Not connected: File › Connect to Local Datacenter or Connect to Agent…");
            return;
        }
        try {
            if (!name.equals(feedVm)) {
                feedVm = name;
                feed = new SerialFeed();
                info = null;
                machine = null;
                cpuUse = Double.NaN;
                post(() -> text.setText(""));
            }
            long now = System.nanoTime();
            if (info == null || now - infoAt > INFO_NANOS) {
                info = l.client(null).get("/v1/vms/" + name, VmView.class);
                infoAt = now;
                showHeader(name);
            }
            if (!LiveDatacenter.isQemu(info.guest())) {
                say(name + " is a java guest (" + info.guest() + "): it has no serial console");
                return;
            }
            boolean runs = "poweredOn".equals(info.powerState()) || "suspended".equals(info.powerState());
            if (!runs || info.host() == null) {
                machine = null;
                showHeader(name);
                say(name + " is " + state(info.powerState()) + (feed.seen() >= 0 ? ": the console's last output is kept below" : ""));
                return;
            }
            AgentClient runner = client(l, info);
            if (machine == null || now - machineAt > INFO_NANOS) {
                MachineView m = runner.get("/v1/vms/" + name + "/machine", MachineView.class);
                if (machine != null && machine.pid() == m.pid() && now > machineAt) {
                    cpuUse = Math.max(0, m.cpuSeconds() - machine.cpuSeconds()) / ((now - machineAt) / 1e9);
                } else {
                    cpuUse = Double.NaN;
                }
                machine = m;
                machineAt = now;
                showHeader(name);
            }
            SerialFeed.Update u = feed.take(runner.get("/v1/vms/" + name + "/console?after=" + feed.after(), ConsoleView.class));
            say("");
            if (!u.isEmpty()) {
                post(() -> apply(u));
            }
        } catch (Exception e) {
            say(name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            info = null; // read the VM again next time (it may have stopped or moved)
        }
    }

    private static String state(String power) {
        if (power == null) {
            return "in an unknown power state";
        }
        return switch (power) {
            case "poweredOff" -> "powered off";
            case "poweredOn" -> "powered on";
            case "suspended" -> "suspended";
            default -> power;
        };
    }

    /** The header line for what the poller knows now (made on its thread, shown on the UI thread). */
    private void showHeader(String name) {
        post(() -> header.setText(headerText(name, info, machine, cpuUse)));
    }

    /** "web1 on host-1 · 10.0.0.21 · powered on · QEMU pid 4242 (tcg) · CPU 12.3 s, 41 % now, share 1.00 · 180.0 MiB resident". */
    public static String headerText(String name, VmView v, MachineView m, double cpuUse) {
        StringBuilder b = new StringBuilder(name);
        if (v != null) {
            b.append(v.host() == null ? "" : " on " + v.host());
            b.append(" · ").append(v.address() == null ? "no address of its own" : v.address());
            b.append(" · ").append(state(v.powerState()));
        }
        if (m != null) {
            b.append(" · ").append(machineText(m, cpuUse));
        }
        return b.toString();
    }

    /** QEMU's figures: "QEMU pid 4242 (tcg) · CPU 12.3 s, 41 % now, share 1.00 · 180.0 MiB resident". */
    public static String machineText(MachineView m, double cpuUse) {
        return String.format(Locale.ROOT, "QEMU pid %d (%s) · CPU %.1f s%s, share %.2f · %s resident", m.pid(), m.accel(), m.cpuSeconds(),
                Double.isNaN(cpuUse) ? "" : String.format(Locale.ROOT, ", %.0f %% now", cpuUse * 100), m.cpuShare(), bytes(m.rssBytes()));
    }

    private void say(String line) {
        if (line.equals(said)) {
            return;
        }
        said = line;
        post(() -> {
            message.setText(line);
            ((GridData) message.getLayoutData()).exclude = line.isEmpty(); // no empty row above the text
            message.setVisible(!line.isEmpty());
            message.getParent().layout();
        });
    }

    private void post(Runnable r) {
        Display d = text.isDisposed() ? null : text.getDisplay();
        if (d == null || d.isDisposed()) {
            return;
        }
        d.asyncExec(() -> {
            if (!text.isDisposed()) {
                r.run();
            }
        });
    }

    /** Applies one poll's change to the widget (UI thread): append, drop the oldest lines, follow the end unless scrolled up. */
    private void apply(SerialFeed.Update u) {
        int visible = Math.max(1, text.getClientArea().height / Math.max(1, text.getLineHeight()));
        boolean atEnd = text.getTopIndex() + visible >= text.getLineCount() - 1;
        int top = text.getTopIndex();
        text.setRedraw(false);
        try {
            text.append(u.appended());
            if (u.droppedChars() > 0) {
                text.replaceTextRange(0, Math.min(u.droppedChars(), text.getCharCount()), "");
            }
            if (atEnd) {
                text.setTopIndex(Math.max(0, text.getLineCount() - visible));
            } else {
                text.setTopIndex(Math.max(0, top - u.droppedLines())); // the lines read stay in place
            }
        } finally {
            text.setRedraw(true);
        }
    }

    @Override
    protected void refresh() {
        // the poller reads what it shows; the live model's changes need nothing here
    }

    @Override
    public void setFocus() {
        text.setFocus();
    }

    @Override
    public void dispose() {
        if (poller != null) {
            poller.shutdownNow();
        }
        if (selectionListener != null) {
            getSite().getPage().removeSelectionListener(selectionListener);
        }
        super.dispose();
    }
}
