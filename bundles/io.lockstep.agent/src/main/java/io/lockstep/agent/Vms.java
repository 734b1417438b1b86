package io.lockstep.agent;

import java.io.IOException;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

import io.lockstep.cluster.datastore.Datastore;

/**
 * The VMs of the datacenter as this agent sees and runs them, by role: the VMs' folders ({@link VmStore}), the locks
 * that say who runs them ({@link VmLocks}), what runs here ({@link LocalVms}), creating and deleting
 * ({@link VmProvisioning}), power ({@link VmPower}), checkpoints ({@link VmCheckpoints}), LUNs ({@link LunAccess}), the
 * DoS guard's policy ({@link GuardPolicy}), the FT primary and backup roles ({@link FtPrimary}, {@link FtBackup}) and
 * what the API says of them ({@link VmViews}). This class only wires them and stops them together.
 */
final class Vms implements AutoCloseable {

    /**
     * Background work (tasks, adoptions, halts): a cached pool whose tasks' failures are logged with their stack — a
     * task submitted and forgotten never fails silently into a Future nobody reads.
     */
    private final ExecutorService work = new java.util.concurrent.ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, java.util.concurrent.TimeUnit.SECONDS,
            new java.util.concurrent.SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "agent-task");
                t.setDaemon(true);
                return t;
            }) {
        @Override
        protected void afterExecute(Runnable r, Throwable t) {
            if (t == null && r instanceof java.util.concurrent.Future<?> f && f.isDone() && !f.isCancelled()) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    t = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.CancellationException e) {
                    // cancelled: nothing to say
                }
            }
            if (t != null) {
                System.getLogger(Vms.class.getName()).log(System.Logger.Level.ERROR, "a background task failed: " + t, t);
            }
        }
    };
    final VmStore store;
    final VmLocks locks;
    final LocalVms here;
    final VmProvisioning provisioning;
    final VmPower power;
    final VmCheckpoints checkpoints;
    final LunAccess luns;
    final GuardPolicy guard;
    final FtPrimary ftPrimary;
    final FtBackup ftBackup;
    final QemuFt qemuFt;
    final VmViews views;
    final SharedDisks shared;

    final HostNetwork network;

    Vms(String host, Path datastoreDir, Path dataDir, String guardPolicy, HostNetwork network, Datastore datastore, VmLocks.Table lockTable,
            Runnable locksChanged, Peers peers, Events events, Alarms alarms, Tasks tasks) throws IOException {
        this.network = network;
        store = new VmStore(datastore.sharedFileSystem().getPath("/")); // VM folders live on the LUN; the VM's locks say who runs it
        locks = new VmLocks(datastore, lockTable, locksChanged);
        here = new LocalVms(host, store, locks, dataDir.resolve("ran.json"));
        here.qemu(new QemuVms(host, locks, network, events));
        here.qemu().reapOrphans();
        provisioning = new VmProvisioning(store, here, locks, events, network);
        luns = new LunAccess(store, datastoreDir.resolve("luns"), here);
        guard = new GuardPolicy(guardPolicy, here, events, alarms);
        checkpoints = new VmCheckpoints(here, tasks, events, work, new QemuCheckpoints(store, here.qemu(), tasks, events, work));
        ftPrimary = new FtPrimary(here, locks, peers, datastore, tasks, events, alarms, work);
        ftBackup = new FtBackup(store, here, locks, guard, ftPrimary, datastore, events, alarms, work, network);
        qemuFt = new QemuFt(store, here, locks, peers, datastore, luns, tasks, events, alarms, work, network);
        ftPrimary.qemu(qemuFt);
        ftBackup.qemu(qemuFt);
        power = new VmPower(store, here, locks, luns, guard, ftPrimary, datastore, events, network);
        views = new VmViews(store, here, locks);
        views.qemuFt(qemuFt);
        shared = new SharedDisks(datastore, store, views);
        here.qemu().disks().sharedOpener(shared::open);
    }

    /** A fenced host stops every VM at once and writes nothing more. */
    void fenced(String reason) {
        for (RunningVm r : here.running()) {
            here.note(r.name, r.name + " stopped: " + here.host() + " was fenced (" + reason + ")");
            here.stop(r, "fenced");
        }
        for (QemuVms.Running q : here.qemu().running()) {
            here.note(q.name(), q.name() + " stopped: " + here.host() + " was fenced (" + reason + ")");
        }
        here.qemu().closeAll();
        stopBackups();
    }

    private void stopBackups() {
        List<String> names = new java.util.ArrayList<>(here.backupNames());
        names.addAll(qemuFt.backupNames());
        for (String b : names) {
            try {
                ftBackup.stop(b);
            } catch (IOException | RuntimeException e) {
                // going anyway
            }
        }
    }

    @Override
    public void close() {
        for (RunningVm r : here.running()) {
            here.stop(r, "the agent stops");
        }
        here.qemu().closeAll();
        stopBackups();
        work.shutdownNow();
    }
}
