package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.lockstep.cluster.datastore.Datastore;

/**
 * The VMs of the datacenter as this agent sees and runs them, by role: the VMs' folders ({@link VmStore}), the locks
 * that say who runs them ({@link VmLocks}), what runs here ({@link LocalVms}), creating and deleting
 * ({@link VmProvisioning}), power ({@link VmPower}), checkpoints ({@link VmCheckpoints}), LUNs ({@link LunAccess}), the
 * DoS guard's policy ({@link GuardPolicy}), the FT primary and backup roles ({@link FtPrimary}, {@link FtBackup}) and
 * what the API says of them ({@link VmViews}). This class only wires them and stops them together.
 */
final class Vms implements AutoCloseable {

    private final ExecutorService work = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "agent-task");
        t.setDaemon(true);
        return t;
    });
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
    final VmViews views;

    final HostNetwork network;

    Vms(String host, Path datastoreDir, Path dataDir, String guardPolicy, HostNetwork network, Datastore datastore, VmLocks.Table lockTable,
            Runnable locksChanged, Peers peers, Events events, Alarms alarms, Tasks tasks) throws IOException {
        this.network = network;
        store = new VmStore(datastore.sharedFileSystem().getPath("/")); // VM folders live on the LUN; the VM's locks say who runs it
        locks = new VmLocks(datastore, lockTable, locksChanged);
        here = new LocalVms(host, store, locks, dataDir.resolve("ran.json"));
        provisioning = new VmProvisioning(store, here, locks, events, network);
        luns = new LunAccess(store, datastoreDir.resolve("luns"), here);
        guard = new GuardPolicy(guardPolicy, here, events, alarms);
        checkpoints = new VmCheckpoints(here, tasks, events, work);
        ftPrimary = new FtPrimary(here, locks, peers, datastore, tasks, events, alarms, work);
        ftBackup = new FtBackup(store, here, locks, guard, ftPrimary, datastore, events, alarms, work, network);
        power = new VmPower(store, here, locks, luns, guard, ftPrimary, datastore, events, network);
        views = new VmViews(store, here, locks);
    }

    /** A fenced host stops every VM at once and writes nothing more. */
    void fenced(String reason) {
        for (RunningVm r : here.running()) {
            here.note(r.name, r.name + " stopped: " + here.host() + " was fenced (" + reason + ")");
            here.stop(r, "fenced");
        }
        stopBackups();
    }

    private void stopBackups() {
        for (String b : here.backupNames()) {
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
        stopBackups();
        work.shutdownNow();
    }
}
