package io.lockstep.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.ClusterHost;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.Lease;
import io.lockstep.cluster.LockMode;
import io.lockstep.storage.file.FileMedium;

/**
 * A host process for {@link LockBench}. Roles:
 * <ul>
 * <li>{@code loop LUN NAME MODE ENTITY SECONDS GOFILE}: joins, prints READY, waits for GOFILE, then takes and
 * releases ENTITY as often as it can for SECONDS and prints COUNT n;</li>
 * <li>{@code hold LUN NAME MODE ENTITY}: takes ENTITY, prints HELD, and holds it until killed;</li>
 * <li>{@code take LUN NAME MODE ENTITY}: joins, prints READY, takes ENTITY (waiting up to 60 s), prints ACQ.</li>
 * </ul>
 */
public final class BenchWorker {

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String role = args[0];
        FileMedium medium = FileMedium.open(Path.of(args[1]), args[2]);
        ClusterHost host = Cluster.open(medium, AcquisitionMode.parse(args[3])).join(HostIdentity.named(args[2]));
        String entity = args[4];
        switch (role) {
            case "loop" -> {
                long seconds = Long.parseLong(args[5]);
                Path go = Path.of(args[6]);
                out.println("READY");
                while (!Files.exists(go)) {
                    Thread.sleep(2);
                }
                long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                long count = 0;
                while (System.nanoTime() < end) {
                    Lease lease = host.acquire(entity, EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ofSeconds(30));
                    lease.close();
                    count++;
                }
                out.println("COUNT " + count);
                host.close();
            }
            case "hold" -> {
                host.acquire(entity, EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ofSeconds(30));
                out.println("HELD");
                Thread.sleep(Long.MAX_VALUE);
            }
            case "take" -> {
                out.println("READY");
                host.acquire(entity, EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ofSeconds(60));
                out.println("ACQ");
                host.close();
            }
            default -> throw new IllegalArgumentException("role: expected loop, hold or take, found " + role);
        }
        medium.close();
    }
}
