package io.lockstep.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.Alarms.Severity;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.Lease;
import io.lockstep.cluster.LockMode;
import io.lockstep.ft.Backup;
import io.lockstep.ft.FtDisk;
import io.lockstep.ft.FtMode;
import io.lockstep.ft.FtOptions;
import io.lockstep.ft.FtState;
import io.lockstep.ft.FtStats;
import io.lockstep.ft.FtStatus;
import io.lockstep.ft.FtTiming;
import io.lockstep.ft.GoLive;
import io.lockstep.ft.LiveVm;
import io.lockstep.ft.PrimarySession;
import io.lockstep.vdisk.BlockDevice;
import io.lockstep.vdisk.DiskChain;
import io.lockstep.vm.Checkpoints;
import io.lockstep.vm.GuestRegistry;
import io.lockstep.vm.Vm;

/**
 * The VMs of the datacenter as this agent sees and runs them. A VM is a folder on the shared datastore directory
 * ({@code vm.json}, its VMDK chain, its checkpoints). Running it here means holding, on the shared medium, the
 * exclusive lock on its {@code vm.json} (one host runs a VM) and the lock on its disk (exclusive; multi-writer
 * while it is an FT pair, whose backup holds it too) — as VMFS hosts lock a VM's files. Who runs a VM is read
 * from those locks, so every agent answers truthfully about VMs that run elsewhere.
 */
