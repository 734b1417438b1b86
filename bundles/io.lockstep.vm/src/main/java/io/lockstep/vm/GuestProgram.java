package io.lockstep.vm;

import java.io.IOException;

/**
 * A guest: a program whose whole state is its memory and its devices. The runtime calls {@link #boot} once on a
 * zeroed memory and then {@link #step} again and again; a step does a bounded amount of work.
 */
public interface GuestProgram {

    /** The name it is selected by, with its parameters ({@code churn:workingSetPages=1024}). */
    String spec();

    /**
     * Refuses, with an {@link IllegalArgumentException} saying what it needs, a machine this guest cannot run on: asked
     * when a VM is created (so a guest bigger than its memory is a 400 then, not a failure at power-on) and again at boot.
     */
    default void checkFits(long memoryBytes, long diskSectors) {
    }

    /** Lays out the guest's memory on first start (deterministic from its parameters). */
    void boot(GuestContext ctx) throws IOException;

    /**
     * One step. Returns false when the guest has nothing to do until an input arrives; such a step must change
     * nothing (a replay does not run it), which the runtime checks.
     */
    boolean step(GuestContext ctx) throws IOException;
}
