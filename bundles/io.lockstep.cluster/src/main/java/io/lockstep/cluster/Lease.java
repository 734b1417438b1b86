package io.lockstep.cluster;

import java.io.IOException;
import java.util.Map;

/**
 * A lock this host holds: valid while the host's heartbeat is (see {@link Timing}); its lock generation is a
 * fencing token. Guarded writes check {@link #ensureValid()} first; several sectors change as one through
 * {@link #writeAtomically}.
 */
public final class Lease implements AutoCloseable {

    private final ClusterHost host;
    private final String entity;
    private final EntityKind kind;
    private final LockMode mode;
    private final int record;
    private final long lba;
    private final long generation;
    private final long acquiredAtNanos;
    private volatile boolean released;

    Lease(ClusterHost host, String entity, EntityKind kind, LockMode mode, int record, long lba, long generation) {
        this.host = host;
        this.lba = lba;
        this.entity = entity;
        this.kind = kind;
        this.mode = mode;
        this.record = record;
        this.generation = generation;
        this.acquiredAtNanos = System.nanoTime();
    }

    /** The sector of its lock record (in the lock table, or a file's own record). */
    public long lba() {
        return lba;
    }

    public String entity() {
        return entity;
    }

    public EntityKind kind() {
        return kind;
    }

    public LockMode mode() {
        return mode;
    }

    /** The lock record's generation at acquisition: a fencing token that grows with every acquisition. */
    public long generation() {
        return generation;
    }

    public int record() {
        return record;
    }

    public long heldForMillis() {
        return (System.nanoTime() - acquiredAtNanos) / 1_000_000;
    }

    public boolean valid() {
        return !released && host.heartbeatValid();
    }

    /** Throws unless this host may still act under this lease. */
    public void ensureValid() throws IOException {
        if (released) {
            throw new HostFencedException("the lease on " + entity + " was released");
        }
        host.ensureHeartbeatValid();
    }

    /** Changes the given data-area sectors as one (through the redo journal), under this lease. */
    public void writeAtomically(Map<Long, byte[]> sectors) throws IOException {
        ensureValid();
        host.journaledWrite(sectors);
    }

    void markReleased() {
        released = true;
    }

    boolean released() {
        return released;
    }

    /** Releases the lock (see {@link ClusterHost#release}). */
    @Override
    public void close() throws IOException {
        host.release(this);
    }

    @Override
    public String toString() {
        return mode.label() + " lock on " + kind.label() + " " + entity + " (generation " + generation + ")";
    }
}