final class VmManager implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(VmManager.class.getName());
    static final long TIMER_MILLIS = 50;

    /** What {@code vm.json} holds: fixed when the VM is created. */
    record VmConfig(String name, String guest, long memoryMiB, long diskMiB, int port, long created, String createdOn, String wwpn, String wwnn,
            String iqn, List<String> luns) {
        VmConfig {
            luns = luns == null ? List.of() : List.copyOf(luns);
        }

        VmConfig withLuns(List<String> l) {
            return new VmConfig(name, guest, memoryMiB, diskMiB, port, created, createdOn, wwpn, wwnn, iqn, l);
        }

        /** The VM's SAN identity (null for a VM created before identities existed). */
        io.lockstep.san.SanIdentity san() {
            return wwpn == null ? null : new io.lockstep.san.SanIdentity(io.lockstep.san.Wwn.parse(wwpn), io.lockstep.san.Wwn.parse(wwnn), iqn);
        }
    }

    /** A VM that runs on this host (started here, or taken over here as an FT backup that went live). */
    final class Running {
        final String name;
        final VmConfig config;
        final Path dir;
        final Vm vm;
        final FtDisk disk;
        final LiveVm live;
        volatile Checkpoints checkpoints;
        volatile Lease configLease;
        volatile Lease diskLease;
        volatile String peer; // the backup's host while protected
        volatile FtOptions ftOptions;
        volatile Tasks.Task protectTask;
        volatile boolean operatorUnprotect;
        volatile boolean suspended;
        volatile boolean suspendedByGuard;
        volatile io.lockstep.guard.Guard guard;
        final List<io.lockstep.storage.Medium> lunSessions = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile String origin;
        long lastEpochs;
        long lastSample = System.nanoTime();
        volatile double epochRate;

        Running(VmConfig config, Path dir, Vm vm, FtDisk disk, LiveVm live) {
            this.name = config.name();
            this.config = config;
            this.dir = dir;
            this.vm = vm;
            this.disk = disk;
            this.live = live;
        }

        Checkpoints checkpoints() throws IOException {
            Checkpoints c = checkpoints;
            if (c == null) {
                synchronized (this) {
                    if (checkpoints == null) {
                        checkpoints = new Checkpoints(dir, vm);
                    }
                    c = checkpoints;
                }
            }
            return c;
        }
    }

    /** This host as the FT backup of a VM that runs elsewhere. */
    final class BackupRole {
        final String name;
        final VmConfig config;
        final String primary;
        final Backup backup;
        volatile Lease diskLease;

        BackupRole(VmConfig config, String primary, Backup backup, Lease diskLease) {
            this.name = config.name();
            this.config = config;
            this.primary = primary;
            this.backup = backup;
            this.diskLease = diskLease;
        }
    }

    private final Agent agent;
    private final Path root;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, BackupRole> backups = new ConcurrentHashMap<>();
    private final Map<String, String> notes = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "agent-task");
        t.setDaemon(true);
        return t;
    });
    private final Path history;

    VmManager(Agent agent) throws IOException {
        this.agent = agent;
        this.root = agent.config().datastore();
        this.history = agent.config().dataDir().resolve("ran.json");
        recoverHistory();
    }

    // --- what ran here before a restart -------------------------------------------------------------------------

    private void recoverHistory() throws IOException {
        if (!Files.exists(history)) {
            return;
        }
        JsonNode h = Json.MAPPER.readTree(history.toFile());
        h.fields().forEachRemaining(e -> {
            if (e.getValue().path("state").asText().equals("running")) {
                notes.put(e.getKey(), "the agent of " + agent.host() + " restarted (" + Agent.time(System.currentTimeMillis()) + ") while "
                        + e.getKey() + " ran here since " + Agent.time(e.getValue().path("since").asLong()) + "; it stopped with the agent and was not "
                        + "restarted");
            }
        });
        saveHistory();
    }

    private synchronized void saveHistory() {
        Map<String, Object> h = new TreeMap<>();
        for (Running r : running.values()) {
            h.put(r.name, Map.of("state", "running", "since", System.currentTimeMillis()));
        }
        try {
            Path tmp = history.resolveSibling("ran.json.tmp");
            Json.MAPPER.writeValue(tmp.toFile(), h);
            Files.move(tmp, history, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not record the VMs that run here in " + history + ": " + e.getMessage());
        }
    }

    // --- folders ----------------------------------------------------------------------------------------------

    Path folder(String name) {
        return root.resolve(Names.check("vm", name));
    }

    VmConfig config(String name) throws IOException {
        Path f = folder(name).resolve("vm.json");
        if (!Files.exists(f)) {
            throw ApiException.notFound("no VM '" + name + "' on datastore " + root);
        }
        return Json.MAPPER.readValue(f.toFile(), VmConfig.class);
    }

    List<String> names() throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> d = Files.newDirectoryStream(root)) {
            for (Path p : d) {
                if (Files.exists(p.resolve("vm.json"))) {
                    out.add(p.getFileName().toString());
                }
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    static String configEntity(String vm) {
        return vm + "/vm.json";
    }

    static String diskEntity(String vm) {
        return vm + "/disk.vmdk";
    }

    // --- create and delete --------------------------------------------------------------------------------------

    Map<String, Object> create(Body b) throws IOException {
        b.only("name", "guest", "memoryMiB", "diskMiB", "port", "wwpn", "wwnn");
        String name = Names.check("name", b.text("name", null));
        String guest = b.text("guest", "kv");
        String spec;
        try {
            spec = GuestRegistry.create(guest).spec();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("guest", "guest: " + e.getMessage());
        }
        long memory = b.integer("memoryMiB", 64, 4, 4096);
        long disk = b.integer("diskMiB", 64, 1, 65_536);
        int port = (int) b.integer("port", 0, 0, 65_535);
        if (port != 0 && port < 1024) {
            throw ApiException.badRequest("port", "port: expected 1024 to 65535 (or 0 to choose a free one), found " + port);
        }
        if (port == 0) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
        }
        io.lockstep.san.SanIdentity san = identity(name, b);
        Path dir = folder(name);
        Files.createDirectories(root);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw ApiException.conflict("a VM named '" + name + "' exists already on datastore " + root);
        }
        try {
            DiskChain.create(dir.resolve(name + ".vmdk"), disk << 20);
            VmConfig c = new VmConfig(name, spec, memory, disk, port, System.currentTimeMillis(), agent.host(), san.wwpn().toString(),
                    san.wwnn().toString(), san.iqn(), List.of());
            Path tmp = dir.resolve("vm.json.tmp");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), c);
            Files.move(tmp, dir.resolve("vm.json"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
        notes.remove(name);
        agent.events().publish("vm.created", name, Map.of("host", agent.host()));
        return view(name);
    }

    /**
     * The new VM's SAN identity: the WWPN and WWNN given (checked: NAA 5/6, distinct, not another VM's), or a
     * fresh one unlike every other VM's. It is written to vm.json, so it moves with the VM.
     */
    private io.lockstep.san.SanIdentity identity(String name, Body b) throws IOException {
        java.util.List<io.lockstep.san.SanIdentity.Owned> others = new ArrayList<>();
        java.util.List<io.lockstep.san.Wwn> taken = new ArrayList<>();
        for (String n : names()) {
            try {
                io.lockstep.san.SanIdentity s = config(n).san();
                if (s != null) {
                    others.add(new io.lockstep.san.SanIdentity.Owned(n, s));
                    taken.add(s.wwpn());
                    taken.add(s.wwnn());
                }
            } catch (ApiException | IllegalArgumentException e) {
                // a VM folder without a readable identity takes none
            }
        }
        String wwpn = b.text("wwpn", null);
        String wwnn = b.text("wwnn", null);
        io.lockstep.san.SanIdentity san;
        if (wwpn == null && wwnn == null) {
            san = io.lockstep.san.SanIdentity.generate(name, java.util.UUID.randomUUID().toString(), taken);
        } else {
            if (wwpn == null || wwnn == null) {
                throw ApiException.badRequest(wwpn == null ? "wwpn" : "wwnn", "wwpn and wwnn: expected both or neither (a fresh identity is made "
                        + "when neither is given)");
            }
            io.lockstep.san.Wwn p;
            io.lockstep.san.Wwn n;
            try {
                p = io.lockstep.san.Wwn.parse(wwpn);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("wwpn", "wwpn: " + e.getMessage());
            }
            try {
                n = io.lockstep.san.Wwn.parse(wwnn);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("wwnn", "wwnn: " + e.getMessage());
            }
            try {
                san = new io.lockstep.san.SanIdentity(p, n, io.lockstep.san.SanIdentity.IQN_PREFIX + name + "." + Long.toHexString(p.value()).substring(7, 15));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("wwnn", e.getMessage());
            }
        }
        try {
            io.lockstep.san.SanIdentity.requireUnique(san, name, others);
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage());
        }
        return san;
    }

    Map<String, Object> delete(String name) throws IOException {
        config(name);
        Where w = where(name);
        if (w.host != null && !w.previousLife) {
            throw ApiException.conflict(name + " is powered on at " + w.host + " (it holds the lock on " + configEntity(name) + "); power it off first");
        }
        if (backups.containsKey(name)) {
            throw ApiException.conflict(name + " has its FT backup on this host; unprotect it first");
        }
        deleteTree(folder(name));
        notes.remove(name);
        agent.events().publish("vm.deleted", name, Map.of("host", agent.host()));
        return Map.of("deleted", name);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // --- where a VM runs ----------------------------------------------------------------------------------------

    /** The host that holds a VM's config lock, whether that host's heartbeat is live, and since when it holds it. */
    record Where(String host, boolean live, long heldSince, boolean previousLife) {
    }

    Where where(String name) throws IOException {
        Running r = running.get(name);
        if (r != null) {
            return new Where(agent.host(), true, 0, false);
        }
        for (Map<String, Object> lock : agent.lockTable()) {
            if (configEntity(name).equals(lock.get("entity"))) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> owners = (List<Map<String, Object>>) lock.get("owners");
                if (!owners.isEmpty()) {
                    Map<String, Object> o = owners.get(0);
                    return new Where((String) o.get("host"), Boolean.TRUE.equals(o.get("live")), ((Number) o.get("acquiredAt")).longValue(),
                            o.get("stale") != null);
                }
            }
        }
        return new Where(null, false, 0, false);
    }

    // --- views --------------------------------------------------------------------------------------------------

    List<Map<String, Object>> list() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String n : names()) {
            try {
                out.add(view(n));
            } catch (ApiException e) {
                // deleted meanwhile
            }
        }
        return out;
    }

    Map<String, Object> view(String name) throws IOException {
        VmConfig c = config(name);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("guest", c.guest());
        m.put("memoryMiB", c.memoryMiB());
        m.put("diskMiB", c.diskMiB());
        m.put("port", c.port());
        if (c.wwpn() != null) {
            Map<String, Object> san = new LinkedHashMap<>();
            san.put("wwpn", c.wwpn());
            san.put("wwnn", c.wwnn());
            san.put("iqn", c.iqn());
            san.put("initiator", io.lockstep.san.Wwn.parse(c.wwpn()).initiatorName());
            m.put("san", san);
        }
        m.put("luns", c.luns());
        Running r = running.get(name);
        Where w = where(name);
        if (r != null) {
            m.put("powerState", r.suspended ? "suspended" : r.live.protection() == LiveVm.Protection.HALTED ? "halted" : "poweredOn");
            m.put("host", agent.host());
            m.put("position", r.vm.position());
        } else if (w.host != null && (w.previousLife || w.host.equals(agent.host()))) {
            // the lock is from before its owner restarted or was fenced: the VM does not run there (a running VM dies with its host)
            m.put("powerState", "poweredOff");
            m.put("host", null);
            m.put("note", w.host + "'s lock on " + configEntity(name) + " is from before " + w.host + " restarted or was fenced; " + name
                    + " does not run there");
        } else if (w.host != null) {
            m.put("powerState", w.live ? "poweredOn" : "unknown");
            m.put("host", w.host);
            if (!w.live) {
                m.put("note", w.host + " holds the lock on " + configEntity(name) + " but its heartbeat stopped; the lock is broken by the "
                        + "next host that powers it on");
            }
        } else {
            m.put("powerState", "poweredOff");
            m.put("host", null);
        }
        String note = notes.get(name);
        if (note != null && (!m.containsKey("note") || "poweredOff".equals(m.get("powerState")))) {
            Object at = m.get("host");
            if (r == null && at != null && !at.equals(agent.host())) {
                note = note.replaceFirst("; it stopped with the agent and was not restarted", "") + "; it runs on " + at + " now";
            }
            m.put("note", note);
        }
        m.put("ft", ftView(name, r));
        m.put("disk", diskView(name));
        return m;
    }

    Map<String, Object> ftView(String name, Running r) {
        Map<String, Object> ft = new LinkedHashMap<>();
        BackupRole b = backups.get(name);
        if (r != null && r.live.session() != null && r.peer != null) {
            ft.put("role", "primary");
            ft.put("state", r.live.protection().name().toLowerCase());
            ft.put("backup", r.peer);
            ft.put("mode", r.ftOptions.mode().name().toLowerCase());
            ft.put("epochMillis", r.ftOptions.epochMillis());
            ft.put("reason", r.live.reason());
            ft.put("stats", stats(r));
        } else if (b != null) {
            ft.put("role", "backup");
            ft.put("state", b.backup.state().name().toLowerCase());
            ft.put("primary", b.primary);
        } else {
            ft.put("role", "none");
            ft.put("state", r == null ? "none" : r.live.protection().name().toLowerCase());
            if (r != null) {
                ft.put("reason", r.live.reason());
            }
        }
        return ft;
    }

    Map<String, Object> stats(Running r) {
        FtStats st = r.live.stats();
        PrimarySession s = r.live.session();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", st.epochs());
        m.put("epochRate", Math.round(r.epochRate * 10) / 10.0);
        m.put("pauseP50Micros", st.pausePercentile(50) / 1000);
        m.put("pauseP99Micros", st.pausePercentile(99) / 1000);
        m.put("pagesSent", st.pagesSent());
        m.put("diffPages", st.diffPages());
        m.put("pageBytes", st.pageBytes());
        m.put("pageBytesIfWhole", st.pageBytesIfWhole());
        m.put("eventsSent", st.eventsSent());
        m.put("diskWritesSent", st.diskWritesSent());
        m.put("lagMillis", s == null ? 0.0 : Math.round(s.lagMillis() * 10) / 10.0);
        m.put("cpuShare", Math.round(r.vm.cpuShare() * 1000) / 1000.0);
        m.put("position", r.vm.position());
        return m;
    }

    Map<String, Object> diskView(String name) {
        Map<String, Object> d = new LinkedHashMap<>();
        Path dir = folder(name);
        try {
            Path top = Checkpoints.runningDisk(dir);
            if (top == null) {
                top = dir.resolve(name + ".vmdk");
            }
            d.put("running", top.getFileName().toString());
            List<Map<String, Object>> chain = new ArrayList<>();
            Path p = top;
            for (int depth = 0; p != null && Files.exists(p) && depth < DiskChain.MAX_DEPTH; depth++) {
                Map<String, Object> layer = new LinkedHashMap<>();
                layer.put("file", p.getFileName().toString());
                layer.put("bytes", Files.size(p));
                chain.add(layer);
                p = DiskChain.parentOf(p);
            }
            d.put("chain", chain);
        } catch (IOException e) {
            d.put("error", e.getMessage());
        }
        return d;
    }

    // --- power --------------------------------------------------------------------------------------------------

    Map<String, Object> powerOn(String name) throws IOException, InterruptedException {
        VmConfig c = config(name);
        if (running.containsKey(name)) {
            throw ApiException.conflict(name + " is powered on here already");
        }
        if (backups.containsKey(name)) {
            throw ApiException.conflict(name + " has its FT backup on this host; a VM cannot run where its backup runs");
        }
        Lease configLease = acquire(configEntity(name), LockMode.EXCLUSIVE, name);
        Lease diskLease;
        try {
            diskLease = acquire(diskEntity(name), LockMode.EXCLUSIVE, name);
        } catch (RuntimeException | IOException e) {
            configLease.close();
            throw e;
        }
        Path dir = folder(name);
        DiskChain chain = null;
        List<io.lockstep.storage.Medium> sessions = new ArrayList<>();
        try {
            loginLuns(c, sessions);
            Path top = Checkpoints.runningDisk(dir);
            chain = DiskChain.open(top == null ? dir.resolve(name + ".vmdk") : top, true);
            Vm vm = new Vm(name, GuestRegistry.create(c.guest()), c.memoryMiB() << 20, chain, 1.0);
            FtDisk ft = new FtDisk(chain, vm::position);
            vm.setDisk(ft);
            Running[] self = new Running[1];
            LiveVm live = new LiveVm(name, vm, ft, c.port(), 1, TIMER_MILLIS, new GoLive(agent.datastore(), name), true,
                    st -> primaryStatus(self[0], name, st));
            Running r = new Running(c, dir, vm, ft, live);
            self[0] = r;
            r.configLease = configLease;
            r.diskLease = diskLease;
            r.lunSessions.addAll(sessions);
            r.origin = "powered on";
            running.put(name, r);
            guard(r);
        } catch (IOException | RuntimeException e) {
            if (chain != null) {
                chain.close();
            }
            for (io.lockstep.storage.Medium m : sessions) {
                m.close();
            }
            configLease.close();
            diskLease.close();
            throw e;
        }
        notes.remove(name);
        saveHistory();
        agent.events().publish("vm.power", name, Map.of("powerState", "poweredOn", "host", agent.host()));
        return view(name);
    }

    private Lease acquire(String entity, LockMode mode, String vm) throws IOException {
        Duration wait = agent.datastore().superblock().timing().lockWait();
        try {
            Lease l = agent.datastore().host().acquire(entity, EntityKind.FILE, mode, wait);
            agent.locksChanged();
            return l;
        } catch (io.lockstep.cluster.LockBusyException e) {
            agent.locksChanged();
            Where w = where(vm);
            throw ApiException.conflict(vm + ": the lock on " + entity + " is held" + (w.host == null ? "" : " by " + w.host)
                    + " (" + e.getMessage() + "); is it powered on elsewhere?");
        }
    }

    Map<String, Object> powerOff(String name) throws IOException, InterruptedException {
        Running r = requireRunning(name);
        if (r.peer != null && r.live.session() != null && !r.live.session().ended()) {
            unprotect(name);
        }
        stopRunning(r, "powered off");
        agent.events().publish("vm.power", name, Map.of("powerState", "poweredOff", "host", agent.host()));
        return view(name);
    }

    private void stopRunning(Running r, String why) {
        running.remove(r.name, r);
        io.lockstep.guard.Guard g = r.guard;
        if (g != null) {
            g.close();
        }
        try {
            Checkpoints c = r.checkpoints;
            if (c != null) {
                c.close();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, r.name + ": closing its checkpoints: " + e.getMessage());
        }
        try {
            r.live.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, r.name + ": stopping it: " + e.getMessage());
        }
        try {
            BlockDevice.innermost(r.vm.disk()).close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, r.name + ": closing its disk: " + e.getMessage());
        }
        for (io.lockstep.storage.Medium m : r.lunSessions) {
            try {
                m.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, r.name + ": logging out of " + m.uri() + ": " + e.getMessage());
            }
        }
        r.lunSessions.clear();
        releaseQuietly(r.configLease);
        releaseQuietly(r.diskLease);
        saveHistory();
        LOG.log(System.Logger.Level.INFO, r.name + ": " + why);
    }

    private void releaseQuietly(Lease l) {
        agent.locksChanged();
        if (l != null) {
            try {
                l.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "releasing " + l.entity() + ": " + e.getMessage());
            }
        }
    }

    Map<String, Object> suspend(String name) throws IOException, InterruptedException {
        Running r = requireRunning(name);
        if (r.live.protection() == LiveVm.Protection.PROTECTED || r.live.protection() == LiveVm.Protection.SYNCING) {
            throw ApiException.conflict(name + " is an FT primary (" + r.live.protection().name().toLowerCase() + "); unprotect it before suspending it");
        }
        if (r.suspended) {
            throw ApiException.conflict(name + " is suspended already");
        }
        r.vm.pause();
        r.suspended = true;
        agent.events().publish("vm.power", name, Map.of("powerState", "suspended", "host", agent.host()));
        return view(name);
    }

    Map<String, Object> resume(String name) throws IOException {
        Running r = requireRunning(name);
        if (!r.suspended) {
            throw ApiException.conflict(name + " is not suspended");
        }
        r.vm.resume();
        r.suspended = false;
        agent.events().publish("vm.power", name, Map.of("powerState", "poweredOn", "host", agent.host()));
        return view(name);
    }

    Running requireRunning(String name) throws IOException {
        config(name);
        Running r = running.get(name);
        if (r == null) {
            Where w = where(name);
            throw ApiException.conflict(name + " is not powered on at " + agent.host() + (w.host == null ? " (it is powered off)" : " (it runs at " + w.host + ")"));
        }
        return r;
    }

    // --- LUNs seen through the VM's own SAN identity ------------------------------------------------------------

    Path lunFile(String lun) {
        return root.resolve("luns").resolve(Names.check("lun", lun) + ".lun");
    }

    /** Creates a LUN on the datastore's target, presented only to the given initiators (a storage administrator's step). */
    Map<String, Object> createLun(Body b) throws IOException {
        b.only("name", "sizeMiB", "presentedTo");
        String name = Names.check("name", b.text("name", null));
        long size = b.integer("sizeMiB", 16, 1, 65_536);
        List<String> to = b.texts("presentedTo");
        Path f = lunFile(name);
        if (Files.exists(f)) {
            throw ApiException.conflict("a LUN named '" + name + "' exists already");
        }
        Files.createDirectories(f.getParent());
        io.lockstep.storage.file.FileMedium.create(f, 512, (size << 20) / 512);
        try {
            io.lockstep.storage.file.FileMedium.mask(f, to);
        } catch (IllegalArgumentException e) {
            Files.deleteIfExists(f);
            throw ApiException.badRequest("presentedTo", "presentedTo: " + e.getMessage());
        }
        return lunView(name);
    }

    Map<String, Object> lunView(String name) throws IOException {
        Path f = lunFile(name);
        if (!Files.exists(f)) {
            throw ApiException.notFound("no LUN '" + name + "'");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("sizeBytes", io.lockstep.storage.file.FileMedium.header(f).sectorCount() * 512);
        m.put("presentedTo", List.copyOf(io.lockstep.storage.file.FileMedium.presentedTo(f)));
        return m;
    }

    List<Map<String, Object>> luns() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        Path dir = root.resolve("luns");
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".lun")).sorted().toList()) {
                    out.add(lunView(p.getFileName().toString().replaceFirst("\\.lun$", "")));
                }
            }
        }
        return out;
    }

    /** Attaches a LUN to a VM (written to vm.json; the VM logs in to it with its own identity when powered on). */
    Map<String, Object> attachLun(String vm, Body b) throws IOException {
        b.only("lun");
        String lun = Names.check("lun", b.text("lun", null));
        lunView(lun);
        VmConfig c = config(vm);
        if (running.containsKey(vm)) {
            throw ApiException.conflict(vm + " is powered on; attach LUNs while it is off");
        }
        if (!c.luns().contains(lun)) {
            List<String> l = new ArrayList<>(c.luns());
            l.add(lun);
            Path tmp = folder(vm).resolve("vm.json.tmp");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), c.withLuns(l));
            Files.move(tmp, folder(vm).resolve("vm.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return view(vm);
    }

    /** Logs the VM in to each of its LUNs as its own initiator; a LUN not presented to it refuses, and power-on fails saying so. */
    private void loginLuns(VmConfig c, List<io.lockstep.storage.Medium> sessions) throws IOException {
        if (c.luns().isEmpty()) {
            return;
        }
        String initiator = io.lockstep.san.Wwn.parse(c.wwpn()).initiatorName();
        for (String lun : c.luns()) {
            try {
                sessions.add(io.lockstep.storage.file.FileMedium.open(lunFile(lun), initiator));
            } catch (io.lockstep.storage.ScsiException e) {
                throw ApiException.conflict(c.name() + " cannot power on: LUN '" + lun + "' refused its initiator " + initiator + ": " + e.getMessage());
            }
        }
    }

    // --- the DoS guard's policy -------------------------------------------------------------------------------

    private void guard(Running r) {
        if (!agent.config().guardPolicy().equals("off")) {
            r.guard = new io.lockstep.guard.Guard(r.name, r.live.nic(), io.lockstep.guard.Thresholds.defaults(), new io.lockstep.guard.Guard.Listener() {
                @Override
                public void attackStarted(String vm, String reason, io.lockstep.guard.TrafficMonitor.Rates rates) {
                    onAttack(vm, reason);
                }

                @Override
                public void attackEnded(String vm, long lastedMillis) {
                    onAttackOver(vm, lastedMillis);
                }
            });
        }
    }

    /** Suspends what the policy names; an FT primary is never suspended (its backup would have to take over first). */
    private void onAttack(String vm, String reason) {
        long detected = System.currentTimeMillis();
        List<String> suspended = new ArrayList<>();
        List<String> spared = new ArrayList<>();
        for (Running r : List.copyOf(running.values())) {
            boolean underAttack = r.name.equals(vm);
            boolean named = agent.config().guardPolicy().equals("target") ? underAttack : !underAttack; // "others": the rest of the host
            if (!named) {
                continue;
            }
            LiveVm.Protection p = r.live.protection();
            if (p == LiveVm.Protection.PROTECTED || p == LiveVm.Protection.SYNCING) {
                spared.add(r.name + " (an FT primary)");
                continue;
            }
            if (r.suspended) {
                continue;
            }
            try {
                r.vm.pause();
                r.suspended = true;
                r.suspendedByGuard = true;
                suspended.add(r.name);
                agent.events().publish("vm.power", r.name, Map.of("powerState", "suspended", "host", agent.host(), "by", "guard"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        String text = vm + " is under attack (" + reason + ")" + (suspended.isEmpty() ? "" : "; suspended: " + String.join(", ", suspended))
                + (spared.isEmpty() ? "" : "; not suspended: " + String.join(", ", spared));
        agent.alarms().raise("guard." + vm, Severity.CRITICAL, vm, text);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("reason", reason);
        e.put("detectedAt", detected);
        e.put("suspended", suspended);
        e.put("spared", spared);
        e.put("appliedAt", System.currentTimeMillis());
        agent.events().publish("guard.attack", vm, e);
    }

    private void onAttackOver(String vm, long lastedMillis) {
        List<String> resumed = new ArrayList<>();
        for (Running r : List.copyOf(running.values())) {
            if (r.suspendedByGuard) {
                r.vm.resume();
                r.suspended = false;
                r.suspendedByGuard = false;
                resumed.add(r.name);
                agent.events().publish("vm.power", r.name, Map.of("powerState", "poweredOn", "host", agent.host(), "by", "guard"));
            }
        }
        agent.alarms().clear("guard." + vm);
        agent.events().publish("guard.over", vm, Map.of("lastedMillis", lastedMillis, "resumed", resumed));
    }

    // --- checkpoints --------------------------------------------------------------------------------------------

    private void refuseWhileProtected(Running r, String what) {
        LiveVm.Protection p = r.live.protection();
        if (p == LiveVm.Protection.PROTECTED || p == LiveVm.Protection.SYNCING) {
            throw ApiException.conflict(r.name + " is an FT primary (" + p.name().toLowerCase() + "): " + what
                    + " is not possible while it is protected (as with VMware FT); unprotect it first");
        }
    }

    Map<String, Object> checkpoint(String name, Body b) throws IOException, InterruptedException {
        b.only("name", "rateLimitMiBps");
        String label = b.text("name", "");
        if (label.length() > 200) {
            throw ApiException.badRequest("name", "name: expected at most 200 characters, found " + label.length());
        }
        long rate = b.integer("rateLimitMiBps", 0, 0, 100_000);
        Running r = requireRunning(name);
        refuseWhileProtected(r, "a checkpoint");
        Checkpoints cps = r.checkpoints();
        cps.setRateLimit(rate << 20);
        Tasks.Task task = agent.tasks().start("checkpoint", name, "stopping " + name + " briefly");
        Checkpoints.Task cp;
        try {
            cp = cps.create(label);
        } catch (IllegalStateException e) {
            task.fail(e.getMessage());
            throw ApiException.conflict(e.getMessage());
        }
        task.cancellable(cp::cancel);
        task.progress(0, String.format(Locale.ROOT, "stun %.2f ms; writing %d pages", cp.stunNanos() / 1e6, cp.pagesTotal()));
        cps.addListener(t -> {
            if (t == cp && t.phase() == Checkpoints.Phase.WRITING) {
                task.progress(t.fraction(), String.format(Locale.ROOT, "%d of %d pages written", t.pagesWritten(), t.pagesTotal()));
            }
        });
        cp.done().whenComplete((info, err) -> {
            if (err == null) {
                task.succeed("checkpoint " + info.id() + " written", Map.of("id", info.id(), "stunMicros", cp.stunNanos() / 1000,
                        "bytes", cp.bytesWritten(), "writeMillis", cp.writeNanos() / 1_000_000));
                agent.events().publish("vm.checkpoint", name, Map.of("id", info.id(), "name", info.name()));
            } else if (err instanceof java.util.concurrent.CancellationException) {
                task.cancelled(err.getMessage());
            } else {
                task.fail("the checkpoint failed: " + err.getMessage());
            }
        });
        return task.json();
    }

    List<Map<String, Object>> checkpoints(String name) throws IOException {
        Running r = requireRunning(name);
        Checkpoints cps = r.checkpoints();
        int current = cps.current();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Checkpoints.Info i : cps.list()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("name", i.name());
            m.put("created", i.createdMillis());
            m.put("position", i.position());
            m.put("parent", i.parent() == 0 ? null : i.parent());
            m.put("bytes", Files.size(i.file()));
            m.put("disk", i.disk().getFileName().toString());
            m.put("current", i.id() == current);
            out.add(m);
        }
        return out;
    }

    Map<String, Object> revert(String name, int id) throws IOException, InterruptedException {
        Running r = requireRunning(name);
        refuseWhileProtected(r, "a revert");
        findCheckpoint(r, id);
        try {
            r.checkpoints().revert(id);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage());
        }
        agent.events().publish("vm.revert", name, Map.of("id", id));
        return view(name);
    }

    private static void findCheckpoint(Running r, int id) throws IOException {
        try {
            r.checkpoints().find(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    Map<String, Object> deleteCheckpoint(String name, int id) throws IOException {
        Running r = requireRunning(name);
        refuseWhileProtected(r, "deleting a checkpoint");
        Checkpoints cps = r.checkpoints();
        findCheckpoint(r, id);
        Tasks.Task task = agent.tasks().start("checkpoint.delete", name, "merging the disk of checkpoint " + id);
        work.submit(() -> {
            try {
                cps.delete(id);
                task.succeed("checkpoint " + id + " deleted", Map.of("id", id));
                agent.events().publish("vm.checkpoint.deleted", name, Map.of("id", id));
            } catch (Exception e) {
                task.fail("deleting checkpoint " + id + " failed: " + e.getMessage());
            }
        });
        return task.json();
    }

    // --- FT: primary side ---------------------------------------------------------------------------------------

    Map<String, Object> protect(String name, Body b) throws IOException {
        b.only("backup", "mode", "epochMillis");
        String backupHost = Names.check("backup", b.text("backup", null));
        FtMode mode;
        try {
            mode = FtMode.parse(b.text("mode", "checkpoint"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("mode", "mode: " + e.getMessage());
        }
        int epoch = (int) b.integer("epochMillis", FtTiming.DEFAULT_EPOCH_MILLIS, FtTiming.MIN_EPOCH_MILLIS, FtTiming.MAX_EPOCH_MILLIS);
        Running r = requireRunning(name);
        if (backupHost.equals(agent.host())) {
            throw ApiException.badRequest("backup", "backup: expected another host than the primary's (" + agent.host() + "), found the same host");
        }
        if (r.suspended) {
            throw ApiException.conflict(name + " is suspended; resume it before protecting it");
        }
        PrimarySession s = r.live.session();
        if (s != null && !s.ended()) {
            throw ApiException.conflict(name + " is already " + r.live.protection().name().toLowerCase() + " with its backup on " + r.peer);
        }
        if (r.live.protection() == LiveVm.Protection.HALTED) {
            throw ApiException.conflict(name + " is halted here: " + r.live.reason());
        }
        Checkpoints c = r.checkpoints;
        if (c != null && c.writing() != null && c.writing().phase() == Checkpoints.Phase.WRITING) {
            throw ApiException.conflict(name + " is writing a checkpoint; protect it when that is done (or cancel it)");
        }
        agent.card(backupHost); // 404 now when the backup host is unknown
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        FtOptions o = FtOptions.defaults(mode, agent.datastore().superblock().timing()).withEpochMillis(epoch)
                .withAuthKey(HexFormat.of().formatHex(key));
        Tasks.Task task = agent.tasks().start("ft.protect", name, "asking " + backupHost + " to start the backup");
        r.protectTask = task;
        r.operatorUnprotect = false;
        task.cancellable(() -> work.submit(() -> {
            try {
                unprotect(name);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, name + ": cancelling protection: " + e.getMessage());
            }
            task.cancelled("protection cancelled by the operator");
        }));
        work.submit(() -> {
            try {
                // the disk becomes multi-writer: primary and backup both hold it
                Lease old = r.diskLease;
                r.diskLease = null;
                releaseQuietly(old);
                r.diskLease = acquire(diskEntity(name), LockMode.MULTI_WRITER, name);
                task.progress(0.1, "asking " + backupHost + " to start the backup");
                Path top = BlockDevice.innermost(r.vm.disk()) instanceof DiskChain dc ? dc.top() : null;
                Map<String, Object> req = new LinkedHashMap<>();
                req.put("vm", name);
                req.put("mode", mode.name().toLowerCase());
                req.put("epochMillis", epoch);
                req.put("authKey", o.authKey());
                req.put("disk", top == null ? name + ".vmdk" : top.getFileName().toString());
                JsonNode answer = agent.peer(backupHost).post("/v1/peer/ft/backups", req);
                int port = answer.path("port").asInt();
                r.peer = backupHost;
                r.ftOptions = o;
                task.progress(0.2, "syncing " + name + " to " + backupHost);
                r.live.protect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), o);
                agent.events().publish("ft.protect", name, Map.of("backup", backupHost, "mode", mode.name().toLowerCase()));
            } catch (Exception e) {
                task.fail("protecting " + name + " with a backup on " + backupHost + " failed: " + e.getMessage());
                r.peer = null;
            }
        });
        return task.json();
    }

    Map<String, Object> unprotect(String name) throws IOException {
        Running r = requireRunning(name);
        PrimarySession s = r.live.session();
        if (s == null || s.ended() || r.peer == null) {
            throw ApiException.conflict(name + " is not protected (" + r.live.protection().name().toLowerCase() + ")");
        }
        r.operatorUnprotect = true;
        String peer = r.peer;
        try {
            r.live.unprotect("unprotected by the operator");
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        try {
            agent.peer(peer).delete("/v1/peer/ft/backups/" + name);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, name + ": telling " + peer + " to stop the backup: " + e.getMessage());
        }
        r.peer = null;
        agent.alarms().clear("ft." + name);
        agent.events().publish("ft.unprotect", name, Map.of("backup", peer));
        return view(name);
    }

    Map<String, Object> testFailover(String name) throws IOException {
        Running r = requireRunning(name);
        if (r.live.protection() != LiveVm.Protection.PROTECTED || r.peer == null) {
            throw ApiException.conflict(name + " is " + r.live.protection().name().toLowerCase() + "; a test failover needs a protected VM");
        }
        String peer = r.peer;
        Tasks.Task task = agent.tasks().start("ft.failover", name, "stopping the primary on " + agent.host() + " as if its host failed");
        GoLive goLive = new GoLive(agent.datastore(), name);
        work.submit(() -> {
            try {
                r.live.testFailover();
                long end = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < end) {
                    GoLive.State st = goLive.read();
                    if (st.live() && !agent.host().equals(st.ownerName())) {
                        task.succeed(name + " failed over to " + st.ownerName(), Map.of("primary", st.ownerName(), "generation", st.generation()));
                        return;
                    }
                    task.progress(0.5, "waiting for " + peer + " to go live");
                    Thread.sleep(20);
                }
                task.fail("the backup on " + peer + " did not go live within 30 s");
            } catch (Exception e) {
                task.fail("the test failover failed: " + e.getMessage());
            }
        });
        return task.json();
    }

    /** An FT status event as published: its state, why, where, on which host and in which role. */
    private Map<String, Object> statusEvent(FtStatus s, String role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.state().apiName());
        m.put("reason", s.reason());
        m.put("position", s.position());
        m.put("line", s.line());
        m.put("host", agent.host());
        m.put("role", role);
        return m;
    }

    /** What the VM that runs here (its LiveVm) reports, turned into events, alarms, task progress and clean-up. */
    private void primaryStatus(Running r, String name, FtStatus s) {
        LOG.log(System.Logger.Level.INFO, name + ": " + s.line());
        agent.events().publish("ft.status", name, statusEvent(s, "primary"));
        if (r == null) {
            return;
        }
        Tasks.Task task = r.protectTask;
        switch (s.state()) {
            case SYNCING -> {
                if (task != null) {
                    task.progress(0.3, s.line());
                }
            }
            case PROTECTED -> {
                agent.alarms().clear("ft." + name);
                if (task != null) {
                    task.succeed(name + " is protected by " + r.peer, Map.of("backup", String.valueOf(r.peer)));
                }
            }
            case UNPROTECTED -> {
                if (task != null && task.state() == Tasks.State.RUNNING) {
                    task.fail(s.line());
                }
                if (!r.operatorUnprotect && r.peer != null) {
                    String peer = r.peer;
                    r.peer = null;
                    agent.alarms().raise("ft." + name, Severity.CRITICAL, name, name + " lost its backup on " + peer + " and runs unprotected: "
                            + s.reason());
                    work.submit(() -> {
                        try {
                            agent.peer(peer).delete("/v1/peer/ft/backups/" + name);
                        } catch (IOException e) {
                            // the backup host is gone: nothing to stop there
                        }
                    });
                }
            }
            case HALTED -> {
                String peer = r.peer;
                notes.put(name, name + " halted on " + agent.host() + " (" + s.reason() + ")"
                        + (peer == null ? "" : "; its backup on " + peer + " runs it"));
                if (task != null && task.state() == Tasks.State.RUNNING) {
                    task.fail(s.line());
                }
                work.submit(() -> stopRunning(r, "halted"));
                agent.events().publish("vm.power", name, Map.of("powerState", "halted", "host", agent.host()));
            }
            default -> {
            }
        }
    }

    // --- FT: backup side ----------------------------------------------------------------------------------------

    Map<String, Object> startBackup(String from, Body b) throws IOException {
        b.only("vm", "mode", "epochMillis", "authKey", "disk");
        String name = Names.check("vm", b.text("vm", null));
        VmConfig c = config(name);
        if (running.containsKey(name)) {
            throw ApiException.conflict(name + " runs on " + agent.host() + "; its backup must run on another host");
        }
        BackupRole old = backups.get(name);
        if (old != null) {
            if (old.backup.state() == Backup.State.SYNCING || old.backup.state() == Backup.State.IN_SYNC) {
                throw ApiException.conflict(agent.host() + " is already the backup of " + name + " (" + old.backup.state().name().toLowerCase() + ")");
            }
            stopBackup(name);
        }
        FtMode mode;
        try {
            mode = FtMode.parse(b.text("mode", "checkpoint"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("mode", "mode: " + e.getMessage());
        }
        String key = b.text("authKey", null);
        if (key == null || !key.matches("[0-9a-f]{64}")) {
            throw ApiException.badRequest("authKey", "authKey: expected 64 lower-case hex digits");
        }
        String disk = Names.check("disk", b.text("disk", null));
        Path shared = folder(name).resolve(disk);
        if (!Files.exists(shared)) {
            throw ApiException.badRequest("disk", "disk: " + name + " has no disk file " + disk);
        }
        FtOptions o = FtOptions.defaults(mode, agent.datastore().superblock().timing())
                .withEpochMillis((int) b.integer("epochMillis", FtTiming.DEFAULT_EPOCH_MILLIS, FtTiming.MIN_EPOCH_MILLIS, FtTiming.MAX_EPOCH_MILLIS))
                .withAuthKey(key);
        Lease lease = acquire(diskEntity(name), LockMode.MULTI_WRITER, name);
        Backup backup;
        try {
            BackupRole[] self = new BackupRole[1];
            backup = new Backup(name, c.guest(), c.memoryMiB() << 20, shared, new GoLive(agent.datastore(), name), 0, c.port(), TIMER_MILLIS, o, 1.0,
                    st -> backupStatus(self, name, st));
            BackupRole role = new BackupRole(c, from, backup, lease);
            self[0] = role;
            backups.put(name, role);
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
        agent.events().publish("ft.backup", name, Map.of("primary", from, "host", agent.host()));
        return Map.of("port", backup.port(), "host", agent.host());
    }

    Map<String, Object> stopBackup(String name) throws IOException {
        BackupRole role = backups.remove(Names.check("vm", name));
        if (role == null) {
            throw ApiException.notFound(agent.host() + " is not the backup of " + name);
        }
        role.backup.close();
        releaseQuietly(role.diskLease);
        agent.events().publish("ft.backup.stopped", name, Map.of("host", agent.host()));
        return Map.of("stopped", name);
    }

    private void backupStatus(BackupRole[] self, String name, FtStatus s) {
        Running adopted = running.get(name);
        if (adopted != null && self[0] != null && adopted.live == self[0].backup.live()) {
            primaryStatus(adopted, name, s); // the backup went live here: its VM is now a primary like any other
            return;
        }
        LOG.log(System.Logger.Level.INFO, name + " (backup): " + s.line());
        agent.events().publish("ft.status", name, statusEvent(s, "backup"));
        BackupRole role = self[0];
        if (role == null) {
            return;
        }
        if (s.state() == FtState.LIVE) {
            work.submit(() -> adopt(role, s));
        } else if (s.state() == FtState.HALTED) {
            backups.remove(name, role);
            releaseQuietly(role.diskLease);
        }
    }

    /** The backup went live here: the VM now runs on this host; take its config lock (breaking the dead primary's). */
    private void adopt(BackupRole role, FtStatus live) {
        String name = role.name;
        LiveVm vm = role.backup.live();
        backups.remove(name, role);
        Running r = new Running(role.config, folder(name), vm.vm(), vm.disk(), vm);
        r.diskLease = role.diskLease;
        r.origin = "failed over from " + role.primary;
        running.put(name, r);
        guard(r);
        notes.remove(name);
        saveHistory();
        agent.alarms().raise("ft." + name, Severity.WARNING, name, name + " failed over from " + role.primary + " to " + agent.host()
                + " and runs unprotected (" + live.reason() + ")");
        agent.events().publish("vm.power", name, Map.of("powerState", "poweredOn", "host", agent.host(), "failedOverFrom", role.primary));
        try {
            r.configLease = agent.datastore().host().acquire(configEntity(name), EntityKind.FILE, LockMode.EXCLUSIVE,
                    agent.datastore().superblock().timing().failoverLockWait());
            agent.locksChanged();
            agent.events().publish("vm.lock", name, Map.of("entity", configEntity(name), "host", agent.host()));
        } catch (IOException e) {
            agent.alarms().raise("lock." + name, Severity.CRITICAL, name, name + " runs on " + agent.host() + " after a failover but its lock "
                    + configEntity(name) + " could not be taken: " + e.getMessage());
        }
    }

    // --- periodic -------------------------------------------------------------------------------------------------

    /** Once a second: FT statistics of every protected VM as events (the console's charts). */
    void tick() {
        for (Running r : running.values()) {
            long now = System.nanoTime();
            long epochs = r.live.stats().epochs();
            double seconds = (now - r.lastSample) / 1e9;
            if (seconds > 0) {
                r.epochRate = (epochs - r.lastEpochs) / seconds;
            }
            r.lastEpochs = epochs;
            r.lastSample = now;
            if (r.peer != null && r.live.session() != null && !r.live.session().ended()) {
                Map<String, Object> m = stats(r);
                m.put("state", r.live.protection().name().toLowerCase());
                m.put("backup", r.peer);
                agent.events().publish("ft.stats", r.name, m);
            }
        }
    }

    Optional<Running> runningHere(String name) {
        return Optional.ofNullable(running.get(name));
    }

    int runningCount() {
        return running.size();
    }

    int backupCount() {
        return backups.size();
    }

    /** A fenced host stops every VM at once and writes nothing more. */
    void fenced(String reason) {
        for (Running r : List.copyOf(running.values())) {
            notes.put(r.name, r.name + " stopped: " + agent.host() + " was fenced (" + reason + ")");
            stopRunning(r, "fenced");
        }
        for (String b : List.copyOf(backups.keySet())) {
            try {
                stopBackup(b);
            } catch (IOException | RuntimeException e) {
                // going anyway
            }
        }
    }

    @Override
    public void close() {
        for (Running r : List.copyOf(running.values())) {
            stopRunning(r, "the agent stops");
        }
        for (String b : List.copyOf(backups.keySet())) {
            try {
                stopBackup(b);
            } catch (IOException | RuntimeException e) {
                // closing anyway
            }
        }
        work.shutdownNow();
    }
}
