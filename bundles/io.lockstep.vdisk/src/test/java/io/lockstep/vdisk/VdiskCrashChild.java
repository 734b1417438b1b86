package io.lockstep.vdisk;

import java.nio.file.Path;

/**
 * Writes numbered 4 KiB blocks through a delta chain, each to its own place, flushing every 7 writes and
 * printing {@code FLUSHED n} once writes 0..n are durable — until it is killed.
 * Arguments: top-of-chain seed
 */
public final class VdiskCrashChild {

    public static void main(String[] args) throws Exception {
        int seed = Integer.parseInt(args[1]);
        try (DiskChain d = DiskChain.open(Path.of(args[0]), true)) {
            long blocks = VdiskCrashTest.SECTORS / VdiskCrashTest.BLOCK_SECTORS; // one write per block: none overwrites another
            for (int i = 0; i < blocks; i++) {
                d.write(VdiskCrashTest.lbaOf(i, seed), VdiskCrashTest.block(i, seed));
                if (i % 7 == 6) {
                    d.flush();
                    System.out.println("FLUSHED " + i);
                    System.out.flush();
                }
            }
            d.flush();
            System.out.println("FLUSHED " + (blocks - 1));
            Thread.sleep(60_000); // wait to be killed
        }
    }
}
