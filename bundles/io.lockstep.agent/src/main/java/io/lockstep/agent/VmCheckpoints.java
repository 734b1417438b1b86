package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;

import io.lockstep.vm.Checkpoints;
import io.lockstep.agent.api.CheckpointView;
import io.lockstep.agent.api.EventType;
import io.lockstep.agent.api.TaskView;

/**
 * Checkpoints of the VMs that run here (ARCHITECTURE "Delta disks and checkpoints"), as tasks with progress: take
 * one (a brief stun, then memory written while the VM runs, rate-limited when asked), list, revert, delete (its delta
 * merged into its parent). Refused while a VM is an FT primary, as VMware FT refuses snapshots.
 */
final class VmCheckpoints {

    private final LocalVms here;
    private final Tasks tasks;
    private final Events events;
    private final ExecutorService work;
    private final QemuCheckpoints qemu;

    VmCheckpoints(LocalVms here, Tasks tasks, Events events, ExecutorService work, QemuCheckpoints qemu) {
        this.here = here;
        this.tasks = tasks;
        this.events = events;
        this.work = work;
        this.qemu = qemu;
    }

    private static void refuseWhileProtected(RunningVm r, String what) {
        if (r.isFtPrimary()) {
            throw ApiException.conflict(r.name + " is an FT primary (" + r.live.protection().name().toLowerCase() + "): " + what
                    + " is not possible while it is protected (as with VMware FT); unprotect it first");
        }
    }

    TaskView take(String name, Body b) throws IOException, InterruptedException {
        b.only(io.lockstep.agent.api.CheckpointRequest.class);
        String label = b.text("name", "");
        if (label.length() > 200) {
            throw ApiException.badRequest("name", "name: expected at most 200 characters, found " + label.length());
        }
        long rate = b.integer("rateLimitMiBps", 0, 0, 100_000);
        var q = here.runningQemu(name);
        if (q.isPresent()) {
            if (rate != 0) {
                throw ApiException.badRequest("rateLimitMiBps", "rateLimitMiBps: a QEMU guest's checkpoint is written as fast as the datastore takes it; "
                        + "expected 0, found " + rate);
            }
            return qemu.take(q.get(), label);
        }
        RunningVm r = here.requireRunning(name);
        refuseWhileProtected(r, "a checkpoint");
        Checkpoints cps = r.checkpoints();
        cps.setRateLimit(rate << 20);
        Tasks.Task task = tasks.start("checkpoint", name, "stopping " + name + " briefly");
        Checkpoints.Capture cp;
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
                events.publish(EventType.VM_CHECKPOINT, name, Map.of("id", info.id(), "name", info.name()));
            } else if (err instanceof CancellationException) {
                task.cancelled(err.getMessage());
            } else {
                task.fail("the checkpoint failed: " + err.getMessage());
            }
        });
        return task.view();
    }

    List<CheckpointView> list(String name) throws IOException {
        var q = here.runningQemu(name);
        if (q.isPresent()) {
            return qemu.list(q.get());
        }
        RunningVm r = here.requireRunning(name);
        Checkpoints cps = r.checkpoints();
        int current = cps.current();
        List<CheckpointView> out = new ArrayList<>();
        for (Checkpoints.Info i : cps.list()) {
            out.add(new CheckpointView(i.id(), i.name(), i.createdMillis(), i.position(), i.parent() == 0 ? null : i.parent(), Files.size(i.file()),
                    i.disk().getFileName().toString(), i.id() == current));
        }
        return out;
    }

    void revert(String name, int id) throws IOException, InterruptedException {
        var q = here.runningQemu(name);
        if (q.isPresent()) {
            qemu.revert(q.get(), id);
            return;
        }
        RunningVm r = here.requireRunning(name);
        refuseWhileProtected(r, "a revert");
        find(r, id);
        try {
            r.checkpoints().revert(id);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage());
        }
        events.publish(EventType.VM_REVERT, name, Map.of("id", id));
    }

    private static void find(RunningVm r, int id) throws IOException {
        try {
            r.checkpoints().find(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    TaskView delete(String name, int id) throws IOException {
        var q = here.runningQemu(name);
        if (q.isPresent()) {
            Tasks.Task task = tasks.start("checkpoint.delete", name, "deleting checkpoint " + id + " and merging its disk layer");
            try {
                qemu.delete(q.get(), id);
            } catch (IOException | RuntimeException e) {
                task.fail("deleting checkpoint " + id + " failed: " + e.getMessage());
                throw e;
            }
            task.succeed("checkpoint " + id + " deleted", Map.of("id", id));
            return task.view();
        }
        RunningVm r = here.requireRunning(name);
        refuseWhileProtected(r, "deleting a checkpoint");
        Checkpoints cps = r.checkpoints();
        find(r, id);
        Tasks.Task task = tasks.start("checkpoint.delete", name, "merging the disk of checkpoint " + id);
        work.submit(() -> {
            try {
                cps.delete(id);
                task.succeed("checkpoint " + id + " deleted", Map.of("id", id));
                events.publish(EventType.VM_CHECKPOINT_DELETED, name, Map.of("id", id));
            } catch (Exception e) {
                task.fail("deleting checkpoint " + id + " failed: " + e.getMessage());
            }
        });
        return task.view();
    }
}
