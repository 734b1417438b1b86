package io.lockstep.cluster.stress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.ClusterHost;
import io.lockstep.cluster.ClusterIo;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.HostFencedException;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.Lease;
import io.lockstep.cluster.LockBusyException;
import io.lockstep.cluster.LockMode;
import io.lockstep.storage.file.FileMedium;

/**
 * One contending host, as a process of its own: joins the cluster, then forever takes a random one of the
 * stress locks exclusively, writes its token into that lock's guarded sector in the data area, checks it is
 * still there a few times while holding, and releases. It reports each step on stdout, one line each:
 * <pre>
 * JOINED slot gen          ACQ lock generation waitedMs fences
 * VIOLATION lock found     LOST lock reason       REL lock       TIMEOUT lock message
 * </pre>
 * Arguments: lun-file host-name ats|reserve locks hold-ms acquire-timeout-ms seed
 */
public final class StressWorker {

    public static final String ENTITY_PREFIX = "/stress/lock-";

    public static void main(String[] args) throws Exception {
        Path lun = Path.of(args[0]);
        String name = args[1];
        AcquisitionMode mode = AcquisitionMode.parse(args[2]);
        int locks = Integer.parseInt(args[3]);
        int holdMs = Integer.parseInt(args[4]);
        Duration timeout = Duration.ofMillis(Long.parseLong(args[5]));
        Random random = new Random(Long.parseLong(args[6]));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        FileMedium medium = FileMedium.open(lun, name);
        Cluster cluster = Cluster.open(medium, mode);
        ClusterHost host = cluster.join(HostIdentity.named(name));
        ClusterIo io = cluster.io();
        long guardBase = cluster.superblock().dataLba();
        out.println("JOINED " + host.slot() + " " + host.heartbeatGeneration());
        long nonce = random.nextLong();
        while (true) {
            int lock = random.nextInt(locks);
            long start = System.nanoTime();
            Lease lease;
            try {
                lease = host.acquire(ENTITY_PREFIX + lock, EntityKind.FILE, LockMode.EXCLUSIVE, timeout);
            } catch (LockBusyException e) {
                out.println("TIMEOUT " + lock + " " + e.getMessage());
                continue;
            } catch (HostFencedException e) {
                out.println("LOST " + lock + " " + e.getMessage());
                Thread.sleep(holdMs);
                continue;
            }
            long waited = (System.nanoTime() - start) / 1_000_000;
            out.println("ACQ " + lock + " " + lease.generation() + " " + waited + " " + host.stats().fences());
            byte[] token = token(name, ++nonce, lease.generation(), io.sectorSize());
            boolean lost = false;
            try {
                for (int round = 0; round < 3 && !lost; round++) {
                    lease.ensureValid();
                    io.write(guardBase + lock, token, false);
                    Thread.sleep(1 + random.nextInt(Math.max(1, holdMs / 3)));
                    lease.ensureValid();
                    byte[] found = io.read(guardBase + lock);
                    if (!Arrays.equals(found, token)) {
                        out.println("VIOLATION " + lock + " " + new String(found, StandardCharsets.UTF_8).trim());
                    }
                }
            } catch (HostFencedException e) {
                lost = true;
                out.println("LOST " + lock + " " + e.getMessage());
            }
            try {
                lease.close();
                if (!lost) {
                    out.println("REL " + lock);
                }
            } catch (IOException e) {
                out.println("LOST " + lock + " release failed: " + e.getMessage());
            }
        }
    }

    static byte[] token(String name, long nonce, long generation, int sectorSize) {
        byte[] token = new byte[sectorSize];
        byte[] text = (name + " " + nonce + " generation " + generation).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, token, 0, Math.min(text.length, sectorSize));
        return token;
    }
}
