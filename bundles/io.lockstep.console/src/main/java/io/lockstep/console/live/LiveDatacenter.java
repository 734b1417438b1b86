package io.lockstep.console.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;
import org.eclipse.emf.common.util.URI;
import org.eclipse.swt.widgets.Display;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.lockstep.agent.api.AlarmView;
import io.lockstep.agent.api.CheckpointView;
import io.lockstep.agent.api.DatastoreView;
import io.lockstep.agent.api.EventType;
import io.lockstep.agent.api.EventView;
import io.lockstep.agent.api.FtStatsView;
import io.lockstep.agent.api.HostHeartbeat;
import io.lockstep.agent.api.HostInfo;
import io.lockstep.agent.api.LockView;
import io.lockstep.agent.api.MediumFile;
import io.lockstep.agent.api.NotificationCounts;
import io.lockstep.agent.api.PowerEvent;
import io.lockstep.agent.api.RegistrationsView;
import io.lockstep.agent.api.ReservationView;
import io.lockstep.agent.api.TaskView;
import io.lockstep.agent.api.VmView;
import io.lockstep.agent.client.AgentClient;
import io.lockstep.model.Alarm;
import io.lockstep.model.Checkpoint;
import io.lockstep.model.CheckpointState;
import io.lockstep.model.Datacenter;
import io.lockstep.model.Event;
import io.lockstep.model.FtPair;
import io.lockstep.model.FtStatistics;
import io.lockstep.model.Host;
import io.lockstep.model.Lease;
import io.lockstep.model.LockstepFactory;
import io.lockstep.model.LockstepPackage;
import io.lockstep.model.PowerState;
import io.lockstep.model.Severity;
import io.lockstep.model.Task;
import io.lockstep.model.TaskState;
import io.lockstep.model.VirtualMachine;
import io.lockstep.model.io.AgentMapping;
import io.lockstep.model.io.ModelTwin;

/**
 * The live datacenter: an EMF model kept in step with the agents. Each agent's event stream is followed on its
 * own thread; events that change the inventory make a background thread read a fresh picture (hosts, datastore,
 * locks with heartbeat ages, registrations, VMs, checkpoints) and {@link #offer merge} it into a mirror of the
 * model; the UI thread applies only what changed ({@link ModelTwin}), in short slices, so viewers see one
 * notification per real change. Tasks, events, alarms and FT statistics come from the streams themselves. Nothing
 * here polls on the UI thread: the UI thread only applies what the background threads prepared, in batches, and
 * every such batch is timed ({@link #uiTimes()}).
 */
public final class LiveDatacenter implements AutoCloseable {

    /** One agent to connect to: its URL, the SHA-256 fingerprint of its certificate (pinned) and the operator token. */
    public record Endpoint(String name, String url, String fingerprint, String token) {
        public Endpoint {
            if (url == null || !url.startsWith("https://")) {
                throw new IllegalArgumentException("agent address: expected https://HOST:PORT, found '" + url + "'");
            }
            String fp = fingerprint == null ? "" : fingerprint.replace(":", "").replace(" ", "");
            if (!fp.matches("[0-9A-Fa-f]{64}")) {
                throw new IllegalArgumentException("certificate fingerprint: expected 32 hex bytes (SHA-256, as `lockstep host ls` shows it), found '"
                        + fingerprint + "'");
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("token: expected the agent's operator token (the file <host>/token), found nothing");
            }
        }
    }

    /** One FT statistics sample for the charts. */
    public record FtSample(long timeMillis, double lagMillis, double cpuShare, double epochRate, long pauseP50Micros, double bytesPerEpoch) {
    }

    private static final int MAX_EVENTS = 500;
    private static final int MAX_SAMPLES = 300;
    /** Events after which the inventory is read again (what they change is in the next picture, not in the event). */
    private static final Set<EventType> INVENTORY_EVENTS = Set.of(EventType.VM_CREATED, EventType.VM_DELETED, EventType.VM_POWER,
            EventType.VM_CHECKPOINT, EventType.VM_REVERT, EventType.VM_CHECKPOINT_DELETED, EventType.FT_PROTECT, EventType.FT_UNPROTECT,
            EventType.FT_STATUS, EventType.FT_BACKUP, EventType.FT_BACKUP_STOPPED, EventType.HOST_UP, EventType.DATASTORE_HEARTBEATS,
            EventType.DATASTORE_LOCKS, EventType.VM_LOCK);

