package io.lockstep.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import io.lockstep.cli.Table;
import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.HeartbeatDriver;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.Timing;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.datastore.DatastoreFile;
import io.lockstep.cluster.datastore.DatastoreFiles;
import io.lockstep.storage.Medium;
import io.lockstep.storage.file.FileMedium;
import io.lockstep.storage.iscsi.IscsiMedium;
import io.lockstep.storage.iscsi.TgtTarget;
import io.lockstep.vdisk.DiskChain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The datastore's file system, side by side in one run: a VMDK (Lockstep's vdisk code) on the datastore vs the same VMDK
 * in a plain file of the local file system, for 1 MiB sequential and 4 KiB random writes and reads; a file created and
 * grown to its size in 1 MiB writes; the same on a LUN served by tgt over iSCSI; and a hung host whose lock another host
 * broke, writing on: how many of its writes the target refuses. Run: {@code ./lockstep bench datastore}.
 */
@Command(name = "datastore", mixinStandardHelpOptions = true, description = "Files on the medium vs plain files; fencing by the target.")
public final class DatastoreBench implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "work/bench/datastore")
    Path dir;

    @Option(names = "--disk-mib", defaultValue = "512", description = "virtual disk size (the sequential passes cover it)")
    int diskMib;

    @Option(names = "--random-ops", defaultValue = "10000", description = "4 KiB operations per random pass")
    int randomOps;

    @Option(names = "--grow-mib", defaultValue = "1024", description = "the size a created file grows to")
    int growMib;

    @Option(names = "--no-iscsi", description = "skip the rows over iSCSI (tgt)")
    boolean noIscsi;

    @Option(names = "--quick", description = "a smoke run: 32 MiB disk, 300 operations, 64 MiB grown")
    boolean quick;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DatastoreBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (quick) {
            diskMib = 32;
            randomOps = 300;
            growMib = 64;
        }
        Files.createDirectories(dir);
        out.printf("Lockstep datastore benchmark — VMDK of %d MiB, %d random 4 KiB I/Os, a file grown to %d MiB; local file system %s%n%n",
                diskMib, randomOps, growMib, Files.getFileStore(dir).type());
        Table t = Table.markdown("operation", "medium", "plain file MB/s", "datastore MB/s", "datastore / plain");
        long lunBytes = ((long) diskMib * 2 + growMib + 64) << 20;
        Path plain = Files.createDirectories(dir.resolve("plain"));
        List<String> media = new ArrayList<>(List.of("LUN file"));
        TgtTarget tgt = null;
        if (!noIscsi && Files.isExecutable(Path.of("/usr/sbin/tgtd"))) {
            media.add("iSCSI (tgt)");
        }
        try {
            for (String kind : media) {
                Medium m;
                if (kind.startsWith("iSCSI")) {
                    tgt = TgtTarget.start(dir.resolve("tgt").toAbsolutePath());
                    TgtTarget.Lun lun = tgt.lun("bench", lunBytes, List.of());
                    m = IscsiMedium.open(lun.uri(), "bench-a").takeUnitAttentions();
                } else {
                    Path lun = dir.resolve("bench.lun");
                    Files.deleteIfExists(lun);
                    FileMedium.create(lun, 512, lunBytes / 512);
                    m = FileMedium.open(lun, "bench-a");
                }
                try (m) {
                    Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(Timing.LOCAL_IO_TIMEOUT).withLabel("bench").forced());
                    try (Datastore ds = Datastore.mount(m, HostIdentity.named("bench-a"))) {
                        Path onDs = ds.fileSystem().getPath("/");
                        vmdkRows(t, kind, plain, onDs);
                        layerRows(t, kind, plain, ds, m);
                        growRow(t, kind, plain, ds);
                    }
                }
            }
        } finally {
            if (tgt != null) {
                tgt.close();
            }
        }
        t.print(out);
        out.println();
        fencing();
        return 0;
    }

    private void vmdkRows(Table t, String kind, Path plainDir, Path dsDir) throws IOException {
        long bytes = (long) diskMib << 20;
        byte[] mib = new byte[1 << 20];
        new Random(1).nextBytes(mib);
        Path[] disks = {plainDir.resolve("disk.vmdk"), dsDir.resolve("disk.vmdk")};
        double[] seqWrite = new double[2];
        double[] seqRead = new double[2];
        double[] rndWrite = new double[2];
        double[] rndRead = new double[2];
        for (int run = 0; run < 2; run++) { // alternating, the better of two each
            for (int i = 0; i < 2; i++) {
                Path d = disks[i];
                Files.deleteIfExists(d);
                DiskChain.create(d, bytes);
                try (DiskChain c = DiskChain.open(d, true)) {
                    long t0 = System.nanoTime();
                    for (long off = 0; off < bytes; off += mib.length) {
                        c.write(off / 512, mib);
                    }
                    c.flush();
                    seqWrite[i] = Math.max(seqWrite[i], mbps(bytes, t0));
                    t0 = System.nanoTime();
                    for (long off = 0; off < bytes; off += mib.length) {
                        c.read(off / 512, mib.length / 512);
                    }
                    seqRead[i] = Math.max(seqRead[i], mbps(bytes, t0));
                    Random r = new Random(9);
                    byte[] page = new byte[4096];
                    t0 = System.nanoTime();
                    for (int k = 0; k < randomOps; k++) {
                        r.nextBytes(page);
                        c.write((long) r.nextInt((int) (bytes / 4096)) * 8, page);
                    }
                    c.flush();
                    rndWrite[i] = Math.max(rndWrite[i], mbps((long) randomOps * 4096, t0));
                    t0 = System.nanoTime();
                    for (int k = 0; k < randomOps; k++) {
                        c.read((long) r.nextInt((int) (bytes / 4096)) * 8, 8);
                    }
                    rndRead[i] = Math.max(rndRead[i], mbps((long) randomOps * 4096, t0));
                }
                Files.delete(d);
            }
        }
        row(t, "VMDK sequential 1 MiB write (+ flush)", kind, seqWrite);
        row(t, "VMDK sequential 1 MiB read", kind, seqRead);
        row(t, "VMDK random 4 KiB write (+ flush)", kind, rndWrite);
        row(t, "VMDK random 4 KiB read", kind, rndRead);
    }

    /**
     * Where a small read's time goes: 4 KiB random reads of a plain file, of a datastore file (the file system, no VMDK),
     * and of the medium itself (no file system) — each against the plain file.
     */
    private void layerRows(Table t, String kind, Path plainDir, Datastore ds, io.lockstep.storage.Medium m) throws IOException {
        long bytes = Math.min((long) diskMib << 20, 256L << 20);
        Path plain = plainDir.resolve("layers.bin");
        byte[] mib = new byte[1 << 20];
        new Random(4).nextBytes(mib);
        try (FileChannel c = FileChannel.open(plain, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ,
                StandardOpenOption.TRUNCATE_EXISTING);
                DatastoreFile f = ds.fs().open("/layers.bin", DatastoreFiles.Access.WRITE, true, false, true)) {
            for (long off = 0; off < bytes; off += mib.length) {
                c.write(ByteBuffer.wrap(mib), off);
                f.write(ByteBuffer.wrap(mib), off);
            }
            c.force(true);
            f.force();
            int pages = (int) (bytes / 4096);
            double[] plainRate = new double[1];
            double[] fileRate = new double[1];
            double[] mediumRate = new double[1];
            long lba0 = f.mediumRun(0, 1)[0];
            for (int run = 0; run < 2; run++) {
                Random r = new Random(21);
                ByteBuffer page = ByteBuffer.allocate(4096);
                long t0 = System.nanoTime();
                for (int k = 0; k < randomOps; k++) {
                    c.read(page.clear(), (long) r.nextInt(pages) * 4096);
                }
                plainRate[0] = Math.max(plainRate[0], mbps((long) randomOps * 4096, t0));
                r = new Random(21);
                t0 = System.nanoTime();
                for (int k = 0; k < randomOps; k++) {
                    f.read(page.clear(), (long) r.nextInt(pages) * 4096);
                }
                fileRate[0] = Math.max(fileRate[0], mbps((long) randomOps * 4096, t0));
                r = new Random(21);
                t0 = System.nanoTime();
                for (int k = 0; k < randomOps; k++) {
                    m.read(lba0 + (long) r.nextInt(pages) * 8, 8); // the file is one extent here: its blocks in a row
                }
                mediumRate[0] = Math.max(mediumRate[0], mbps((long) randomOps * 4096, t0));
            }
            if (f.entry().extentCount() != 1) {
                throw new IllegalStateException("the layers file should be one extent, found " + f.entry().extentCount());
            }
            row(t, "random 4 KiB read: the medium itself (no file system)", kind, new double[] {plainRate[0], mediumRate[0]});
            row(t, "random 4 KiB read: a datastore file (no VMDK)", kind, new double[] {plainRate[0], fileRate[0]});
        } finally {
            Files.deleteIfExists(plain);
        }
        ds.fs().delete("/layers.bin");
    }

    private void growRow(Table t, String kind, Path plainDir, Datastore ds) throws IOException {
        long bytes = (long) growMib << 20;
        ByteBuffer mib = ByteBuffer.allocate(1 << 20);
        new Random(2).nextBytes(mib.array());
        double[] rate = new double[2];
        Path plain = plainDir.resolve("grown");
        Files.deleteIfExists(plain);
        long t0 = System.nanoTime();
        try (FileChannel c = FileChannel.open(plain, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long off = 0; off < bytes; off += mib.capacity()) {
                c.write(mib.clear(), off);
            }
            c.force(true);
        }
        rate[0] = mbps(bytes, t0);
        Files.delete(plain);
        t0 = System.nanoTime();
        int shown = 0;
        try (DatastoreFile f = ds.fs().open("/grown", DatastoreFiles.Access.WRITE, true, true, false)) {
            for (long off = 0; off < bytes; off += mib.capacity()) {
                f.write(mib.clear(), off);
                int pct = (int) (100 * (off + mib.capacity()) / bytes);
                if (pct >= shown + 25) {
                    shown = pct;
                    System.err.printf("  growing /grown on the %s: %d%%%n", kind, pct);
                }
            }
            f.force();
            t.row("create + grow a file to " + growMib + " MiB (1 MiB writes, + force), " + f.entry().extentCount() + " extent(s)", kind,
                    String.format("%.0f", rate[0]), String.format("%.0f", mbps(bytes, t0)), String.format("%.2f×", mbps(bytes, t0) / rate[0]));
        }
        ds.fs().delete("/grown");
    }

    /** Host A holds a file and hangs; host B breaks its lock after T and takes the file; A's writes meet the target. */
    private void fencing() throws Exception {
        Path lun = dir.resolve("fence.lun");
        Files.deleteIfExists(lun);
        FileMedium.create(lun, 512, (64L << 20) / 512);
        try (FileMedium f = FileMedium.open(lun, "formatter")) {
            Cluster.format(f, Cluster.FormatOptions.defaults().withIoTimeout(Timing.LOCAL_IO_TIMEOUT).withLabel("fence").forced());
        }
        Stoppable hang = new Stoppable();
        try (FileMedium ma = FileMedium.open(lun, "host-a"); FileMedium mb = FileMedium.open(lun, "host-b");
                Datastore b = Datastore.mount(mb, HostIdentity.named("host-b"))) {
            Datastore a = Datastore.mount(ma, HostIdentity.named("host-a"), AcquisitionMode.bestFor(ma.capabilities()), hang);
            DatastoreFile fa = a.fs().open("/disk", DatastoreFiles.Access.WRITE, true, true, false);
            fa.write(ByteBuffer.wrap(new byte[1 << 20]), 0);
            fa.force();
            hang.stopped = true; // host A hangs: its heartbeat stops, its session lives on
            long t0 = System.nanoTime();
            DatastoreFile fb = null;
            while (fb == null) {
                try {
                    fb = b.fs().open("/disk", DatastoreFiles.Access.WRITE, false, false, false);
                } catch (java.nio.file.FileSystemException held) {
                    Thread.sleep(50);
                }
            }
            double took = (System.nanoTime() - t0) / 1e9;
            int tries = 100;
            int refused = 0;
            long lba = a.superblock().firstBlockLba();
            int attentions = 0;
            for (int i = 0; i < tries; i++) {
                try {
                    ma.write(lba + i, new byte[512], false); // straight to the medium, as a host that ignores its fence would
                } catch (io.lockstep.storage.ReservationConflictException refusedByTarget) {
                    refused++;
                } catch (io.lockstep.storage.CheckConditionException unitAttention) {
                    if (++attentions < 5) {
                        i--; // a unit attention is reported once per event; the write is tried again
                    }
                }
            }
            fb.close();
            try {
                a.close();
            } catch (IOException fenced) {
                // host A was fenced: what it still had to release, the target refuses
            }
            out.printf("Fencing by the target (T = %d ms): host B opened host A's file %.1f s after A hung; then %d of %d raw writes "
                    + "by host A to the file's blocks were refused by the target%n", a.superblock().timing().leaseTimeout().toMillis(), took,
                    refused, tries);
        }
    }

    /** A heartbeat that a benchmark can stop, as SIGSTOP would. */
    private static final class Stoppable implements HeartbeatDriver {
        volatile boolean stopped;

        @Override
        public Renewals start(String host, Duration interval, Runnable renewal) {
            return HeartbeatDriver.DAEMON.start(host, interval, () -> {
                if (!stopped) {
                    renewal.run();
                }
            });
        }
    }

    private static void row(Table t, String op, String kind, double[] r) {
        t.row(op, kind, String.format("%.0f", r[0]), String.format("%.0f", r[1]), String.format("%.2f×", r[1] / r[0]));
    }

    private static double mbps(long bytes, long t0) {
        return bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
    }
}
