package io.lockstep.vm.guest;

import java.io.IOException;
import java.util.Map;

import io.lockstep.vm.GuestContext;
import io.lockstep.vm.GuestMemory;
import io.lockstep.vm.GuestProgram;
import io.lockstep.vm.GuestRegistry;

/**
 * A disk-heavy guest: every step writes a block of {@code blockSectors} at a random place within the first
 * {@code spanSectors} of its disk (content from a PRNG kept in memory) and reads another back, folding what it
 * read into its memory — so the disk's content is part of the guest's state. With {@code workingSetPages=N}
 * boot fills pages 1..N and every step also writes one of them (a disk-heavy guest that holds memory too).
 */
public final class DiskGuest implements GuestProgram {

    private static final long STATE = 0; // u64 PRNG, u64 steps, u64 fold of what was read

    private final int blockSectors;
    private final long span;
    private final int workingSet;
    private final String spec;

    public DiskGuest(Map<String, String> params) {
        GuestRegistry.onlyKnown(params, "disk", "blockSectors", "spanSectors", "workingSetPages");
        blockSectors = (int) GuestRegistry.parameter(params, "disk", "blockSectors", 8, 1, 2048);
        span = GuestRegistry.parameter(params, "disk", "spanSectors", 65536, 1, Long.MAX_VALUE / 2);
        workingSet = (int) GuestRegistry.parameter(params, "disk", "workingSetPages", 0, 0, 1 << 28);
        spec = "disk:blockSectors=" + blockSectors + ",spanSectors=" + span + (workingSet > 0 ? ",workingSetPages=" + workingSet : "");
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public void checkFits(long memoryBytes, long diskSectors) {
        if (diskSectors < span) {
            throw new IllegalArgumentException("disk guest: a span of " + span + " sectors needs a disk at least that large (it has " + diskSectors + ")");
        }
        long pages = memoryBytes / GuestMemory.PAGE;
        if (workingSet >= pages) {
            throw new IllegalArgumentException("disk guest: a working set of " + workingSet + " pages needs more than the guest's " + pages + " pages");
        }
    }

    @Override
    public void boot(GuestContext ctx) {
        checkFits(ctx.memory().bytes(), ctx.diskSectors());
        ctx.memory().writeLong(STATE, 0x2545F4914F6CDD1DL);
        byte[] page = new byte[GuestMemory.PAGE];
        long x = 0x9E3779B97F4A7C15L;
        for (int p = 1; p <= workingSet; p++) {
            for (int i = 0; i < page.length; i += 8) {
                x = next(x);
                page[i] = (byte) x;
                page[i + 4] = (byte) (x >>> 32);
            }
            ctx.memory().write((long) p * GuestMemory.PAGE, page);
        }
    }

    @Override
    public boolean step(GuestContext ctx) throws IOException {
        GuestMemory m = ctx.memory();
        while (ctx.nextInput() != null) {
            // timers and stray inputs are consumed; the work does not depend on them
        }
        long x = m.readLong(STATE);
        byte[] block = new byte[blockSectors * 512];
        long blocks = span / blockSectors;
        x = next(x);
        long at = Long.remainderUnsigned(x, blocks) * blockSectors;
        for (int i = 0; i < block.length; i += 8) {
            x = next(x);
            for (int b = 0; b < 8; b++) {
                block[i + b] = (byte) (x >>> (8 * b));
            }
        }
        ctx.diskWrite(at, block);
        x = next(x);
        byte[] back = ctx.diskRead(Long.remainderUnsigned(x, blocks) * blockSectors, blockSectors);
        long fold = m.readLong(STATE + 16);
        for (byte b : back) {
            fold = fold * 31 + b;
        }
        long steps = m.readLong(STATE + 8);
        if (workingSet > 0) {
            m.writeLong((1 + steps % workingSet) * GuestMemory.PAGE + (steps / workingSet % 512) * 8, fold ^ x);
        }
        m.writeLong(STATE, x);
        m.writeLong(STATE + 8, steps + 1);
        m.writeLong(STATE + 16, fold);
        return true;
    }

    private static long next(long x) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        return x;
    }
}
