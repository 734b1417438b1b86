package io.lockstep.agent;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.api.CheckpointView;
import io.lockstep.agent.api.EventType;
import io.lockstep.agent.api.TaskView;
import io.lockstep.qemu.MemorySnapshot;
import io.lockstep.vdisk.DiskChain;
import io.lockstep.vm.Checkpoints;

/**
 * Checkpoints of QEMU VMs (issue 23): the guest's memory and device state at one point in time, written while it runs
 * (QEMU's background snapshot, {@link MemorySnapshot}) into {@code qemu-checkpoints/<id>.mem} in the VM's folder on the
 * datastore, with its record beside it ({@code <id>.json}: name, time, bytes, downtime); progress as a task. Revert
 * starts a new QEMU from the file (the old one is ended) at the same address. The disk matches the memory: the guest
 * is paused (QEMU drains its disk I/O), the disk chain that this host's target serves switches to a new delta (the old
 * top, frozen, is the checkpoint's disk), and QEMU's background snapshot begins while the guest is paused, so its
 * memory is captured at that same instant; QEMU resumes the guest once its memory is write-protected (or the save
 * resumes it). Revert runs the new QEMU on a new delta over the checkpoint's frozen disk.
 */
final class QemuCheckpoints {

    static final String DIR = "qemu-checkpoints";
    /** A hang guard for writing or loading one checkpoint (a 4 GiB guest at 50 MiB/s is 80 s). */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final VmStore store;
    private final QemuVms qemu;
    private final Tasks tasks;
    private final Events events;
    private final ExecutorService work;

    QemuCheckpoints(VmStore store, QemuVms qemu, Tasks tasks, Events events, ExecutorService work) {
        this.store = store;
        this.qemu = qemu;
        this.tasks = tasks;
        this.events = events;
        this.work = work;
    }

    private Path dir(String vm) throws IOException {
        Path d = store.folder(vm).resolve(DIR);
        Files.createDirectories(d);
        return d;
    }

    private static void refuseDisk(QemuVms.Running r) {
        if (r.boot.disk() != null) {
            throw ApiException.conflict(r.name() + " boots from a disk image: checkpoints of QEMU VMs hold memory only so far, which would not match "
                    + "its disk; expected a VM of the default image or a kernel and initrd");
        }
    }

    /** An FT primary's epochs and a checkpoint's migration cannot share QEMU's one migration: unprotect first (issue 25 leaves it). */
    private static void refuseProtected(QemuVms.Running r, String what) {
        if (r.ft != null) {
            throw ApiException.conflict(r.name() + " is an FT primary (" + r.ft.state + "); unprotect it before " + what);
        }
    }