    private final Display display;
    private final Datacenter model;
    private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();
    private final Map<String, AgentClient> clients = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Long> lastEventIds = new java.util.concurrent.ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Incoming> inbox = new ConcurrentLinkedQueue<>();

    /**
     * A streamed event with its data read as its type's record and its one-line summary, both made on the stream's thread
     * (reading and formatting JSON is not the UI thread's work). {@code data} is null for a type without a record.
     */
    private record Incoming(EventView event, EventType type, Object data, String summary) {
    }
    private final AtomicBoolean drainPosted = new AtomicBoolean();
    private final AtomicBoolean snapshotWanted = new AtomicBoolean(true);
    private final ScheduledExecutorService background;
    private final List<Thread> streams = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<FtSample>> history = new HashMap<>();
    private final Map<String, long[]> lastEpochs = new HashMap<>();
    private final UiTimes uiTimes = new UiTimes();
    private static final long SLICE_MILLIS = 10;
    private static final Set<org.eclipse.emf.ecore.EStructuralFeature> STREAMED = Set.of(LockstepPackage.Literals.DATACENTER__TASKS,
            LockstepPackage.Literals.DATACENTER__EVENTS, LockstepPackage.Literals.DATACENTER__ALARMS);
    private volatile ModelTwin twin;
    private final Object mirrorLock = new Object();
    /** A picture's changes, for the twin they were made by (a resynchronised twin drops older ones). */
    private record Pending(ModelTwin twin, ModelTwin.Changes changes) {
    }

    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean applyPosted = new AtomicBoolean();
    private volatile boolean closed;
    private volatile long leaseTimeoutMillis = 8000;
    private volatile String lastError;
    private volatile long snapshots;
    private volatile String notifications = "";
    private volatile Map<String, String> unreachable = Map.of();
    private volatile List<MediumFile> files = List.of();
    private volatile Map<String, VmView> vmViews = Map.of();
    private volatile Map<String, Machine> machines = Map.of();

    /**
     * What runs a QEMU VM, as last read from the agent that runs it ({@code GET /v1/vms/{vm}/machine}), with the CPU
     * it used since the reading before ({@code cpuUse}: CPU seconds per second, 1.0 = one core; NaN at the first reading).
     */
    public record Machine(io.lockstep.agent.api.MachineView view, double cpuUse, long readAtNanos) {
    }

    public LiveDatacenter(Display display, String name) {
        this(display, newModel(name));
    }

