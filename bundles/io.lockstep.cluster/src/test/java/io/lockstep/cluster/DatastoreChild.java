package io.lockstep.cluster;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import io.lockstep.storage.PrType;
import io.lockstep.storage.ReservationConflictException;
import io.lockstep.storage.file.FileMedium;
import io.lockstep.cluster.datastore.ClusteredDisk;
import io.lockstep.cluster.datastore.Datastore;

/** A host in a process of its own, for the cross-process notification tests. Prints one line per milestone. */
public final class DatastoreChild {

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String mode = args[0];
        FileMedium medium = FileMedium.open(Path.of(args[1]), args[2]);
        Datastore ds = Datastore.mount(medium, HostIdentity.named(args[2]), AcquisitionMode.parse(args[3]));
        String watched = args.length > 4 ? args[4] : "";
        ds.onRefreshed(table -> {
            if (ds.file(watched).isPresent()) {
                out.println("SAW " + System.nanoTime());
            }
        });
        out.println("MOUNTED " + ds.host().slot());
        switch (mode) {
            case "busy" -> {
                long failures = 0;
                for (int i = 0; i < 100_000; i++) {
                    try {
                        ds.host().io().read(ds.superblock().dataLba());
                    } catch (Exception e) {
                        failures++;
                        out.println("FAILED " + e);
                    }
                    if (i % 10 == 0) {
                        out.println("READS " + (i + 1) + " FAILURES " + failures);
                    }
                    Thread.sleep(10);
                }
            }
            case "idle" -> Thread.sleep(Long.MAX_VALUE);
            case "hold-and-write" -> {
                Lease lease = ds.host().acquire(watched, EntityKind.FILE, LockMode.EXCLUSIVE, Duration.ofSeconds(10));
                out.println("HELD " + lease.generation());
                byte[] mine = new byte[512];
                Arrays.fill(mine, (byte) 'D');
                long target = ds.superblock().dataLba() + 7;
                while (true) {
                    Thread.sleep(20);
                    try {
                        ds.host().io().write(target, mine, true);
                        out.println("WROTE");
                    } catch (HostFencedException e) {
                        out.println("FENCED " + e.getMessage());
                        try {
                            medium.write(target, mine, true); // straight to the target, past every check of ours
                            out.println("RAW-WROTE");
                        } catch (ReservationConflictException conflict) {
                            out.println("RAW-CONFLICT");
                        }
                        return;
                    }
                }
            }
            case "guest" -> {
                ClusteredDisk node1 = ds.openClusteredDisk(watched, "iqn.2026-11.io.lockstep:node1");
                node1.register(0, 0x1111);
                node1.reserve(0x1111, PrType.WRITE_EXCLUSIVE);
                for (int i = 0; i < 5; i++) {
                    byte[] s = new byte[512];
                    Arrays.fill(s, (byte) (0x10 + i));
                    node1.write(i, s, true);
                }
                out.println("RESERVED-AND-WROTE");
                Thread.sleep(Long.MAX_VALUE);
            }
            default -> throw new IllegalArgumentException(mode);
        }
    }
}
