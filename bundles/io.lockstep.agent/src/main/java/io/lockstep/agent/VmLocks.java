package io.lockstep.agent;

import java.io.IOException;
import java.util.List;

import io.lockstep.agent.api.LockOwner;
import io.lockstep.agent.api.LockView;

import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.Lease;
import io.lockstep.cluster.LockBusyException;
import io.lockstep.cluster.LockMode;

/**
 * The locks that say who runs a VM (ARCHITECTURE "Heartbeats and leases"): a host runs a VM while it holds the
 * exclusive lock on its {@code vm.json}, and its disk's lock (multi-writer while an FT pair shares it). Taking them
 * waits out a dead holder ({@code Timing.lockWait}); who holds them is read from the medium's lock table, so every
 * agent answers truthfully about VMs that run elsewhere.
 */
final class VmLocks {

    private static final System.Logger LOG = System.getLogger(VmLocks.class.getName());

    /** The lock table as the agent last read it from the medium (at most a moment old). */
    interface Table {
        List<LockView> read() throws IOException;
    }

    /** The host that holds a VM's config lock, whether that host's heartbeat is live, since when it holds it, and whether
     *  the lock is from before its holder restarted or was fenced. */
    record Where(String host, boolean live, long heldSince, boolean previousLife) {
    }

    private final Datastore datastore;
    private final Table table;
    private final Runnable changed;

    /** {@code changed}: told when this host took or released a lock (the next read of the table goes to the medium). */
    VmLocks(Datastore datastore, Table table, Runnable changed) {
        this.datastore = datastore;
        this.table = table;
        this.changed = changed;
    }

    /** Takes a lock of {@code vm}'s, waiting out a dead holder; a live holder's lock is a conflict that names it. */
    Lease acquire(String entity, LockMode mode, String vm) throws IOException {
        try {
            Lease l = datastore.host().acquire(entity, EntityKind.FILE, mode, datastore.superblock().timing().lockWait());
            changed.run();
            return l;
        } catch (LockBusyException e) {
            changed.run();
            Where w = where(vm);
            throw ApiException.conflict(vm + ": the lock on " + entity + " is held" + (w.host() == null ? "" : " by " + w.host())
                    + " (" + e.getMessage() + "); is it powered on elsewhere?");
        } catch (IllegalStateException e) {
            // this host holds it already: another operation on the VM here got there first
            throw ApiException.conflict(vm + ": " + e.getMessage() + "; another operation on it is at work on this host");
        }
    }

    /** Takes the config lock of a VM that failed over to this host, breaking the lock of the primary it replaced. */
    Lease takeOver(String vm) throws IOException {
        Lease l = datastore.host().acquire(VmStore.configEntity(vm), EntityKind.FILE, LockMode.EXCLUSIVE,
                datastore.superblock().timing().failoverLockWait());
        changed.run();
        return l;
    }

    void release(Lease l) {
        changed.run();
        if (l != null) {
            try {
                l.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "releasing " + l.entity() + ": " + e.getMessage());
            }
        }
    }

    /** Who holds {@code vm}'s config lock, from the medium's lock table. */
    Where where(String vm) throws IOException {
        for (LockView lock : table.read()) {
            if (VmStore.configEntity(vm).equals(lock.entity()) && !lock.owners().isEmpty()) {
                LockOwner o = lock.owners().get(0);
                return new Where(o.host(), o.live(), o.acquiredAt(), o.stale() != null);
            }
        }
        return new Where(null, false, 0, false);
    }
}
