package io.lockstep.vm.guest;

import java.util.Map;

import io.lockstep.vm.GuestContext;
import io.lockstep.vm.GuestMemory;
import io.lockstep.vm.GuestProgram;
import io.lockstep.vm.GuestRegistry;
import io.lockstep.vm.InputEvent;

/**
 * A memory-churn guest: every step does some arithmetic and writes into {@code dirtyPagesPerStep} pages chosen
 * at random (a PRNG whose state lives in page 0) among its first {@code workingSetPages} pages. Its dirty rate
 * is steps per second (set by the CPU share) × pages per step. With {@code paced=1} it works only when a timer
 * tick arrives (one step a tick, idle otherwise), so its dirty rate is ticks per second × pages per step whatever
 * the CPU; with {@code prefill=1} boot writes every page of the working set (a guest that uses all its memory).
 */
public final class ChurnGuest implements GuestProgram {

    private static final long STATE = 0; // u64 PRNG state, u64 steps, u64 accumulator, u64 timer ticks

    private final int workingSet;
    private final int dirtyPerStep;
    private final int workPerStep;
    private final boolean paced;
    private final boolean prefill;
    private final String spec;

    public ChurnGuest(Map<String, String> params) {
        GuestRegistry.onlyKnown(params, "churn", "workingSetPages", "dirtyPagesPerStep", "workPerStep", "paced", "prefill");
        workingSet = (int) GuestRegistry.parameter(params, "churn", "workingSetPages", 1024, 1, 1 << 28);
        dirtyPerStep = (int) GuestRegistry.parameter(params, "churn", "dirtyPagesPerStep", 1, 0, 4096);
        workPerStep = (int) GuestRegistry.parameter(params, "churn", "workPerStep", 200, 0, 10_000_000);
        paced = GuestRegistry.parameter(params, "churn", "paced", 0, 0, 1) == 1;
        prefill = GuestRegistry.parameter(params, "churn", "prefill", 0, 0, 1) == 1;
        spec = "churn:workingSetPages=" + workingSet + ",dirtyPagesPerStep=" + dirtyPerStep + ",workPerStep=" + workPerStep
                + (paced ? ",paced=1" : "") + (prefill ? ",prefill=1" : "");
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public void checkFits(long memoryBytes, long diskSectors) {
        long pages = memoryBytes / GuestMemory.PAGE;
        if (workingSet >= pages) {
            throw new IllegalArgumentException("churn: a working set of " + workingSet + " pages needs more than the guest's " + pages + " pages");
        }
    }

    @Override
    public void boot(GuestContext ctx) {
        checkFits(ctx.memory().bytes(), ctx.diskSectors());
        ctx.memory().writeLong(STATE, 0x9E3779B97F4A7C15L);
        if (prefill) {
            byte[] page = new byte[GuestMemory.PAGE];
            long x = 0x2545F4914F6CDD1DL;
            for (int p = 1; p <= workingSet; p++) {
                for (int i = 0; i < page.length; i += 8) {
                    x ^= x << 13;
                    x ^= x >>> 7;
                    x ^= x << 17;
                    page[i] = (byte) x;
                    page[i + 1] = (byte) (x >>> 8);
                    page[i + 2] = (byte) (x >>> 16);
                    page[i + 3] = (byte) (x >>> 24);
                }
                ctx.memory().write((long) p * GuestMemory.PAGE, page);
            }
        }
    }

    @Override
    public boolean step(GuestContext ctx) {
        GuestMemory m = ctx.memory();
        InputEvent e;
        boolean ticked = false;
        boolean any = false;
        while ((e = ctx.nextInput()) != null) {
            any = true;
            if (e.kind() == InputEvent.Kind.TIMER) {
                m.writeLong(STATE + 24, m.readLong(STATE + 24) + 1);
                ticked = true;
                if (paced) {
                    break; // one tick's work a step
                }
            }
        }
        if (paced && !ticked) {
            return any; // nothing to do until the next tick (and nothing was written)
        }
        long x = m.readLong(STATE);
        long acc = m.readLong(STATE + 16);
        for (int i = 0; i < workPerStep; i++) {
            acc = acc * 6364136223846793005L + 1442695040888963407L + i;
        }
        for (int i = 0; i < dirtyPerStep; i++) {
            x ^= x >>> 12;
            x ^= x << 25;
            x ^= x >>> 27;
            long r = x * 2685821657736338717L;
            int page = 1 + (int) Long.remainderUnsigned(r, workingSet);
            int offset = (int) Long.remainderUnsigned(r >>> 20, GuestMemory.PAGE / 8) * 8;
            m.writeLong((long) page * GuestMemory.PAGE + offset, r ^ acc);
        }
        m.writeLong(STATE, x);
        m.writeLong(STATE + 8, m.readLong(STATE + 8) + 1);
        m.writeLong(STATE + 16, acc);
        return true;
    }
}
