package io.lockstep.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.ClusterHost;
import io.lockstep.cluster.ClusterObserver;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.Lease;
import io.lockstep.cluster.LockBusyException;
import io.lockstep.cluster.LockMode;
import io.lockstep.cluster.records.Superblock;
import io.lockstep.cluster.stress.Torture;
import io.lockstep.storage.Media;
import io.lockstep.storage.Medium;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep cluster}: format a medium, look at its hosts and locks, take a lock, watch, torture. */
@Command(name = "cluster", description = "Heartbeats and leases on a shared medium.", mixinStandardHelpOptions = true,
        subcommands = {ClusterCommand.Format.class, ClusterCommand.Status.class, ClusterCommand.Lock.class,
                ClusterCommand.Watch.class, ClusterCommand.TortureRun.class})
final class ClusterCommand {

    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @Command(name = "format", description = "Format a medium for Lockstep (heartbeat slots, journals, lock records).",
            mixinStandardHelpOptions = true)
    static final class Format implements Callable<Integer> {
        @Parameters(paramLabel = "MEDIUM", description = "a LUN file, or iscsi://host:port/target-iqn/lun")
        String medium;

        @Option(names = "--io-timeout", defaultValue = "2s", converter = Units.DurationConverter.class,
                description = "the I/O timeout every timing derives from: heartbeat 2x, lease timeout 8x (default ${DEFAULT-VALUE})")
        Duration ioTimeout;

        @Option(names = "--slots", defaultValue = "64", description = "heartbeat slots: how many hosts (default ${DEFAULT-VALUE})")
        int slots;

        @Option(names = "--locks", defaultValue = "1024", description = "lock records (default ${DEFAULT-VALUE})")
        int locks;

        @Option(names = "--label", defaultValue = "datastore", description = "a name for people (default ${DEFAULT-VALUE})")
        String label;

        @Option(names = "--entries", defaultValue = "1024", description = "directory entries: files and directories it can hold (default ${DEFAULT-VALUE})")
        int entries;

        @Option(names = "--block-size", defaultValue = "1MiB", converter = Units.SizeConverter.class,
                description = "the file system's block: a power of two from one sector to 64 MiB (default ${DEFAULT-VALUE})")
        long blockSize;

        @Option(names = "--force", description = "format even if already formatted (destroys its leases)")
        boolean force;

        @Override
        public Integer call() throws Exception {
            try (Medium m = Media.open(medium, Cli.observerName())) {
                Cluster.FormatOptions o = Cluster.FormatOptions.defaults().withIoTimeout(ioTimeout).withSlots(slots).withLocks(locks)
                        .withLabel(label).withEntries(entries).withBlockBytes((int) Math.min(blockSize, Integer.MAX_VALUE));
                Superblock sb = Cluster.format(m, force ? o.forced() : o);
                System.out.printf("formatted %s as '%s' (cluster %s)%n  %d heartbeat slots, %d lock records, %d directory entries%n"
                        + "  file system: %d blocks of %s from sector %d (%s), free map at sector %d%n  %s%n",
                        medium, sb.label(), sb.uuid(), sb.slots(), sb.locks(), sb.directoryEntries(), sb.blocks(), Units.human(sb.blockBytes()),
                        sb.firstBlockLba(), Units.human(sb.blocks() * sb.blockBytes()), sb.freeMapLba(), sb.timing());
            }
            return 0;
        }
    }

