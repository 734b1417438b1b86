package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.guard.Guard;
import io.lockstep.storage.Medium;
import io.lockstep.vdisk.BlockDevice;
import io.lockstep.vm.Checkpoints;

/**
 * What runs on this host: its running VMs, the FT backups it serves, and notes for operators about VMs that stopped
 * here (a restart of the agent, a fence, a halt). What ran is kept in {@code ran.json} in the agent's own data
 * directory, so an agent that restarts can say which VMs stopped with it.
 */
final class LocalVms {

    private static final System.Logger LOG = System.getLogger(LocalVms.class.getName());

    private final String host;
    private final VmStore store;
    private final VmLocks locks;
    private final Path history;
    private final Map<String, RunningVm> running = new ConcurrentHashMap<>();
    private final Map<String, BackupRole> backups = new ConcurrentHashMap<>();
    private final Map<String, String> notes = new ConcurrentHashMap<>();
    /** The QEMU VMs that run here (issue 23), beside the Java guests of {@link #running}. */
    private volatile QemuVms qemu;

    LocalVms(String host, VmStore store, VmLocks locks, Path history) throws IOException {
        this.host = host;
        this.store = store;
        this.locks = locks;
        this.history = history;
        recoverHistory();
    }

    String host() {
        return host;
    }

    // --- one state-changing operation per VM at a time ------------------------------------------------------------

    private final Map<String, String> busy = new ConcurrentHashMap<>();

    /**
     * Runs {@code op} as the only state-changing operation on {@code subject} (for example "VM web1") on this host;
     * while another is at work the caller gets a 409 naming it, instead of both racing through power, locks and files.
     */
    <T> T exclusive(String subject, String what, java.util.concurrent.Callable<T> op) throws Exception {
        String token = what + " (since " + java.time.Instant.now() + ")";
        String other = busy.putIfAbsent(subject, token);
        if (other != null) {
            throw ApiException.conflict(subject + " is busy: " + other + " is at work on it; try again when it has finished");
        }
        try {
            return op.call();
        } finally {
            busy.remove(subject, token);
        }
    }

    // --- what runs here -----------------------------------------------------------------------------------------

    Optional<RunningVm> running(String name) {
        return Optional.ofNullable(running.get(name));
    }

    Collection<RunningVm> running() {
        return List.copyOf(running.values());
    }

    boolean runs(String name) {
        return running.containsKey(name) || (qemu != null && qemu.runs(name));
    }

    void qemu(QemuVms q) {
        this.qemu = q;
        q.onDeath((vm, why) -> {
            notes.put(vm, vm + " stopped on " + host + " (" + Agent.time(System.currentTimeMillis()) + "): " + why);
            saveHistory();
        });
    }

    QemuVms qemu() {
        return qemu;
    }

    /** The QEMU VM {@code name} when it runs here. */
    Optional<QemuVms.Running> runningQemu(String name) {
        return qemu == null ? Optional.empty() : qemu.running(name);
    }

    void startedQemu(String name) {
        notes.remove(name);
        saveHistory();
    }

    void started(RunningVm r) {
        running.put(r.name, r);
        notes.remove(r.name);
        saveHistory();
    }

    /** The VM, which must run here: 404 when there is no such VM, 409 saying where it is when it does not run here. */
    RunningVm requireRunning(String name) throws IOException {
        store.config(name);
        RunningVm r = running.get(name);
        if (r == null && qemu != null && qemu.runs(name)) {
            throw ApiException.conflict(name + " is a QEMU guest: this serves the Java guests only so far (checkpoints, FT and the DoS guard of QEMU "
                    + "guests are not built yet)");
        }
        if (r == null) {
            VmLocks.Where w = locks.where(name);
            throw ApiException.conflict(name + " is not powered on at " + host + (w.host() == null ? " (it is powered off)" : " (it runs at " + w.host() + ")"));
        }
        return r;
    }

    /** Stops a VM that runs here and lets go of everything it holds: guard, checkpoints, NIC, disk, LUN sessions, locks. */
    void stop(RunningVm r, String why) {
        running.remove(r.name, r);
        Guard g = r.guard;
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
        for (Medium m : r.lunSessions) {
            try {
                m.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, r.name + ": logging out of " + m.uri() + ": " + e.getMessage());
            }
        }
        r.lunSessions.clear();
        locks.release(r.configLease);
        locks.release(r.diskLease);
        saveHistory();
        LOG.log(System.Logger.Level.INFO, r.name + ": " + why);
    }

    // --- the backups served here ---------------------------------------------------------------------------------

    Optional<BackupRole> backup(String name) {
        return Optional.ofNullable(backups.get(name));
    }

    Collection<String> backupNames() {
        return List.copyOf(backups.keySet());
    }

    boolean serves(String name) {
        return backups.containsKey(name);
    }

    void serving(BackupRole b) {
        backups.put(b.name, b);
    }

    /** Forgets the backup of {@code name} (when it is {@code role}, or any when {@code role} is null); returns it. */
    BackupRole forget(String name, BackupRole role) {
        if (role == null) {
            return backups.remove(name);
        }
        return backups.remove(name, role) ? role : null;
    }

    // --- notes for operators --------------------------------------------------------------------------------------

    String note(String name) {
        return notes.get(name);
    }

    void note(String name, String text) {
        notes.put(name, text);
    }

    void clearNote(String name) {
        notes.remove(name);
    }

    // --- what ran here before a restart -------------------------------------------------------------------------

    private void recoverHistory() throws IOException {
        if (!Files.exists(history)) {
            return;
        }
        JsonNode h = Json.MAPPER.readTree(history.toFile());
        h.fields().forEachRemaining(e -> {
            if (e.getValue().path("state").asText().equals("running")) {
                notes.put(e.getKey(), "the agent of " + host + " restarted (" + Agent.time(System.currentTimeMillis()) + ") while "
                        + e.getKey() + " ran here since " + Agent.time(e.getValue().path("since").asLong()) + "; it stopped with the agent and was not "
                        + "restarted");
            }
        });
        saveHistory();
    }

    private synchronized void saveHistory() {
        Map<String, Object> h = new TreeMap<>();
        for (RunningVm r : running.values()) {
            h.put(r.name, Map.of("state", "running", "since", System.currentTimeMillis()));
        }
        if (qemu != null) {
            for (QemuVms.Running q : qemu.running()) {
                h.put(q.name(), Map.of("state", "running", "since", q.since));
            }
        }
        try {
            Path tmp = history.resolveSibling("ran.json.tmp");
            Json.MAPPER.writeValue(tmp.toFile(), h);
            Files.move(tmp, history, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not record the VMs that run here in " + history + ": " + e.getMessage());
        }
    }
}
