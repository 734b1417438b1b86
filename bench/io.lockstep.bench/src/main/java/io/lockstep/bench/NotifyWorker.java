package io.lockstep.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.datastore.ClusteredDisk;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.records.SharedTable;
import io.lockstep.storage.CountingMedium;
import io.lockstep.storage.file.FileMedium;

/**
 * A receiving host for {@link NotifyBench}: mounts the datastore and reports each directory generation it
 * reaches ({@code GEN generation nanoTime}) and, every 100 ms, the commands it has sent ({@code IOS n}).
 * Modes: {@code notified} (learns through the protocol at its next I/O — here its heartbeat), {@code busy}
 * (also reads a sector every 10 ms), {@code poll} (reads the notification record every heartbeat instead).
 * Arguments: mode lun host-name ats|reserve [clustered-disk-file]. With a clustered disk's file (issue 24,
 * {@link SharedDiskBench}) the host also opens it as a guest's disk would ({@code iqn.bench:<host-name>}) and reports each
 * generation of its cached reservation record it reaches ({@code VGEN generation nanoTime}), as soon as it has it.
 */
public final class NotifyWorker {

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String mode = args[0];
        CountingMedium medium = new CountingMedium(FileMedium.open(Path.of(args[1]), args[2]));
        Datastore ds = Datastore.mount(medium, HostIdentity.named(args[2]), AcquisitionMode.parse(args[3]));
        long[] last = {ds.cachedGeneration(SharedTable.DIRECTORY)};
        ClusteredDisk disk = args.length > 4 ? ds.openClusteredDisk(args[4], "iqn.bench:" + args[2]) : null;
        long[] lastVdr = {disk == null ? 0 : ds.vdr(disk.file().index()).generation()};
        ds.onRefreshed(table -> {
            report(out, ds, last);
            if (disk != null) {
                reportVdr(out, ds, disk, lastVdr);
            }
        });
        out.println("MOUNTED");
        long heartbeatMs = ds.host().cluster().timing().heartbeatInterval().toMillis();
        long nextIos = System.nanoTime();
        long nextPoll = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            if (now >= nextIos) {
                CountingMedium.Counts c = medium.counts();
                out.println("IOS " + (c.sectorIos() + c.reservations() + c.persistentReservations()));
                nextIos = now + 100_000_000L;
            }
            if (mode.equals("poll") && now >= nextPoll) {
                ds.poll();
                report(out, ds, last);
                nextPoll = now + heartbeatMs * 1_000_000L;
            }
            if (mode.equals("busy")) {
                ds.host().io().read(ds.superblock().dataLba());
            }
            if (disk != null) {
                reportVdr(out, ds, disk, lastVdr); // a refresh met by this loop's own read (busy), before the listener ran
            }
            Thread.sleep(mode.equals("busy") ? 10 : 5);
        }
    }

    private static synchronized void reportVdr(PrintStream out, Datastore ds, ClusteredDisk disk, long[] last) {
        long g = ds.vdr(disk.file().index()).generation();
        if (g > last[0]) {
            last[0] = g;
            out.println("VGEN " + g + " " + System.nanoTime());
        }
    }

    private static synchronized void report(PrintStream out, Datastore ds, long[] last) {
        long g = ds.cachedGeneration(SharedTable.DIRECTORY);
        if (g > last[0]) {
            last[0] = g;
            out.println("GEN " + g + " " + System.nanoTime());
        }
    }
}
