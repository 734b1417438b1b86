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
    private static final Set<String> INVENTORY_EVENTS = Set.of("vm.created", "vm.deleted", "vm.power", "vm.checkpoint", "vm.revert",
            "vm.checkpoint.deleted", "ft.protect", "ft.unprotect", "ft.status", "ft.backup", "ft.backup.stopped", "host.up",
            "datastore.heartbeats", "datastore.locks", "vm.lock");

    private final Display display;
    private final Datacenter model;
    private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();
    private final Map<String, AgentClient> clients = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Long> lastEventIds = new java.util.concurrent.ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Incoming> inbox = new ConcurrentLinkedQueue<>();

    /** A streamed event with its one-line summary, made on the stream's thread (formatting JSON is not the UI thread's work). */
    private record Incoming(JsonNode event, String summary) {
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
        JsonNode host = c.get("/v1/host");
        String name = host.path("host").asText(e.name());
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

    private void follow(String host, AgentClient c) {
        long backoff = 250;
        while (!closed) {
            try {
                c.events(lastEventIds.getOrDefault(host, 0L), e -> {
                    lastEventIds.put(host, e.path("id").asLong());
                    ((com.fasterxml.jackson.databind.node.ObjectNode) e).put("agent", host);
                    accept(e);
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

    /** Takes one event (as the agents stream them) from any thread; the UI thread applies it with the others that arrived meanwhile. */
    public void accept(JsonNode event) {
        if (INVENTORY_EVENTS.contains(event.path("type").asText())) {
            snapshotWanted.set(true);
        }
        inbox.add(new Incoming(event, summary(event.path("agent").asText(), event.path("data"))));
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
                JsonNode datastores = c.get("/v1/datastores");
                String ds = datastores.path(0).path("name").asText();
                leaseTimeoutMillis = datastores.path(0).path("timing").path("leaseTimeoutMillis").asLong(leaseTimeoutMillis);
                JsonNode heartbeats = c.get("/v1/datastores/" + ds + "/heartbeats");
                JsonNode registrations = c.get("/v1/datastores/" + ds + "/registrations");
                AgentMapping.Snapshot s = new AgentMapping.Snapshot(c.get("/v1/hosts"), datastores, c.get("/v1/datastores/" + ds + "/locks"),
                        registrations, c.get("/v1/vms"));
                JsonNode res = registrations.path("reservation");
                JsonNode counts = datastores.path(0).path("notifications");
                notifications = "PR generation " + registrations.path("generation").asText("?") + "; reservation "
                        + (res.path("present").asBoolean() ? res.path("type").asText() + " by " + res.path("host").asText(res.path("key").asText()) : "none")
                        + "; notifications sent " + counts.path("sent").asText("?") + ", received " + counts.path("received").asText("?")
                        + " (seen from " + e.getKey() + ")";
                Datacenter dc = AgentMapping.datacenter(model.getName(), s);
                Map<String, Long> ages = new HashMap<>();
                for (JsonNode h : heartbeats) {
                    if ("live".equals(h.path("state").asText()) || h.path("live").asBoolean()) {
                        ages.merge(h.path("host").asText(), h.path("ageMillis").asLong(), Math::min);
                    }
                }
                heartbeatMillis = datastores.path(0).path("timing").path("heartbeatMillis").asLong(heartbeatMillis);
                boolean suspect = false;
                for (var d : dc.getDatastores()) {
                    for (Lease l : d.getLeases()) {
                        Long age = l.getOwner() == null ? null : ages.get(l.getOwner().getName());
                        l.setHeartbeatAgeMillis(age == null ? leaseTimeoutMillis : age);
                        suspect |= l.isOwnerLive() && l.getHeartbeatAgeMillis() > heartbeatMillis * 3 / 2;
                    }
                }
                expiring = suspect;
                for (VirtualMachine vm : dc.getVms()) {
                    if (vm.getPowerState() != PowerState.POWERED_ON || vm.getCurrentHost() == null) {
                        continue;
                    }
                    AgentClient runner = clients.get(vm.getCurrentHost().getName());
                    if (runner == null) {
                        continue;
                    }
                    try {
                        checkpoints(vm, runner.get("/v1/vms/" + vm.getName() + "/checkpoints"));
                    } catch (IOException ignored) {
                        // the VM stopped or moved between the two reads: the next picture has it right
                    }
                }
                return dc;
            } catch (IOException ex) {
                last = ex;
            }
        }
        throw last == null ? new IOException("not connected to any agent") : last;
    }

    private static void checkpoints(VirtualMachine vm, JsonNode list) {
        Map<Long, Checkpoint> byId = new LinkedHashMap<>();
        for (JsonNode j : list) {
            Checkpoint cp = LockstepFactory.eINSTANCE.createCheckpoint();
            cp.setId(j.path("id").asInt());
            cp.setName(j.path("name").asText("cp-" + cp.getId()));
            cp.setTime(j.path("created").asLong());
            cp.setSizeBytes(j.path("bytes").asLong());
            cp.setState(CheckpointState.DONE);
            cp.setProgress(1.0);
            byId.put((long) cp.getId(), cp);
            vm.getCheckpoints().add(cp);
        }
        for (JsonNode j : list) {
            if (j.path("parent").isNumber()) {
                byId.get(j.path("id").asLong()).setParent(byId.get(j.path("parent").asLong()));
            }
        }
    }

    private void drain() {
        drainPosted.set(false);
        uiTimes.time("events", () -> {
            int n = 0;
            for (Incoming e; n < 200 && (e = inbox.poll()) != null; n++) {
                apply(e.event(), e.summary());
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
    private void apply(JsonNode e, String summary) {
        String type = e.path("type").asText();
        String subject = e.path("subject").asText();
        JsonNode data = e.path("data");
        Event ev = LockstepFactory.eINSTANCE.createEvent();
        ev.setId(e.path("id").asLong());
        ev.setTime(e.path("time").asLong(System.currentTimeMillis()));
        ev.setType(type);
        ev.setSubject(subject);
        ev.setMessage(summary);
        if (!"ft.stats".equals(type)) {
            model.getEvents().add(0, ev);
            while (model.getEvents().size() > MAX_EVENTS) {
                model.getEvents().remove(model.getEvents().size() - 1);
            }
        }
        switch (type) {
            case "task" -> task(data);
            case "alarm" -> alarm(data);
            case "ft.stats" -> ftStats(subject, data);
            case "vm.power" -> {
                VirtualMachine vm = vm(subject);
                PowerState p = PowerState.get(data.path("powerState").asText());
                if (vm != null && p != null) {
                    vm.setPowerState(p);
                }
            }
            default -> {
            }
        }
    }

    private static String summary(String agent, JsonNode data) {
        StringBuilder b = new StringBuilder();
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

    private void task(JsonNode t) {
        String id = t.path("id").asText();
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
        task.setKind(t.path("kind").asText());
        task.setSubject(t.path("subject").asText());
        TaskState s = TaskState.get(t.path("state").asText());
        task.setState(s == null ? TaskState.RUNNING : s);
        task.setProgress(t.path("progress").asDouble());
        task.setMessage(t.path("message").asText(""));
        task.setCancellable(t.path("cancellable").asBoolean());
    }

    private void alarm(JsonNode a) {
        String id = a.path("id").asText();
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
        Severity s = Severity.get(a.path("severity").asText().toLowerCase());
        alarm.setSeverity(s == null ? Severity.WARNING : s);
        alarm.setSubject(a.path("subject").asText());
        alarm.setText(a.path("text").asText(a.path("message").asText()));
        alarm.setActive(a.path("active").asBoolean(true));
        alarm.setAcknowledged(a.path("acknowledged").asBoolean());
    }

    private void ftStats(String vmName, JsonNode s) {
        FtPair pair = null;
        for (FtPair p : model.getFtPairs()) {
            if (p.getPrimary() != null && p.getPrimary().getName().equals(vmName)) {
                pair = p;
                break;
            }
        }
        long epochs = s.path("epochs").asLong();
        long bytes = s.path("pageBytes").asLong();
        long[] last = lastEpochs.put(vmName, new long[] {epochs, bytes});
        double perEpoch = last == null || epochs <= last[0] ? 0 : (double) (bytes - last[1]) / (epochs - last[0]);
        FtSample sample = new FtSample(System.currentTimeMillis(), s.path("lagMillis").asDouble(), s.path("cpuShare").asDouble(1.0),
                s.path("epochRate").asDouble(), s.path("pauseP50Micros").asLong(), perEpoch);
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
        st.setPauseP99Micros(s.path("pauseP99Micros").asLong());
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
