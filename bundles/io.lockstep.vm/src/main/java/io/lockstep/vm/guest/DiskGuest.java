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
 * read into its memory — so the disk's content is part of the guest's state.
 */
public final class DiskGuest implements GuestProgram {

    private static final long STATE = 0; // u64 PRNG, u64 steps, u64 fold of what was read

    private final int blockSectors;
    private final long span;
    private final String spec;

    public DiskGuest(Map<String, String> params) {
        GuestRegistry.onlyKnown(params, "disk", "blockSectors", "spanSectors");
        blockSectors = (int) GuestRegistry.parameter(params, "disk", "blockSectors", 8, 1, 2048);
        span = GuestRegistry.parameter(params, "disk", "spanSectors", 65536, 1, Long.MAX_VALUE / 2);
        spec = "disk:blockSectors=" + blockSectors + ",spanSectors=" + span;
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public void boot(GuestContext ctx) {
        if (ctx.diskSectors() < span) {
            throw new IllegalArgumentException("disk guest: a span of " + span + " sectors needs a disk at least that large (it has "
                    + ctx.diskSectors() + ")");
        }
        ctx.memory().writeLong(STATE, 0x2545F4914F6CDD1DL);
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
        m.writeLong(STATE, x);
        m.writeLong(STATE + 8, m.readLong(STATE + 8) + 1);
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