    @Command(name = "status", aliases = {"hosts", "locks"}, description = "List heartbeat slots and locks.",
            mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer> {
        @Parameters(paramLabel = "MEDIUM")
        String medium;

        @Option(names = "--observe", defaultValue = "0s", converter = Units.DurationConverter.class,
                description = "watch heartbeats this long first, to tell live hosts from stopped ones (e.g. 5s)")
        Duration observe;

        @Override
        public Integer call() throws Exception {
            try (Medium m = Media.open(medium, Cli.observerName())) {
                Cluster cluster = Cluster.open(m);
                ClusterObserver observer = new ClusterObserver(cluster);
                observer.observe();
                if (!observe.isZero()) {
                    Thread.sleep(observe.toMillis());
                }
                print(System.out, cluster.superblock(), observer.observe(), !observe.isZero());
            }
            return 0;
        }
    }

    static void print(PrintStream out, Superblock sb, ClusterObserver.Snapshot s, boolean observed) {
        out.printf("%s '%s' — %s — at %s%n", sb.uuid(), sb.label(), s.timing(), CLOCK.format(s.at()));
        Table hosts = new Table("SLOT", "STATE", "HOST", "GEN", "COUNTER", observed ? "UNCHANGED FOR" : "", observed ? "EXPIRES IN" : "");
        for (ClusterObserver.HostView h : s.hosts()) {
            hosts.row(h.slot(), h.state().name().toLowerCase() + (h.fencedBy() >= 0 ? " (by slot " + h.fencedBy() + ")" : ""), h.host(),
                    h.generation(), h.counter(), observed ? ms(h.unchangedFor()) : "",
                    observed && h.state().name().equals("LIVE") ? bar(h.timeToExpiry(), s.timing().leaseTimeout()) : "");
        }
        out.println();
        out.println("Heartbeats (" + hosts.size() + " slots in use of " + sb.slots() + ")");
        hosts.print(out);
        Table locks = new Table("LOCK", "KIND", "MODE", "GEN", "OWNERS");
        for (ClusterObserver.LockView l : s.locks()) {
            StringBuilder owners = new StringBuilder();
            for (ClusterObserver.OwnerView o : l.owners()) {
                if (owners.length() > 0) {
                    owners.append(", ");
                }
                owners.append(o.host()).append(" (slot ").append(o.slot()).append(o.stale() ? ", STALE" : "")
                        .append(", since ").append(CLOCK.format(Instant.ofEpochMilli(o.acquiredAtMillis())));
                if (observed && !o.stale()) {
                    owners.append(", expires in ").append(ms(o.timeToExpiry()));
                }
                owners.append(')');
            }
            locks.row(l.entity(), l.kind().label(), l.mode().label(), l.generation(), owners.length() == 0 ? "-" : owners);
        }
        out.println();
        out.println("Locks (" + locks.size() + ")");
        locks.print(out);
        out.println();
        Table regs = new Table("KEY", "HOST");
        s.registrations().forEach(r -> regs.row(String.format("0x%016x", r.key()), r.host()));
        out.println("Registrations (" + regs.size() + ")");
        regs.print(out);
        if (s.notification() != null) {
            Table n = new Table("TABLE", "GEN", "CHANGED BY", "AT", "INDICATOR (hosts still to refresh)");
            for (io.lockstep.cluster.records.SharedTable table : io.lockstep.cluster.records.SharedTable.values()) {
                io.lockstep.cluster.records.NotificationRecord.Entry e = s.notification().entry(table);
                n.row(table.label(), e.generation(), e.changedBy() < 0 ? "-" : "slot " + e.changedBy(),
                        e.changedAtMillis() == 0 ? "-" : CLOCK.format(Instant.ofEpochMilli(e.changedAtMillis())), slots(e.pending()));
            }
            out.println();
            out.println("Notification record (sequence " + s.notification().sequence() + ")");
            n.print(out);
        }
        out.println();
        Table files = new Table("FILE", "KIND", "SIZE", "BLOCKS", "EXTENTS");
        s.files().forEach(f -> files.row(f.name(), f.kind().label(), Units.human(f.sizeBytes()), f.blocks(), f.extentCount()));
        out.println("Files (" + files.size() + ")");
        files.print(out);
        for (String d : s.damaged()) {
            out.println("DAMAGED: " + d);
        }
    }

    static String slots(long bitmap) {
        if (bitmap == 0) {
            return "clear";
        }
        StringBuilder b = new StringBuilder("set: slots");
        for (int i = 0; i < 64; i++) {
            if ((bitmap & (1L << i)) != 0) {
                b.append(' ').append(i);
            }
        }
        return b.toString();
    }

    static String ms(Duration d) {
        return d.toMillis() + " ms";
    }

    /** Time to expiry as a bar: full when just renewed, empty when the lease may be broken. */
    static String bar(Duration left, Duration total) {
        int width = 20;
        int filled = (int) Math.round(width * (double) left.toMillis() / Math.max(1, total.toMillis()));
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + left.toMillis() + " ms";
    }

    @Command(name = "watch", description = "Show heartbeats and locks live, as this host sees them.", mixinStandardHelpOptions = true)
    static final class Watch implements Callable<Integer> {
        @Parameters(paramLabel = "MEDIUM")
        String medium;

        @Option(names = "--every", defaultValue = "1s", converter = Units.DurationConverter.class, description = "refresh interval")
        Duration every;

        @Option(names = "--count", defaultValue = "0", description = "stop after this many refreshes (0: until Ctrl+C)")
        int count;

        @Override
        public Integer call() throws Exception {
            boolean tty = System.console() != null;
            try (Medium m = Media.open(medium, Cli.observerName())) {
                Cluster cluster = Cluster.open(m);
                ClusterObserver observer = new ClusterObserver(cluster);
                for (int i = 0; count == 0 || i < count; i++) {
                    ClusterObserver.Snapshot s = observer.observe();
                    if (tty) {
                        System.out.print("\033[H\033[2J");
                    }
                    print(System.out, cluster.superblock(), s, i > 0);
                    System.out.println();
                    Thread.sleep(every.toMillis());
                }
            }
            return 0;
        }
    }

    @Command(name = "lock", description = "Join as a host, take a lock, hold it, release it: run it in two terminals to watch hosts contend.",
            mixinStandardHelpOptions = true)
    static final class Lock implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "MEDIUM")
        String medium;

        @Parameters(index = "1", paramLabel = "ENTITY", description = "what to lock, e.g. /vmfs/vm1/vm1.vmdk")
        String entity;

        @Option(names = "--host", required = true, description = "this host's name (the same name reclaims the same slot)")
        String host;

        @Option(names = "--mode", defaultValue = "exclusive", description = "exclusive, shared-read or multi-writer")
        String mode;

