package io.lockstep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.datastore.DatastoreCheck;
import io.lockstep.cluster.datastore.DatastoreFile;
import io.lockstep.cluster.datastore.DatastoreFiles;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.storage.Media;
import io.lockstep.storage.Medium;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lockstep datastore}: the file system on a formatted medium. Commands that change it, or read a file, mount the
 * datastore as a host for their run (a heartbeat slot, leases on what they touch) and leave it afterwards.
 */
@Command(name = "datastore", description = "The file system on a formatted medium (a datastore).", mixinStandardHelpOptions = true,
        subcommands = {DatastoreCommand.Ls.class, DatastoreCommand.Df.class, DatastoreCommand.Mkdir.class, DatastoreCommand.CpIn.class,
                DatastoreCommand.CpOut.class, DatastoreCommand.Mv.class, DatastoreCommand.Rm.class, DatastoreCommand.Check.class,
                DatastoreCommand.Create.class, DatastoreCommand.TortureRun.class})
final class DatastoreCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** The medium, and the host name a command that mounts it takes part as. */
    static final class Target {
        @Parameters(index = "0", paramLabel = "MEDIUM", description = "a LUN file or iscsi://host:port/iqn/lun")
        String medium;

        @Option(names = "--host", description = "the host name to mount as (default: cli-<pid>)")
        String host;

        String hostName() {
            return host != null ? host : "cli-" + ProcessHandle.current().pid();
        }

        Medium open() throws IOException {
            return Media.open(medium, "host:" + hostName());
        }

        Datastore mount(Medium m) throws IOException {
            return Datastore.mount(m, HostIdentity.named(hostName()));
        }
    }

    @Command(name = "ls", description = "List a directory (default /).", mixinStandardHelpOptions = true)
    static final class Ls implements Callable<Integer> {
        @Mixin
        Target target;

        @Parameters(index = "1", paramLabel = "DIR", defaultValue = "/")
        String dir;

        @Option(names = "-l", description = "sizes, blocks, extents, times and who holds each file")
        boolean longFormat;

        @Option(names = "-R", description = "every directory below, too")
        boolean recursive;

        private final java.util.Map<String, String> held = new java.util.HashMap<>();

        @Override
        public Integer call() throws Exception {
            try (Medium m = target.open(); Datastore ds = target.mount(m)) {
                Table t = longFormat ? new Table("NAME", "KIND", "SIZE", "BLOCKS", "EXTENTS", "MODIFIED", "HELD BY")
                        : new Table("NAME", "KIND", "SIZE");
                if (longFormat) {
                    java.util.Map<Integer, String> hostOfSlot = new java.util.HashMap<>();
                    for (Cluster.Read<io.lockstep.cluster.records.HeartbeatRecord> h : ds.host().cluster().heartbeats()) {
                        if (h.ok() && h.record().live()) {
                            hostOfSlot.put(h.record().slot(), h.record().hostName());
                        }
                    }
                    for (DatastoreFiles.FileInfo f : ds.fs().describe()) {
                        if (f.owner() != null) {
                            held.put(f.entry().name(), f.owner().mode().label() + " by " + String.join(", ", f.owner().owners().stream()
                                    .map(o -> hostOfSlot.getOrDefault(o.slot(), "slot " + o.slot())).toList()));
                        }
                    }
                }
                list(ds, dir, t);
                t.print(System.out);
            }
            return 0;
        }

        private void list(Datastore ds, String d, Table t) throws IOException {
            for (DirectoryEntry e : ds.fs().list(d)) {
                DirectoryEntry now = ds.fs().stat(e.name()).orElse(e);
                if (longFormat) {
                    t.row(now.name() + (now.isDirectory() ? "/" : ""), now.kind().label(), now.isDirectory() ? "-" : Units.human(now.sizeBytes()),
                            now.blocks(), now.extentCount(), WHEN.format(Instant.ofEpochMilli(now.modifiedMillis())), held.getOrDefault(now.name(), "-"));
                } else {
                    t.row(now.name() + (now.isDirectory() ? "/" : ""), now.kind().label(), now.isDirectory() ? "-" : Units.human(now.sizeBytes()));
                }
                if (recursive && now.isDirectory()) {
                    list(ds, now.name(), t);
                }
            }
        }
    }

    @Command(name = "df", description = "Space: blocks used and free, directory entries used.", mixinStandardHelpOptions = true)
    static final class Df implements Callable<Integer> {
        @Mixin
        Target target;

        @Override
        public Integer call() throws Exception {
            try (Medium m = target.open(); Datastore ds = target.mount(m)) {
                DatastoreFiles.Usage u = ds.fs().usage();
                Table t = new Table("DATASTORE", "SIZE", "USED", "FREE", "USE%", "BLOCK", "FILES", "DIRS", "ENTRIES FREE");
                long bb = u.blockBytes();
                t.row(ds.superblock().label(), Units.human(u.blocks() * bb), Units.human(u.usedBlocks() * bb), Units.human(u.freeBlocks() * bb),
                        u.blocks() == 0 ? "-" : (100 * u.usedBlocks() / u.blocks()) + "%", Units.human(bb), u.files(), u.directories(),
                        u.entries() - u.usedEntries());
                t.print(System.out);
            }
            return 0;
        }
    }

    @Command(name = "mkdir", description = "Make a directory (-p: and its parents).", mixinStandardHelpOptions = true)
    static final class Mkdir implements Callable<Integer> {
        @Mixin
        Target target;

        @Parameters(index = "1", paramLabel = "DIR")
        String dir;

        @Option(names = "-p", description = "make missing parents; no error if it exists")
        boolean parents;

        @Override
        public Integer call() throws Exception {
            try (Medium m = target.open(); Datastore ds = target.mount(m)) {
                if (parents) {
                    ds.fs().mkdirs(dir);
                } else {
                    ds.fs().mkdir(dir);
                }
                System.out.println("made " + dir + " on " + ds.superblock().label());
            }
            return 0;
        }
    }

    @Command(name = "cp-in", description = "Copy a local file (or, with -r, a directory) onto the datastore.", mixinStandardHelpOptions = true)
    static final class CpIn implements Callable<Integer> {
        @Mixin
        Target target;

        @Parameters(index = "1", paramLabel = "LOCAL")
        Path local;

        @Parameters(index = "2", paramLabel = "DEST", description = "a path on the datastore (an existing directory: copied into it)")
        String dest;

        @Option(names = "-r", description = "copy a directory and what it holds")
        boolean recursive;

        @Override
        public Integer call() throws Exception {
            try (Medium m = target.open(); Datastore ds = target.mount(m)) {
                Path to = ds.fileSystem().getPath(dest);
                if (Files.isDirectory(to)) {
                    to = to.resolve(local.getFileName().toString());
                }
                copyTree(local, to, recursive, System.err);
            }
            return 0;
        }
    }

    @Command(name = "cp-out", description = "Copy a datastore file (or, with -r, a directory) to a local path.", mixinStandardHelpOptions = true)
    static final class CpOut implements Callable<Integer> {
        @Mixin
        Target target;

        @Parameters(index = "1", paramLabel = "SOURCE")
        String source;

        @Parameters(index = "2", paramLabel = "LOCAL", description = "a local path (an existing directory: copied into it)")
        Path local;

        @Option(names = "-r", description = "copy a directory and what it holds")
        boolean recursive;

        @Override
        public Integer call() throws Exception {
            try (Medium m = target.open(); Datastore ds = target.mount(m)) {
                Path from = ds.fileSystem().getPath(source);
                Path to = Files.isDirectory(local) && from.getFileName() != null ? local.resolve(from.getFileName().toString()) : local;
                copyTree(from, to, recursive, System.err);
            }
            return 0;
        }
    }

    /** Copies a file or a tree between two file systems (either may be the datastore's), with progress on {@code progress}. */
    static void copyTree(Path from, Path to, boolean recursive, PrintStream progress) throws IOException {
        if (Files.isDirectory(from)) {
            if (!recursive) {
                throw new IOException(from + " is a directory: copy it with -r");
            }
            if (!Files.isDirectory(to)) {
                Files.createDirectory(to);
            }
            List<Path> children;
            try (var s = Files.list(from)) {
                children = s.sorted().toList();
            }
            for (Path c : children) {
                copyTree(c, to.resolve(c.getFileName().toString()), true, progress);
            }
            return;
        }
        if (Files.exists(to)) {
            throw new java.nio.file.FileAlreadyExistsException(to.toString(), null, "the copy does not overwrite; remove it first");
        }
        long size = Files.size(from);
        long start = System.nanoTime();
        long shown = start;
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(to, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(4 << 20);
            long done = 0;
            while (true) {
                buf.clear();
                int n = in.read(buf, done);
                if (n <= 0) {
                    break;
                }
                buf.flip();
                while (buf.hasRemaining()) {
                    out.write(buf, done + (n - buf.remaining()));
                }
                done += n;
                long now = System.nanoTime();
                if (now - shown > 1_000_000_000L) {
                    shown = now;
                    progress.printf("  %s: %s of %s (%d%%), %.0f MiB/s%n", to, Units.human(done), Units.human(size), size == 0 ? 100 : 100 * done / size,
                            done / 1048576.0 / ((now - start) / 1e9));
                }
            }
            out.force(true);
        }
        double s = (System.nanoTime() - start) / 1e9;
        progress.printf("copied %s to %s: %s in %.1f s (%.0f MiB/s)%n", from, to, Units.human(size), s, size / 1048576.0 / Math.max(s, 1e-9));
    }

    @Command(name = "mv", description = "Rename a file or directory.", mixinStandardHelpOptions = true)
    static final class Mv implements Callable<Integer> {
        @Mixin
        Target target;

        @Parameters(index = "1", paramLabel = "FROM")
        String from;

        @Parameters(index = "2", paramLabel = "TO")
        String to;

        @Override
        public Integer call() throws Exception {
            try (Medium m = target.open(); Datastore ds = target.mount(m)) {
                ds.fs().rename(from, to);
                System.out.println("renamed " + from + " to " + to + "; the other hosts were notified");
            }
            return 0;
        }
    }

    @Command(name = "rm", description = "Delete a file or an empty directory (-r: a directory and what it holds).", mixinStandardHelpOptions = true)
    static final class Rm implements Callable<Integer> {
        @Mixin
        Target target;

        @Parameters(index = "1", paramLabel = "PATH")
        String path;

        @Option(names = "-r", description = "a directory and everything in it")
        boolean recursive;

        @Override
        public Integer call() throws Exception {
            try (Medium m = target.open(); Datastore ds = target.mount(m)) {
                remove(ds, path);
                System.out.println("deleted " + path + "; the other hosts were notified");
            }
            return 0;
        }

        private void remove(Datastore ds, String p) throws IOException {
            if (recursive && ds.fs().isDirectory(p)) {
                for (DirectoryEntry e : ds.fs().list(p)) {
                    remove(ds, e.name());
                }
            }
            ds.fs().delete(p);
        }
    }

    @Command(name = "check", description = "Check the file system (fsck): extents, free map, entries, journals, leases. "
            + "Exit code 1 when it is not clean.", mixinStandardHelpOptions = true)
    static final class Check implements Callable<Integer> {
        @Mixin
        Target target;

        @Override
        public Integer call() throws Exception {
            try (Medium m = target.open(); Datastore ds = target.mount(m)) {
                DatastoreCheck.Report r = DatastoreCheck.run(ds);
                for (String n : r.notes()) {
                    System.out.println("note: " + n);
                }
                for (String p : r.problems()) {
                    System.out.println("PROBLEM: " + p);
                }
                System.out.printf("%s: %d files, %d directories, %d blocks used, %d held by files: %s%n", ds.superblock().label(), r.files(),
                        r.directories(), r.usedBlocks(), r.ownedBlocks(), r.clean() ? "clean" : r.problems().size() + " problems");
                return r.clean() ? 0 : 1;
            }
        }
    }

    @Command(name = "create", description = "Create a thick file (all blocks allocated and zeroed), e.g. a clustered disk.",
            mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {
        @Mixin
        Target target;

        @Parameters(index = "1", paramLabel = "FILE", description = "an absolute name, e.g. /vm1/shared.disk")
        String file;

        @Option(names = "--size", required = true, converter = Units.SizeConverter.class)
        long size;

        @Override
        public Integer call() throws Exception {
            try (Medium m = target.open(); Datastore ds = target.mount(m)) {
                DirectoryEntry e = ds.create(file, EntityKind.FILE, size);
                System.out.printf("%s created %s (%s, %d blocks); the other hosts were notified%n", target.hostName(), e.name(),
                        Units.human(e.sizeBytes()), e.blocks());
            }
            return 0;
        }
    }

    @Command(name = "torture", description = "SIGKILL and restart host processes changing files; then check the file system and every "
            + "acknowledged change.", mixinStandardHelpOptions = true)
    static final class TortureRun implements Callable<Integer> {
        @Option(names = "--dir", defaultValue = "work/torture", description = "where the LUN file goes")
        Path dir;

        @Option(names = "--processes", defaultValue = "3")
        int processes;

        @Option(names = "--duration", defaultValue = "60s", converter = Units.DurationConverter.class)
        java.time.Duration duration;

        @Option(names = "--io-timeout", defaultValue = "250ms", converter = Units.DurationConverter.class)
        java.time.Duration ioTimeout;

        @Option(names = "--kill-every", defaultValue = "3s", converter = Units.DurationConverter.class, description = "mean time between kills")
        java.time.Duration killEvery;

        @Option(names = "--acquisition", defaultValue = "both", description = "ats, reserve or both")
        String acquisition;

        @Override
        public Integer call() throws Exception {
            List<io.lockstep.cluster.AcquisitionMode> modes = acquisition.equalsIgnoreCase("both")
                    ? List.of(io.lockstep.cluster.AcquisitionMode.values()) : List.of(io.lockstep.cluster.AcquisitionMode.parse(acquisition));
            boolean clean = true;
            for (io.lockstep.cluster.AcquisitionMode mode : modes) {
                io.lockstep.cluster.stress.FileTorture.Result r = io.lockstep.cluster.stress.FileTorture.run(
                        new io.lockstep.cluster.stress.FileTorture.Options(dir, mode, processes, duration, ioTimeout, killEvery, System.nanoTime(),
                                System.out));
                System.out.println(r.summary());
                r.checkProblems().forEach(p -> System.out.println("  CHECK: " + p));
                r.dataProblems().forEach(p -> System.out.println("  DATA: " + p));
                clean &= r.clean();
            }
            return clean ? 0 : 1;
        }
    }
}