    /** A live view over an existing model (for instance a large one opened for a test of the console's responsiveness). */
    public LiveDatacenter(Display display, Datacenter model) {
        this.display = display;
        this.model = model;
        if (model.eResource() == null) {
            Resource r = new XMIResourceImpl(URI.createURI("lockstep:/live.lockstep"));
            new ResourceSetImpl().getResources().add(r);
            r.getContents().add(model);
        }
        this.twin = new ModelTwin(model, STREAMED);
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lockstep-live-snapshots");
            t.setDaemon(true);
            return t;
        });
    }

    private static Datacenter newModel(String name) {
        Datacenter dc = LockstepFactory.eINSTANCE.createDatacenter();
        dc.setName(name);
        return dc;
    }

    /** The agents of a local datacenter as {@code lockstep up} wrote them ({@code work/dc/datacenter.json} and each host's card and token). */
    public static List<Endpoint> endpointsOf(Path datacenterJson) throws IOException {
        if (!Files.isRegularFile(datacenterJson)) {
            throw new IOException("no local datacenter: expected " + datacenterJson + " (written by `lockstep up`), found nothing");
        }
        JsonNode j = AgentClient.mapper().readTree(datacenterJson.toFile());
        Path dir = datacenterJson.getParent();
        List<Endpoint> out = new ArrayList<>();
        for (JsonNode h : j.path("hosts")) {
            String name = h.path("name").asText();
            Path data = dir.resolve(name);
            Path card = data.resolve("agent.json");
            JsonNode a = Files.exists(card) ? AgentClient.mapper().readTree(card.toFile()) : h;
            Path token = data.resolve("token");
            if (!Files.exists(token)) {
                continue;
            }
            out.add(new Endpoint(name, a.path("url").asText(), a.path("fingerprint").asText(), Files.readString(token, StandardCharsets.UTF_8).trim()));
        }
        if (out.isEmpty()) {
            throw new IOException(datacenterJson + " names no host with a token: expected at least one agent");
        }
        return out;
    }

    public Datacenter model() {
        return model;
    }

    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    public long leaseTimeoutMillis() {
        return leaseTimeoutMillis;
    }

    /** How often hosts heartbeat on the datastore, as it says. */
    public long heartbeatMillis() {
        return heartbeatMillis;
    }

    /** The last error talking to the agents (null when the last picture was read). */
    public String lastError() {
        return lastError;
    }

    /** The datastore's files and directories (on the LUN) with their holders, as last read. */
    public List<MediumFile> files() {
        return files;
    }

    /** The VMs as the agents last listed them ({@code GET /v1/vms}: guest, address …), by name. */
    public Map<String, VmView> vmViews() {
        return vmViews;
    }

    /** The VM's own address in the datacenter network as last listed, or null (none: it listens on loopback). */
    public String address(String vm) {
        VmView v = vmViews.get(vm);
        return v == null ? null : v.address();
    }

    /** Running QEMU VMs' QEMU (pid, CPU, memory) as last read, by VM name. */
    public Map<String, Machine> machines() {
        return machines;
    }

    /**
     * Hosts whose agent the agent asked could not reach over the network at its last probe (host → the agent that
     * says so), as last read.
     */
    public Map<String, String> unreachable() {
        return unreachable;
    }

    /** The datastore's PR generation, reservation and notification counters, as last read. */
    public String notifications() {
        return notifications;
    }

    public long snapshots() {
        return snapshots;
    }

    public UiTimes uiTimes() {
        return uiTimes;
    }

    /** Runs on the UI thread after every batch of changes. */
    public void addListener(Runnable r) {
        listeners.add(r);
    }

    public void removeListener(Runnable r) {
        listeners.remove(r);
    }

    /** The FT samples of a VM, oldest first (UI thread). */
    public List<FtSample> history(String vm) {
        Deque<FtSample> d = history.get(vm);
        return d == null ? List.of() : List.copyOf(d);
    }

    /**
     * Connects to an agent: checks it answers with the pinned certificate and the token (a failure is thrown here,
     * naming what the agent said), then follows its event stream and keeps the model in step.
     */
    public void connect(Endpoint e) throws IOException {
        AgentClient c = AgentClient.operator(e.url(), e.fingerprint(), e.token());
        HostInfo host = c.get("/v1/host", HostInfo.class);
        String name = host.name() == null ? e.name() : host.name();
        endpoints.add(e);
        clients.put(name, c);
        Thread t = new Thread(() -> follow(name, c), "lockstep-live-events-" + name);
        t.setDaemon(true);
        streams.add(t);
        t.start();
        if (endpoints.size() == 1) {
            background.scheduleWithFixedDelay(this::snapshotTick, 0, 250, TimeUnit.MILLISECONDS);
        }
        snapshotWanted.set(true);
    }

    /** A client of the agent on {@code host} (for actions), or of any agent when the host has none. */
    public AgentClient client(String host) throws IOException {
        AgentClient c = host == null ? null : clients.get(host);
        if (c == null) {
            c = clients.values().stream().findFirst().orElse(null);
        }
        if (c == null) {
            throw new IOException("not connected to any agent: use File › Connect to Agent… first");
        }
        return c;
    }

    public boolean connected() {
        return !clients.isEmpty();
    }

    /** The hosts whose agent this console is connected to (by the names the agents gave). */
    public Set<String> agentHosts() {
        return Set.copyOf(clients.keySet());
    }

    /** Tells the views that the model changed outside a picture or a stream (the console's own tasks; UI thread). */
    public void notifyChanged() {
        changed();
    }

    private void follow(String host, AgentClient c) {
        long backoff = 250;
        while (!closed) {
            try {
                c.eventViews(lastEventIds.getOrDefault(host, 0L), e -> {
                    lastEventIds.put(host, e.id());
                    accept(new EventView(e.id(), e.time(), e.type(), e.subject(), host, e.data()));
                    return !closed;
                });
                backoff = 250;
            } catch (IOException ex) {
                lastError = ex.getMessage();
            }
            snapshotWanted.set(true);
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException ie) {
                return;
            }
            backoff = Math.min(backoff * 2, 4000);
        }
    }

    /** Takes one event as an agent streams it (its JSON), from any thread. */
    public void accept(JsonNode event) {
        try {
            accept(AgentClient.read(event, EventView.class, "an event"));
        } catch (IOException e) {
            lastError = e.getMessage();
        }
    }

    /** Takes one event from any thread; the UI thread applies it with the others that arrived meanwhile. */
    public void accept(EventView event) {
        EventType type = EventType.of(event.type());
        if (INVENTORY_EVENTS.contains(type)) {
            snapshotWanted.set(true);
        }
        Object data = null;
        if (type != null && type.data() != null && event.data() != null) {
            try {
                data = AgentClient.read(event.data(), type.data(), "a " + event.type() + " event");
            } catch (IOException e) {
                lastError = e.getMessage(); // listed, not applied
            }
        }
        inbox.add(new Incoming(event, type, data, summary(event.agent() == null ? "" : event.agent(), event.data())));
        if (drainPosted.compareAndSet(false, true) && !display.isDisposed()) {
            display.asyncExec(this::drain);
        }
    }

    private long lastSnapshotNanos;
    private volatile boolean expiring;
    private volatile long heartbeatMillis = 500;

    private void snapshotTick() {
        if (closed) {
            return;
        }
        // read a new picture when the streams said something changed, and at least once a second for heartbeat ages
        // (every 250 ms while a lock's holder has missed heartbeats, so its expiry is followed closely)
        boolean due = System.nanoTime() - lastSnapshotNanos > (expiring ? 250_000_000L : 1_000_000_000L);
        if (!snapshotWanted.getAndSet(false) && !due) {
            return;
        }
        lastSnapshotNanos = System.nanoTime();
        try {
            Datacenter next = read();
            lastError = null;
            offer(next);
        } catch (IOException | RuntimeException e) {
            lastError = e.getMessage();
        }
    }

    /**
     * Takes a new picture of the datacenter, read off the UI thread (from the agents, or made by a test). It is
     * merged into the mirror of the live model here, off the UI thread; the UI thread then applies only what changed,
     * in slices of at most {@value #SLICE_MILLIS} ms, so a picture of a large datacenter never holds it long. Tasks,
     * events and alarms are the streams' and are kept.
     */
    public void offer(Datacenter picture) {
        ModelTwin.Changes changes;
        ModelTwin by;
        synchronized (mirrorLock) {
            by = twin;
            changes = by.merge(picture);
        }
        snapshots++;
        if (changes.size() == 0) {
            return;
        }
        pending.add(new Pending(by, changes));
        if (applyPosted.compareAndSet(false, true) && !display.isDisposed()) {
            display.asyncExec(this::applyPictures);
        }
    }

    private void applyPictures() {
        applyPosted.set(false);
        uiTimes.time("merge", () -> {
            Pending p = pending.peek();
            if (p == null) {
                return;
            }
            if (p.twin() != twin) {
                pending.poll(); // made by a mirror since replaced
                return;
            }
            try {
                if (p.twin().apply(p.changes(), SLICE_MILLIS * 1_000_000L)) {
                    pending.poll();
                    changed();
                }
            } catch (RuntimeException e) {
                resynchronise(e);
            }
        });
        if (!pending.isEmpty() && applyPosted.compareAndSet(false, true) && !display.isDisposed()) {
            display.asyncExec(this::applyPictures);
        }
    }

    /**
     * The mirror and the live model no longer match (a change the live model refused): start again from the live
     * model as it is; the next picture brings it up to date. Said in {@link #lastError()}, never silent.
     */
    private void resynchronise(RuntimeException why) {
        synchronized (mirrorLock) {
            pending.clear();
            twin = new ModelTwin(model, STREAMED);
        }
        lastError = "the live model was resynchronised with the agents' pictures after: " + why;
        System.err.println("lockstep console: " + lastError);
        snapshotWanted.set(true);
    }

    /** One picture of the datacenter, read from the first agent that answers (and each VM's checkpoints from the agent that runs it). */
    private Datacenter read() throws IOException {
        IOException last = null;
        for (Map.Entry<String, AgentClient> e : clients.entrySet()) {
            AgentClient c = e.getValue();
            try {
                List<DatastoreView> datastores = c.list("/v1/datastores", DatastoreView.class);
                DatastoreView d0 = datastores.isEmpty() ? null : datastores.get(0);
                String ds = d0 == null ? "" : d0.name();
                if (d0 != null && d0.timing() != null) {
                    leaseTimeoutMillis = d0.timing().leaseTimeoutMillis();
                    heartbeatMillis = d0.timing().heartbeatMillis();
                }
                List<HostHeartbeat> heartbeats = c.list("/v1/datastores/" + ds + "/heartbeats", HostHeartbeat.class);
                RegistrationsView registrations = c.get("/v1/datastores/" + ds + "/registrations", RegistrationsView.class);
                files = c.list("/v1/datastores/" + ds + "/files", MediumFile.class);
                List<HostHeartbeat> hostRows = c.list("/v1/hosts", HostHeartbeat.class);
                AgentMapping.Snapshot s = new AgentMapping.Snapshot(hostRows, datastores,
                        c.list("/v1/datastores/" + ds + "/locks", LockView.class), registrations, c.list("/v1/vms", VmView.class),
                        c.list("/v1/shared-disks", io.lockstep.agent.api.SharedDiskView.class));
                Map<String, String> unreachableNow = new HashMap<>();
                for (HostHeartbeat h : hostRows) {
                    if (Boolean.FALSE.equals(h.reachable())) {
                        unreachableNow.put(h.host(), e.getKey());
                    }
                }
                unreachable = unreachableNow;
                ReservationView res = registrations.reservation();
                NotificationCounts counts = d0 == null ? null : d0.notifications();
                notifications = "PR generation " + registrations.generation() + "; reservation "
                        + (res != null && res.present() ? res.type() + " by " + (res.host() != null ? res.host() : res.key()) : "none")
                        + "; notifications sent " + (counts == null ? "?" : counts.sent()) + ", received " + (counts == null ? "?" : counts.received())
                        + " (seen from " + e.getKey() + ")";
                Datacenter dc = AgentMapping.datacenter(model.getName(), s);
                Map<String, Long> ages = new HashMap<>();
                for (HostHeartbeat h : heartbeats) {
                    if ("live".equals(h.state()) || h.live()) {
                        ages.merge(h.host(), h.ageMillis(), Math::min);
                    }
                }
                boolean suspect = false;
                for (var d : dc.getDatastores()) {
                    for (Lease l : d.getLeases()) {
                        Long age = l.getOwner() == null ? null : ages.get(l.getOwner().getName());
                        l.setHeartbeatAgeMillis(age == null ? leaseTimeoutMillis : age);
                        suspect |= l.isOwnerLive() && l.getHeartbeatAgeMillis() > heartbeatMillis * 3 / 2;
                    }
                }
                expiring = suspect;
                Map<String, VmView> views = new HashMap<>();
                for (VmView v : s.vms()) {
                    views.put(v.name(), v);
                }
                Map<String, Machine> machinesNow = new HashMap<>();
                for (VirtualMachine vm : dc.getVms()) {
                    if (vm.getPowerState() != PowerState.POWERED_ON || vm.getCurrentHost() == null) {
                        continue;
                    }
                    AgentClient runner = clients.get(vm.getCurrentHost().getName());
                    if (runner == null) {
                        continue;
                    }
                    try {
                        checkpoints(vm, runner.list("/v1/vms/" + vm.getName() + "/checkpoints", CheckpointView.class));
                    } catch (IOException ignored) {
                        // the VM stopped or moved between the two reads: the next picture has it right
                    }
                    if (isQemu(vm.getGuest())) {
                        try {
                            machinesNow.put(vm.getName(), machine(vm.getName(), runner.get("/v1/vms/" + vm.getName() + "/machine",
                                    io.lockstep.agent.api.MachineView.class)));
                        } catch (IOException ignored) {
                            // as above
                        }
                    }
                }
                boolean machinesChanged = !machinesNow.keySet().equals(machines.keySet()) || machinesNow.entrySet().stream()
                        .anyMatch(m -> !m.getValue().view().equals(machines.get(m.getKey()).view()));
                vmViews = Map.copyOf(views);
                machines = Map.copyOf(machinesNow);
                if (machinesChanged && !display.isDisposed()) {
                    display.asyncExec(this::changed); // figures that are not in the model: the views showing them refresh
                }
                return dc;
            } catch (IOException ex) {
                last = ex;
            }
        }
        throw last == null ? new IOException("not connected to any agent") : last;
    }

    /** Whether a VM's guest (as {@code vm create --guest} named it) is a QEMU guest: "qemu" or "qemu:…". */
    public static boolean isQemu(String guest) {
        return guest != null && (guest.equals("qemu") || guest.startsWith("qemu:"));
    }

    private Machine machine(String vm, io.lockstep.agent.api.MachineView now) {
        Machine before = machines.get(vm);
        long at = System.nanoTime();
        double use = Double.NaN;
        if (before != null && before.view().pid() == now.pid() && at > before.readAtNanos()) {
            use = Math.max(0, now.cpuSeconds() - before.view().cpuSeconds()) / ((at - before.readAtNanos()) / 1e9);
        }
        return new Machine(now, use, at);
    }

    private static void checkpoints(VirtualMachine vm, List<CheckpointView> list) {
        Map<Integer, Checkpoint> byId = new LinkedHashMap<>();
        for (CheckpointView j : list) {
            Checkpoint cp = LockstepFactory.eINSTANCE.createCheckpoint();
            cp.setId(j.id());
            cp.setName(j.name() == null ? "cp-" + j.id() : j.name());
            cp.setTime(j.created());
            cp.setSizeBytes(j.bytes());
            cp.setState(CheckpointState.DONE);
            cp.setProgress(1.0);
            byId.put(cp.getId(), cp);
            vm.getCheckpoints().add(cp);
        }
        for (CheckpointView j : list) {
            if (j.parent() != null) {
                byId.get(j.id()).setParent(byId.get(j.parent()));
            }
        }
    }

    private void drain() {
        drainPosted.set(false);
        uiTimes.time("events", () -> {
            int n = 0;
            for (Incoming e; n < 200 && (e = inbox.poll()) != null; n++) {
                apply(e);
            }
            if (!inbox.isEmpty() && drainPosted.compareAndSet(false, true)) {
                display.asyncExec(this::drain);
            }
            changed();
        });
    }

    private void changed() {
        for (Runnable r : listeners) {
            r.run();
        }
    }

    /** Applies one streamed event to the model (UI thread). */
    private void apply(Incoming in) {
        EventView e = in.event();
        Event ev = LockstepFactory.eINSTANCE.createEvent();
        ev.setId(e.id());
        ev.setTime(e.time() == 0 ? System.currentTimeMillis() : e.time());
        ev.setType(e.type());
        ev.setSubject(e.subject());
        ev.setMessage(in.summary());
        if (in.type() != EventType.FT_STATS) {
            model.getEvents().add(0, ev);
            while (model.getEvents().size() > MAX_EVENTS) {
                model.getEvents().remove(model.getEvents().size() - 1);
            }
        }
        if (in.data() instanceof TaskView t) {
            task(t);
        } else if (in.data() instanceof AlarmView a) {
            alarm(a);
        } else if (in.data() instanceof FtStatsView st) {
            ftStats(e.subject(), st);
        } else if (in.data() instanceof PowerEvent power) {
            VirtualMachine vm = vm(e.subject());
            PowerState p = power.powerState() == null ? null : PowerState.get(power.powerState());
            if (vm != null && p != null) {
                vm.setPowerState(p);
            }
        }
    }

    private static String summary(String agent, JsonNode data) {
        StringBuilder b = new StringBuilder();
        if (data == null) {
            return agent.isEmpty() ? "" : "[" + agent + "]";
        }
        data.fields().forEachRemaining(f -> {
            if (b.length() < 160 && !(f.getValue() instanceof ArrayNode)) {
                b.append(b.length() == 0 ? "" : ", ").append(f.getKey()).append('=').append(f.getValue().isTextual() ? f.getValue().asText() : f.getValue());
            }
        });
        return (agent.isEmpty() ? "" : "[" + agent + "] ") + b;
    }

    private VirtualMachine vm(String name) {
        for (VirtualMachine vm : model.getVms()) {
            if (vm.getName().equals(name)) {
                return vm;
            }
        }
        return null;
    }

    private void task(TaskView t) {
        String id = t.id();
        Task task = null;
        for (Task x : model.getTasks()) {
            if (x.getId().equals(id)) {
                task = x;
                break;
            }
        }
        if (task == null) {
            task = LockstepFactory.eINSTANCE.createTask();
            task.setId(id);
            model.getTasks().add(0, task);
            while (model.getTasks().size() > 200) {
                model.getTasks().remove(model.getTasks().size() - 1);
            }
        }
        task.setKind(t.kind());
        task.setSubject(t.subject());
        TaskState s = t.state() == null ? null : TaskState.get(t.state());
        task.setState(s == null ? TaskState.RUNNING : s);
        task.setProgress(t.progress());
        task.setMessage(t.message() == null ? "" : t.message());
        task.setCancellable(t.cancellable());
    }

    private void alarm(AlarmView a) {
        String id = a.id();
        Alarm alarm = null;
        for (Alarm x : model.getAlarms()) {
            if (x.getId().equals(id)) {
                alarm = x;
                break;
            }
        }
        if (alarm == null) {
            alarm = LockstepFactory.eINSTANCE.createAlarm();
            alarm.setId(id);
            model.getAlarms().add(0, alarm);
        }
        Severity s = a.severity() == null ? null : Severity.get(a.severity().toLowerCase(java.util.Locale.ROOT));
        alarm.setSeverity(s == null ? Severity.WARNING : s);
        alarm.setSubject(a.subject());
        alarm.setText(a.text());
        alarm.setActive(a.active());
        alarm.setAcknowledged(a.acknowledged());
    }

    private void ftStats(String vmName, FtStatsView s) {
        FtPair pair = null;
        for (FtPair p : model.getFtPairs()) {
            if (p.getPrimary() != null && p.getPrimary().getName().equals(vmName)) {
                pair = p;
                break;
            }
        }
        long epochs = s.epochs();
        long bytes = s.pageBytes();
        long[] last = lastEpochs.put(vmName, new long[] {epochs, bytes});
        double perEpoch = last == null || epochs <= last[0] ? 0 : (double) (bytes - last[1]) / (epochs - last[0]);
        FtSample sample = new FtSample(System.currentTimeMillis(), s.lagMillis(), s.cpuShare(), s.epochRate(), s.pauseP50Micros(), perEpoch);
        Deque<FtSample> d = history.computeIfAbsent(vmName, k -> new ArrayDeque<>());
        d.addLast(sample);
        while (d.size() > MAX_SAMPLES) {
            d.removeFirst();
        }
        if (pair == null) {
            return;
        }
        FtStatistics st = pair.getStatistics();
        if (st == null) {
            st = LockstepFactory.eINSTANCE.createFtStatistics();
            pair.setStatistics(st);
        }
        st.setEpochRate(sample.epochRate());
        st.setPauseP50Micros(sample.pauseP50Micros());
        st.setPauseP99Micros(s.pauseP99Micros());
        st.setBytesSent(bytes);
        st.setLagMillis(sample.lagMillis());
        st.setCpuShare(sample.cpuShare());
    }

    /** Runs an action against the agents off the UI thread; its error (if any) goes to {@code onError} on the UI thread. */
    public void run(String what, AgentAction action, Consumer<String> onError) {
        background.execute(() -> {
            try {
                action.run();
                snapshotWanted.set(true);
            } catch (Exception e) {
                String msg = what + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
                if (!display.isDisposed()) {
                    display.asyncExec(() -> onError.accept(msg));
                }
            }
        });
    }

    /** A call to the agents. */
    @FunctionalInterface
    public interface AgentAction {
        void run() throws Exception;
    }

    public Host host(String name) {
        for (Host h : model.getHosts()) {
            if (h.getName().equals(name)) {
                return h;
            }
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        background.shutdownNow();
        streams.forEach(Thread::interrupt);
    }
}
