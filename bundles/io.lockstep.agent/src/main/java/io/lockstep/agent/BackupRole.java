package io.lockstep.agent;

import io.lockstep.cluster.Lease;
import io.lockstep.ft.Backup;

/** This host as the FT backup of a VM that runs elsewhere. */
final class BackupRole {

    final String name;
    final VmConfig config;
    final String primary;
    final Backup backup;
    volatile Lease diskLease;
    /** The VM's config lock, taken when this backup won the go-live record (the fence), before the VM serves here. */
    volatile Lease configLease;

    BackupRole(VmConfig config, String primary, Backup backup, Lease diskLease) {
        this.name = config.name();
        this.config = config;
        this.primary = primary;
        this.backup = backup;
        this.diskLease = diskLease;
    }
}
