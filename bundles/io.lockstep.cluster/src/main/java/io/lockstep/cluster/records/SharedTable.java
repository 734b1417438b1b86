package io.lockstep.cluster.records;

/** The shared metadata tables that hosts cache and refresh on notification. */
public enum SharedTable {
    /** The directory of entities (files) on the datastore. */
    DIRECTORY,
    /** The virtual-disk reservation table. */
    VDR;

    public String label() {
        return name().toLowerCase();
    }
}
