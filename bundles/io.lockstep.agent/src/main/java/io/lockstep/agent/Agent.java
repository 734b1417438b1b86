package io.lockstep.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.Alarms.Severity;
import io.lockstep.agent.client.AgentClient;
import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.Datastore;
import io.lockstep.cluster.DirectoryEntry;
import io.lockstep.cluster.HeartbeatRecord;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.LockRecord;
import io.lockstep.storage.Media;
import io.lockstep.storage.Medium;
import io.lockstep.storage.PrKeys;
import io.lockstep.storage.PrReservation;

/**
 * One host's agent: it mounts the shared medium as this host (claiming its heartbeat slot, or recovering it after
 * a restart), publishes where its API is (a host card in the shared datastore directory, so peers find each other
 * through the storage), runs VMs and FT roles ({@link Vms}), and watches the medium's heartbeats and lock
 * table so that the API and the event stream show them live.
 */
public final class Agent implements AutoCloseable, Peers {

    private static final System.Logger LOG = System.getLogger(Agent.class.getName());
    static final String VERSION = "0.1.0";

    private final AgentConfig config;
    private final Credentials credentials;
    private final HostIdentity identity;
    private final Medium medium;
    private final Datastore datastore;
    private final PeerAuth peerAuth;
    private final Events events = new Events();
    private final Tasks tasks;
    private final Alarms alarms;
    private final Vms vms;
    private final long started = System.currentTimeMillis();
    private final ScheduledExecutorService loops = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-watch");
        t.setDaemon(true);
        return t;
    });
    private final Map<Integer, long[]> seen = new HashMap<>(); // slot -> {generation, counter, nanoTime the counter last moved}
    private volatile List<Map<String, Object>> heartbeatView = List.of();
    private volatile List<Map<String, Object>> lockView = List.of();
    private volatile String url;
    private volatile String fenced;

    private Agent(AgentConfig config) throws IOException {
        this.config = config;
        Files.createDirectories(config.dataDir());
        Files.createDirectories(config.datastore().resolve(".hosts"));
        this.identity = identity(config.dataDir(), config.host());
        this.credentials = Credentials.ensure(config.dataDir(), config.host());
        this.peerAuth = new PeerAuth(Credentials.secretText(config.secretFile(), 32), config.host());
        this.medium = Media.open(config.medium(), config.host());
        Datastore ds;
        try {
            ds = Datastore.mount(medium, identity, AcquisitionMode.bestFor(medium.capabilities())); // reserve where the target has no ATS, as VMFS does
        } catch (IOException | RuntimeException e) {
            medium.close();
            throw e;
        }
        this.datastore = ds;
        this.tasks = new Tasks(events, config.host());
        this.alarms = new Alarms(events);
        this.vms = new Vms(config.host(), config.datastore(), config.dataDir(), config.guardPolicy(), ds, this::lockTable, this::locksChanged, this,
                events, alarms, tasks);
        ds.host().onFenced(reason -> {
            fenced = reason;
            alarms.raise("host.fenced", Severity.CRITICAL, config.host(), config.host() + " was fenced: " + reason + "; its VMs were stopped");
            vms.fenced(reason);
        });
        sample();
    }

    /** Mounts the medium and gets ready to serve (see {@link #serving(String)}). */
    public static Agent start(AgentConfig config) throws IOException {
        return new Agent(config);
    }

    /** The host's identity: its name and a UUID kept in the data directory, so a restart reclaims the same slot. */
    private static HostIdentity identity(Path dataDir, String host) throws IOException {
        Path f = dataDir.resolve("host.id");
        if (!Files.exists(f)) {
            Files.writeString(f, UUID.randomUUID() + "\n", StandardCharsets.UTF_8);
        }
        String text = Files.readString(f, StandardCharsets.UTF_8).trim();
        try {
            return new HostIdentity(host, UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IOException(f + ": expected a UUID, found '" + text + "'");
        }
    }

    /** The API now answers at {@code url}: publish the host card and {@code agent.json}, and start watching the medium. */
    public void serving(String url) throws IOException {
        this.url = url;
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", config.host());
        card.put("uuid", identity.uuid().toString());
        card.put("url", url);
        card.put("fingerprint", credentials.fingerprint());
        card.put("pid", ProcessHandle.current().pid());
        card.put("started", started);
        writeJson(config.datastore().resolve(".hosts").resolve(config.host() + ".json"), card);
        Map<String, Object> self = new LinkedHashMap<>(card);
        self.put("tokenFile", credentials.tokenFile().toAbsolutePath().toString());
        self.put("slot", datastore.host().slot());
        writeJson(config.dataDir().resolve("agent.json"), self);
        loops.scheduleWithFixedDelay(this::watch, 500, 500, TimeUnit.MILLISECONDS);
        events.publish("host.up", config.host(), Map.of("url", url, "slot", datastore.host().slot()));
    }

    static void writeJson(Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), value);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private long ticks;
    private String publishedHeartbeats = "";
    private String publishedLocks = "";

    private void watch() {
        try {
            sample();
            String hbs = signature(heartbeatView, "slot", "host", "state", "generation", "live");
            if (!hbs.equals(publishedHeartbeats)) {
                publishedHeartbeats = hbs;
                events.publish("datastore.heartbeats", label(), Map.of("heartbeats", heartbeatView));
            }
            String locks = signature(lockView, "index", "entity", "mode", "generation", "owners");
            if (!locks.equals(publishedLocks)) {
                publishedLocks = locks;
                events.publish("datastore.locks", label(), Map.of("locks", lockView));
            }
            for (Map<String, Object> hb : heartbeatView) {
                String host = (String) hb.get("host");
                if (host == null || host.equals(config.host()) || !"live".equals(hb.get("state"))) {
                    continue;
                }
                String id = "host." + host + ".heartbeat";
                if (Boolean.FALSE.equals(hb.get("live"))) {
                    alarms.raise(id, Severity.WARNING, host, host + " stopped heartbeating on " + label() + " (" + hb.get("ageMillis")
                            + " ms since its heartbeat last moved); its locks can be broken");
                } else {
                    alarms.clear(id);
                }
            }
            if (++ticks % 2 == 0) {
                vms.ftPrimary.tick();
            }
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.WARNING, "watching the medium: " + t);
        }
    }

    private static String signature(List<Map<String, Object>> rows, String... keys) {
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> r : rows) {
            for (String k : keys) {
                Object v = r.get(k);
                if (v instanceof List<?> list) {
                    for (Object o : list) {
                        if (o instanceof Map<?, ?> m) {
                            b.append(m.get("slot")).append('/').append(m.get("heartbeatGeneration")).append('/').append(m.get("live")).append(',');
                        }
                    }
                } else {
                    b.append(v);
                }
                b.append('|');
            }
            b.append('\n');
        }
        return b.toString();
    }

    private volatile long sampledAt;

    /** This agent took or released a lock: the next read of the table goes to the medium (read your own writes). */
    void locksChanged() {
        sampledAt = 0;
    }

    /** A sample of the heartbeats and locks at most {@value #FRESH_MILLIS} ms old (many API calls share one read of the medium). */
    private synchronized void fresh() throws IOException {
        if (sampledAt == 0 || System.nanoTime() - sampledAt > FRESH_MILLIS * 1_000_000) {
            sample();
        }
    }

    static final long FRESH_MILLIS = 100;

    /** Reads the heartbeat region and the lock table once, judging liveness on this host's own clock. */
    private synchronized void sample() throws IOException {
        sampledAt = System.nanoTime();
        Cluster cluster = datastore.host().cluster();
        long now = System.nanoTime();
        long stale = cluster.timing().leaseTimeout().toNanos();
        List<Map<String, Object>> hbs = new ArrayList<>();
        Map<Integer, String> names = new HashMap<>();
        Map<Integer, Long> generations = new HashMap<>();
        Map<Integer, Boolean> liveness = new HashMap<>();
        for (Cluster.Read<HeartbeatRecord> read : cluster.heartbeats()) {
            HeartbeatRecord r = read.record();
            if (r == null) {
                continue;
            }
            if (r.state() == HeartbeatRecord.State.FREE) {
                seen.remove(r.slot());
                continue;
            }
            long[] s = seen.get(r.slot());
            if (s == null || s[0] != r.generation() || s[1] != r.counter()) {
                s = new long[] {r.generation(), r.counter(), now};
                seen.put(r.slot(), s);
            }
            long age = (now - s[2]) / 1_000_000;
            boolean live = r.state() == HeartbeatRecord.State.LIVE && (r.slot() == datastore.host().slot() ? fenced == null : now - s[2] < stale);
            names.put(r.slot(), r.hostName());
            generations.put(r.slot(), r.generation());
            liveness.put(r.slot(), live);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slot", r.slot());
            m.put("host", r.hostName());
            m.put("uuid", r.owner() == null ? null : r.owner().toString());
            m.put("state", r.state().name().toLowerCase());
            m.put("generation", r.generation());
            m.put("counter", r.counter());
            m.put("ageMillis", r.slot() == datastore.host().slot() ? 0 : age);
            m.put("live", live);
            m.put("fencedBy", r.fencedBy() == HeartbeatRecord.NOBODY ? null : r.fencedBy());
            hbs.add(m);
        }
        List<Map<String, Object>> locks = new ArrayList<>();
        long wall = System.currentTimeMillis();
        for (Cluster.Read<LockRecord> read : cluster.locks()) {
            LockRecord l = read.record();
            if (l == null || l.unused() || l.owners().isEmpty()) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", l.index());
            m.put("entity", l.entity());
            m.put("kind", l.kind().label());
            m.put("mode", l.mode().label());
            m.put("generation", l.generation());
            List<Map<String, Object>> owners = new ArrayList<>();
            for (LockRecord.Owner o : l.owners()) {
                Map<String, Object> om = new LinkedHashMap<>();
                om.put("slot", o.slot());
                om.put("host", names.get(o.slot()));
                om.put("heartbeatGeneration", o.heartbeatGeneration());
                om.put("acquiredAt", o.acquiredAtMillis());
                om.put("heldMillis", Math.max(0, wall - o.acquiredAtMillis()));
                boolean current = Objects.equals(generations.get(o.slot()), o.heartbeatGeneration());
                om.put("live", current && Boolean.TRUE.equals(liveness.get(o.slot())));
                om.put("stale", !current ? "the owner restarted or was fenced since it took the lock" : null);
                owners.add(om);
            }
            m.put("owners", owners);
            locks.add(m);
        }
        heartbeatView = hbs;
        lockView = locks;
    }

    // --- views --------------------------------------------------------------------------------------------------

    String label() {
        String l = datastore.superblock().label();
        return l == null || l.isBlank() ? "datastore" : l;
    }

    List<Map<String, Object>> lockTable() throws IOException {
        fresh();
        return lockView;
    }

    List<Map<String, Object>> heartbeats() throws IOException {
        fresh();
        return heartbeatView;
    }

    Map<String, Object> hostView() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", config.host());
        m.put("uuid", identity.uuid().toString());
        m.put("version", VERSION);
        m.put("url", url);
        m.put("fingerprint", credentials.fingerprint());
        m.put("pid", ProcessHandle.current().pid());
        m.put("started", started);
        m.put("uptimeMillis", System.currentTimeMillis() - started);
        m.put("slot", datastore.host().slot());
        m.put("heartbeatGeneration", datastore.host().heartbeatGeneration());
        m.put("heartbeatValid", datastore.host().heartbeatValid());
        m.put("fenced", fenced);
        m.put("medium", medium.uri());
        m.put("datastore", config.datastore().toAbsolutePath().toString());
        m.put("vmsRunning", vms.here.running().size());
        m.put("backups", vms.here.backupNames().size());
        m.put("java", System.getProperty("java.version"));
        return m;
    }

    /** Every host with a heartbeat on the medium, with the address of its agent when it published one. */
    List<Map<String, Object>> hosts() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> hb : heartbeats()) {
            Map<String, Object> m = new LinkedHashMap<>(hb);
            String name = (String) hb.get("host");
            try {
                JsonNode card = card(name);
                m.put("url", card.path("url").asText());
                m.put("fingerprint", card.path("fingerprint").asText());
            } catch (ApiException | IOException e) {
                m.put("url", null);
            }
            out.add(m);
        }
        return out;
    }

    List<Map<String, Object>> datastores() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", label());
        m.put("uuid", datastore.superblock().uuid().toString());
        m.put("medium", medium.uri());
        m.put("sectorSize", medium.sectorSize());
        m.put("capacityBytes", medium.sectorCount() * medium.sectorSize());
        m.put("timing", Map.of("ioTimeoutMillis", datastore.superblock().timing().ioTimeout().toMillis(), "heartbeatMillis",
                datastore.superblock().timing().heartbeatInterval().toMillis(), "leaseTimeoutMillis",
                datastore.superblock().timing().leaseTimeout().toMillis()));
        m.put("slots", datastore.superblock().slots());
        m.put("folders", config.datastore().toAbsolutePath().toString());
        m.put("hosts", heartbeats().stream().filter(h -> Boolean.TRUE.equals(h.get("live"))).map(h -> h.get("host")).toList());
        Datastore.Stats st = datastore.stats();
        m.put("notifications", Map.of("sent", st.notificationsSent(), "received", st.notificationsReceived()));
        return List.of(m);
    }

    void requireDatastore(String name) {
        if (!name.equals(label())) {
            throw ApiException.notFound("no datastore '" + Names.printable(name) + "' here; this host mounts '" + label() + "'");
        }
    }

    Map<String, Object> registrations() throws IOException {
        PrKeys keys = medium.readKeys();
        PrReservation res = medium.readReservation();
        Map<Long, String> byKey = new HashMap<>();
        for (Map<String, Object> hb : heartbeats()) {
            String host = (String) hb.get("host");
            String uuid = (String) hb.get("uuid");
            if (host != null && uuid != null) {
                byKey.put(Datastore.keyOf(new HostIdentity(host, UUID.fromString(uuid))), host);
            }
        }
        List<Map<String, Object>> regs = new ArrayList<>();
        for (long k : keys.keys()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("key", String.format("0x%016x", k));
            r.put("host", byKey.get(k));
            regs.add(r);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generation", keys.generation());
        m.put("registrations", regs);
        Map<String, Object> rv = new LinkedHashMap<>();
        rv.put("present", res.present());
        if (res.present()) {
            rv.put("key", String.format("0x%016x", res.key()));
            rv.put("host", byKey.get(res.key()));
            rv.put("type", res.type().toString());
        }
        m.put("reservation", rv);
        Datastore.Stats st = datastore.stats();
        m.put("notifications", Map.of("sent", st.notificationsSent(), "preemptsSent", st.preemptsSent(), "received", st.notificationsReceived(),
                "directoryRefreshes", st.directoryRefreshes()));
        return m;
    }

    /** The virtual disks on the medium (its directory) with their virtual reservations. */
    List<Map<String, Object>> mediumFiles() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DirectoryEntry e : datastore.files()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("kind", e.kind().label());
            m.put("sectors", e.extentSectors());
            var vdr = datastore.vdr(e.index());
            if (vdr != null) {
                m.put("initiators", vdr.initiators());
                m.put("reservation", vdr.state() == null ? null : vdr.state().toString());
            }
            out.add(m);
        }
        return out;
    }

    // --- peers ----------------------------------------------------------------------------------------------------

    @Override
    public JsonNode card(String host) throws IOException {
        Path f = config.datastore().resolve(".hosts").resolve(Names.check("host", host) + ".json");
        if (!Files.exists(f)) {
            throw ApiException.notFound("host '" + host + "' has no agent card in " + f.getParent() + ": no agent of that name ever served this datastore");
        }
        return Json.MAPPER.readTree(f.toFile());
    }

    /** A client of another host's agent, pinned to the certificate its card names, signing with the datacenter secret. */
    @Override
    public AgentClient peer(String host) throws IOException {
        JsonNode c = card(host);
        return AgentClient.peer(c.path("url").asText(), c.path("fingerprint").asText(), peerAuth);
    }

    static String time(long millis) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).withNano(0)) + "Z";
    }

    // --- accessors ------------------------------------------------------------------------------------------------

    public AgentConfig config() {
        return config;
    }

    public String host() {
        return config.host();
    }

    public Credentials credentials() {
        return credentials;
    }

    public Events events() {
        return events;
    }

    Tasks tasks() {
        return tasks;
    }

    Alarms alarms() {
        return alarms;
    }

    Vms vms() {
        return vms;
    }

    PeerAuth peerAuth() {
        return peerAuth;
    }

    Datastore datastore() {
        return datastore;
    }

    @Override
    public void close() throws IOException {
        loops.shutdownNow();
        vms.close();
        try {
            Files.deleteIfExists(config.datastore().resolve(".hosts").resolve(config.host() + ".json"));
        } catch (IOException e) {
            // the card of a stopped agent only points at a closed port
        }
        datastore.close();
        medium.close();
    }
}
