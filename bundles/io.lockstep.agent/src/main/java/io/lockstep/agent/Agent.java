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
import io.lockstep.agent.api.DatastoreView;
import io.lockstep.agent.api.EventType;
import io.lockstep.agent.api.HostHeartbeat;
import io.lockstep.agent.api.HostInfo;
import io.lockstep.agent.api.LockOwner;
import io.lockstep.agent.api.LockView;
import io.lockstep.agent.api.MediumFile;
import io.lockstep.agent.api.NotificationCounts;
import io.lockstep.agent.api.RegistrationView;
import io.lockstep.agent.api.RegistrationsView;
import io.lockstep.agent.api.ReservationView;
import io.lockstep.agent.api.TimingView;
import io.lockstep.agent.client.AgentClient;
import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.cluster.records.HeartbeatRecord;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.records.LockRecord;
import io.lockstep.storage.CountingMedium;
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
    private final CountingMedium medium;
    private final HostNetwork network;
    private volatile boolean closed;
    private final Map<String, String[]> probeUrls = new HashMap<>();
    /** Whether each peer's agent answered a TCP connection at the last probe (host name → reached). */
    private final Map<String, Boolean> reached = new java.util.concurrent.ConcurrentHashMap<>();
    private final Datastore datastore;
    private final PeerAuth peerAuth;
    private final Events events = new Events();
    private final Tasks tasks;
    private final Alarms alarms;
    private final Vms vms;
    private final HistoryRecorder history;
    private final long started = System.currentTimeMillis();
    private final ScheduledExecutorService loops = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-watch");
        t.setDaemon(true);
        return t;
    });
    private final Map<Integer, long[]> seen = new HashMap<>(); // slot -> {generation, counter, nanoTime the counter last moved}
    private volatile List<HostHeartbeat> heartbeatView = List.of();
    private volatile List<LockView> lockView = List.of();
    private volatile String url;
    private volatile String fenced;

    private Agent(AgentConfig config) throws IOException {
        this.config = config;
        io.lockstep.storage.file.OwnerOnly.createDirectories(config.dataDir()); // 0700 when new: keys, token, identity (Credentials)
        this.identity = identity(config.dataDir(), config.host());
        this.credentials = Credentials.ensure(config.dataDir(), config.host());
        this.peerAuth = new PeerAuth(Credentials.secretText(config.secretFile(), 32), config.host());
        this.medium = new CountingMedium(Media.open(config.medium(), config.host())); // counts the writes the target refuses once fenced
        Datastore ds;
        try {
            ds = Datastore.mount(medium, identity, AcquisitionMode.bestFor(medium.capabilities())); // reserve where the target has no ATS, as VMFS does
        } catch (IOException | RuntimeException e) {
            medium.close();
            throw e;
        }
        this.datastore = ds;
        Files.createDirectories(hostCards());
        this.tasks = new Tasks(events, config.host());
        this.alarms = new Alarms(events);
        this.network = HostNetwork.of(config);
        network.dropLeftovers();
        this.vms = new Vms(config.host(), config.datastore(), config.dataDir(), config.guardPolicy(), network, ds, this::lockTable,
                this::locksChanged, this, events, alarms, tasks);
        this.history = new HistoryRecorder(config.host(), ds.sharedFileSystem().getPath("/.history"), HistoryRecorder.layout(), vms.here, alarms,
                () -> medium.counts().sectorIos());
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
        vms.provisioning.apiServing(java.net.URI.create(url).getPort());
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", config.host());
        card.put("uuid", identity.uuid().toString());
        card.put("url", url);
        card.put("fingerprint", credentials.fingerprint());
        card.put("pid", ProcessHandle.current().pid());
        card.put("started", started);
        card.put("sig", cardSignature(card));
        writeCard(card);
        Map<String, Object> self = new LinkedHashMap<>(card);
        self.put("tokenFile", credentials.tokenFile().toAbsolutePath().toString());
        self.put("slot", datastore.host().slot());
        writeJson(config.dataDir().resolve("agent.json"), self);
        loops.scheduleWithFixedDelay(this::watch, 500, 500, TimeUnit.MILLISECONDS);
        Thread storage = new Thread(this::watchStorage, "agent-storage-watch");
        storage.setDaemon(true);
        storage.setPriority(Thread.MAX_PRIORITY);
        storage.start();
        Thread probe = new Thread(this::probePeers, "agent-peer-probe");
        probe.setDaemon(true);
        probe.start();
        history.start();
        events.publish(EventType.HOST_UP, config.host(), Map.of("url", url, "slot", datastore.host().slot()));
    }

    /**
     * Writes this host's card, retrying for up to 10 s while another host has the old card open (a peer reading it
     * to reach this host: the replace waits for that reader to close it).
     */
    private void writeCard(Map<String, Object> card) throws IOException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                writeJson(hostCards().resolve(config.host() + ".json"), card);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                try {
                    Thread.sleep(100 + java.util.concurrent.ThreadLocalRandom.current().nextInt(200));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted writing the host card");
                }
            }
        }
    }

    /**
     * A host card's signature: HMAC-SHA256 under the datacenter secret over its name, identity, URL, certificate
     * fingerprint and start time, with its own purpose string (no API request signature is a valid card signature).
     * Peers trust a card for the URL they call and the certificate they pin, so whoever can write the datastore's
     * files but does not hold the secret cannot redirect them.
     */
    private String cardSignature(Map<String, ?> card) {
        return peerAuth.mac("lockstep-host-card-v1", card.get("name") + "\n" + card.get("uuid") + "\n" + card.get("url") + "\n"
                + card.get("fingerprint") + "\n" + card.get("started"));
    }

    /** Where the agents' cards are: on the datastore, which is all that hosts share. */
    private Path hostCards() {
        return datastore.sharedFileSystem().getPath("/.hosts");
    }

    static void writeJson(Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (var out = Files.newOutputStream(tmp)) { // closing it forces it
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, value);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Ten times a second, without I/O: has this host's heartbeat lapsed (its renewals failed for the self-fence time: it
     * cannot reach the storage)? Then its protected VMs stop here so their backups take over; an operator is told.
     */
    private void watchStorage() {
        boolean wasValid = true;
        while (!closed) {
            try {
                boolean valid = datastore.host().heartbeatValid();
                if (wasValid && !valid) {
                    String why = "its heartbeat on " + label() + " lapsed: no renewal for " + datastore.superblock().timing().selfFenceAfter().toMillis() + " ms";
                    LOG.log(System.Logger.Level.WARNING, config.host() + " lost the storage: " + why);
                    List<String> stopped = new ArrayList<>();
                    for (RunningVm r : vms.here.running()) {
                        if (r.live.storageLost(why)) {
                            stopped.add(r.name);
                        }
                    }
                    alarms.raise("host.storage", Severity.CRITICAL, config.host(), config.host() + " lost the storage (" + why + ")"
                            + (stopped.isEmpty() ? "" : "; protected VMs stopped here for their backups: " + String.join(", ", stopped)));
                } else if (!wasValid && valid) {
                    alarms.clear("host.storage");
                }
                wasValid = valid;
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // nothing ends this loop but the agent's end: a host that stopped watching its storage would not self-fence
                LOG.log(System.Logger.Level.ERROR, "watching the storage: " + e, e);
                pauseAfterError();
            }
        }
    }

    /** Once a second: can this host reach each peer's agent over the network (a TCP connection, 500 ms at most)? */
    private void probePeers() {
        while (!closed) {
            try {
                for (HostHeartbeat hb : heartbeatView) {
                    if (hb.host() == null || hb.host().equals(config.host()) || "free".equals(hb.state())) {
                        continue;
                    }
                    boolean ok;
                    try {
                        String[] known = probeUrls.get(hb.host());
                        if (known == null || System.nanoTime() - Long.parseLong(known[1]) > 10_000_000_000L) {
                            // the card is read again every 10 s at most: reading it holds it open, and its owner replaces it at start
                            known = new String[] {card(hb.host()).path("url").asText(), Long.toString(System.nanoTime())};
                            probeUrls.put(hb.host(), known);
                        }
                        java.net.URI u = java.net.URI.create(known[0]);
                        try (java.net.Socket s = new java.net.Socket()) {
                            s.connect(new java.net.InetSocketAddress(u.getHost(), u.getPort()), 500);
                            ok = true;
                        }
                    } catch (IOException | RuntimeException e) {
                        ok = false;
                        probeUrls.remove(hb.host()); // it may have restarted on another port: read its card again next time
                    }
                    Boolean was = reached.put(hb.host(), ok);
                    if (was != null && was != ok) {
                        LOG.log(System.Logger.Level.INFO, config.host() + (ok ? " reaches " : " no longer reaches ") + hb.host() + " over the network");
                    }
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "probing peers: " + e, e);
                pauseAfterError();
            }
        }
    }

    /** A loop that met an error waits a little before its next round, so a persistent one does not spin. */
    private static void pauseAfterError() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long ticks;
    private String publishedHeartbeats = "";
    private String publishedLocks = "";

    private void watch() {
        try {
            sample();
            String hbs = heartbeatSignature(heartbeatView);
            if (!hbs.equals(publishedHeartbeats)) {
                publishedHeartbeats = hbs;
                events.publish(EventType.DATASTORE_HEARTBEATS, label(), Map.of("heartbeats", heartbeatView));
            }
            String locks = lockSignature(lockView);
            if (!locks.equals(publishedLocks)) {
                publishedLocks = locks;
                events.publish(EventType.DATASTORE_LOCKS, label(), Map.of("locks", lockView));
            }
            for (HostHeartbeat hb : heartbeatView) {
                String host = hb.host();
                if (host == null || host.equals(config.host()) || !"live".equals(hb.state())) {
                    continue;
                }
                String id = "host." + host + ".heartbeat";
                if (!hb.live()) {
                    alarms.raise(id, Severity.WARNING, host, host + " stopped heartbeating on " + label() + " (" + hb.ageMillis()
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

    /** What an operator sees change in the heartbeats (ages move all the time: they are not part of it). */
    private static String heartbeatSignature(List<HostHeartbeat> rows) {
        StringBuilder b = new StringBuilder();
        for (HostHeartbeat h : rows) {
            b.append(h.slot()).append('|').append(h.host()).append('|').append(h.state()).append('|').append(h.generation()).append('|')
                    .append(h.live()).append('\n');
        }
        return b.toString();
    }

    private static String lockSignature(List<LockView> rows) {
        StringBuilder b = new StringBuilder();
        for (LockView l : rows) {
            b.append(l.index()).append('|').append(l.entity()).append('|').append(l.mode()).append('|').append(l.generation()).append('|');
            for (LockOwner o : l.owners()) {
                b.append(o.slot()).append('/').append(o.heartbeatGeneration()).append('/').append(o.live()).append(',');
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
        List<HostHeartbeat> hbs = new ArrayList<>();
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
            hbs.add(new HostHeartbeat(r.slot(), r.hostName(), r.owner() == null ? null : r.owner().toString(), r.state().name().toLowerCase(),
                    r.generation(), r.counter(), r.slot() == datastore.host().slot() ? 0 : age, live,
                    r.fencedBy() == HeartbeatRecord.NOBODY ? null : r.fencedBy(), null, null, null, null));
            if (r.slot() != datastore.host().slot()) {
                datastore.host().observe(r); // the lease breaker judges a dead holder from what this loop saw, not from when it started to look
            }
        }
        List<LockView> locks = new ArrayList<>();
        long wall = System.currentTimeMillis();
        for (Cluster.Read<LockRecord> read : cluster.locks()) {
            LockRecord l = read.record();
            if (l == null || l.unused() || l.owners().isEmpty()) {
                continue;
            }
            List<LockOwner> owners = new ArrayList<>();
            for (LockRecord.Owner o : l.owners()) {
                boolean current = Objects.equals(generations.get(o.slot()), o.heartbeatGeneration());
                owners.add(new LockOwner(o.slot(), names.get(o.slot()), o.heartbeatGeneration(), o.acquiredAtMillis(),
                        Math.max(0, wall - o.acquiredAtMillis()), current && Boolean.TRUE.equals(liveness.get(o.slot())),
                        !current ? "the owner restarted or was fenced since it took the lock" : null));
            }
            locks.add(new LockView(l.index(), l.entity(), l.kind().label(), l.mode().label(), l.generation(), owners));
        }
        heartbeatView = hbs;
        lockView = locks;
    }

    // --- views --------------------------------------------------------------------------------------------------

    String label() {
        String l = datastore.superblock().label();
        return l == null || l.isBlank() ? "datastore" : l;
    }

    List<LockView> lockTable() throws IOException {
        fresh();
        return lockView;
    }

    List<HostHeartbeat> heartbeats() throws IOException {
        fresh();
        return heartbeatView;
    }

    HostInfo hostView() {
        return new HostInfo(config.host(), identity.uuid().toString(), VERSION, url, credentials.fingerprint(), ProcessHandle.current().pid(), started,
                System.currentTimeMillis() - started, datastore.host().slot(), datastore.host().heartbeatGeneration(), datastore.host().heartbeatValid(),
                fenced, medium.uri(), vms.store.root().toUri().toString(), vms.here.running().size(),
                vms.here.backupNames().size(), System.getProperty("java.version"), medium.refusedWrites());
    }

    /** Every host with a heartbeat on the medium, with the address of its agent when it published one. */
    List<HostHeartbeat> hosts() throws IOException {
        List<HostHeartbeat> out = new ArrayList<>();
        for (HostHeartbeat hb : heartbeats()) {
            String url = null;
            String fingerprint = null;
            try {
                JsonNode card = card(hb.host());
                url = card.path("url").asText();
                fingerprint = card.path("fingerprint").asText();
            } catch (ApiException | IOException e) {
                // a host that never served an agent here: no address
            }
            String address = null;
            try {
                address = url == null || url.isEmpty() ? null : java.net.URI.create(url).getHost();
            } catch (IllegalArgumentException e) {
                // a card with a bad URL: no address
            }
            out.add(new HostHeartbeat(hb.slot(), hb.host(), hb.uuid(), hb.state(), hb.generation(), hb.counter(), hb.ageMillis(), hb.live(),
                    hb.fencedBy(), url, fingerprint, address, hb.host() != null && hb.host().equals(config.host()) ? null : reached.get(hb.host())));
        }
        return out;
    }

    List<DatastoreView> datastores() throws IOException {
        io.lockstep.cluster.Timing t = datastore.superblock().timing();
        Datastore.Stats st = datastore.stats();
        return List.of(new DatastoreView(label(), datastore.superblock().uuid().toString(), medium.uri(), medium.sectorSize(),
                medium.sectorCount() * medium.sectorSize(),
                new TimingView(t.ioTimeout().toMillis(), t.heartbeatInterval().toMillis(), t.leaseTimeout().toMillis()), datastore.superblock().slots(),
                vms.store.root().toUri().toString(), heartbeats().stream().filter(HostHeartbeat::live).map(HostHeartbeat::host).toList(),
                new NotificationCounts(st.notificationsSent(), null, st.notificationsReceived(), null)));
    }

    void requireDatastore(String name) {
        if (!name.equals(label())) {
            throw ApiException.notFound("no datastore '" + Names.printable(name) + "' here; this host mounts '" + label() + "'");
        }
    }

    RegistrationsView registrations() throws IOException {
        PrKeys keys = medium.readKeys();
        PrReservation res = medium.readReservation();
        Map<Long, String> byKey = new HashMap<>();
        for (HostHeartbeat hb : heartbeats()) {
            if (hb.host() != null && hb.uuid() != null) {
                byKey.put(HostIdentity.registrationKey(UUID.fromString(hb.uuid())), hb.host());
            }
        }
        List<RegistrationView> regs = new ArrayList<>();
        for (long k : keys.keys()) {
            regs.add(new RegistrationView(String.format("0x%016x", k), byKey.get(k)));
        }
        ReservationView rv = res.present()
                ? new ReservationView(true, String.format("0x%016x", res.key()), byKey.get(res.key()), res.type().toString())
                : new ReservationView(false, null, null, null);
        Datastore.Stats st = datastore.stats();
        return new RegistrationsView(keys.generation(), regs, rv,
                new NotificationCounts(st.notificationsSent(), st.preemptsSent(), st.notificationsReceived(), st.directoryRefreshes()));
    }

    /** The virtual disks on the medium (its directory) with their virtual reservations. */
    List<MediumFile> mediumFiles() throws IOException {
        Map<Integer, String> hostOfSlot = new HashMap<>();
        for (HostHeartbeat h : heartbeats()) {
            hostOfSlot.put(h.slot(), h.host());
        }
        List<MediumFile> out = new ArrayList<>();
        for (io.lockstep.cluster.datastore.DatastoreFiles.FileInfo f : datastore.fs().describe()) {
            DirectoryEntry e = f.entry();
            var vdr = e.isDirectory() ? null : datastore.vdr(e.index());
            boolean reserved = vdr != null && !vdr.initiators().isEmpty(); // a clustered disk some guest has used
            List<String> held = f.owner() == null ? null : f.owner().owners().stream()
                    .map(o -> hostOfSlot.getOrDefault(o.slot(), "slot " + o.slot()) + " (" + f.owner().mode().label() + ")").toList();
            out.add(new MediumFile(e.name(), e.kind().label(), e.sizeBytes() / datastore.superblock().sectorSize(), e.sizeBytes(), e.blocks(),
                    e.extentCount(), e.modifiedMillis(), held, reserved ? List.copyOf(vdr.initiators()) : null,
                    reserved && vdr.state() != null ? vdr.state().toString() : null));
        }
        return out;
    }

    // --- peers ----------------------------------------------------------------------------------------------------

    @Override
    public JsonNode card(String host) throws IOException {
        Path f = hostCards().resolve(Names.check("host", host) + ".json");
        if (!Files.exists(f)) {
            throw ApiException.notFound("host '" + host + "' has no agent card in " + f.getParent() + ": no agent of that name ever served this datastore");
        }
        JsonNode c;
        try (var in = Files.newInputStream(f)) {
            c = Json.MAPPER.readTree(in);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String k : List.of("name", "uuid", "url", "fingerprint", "started")) {
            fields.put(k, c.path(k).asText());
        }
        String sig = c.path("sig").asText("");
        if (!java.security.MessageDigest.isEqual(cardSignature(fields).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiException(502, "the card of host '" + host + "' (" + f + ") is not signed with this datacenter's secret "
                    + (sig.isEmpty() ? "(no sig)" : "(sig does not match)") + ": not trusted for its URL and certificate", null);
        }
        if (!host.equals(c.path("name").asText())) {
            throw new ApiException(502, "the card " + f + " names host '" + Names.printable(c.path("name").asText()) + "', expected '" + host + "'", null);
        }
        return c;
    }

    /** A client of another host's agent, pinned to the certificate its card names, signing with the datacenter secret. */
    @Override
    public AgentClient peer(String host) throws IOException {
        JsonNode c = card(host);
        return AgentClient.peer(c.path("url").asText(), c.path("fingerprint").asText(), peerAuth.to(host));
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

    HistoryRecorder history() {
        return history;
    }

    PeerAuth peerAuth() {
        return peerAuth;
    }

    Datastore datastore() {
        return datastore;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        loops.shutdownNow();
        history.close(); // the open rows saved before the VMs stop
        vms.close();
        try {
            Files.deleteIfExists(hostCards().resolve(config.host() + ".json"));
        } catch (IOException e) {
            // the card of a stopped agent only points at a closed port
        }
        datastore.close();
        medium.close();
    }
}