        @Option(names = "--kind", defaultValue = "file", description = "filesystem, directory or file")
        String kind;

        @Option(names = "--acquisition", description = "ats or reserve (default: ats when the medium has COMPARE AND WRITE)")
        String acquisition;

        @Option(names = "--wait", defaultValue = "60s", converter = Units.DurationConverter.class, description = "how long to wait for holders")
        Duration wait;

        @Option(names = "--hold", converter = Units.DurationConverter.class,
                description = "release after this long (default: when you press Enter)")
        Duration hold;

        @Override
        public Integer call() throws Exception {
            LockMode lockMode = LockMode.parse(mode);
            EntityKind entityKind = EntityKind.parse(kind);
            try (Medium m = Media.open(medium, "host:" + host)) {
                AcquisitionMode acq = acquisition == null ? AcquisitionMode.bestFor(m.capabilities()) : AcquisitionMode.parse(acquisition);
                // a host that writes to the medium takes part in the registration protocol (Datastore), or the
                // All Registrants reservation of the hosts already there would refuse its writes
                io.lockstep.cluster.datastore.Datastore ds = io.lockstep.cluster.datastore.Datastore.mount(m, HostIdentity.named(host), acq);
                ClusterHost me = ds.host();
                Cluster cluster = me.cluster();
                CountDownLatch fenced = new CountDownLatch(1);
                me.onFenced(reason -> {
                    System.out.println("FENCED: " + reason + " — this host stops acting under its leases");
                    fenced.countDown();
                });
                System.out.printf("%s joined in heartbeat slot %d (generation %d), %s mode; %s%n", host, me.slot(), me.heartbeatGeneration(),
                        acq.label(), cluster.timing());
                Lease lease = acquire(me, lockMode, entityKind);
                if (lease == null) {
                    ds.close();
                    return 3;
                }
                System.out.printf("%s holds %s%n", host, lease);
                Thread releaser = new Thread(() -> {
                    try {
                        ds.close();
                    } catch (Exception e) {
                        System.err.println("lockstep: release failed: " + e.getMessage());
                    }
                });
                Runtime.getRuntime().addShutdownHook(releaser);
                if (hold != null) {
                    System.out.println("releasing in " + hold.toMillis() + " ms");
                    fenced.await(hold.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    System.out.println("press Enter (or Ctrl+C) to release");
                    Thread reader = new Thread(() -> {
                        try {
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                        } catch (Exception e) {
                            // stdin closed
                        }
                        fenced.countDown();
                    });
                    reader.setDaemon(true);
                    reader.start();
                    fenced.await();
                }
                boolean wasFenced = me.fencedReason() != null;
                Runtime.getRuntime().removeShutdownHook(releaser);
                ds.close();
                System.out.println(wasFenced ? host + " was fenced; its lock was taken over" : host + " released " + entity + " and left");
                return wasFenced ? 4 : 0;
            }
        }

        private Lease acquire(ClusterHost me, LockMode lockMode, EntityKind entityKind) throws Exception {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                try {
                    return me.acquire(entity, entityKind, lockMode, Duration.ofMillis(Math.min(1000, Math.max(0,
                            (deadline - System.nanoTime()) / 1_000_000))));
                } catch (LockBusyException busy) {
                    if (System.nanoTime() >= deadline) {
                        System.out.println("gave up: " + busy.getMessage());
                        return null;
                    }
                    System.out.println("waiting: " + busy.getMessage().replaceAll("; .* waited \\d+ ms$", ""));
                }
            }
        }
    }

    @Command(name = "torture", description = "SIGKILL and restart contending host processes; check no lock is ever held twice.",
            mixinStandardHelpOptions = true)
    static final class TortureRun implements Callable<Integer> {
        @Option(names = "--dir", defaultValue = "work/torture", description = "where the LUN files go")
        Path dir;

        @Option(names = "--processes", defaultValue = "4")
        int processes;

        @Option(names = "--locks", defaultValue = "3")
        int locks;

        @Option(names = "--duration", defaultValue = "25s", converter = Units.DurationConverter.class)
        Duration duration;

        @Option(names = "--io-timeout", defaultValue = "100ms", converter = Units.DurationConverter.class)
        Duration ioTimeout;

        @Option(names = "--acquisition", defaultValue = "both", description = "ats, reserve or both")
        String acquisition;

        @Override
        public Integer call() throws Exception {
            List<AcquisitionMode> modes = acquisition.equalsIgnoreCase("both") ? List.of(AcquisitionMode.values())
                    : List.of(AcquisitionMode.parse(acquisition));
            boolean clean = true;
            for (AcquisitionMode mode : modes) {
                Torture.Result r = Torture.run(new Torture.Options(dir, mode, processes, locks, duration, ioTimeout,
                        Duration.ofMillis(1500), System.nanoTime(), System.out));
                System.out.println(r.summary());
                r.details().forEach(d -> System.out.println("  " + d));
                r.problems().forEach(p -> System.out.println("  PROBLEM: " + p));
                clean &= r.problems().isEmpty() && r.violations() == 0 && r.generationErrors() == 0;
            }
            return clean ? 0 : 1;
        }
    }
}