    TaskView take(QemuVms.Running r, String label) throws IOException {
        refuseDisk(r);
        refuseProtected(r, "a checkpoint");
        if (r.suspended) {
            throw ApiException.conflict(r.name() + " is suspended; resume it before a checkpoint");
        }
        int id = nextId(r.name());
        Path mem = dir(r.name()).resolve(id + ".mem");
        Path folder = store.folder(r.name());
        Path newTop = folder.resolve(String.format(Locale.ROOT, "%s-qcp%06d.vmdk", r.name(), id));
        Tasks.Task task = tasks.start("checkpoint", r.name(), "pausing " + r.name() + " to switch its disk");
        long expected = r.config.memoryMiB() << 20;
        work.submit(() -> {
            try (FileChannel out = FileChannel.open(mem, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                DiskChain.PreparedDelta delta = r.chain.prepareSnapshot(newTop); // (the new file made before the pause)
                Path frozen = r.chain.top();
                long seq = r.machine.qmp().lastEventSeq();
                long paused = System.nanoTime();
                r.machine.pause(); // QEMU drains the disk's requests before it answers
                try {
                    r.chain.flush();
                    r.chain.switchTo(delta);
                } catch (IOException | RuntimeException e) {
                    delta.discard();
                    r.machine.resume();
                    throw e;
                }
                long switched = System.nanoTime() - paused;
                Checkpoints.writeRunningDisk(folder, newTop);
                task.progress(0, String.format(Locale.ROOT, "disk switched in %.2f ms; writing the memory while it runs", switched / 1e6));
                MemorySnapshot.Saved s = MemorySnapshot.save(r.machine, out, bytes -> task.progress(Math.min(0.99, bytes / (double) expected),
                        String.format(Locale.ROOT, "%.1f of ~%d MiB written", bytes / 1048576.0, expected >> 20)), TIMEOUT, true);
                out.force(true);
                long stunMicros = stunMicros(r, seq);
                Map<String, Object> rec = new TreeMap<>();
                rec.put("id", id);
                rec.put("name", label);
                rec.put("created", System.currentTimeMillis());
                rec.put("bytes", s.bytes());
                rec.put("downtimeMillis", s.downtimeMillis());
                rec.put("totalMillis", s.totalMillis());
                rec.put("memoryMiB", r.config.memoryMiB());
                rec.put("disk", frozen.getFileName().toString());
                rec.put("stunMicros", stunMicros);
                Path json = mem.resolveSibling(id + ".json");
                Files.write(json, Json.MAPPER.writeValueAsBytes(rec));
                task.succeed(String.format(Locale.ROOT, "checkpoint %d written (%d MiB; the guest stood still %.2f ms)", id, s.bytes() >> 20,
                        stunMicros / 1000.0), Map.of("id", id, "bytes", s.bytes(), "downtimeMillis", s.downtimeMillis(), "stunMicros", stunMicros,
                                "writeMillis", s.totalMillis()));
                events.publish(EventType.VM_CHECKPOINT, r.name(), Map.of("id", id, "name", label));
            } catch (Exception e) {
                try {
                    Files.deleteIfExists(mem);
                } catch (IOException de) {
                    e.addSuppressed(de);
                }
                task.fail("the checkpoint failed: " + e.getMessage());
            }
        });
        return task.view();
    }

    /**
     * How long the guest stood still for the checkpoint: from the STOP of our pause to the next RESUME, by QEMU's own
     * event clock (microseconds); -1 when the events are not in the ring.
     */
    private static long stunMicros(QemuVms.Running r, long afterSeq) {
        long stop = -1;
        for (io.lockstep.qemu.QmpEvent e : r.machine.qmp().recentEvents()) {
            if (e.seq() <= afterSeq) {
                continue;
            }
            if (stop < 0 && e.name().equals("STOP")) {
                stop = e.qemuMicros();
            } else if (stop >= 0 && e.name().equals("RESUME")) {
                return e.qemuMicros() - stop;
            }
        }
        return -1;
    }

    private int nextId(String vm) throws IOException {
        int max = 0;
        for (JsonNode j : records(vm).values()) {
            max = Math.max(max, j.path("id").asInt());
        }
        return max + 1;
    }

    private Map<Integer, JsonNode> records(String vm) throws IOException {
        Map<Integer, JsonNode> out = new TreeMap<>();
        Path d = dir(vm);
        try (var files = Files.list(d)) {
            for (Path p : files.toList()) {
                String f = p.getFileName().toString();
                if (f.matches("\\d{1,9}\\.json")) {
                    JsonNode j = Json.MAPPER.readTree(Files.readAllBytes(p));
                    out.put(j.path("id").asInt(), j);
                }
            }
        }
        return out;
    }

    List<CheckpointView> list(QemuVms.Running r) throws IOException {
        List<CheckpointView> out = new ArrayList<>();
        for (JsonNode j : records(r.name()).values()) {
            out.add(new CheckpointView(j.path("id").asInt(), j.path("name").asText(""), j.path("created").asLong(), 0, null, j.path("bytes").asLong(),
                    null, j.path("id").asInt() == r.revertedTo));
        }
        return out;
    }

    /** Ends the VM's QEMU and starts a new one from checkpoint {@code id}, at the same address. */
    void revert(QemuVms.Running r, int id) throws IOException {
        refuseDisk(r);
        refuseProtected(r, "a revert");
        JsonNode rec = records(r.name()).get(id);
        if (rec == null) {
            throw ApiException.notFound(r.name() + " has no checkpoint " + id);
        }
        if (rec.path("memoryMiB").asLong() != r.config.memoryMiB()) {
            throw ApiException.conflict("checkpoint " + id + " of " + r.name() + " was taken with " + rec.path("memoryMiB").asLong() + " MiB; the VM has "
                    + r.config.memoryMiB() + " MiB now");
        }
        Path mem = dir(r.name()).resolve(id + ".mem");
        Path folder = store.folder(r.name());
        String disk = rec.path("disk").asText(null);
        DiskChain chain = r.chain;
        if (disk != null) {
            // a new delta over the checkpoint's frozen disk: what the guest writes from here on
            Path frozen = folder.resolve(disk);
            Path top = null;
            for (int n = 1; top == null || Files.exists(top); n++) {
                top = folder.resolve(String.format(Locale.ROOT, "%s-qrv%06d-%d.vmdk", r.name(), id, n));
            }
            DiskChain.createDelta(frozen, top);
            chain = DiskChain.open(top, true);
            Checkpoints.writeRunningDisk(folder, top);
        }
        Path abandoned = r.chain.top().toAbsolutePath().normalize();
        try (FileChannel in = FileChannel.open(mem, StandardOpenOption.READ)) {
            QemuVms.Running again = qemu.restartFrom(r, in, chain, TIMEOUT);
            again.revertedTo = id;
        }
        if (chain != r.chain) {
            removeAbandoned(r.name(), folder, abandoned, chain.top());
        }
        events.publish(EventType.VM_REVERT, r.name(), Map.of("id", id));
    }

    /**
     * After a revert: the delta the VM ran on before it (what the guest wrote since the checkpoint, now abandoned) is
     * removed from the folder — unless a checkpoint's disk is that file or another delta is made over it.
     */
    private void removeAbandoned(String vm, Path folder, Path abandoned, Path newTop) throws IOException {
        if (abandoned.equals(newTop.toAbsolutePath().normalize()) || isCheckpointDisk(vm, folder, abandoned, -1)
                || !DiskChain.childrenOf(folder, abandoned).isEmpty()) {
            return;
        }
        Files.deleteIfExists(abandoned);
    }

    /** Whether a checkpoint of {@code vm} other than {@code except} has {@code layer} as its disk. */
    private boolean isCheckpointDisk(String vm, Path folder, Path layer, int except) throws IOException {
        for (JsonNode j : records(vm).values()) {
            String disk = j.path("disk").asText(null);
            if (j.path("id").asInt() != except && disk != null && folder.resolve(disk).toAbsolutePath().normalize().equals(layer)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Deletes checkpoint {@code id}: its record and memory file go, and its disk layer is merged away as a Java guest's
     * is ({@link Checkpoints#delete}): when the running delta is the layer's only child, the running delta is committed
     * into it (the layer becomes the running disk, the chain one layer shorter); otherwise each delta over it takes in
     * its grains and is re-parented, and the layer goes. The running chain is the one this host's target serves, so the
     * guest's I/O waits while it changes (its methods are synchronized) and reads through the merged chain after.
     */
    void delete(QemuVms.Running r, int id) throws IOException {
        Path d = dir(r.name());
        JsonNode rec = records(r.name()).get(id);
        if (rec == null) {
            throw ApiException.notFound(r.name() + " has no checkpoint " + id);
        }
        // the record goes first: a merge cut short leaves a chain that is still whole, never a record naming a merged layer
        Files.delete(d.resolve(id + ".json"));
        Files.deleteIfExists(d.resolve(id + ".mem"));
        String disk = rec.path("disk").asText(null);
        if (disk != null) {
            Path folder = store.folder(r.name());
            Path layer = folder.resolve(disk).toAbsolutePath().normalize();
            if (Files.exists(layer) && !isCheckpointDisk(r.name(), folder, layer, id)) {
                merge(r, folder, layer);
            }
        }
        events.publish(EventType.VM_CHECKPOINT_DELETED, r.name(), Map.of("id", id));
    }

    private static void merge(QemuVms.Running r, Path folder, Path layer) throws IOException {
        DiskChain.Merge done = r.chain.mergeAway(layer, DiskChain.childrenOf(folder, layer));
        if (done == DiskChain.Merge.COMMITTED) { // the layer is the running disk now
            Checkpoints.writeRunningDisk(folder, layer);
            return;
        }
        if (done == DiskChain.Merge.ABSORBED_BELOW_TOP) {
            r.chain.reopen(); // a layer below the top changed: read through the chain as the files are now
        }
        Files.deleteIfExists(layer);
    }
}
