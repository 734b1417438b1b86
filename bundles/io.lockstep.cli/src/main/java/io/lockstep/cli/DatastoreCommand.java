package io.lockstep.cli;

import java.util.concurrent.Callable;

import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.storage.Media;
import io.lockstep.storage.Medium;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep datastore}: the files of a datastore, created and deleted by a host that mounts it. */
@Command(name = "datastore", description = "Files on a formatted medium (a datastore).", mixinStandardHelpOptions = true,
        subcommands = {DatastoreCommand.Ls.class, DatastoreCommand.Create.class, DatastoreCommand.Rm.class})
final class DatastoreCommand {

    @Command(name = "ls", description = "List the files.", mixinStandardHelpOptions = true)
    static final class Ls implements Callable<Integer> {
        @Parameters(paramLabel = "MEDIUM")
        String medium;

        @Override
        public Integer call() throws Exception {
            try (Medium m = Media.open(medium, Cli.observerName())) {
                Table t = new Table("FILE", "KIND", "SIZE", "EXTENT");
                for (Cluster.Read<DirectoryEntry> r : Cluster.open(m).directory()) {
                    if (r.ok()) {
                        t.row(r.record().name(), r.record().kind().label(), Units.human(r.record().sizeBytes()),
                                r.record().extentLba() + "+" + r.record().extentSectors());
                    } else {
                        t.row("DAMAGED", "", "", r.error().getMessage());
                    }
                }
                t.print(System.out);
            }
            return 0;
        }
    }

    @Command(name = "create", description = "Mount as a host, create a file, tell the other hosts.", mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "MEDIUM")
        String medium;

        @Parameters(index = "1", paramLabel = "FILE", description = "an absolute name, e.g. /vm1/vm1.vmdk")
        String file;

        @Option(names = "--size", required = true, converter = Units.SizeConverter.class)
        long size;

        @Option(names = "--host", required = true)
        String host;

        @Override
        public Integer call() throws Exception {
            try (Medium m = Media.open(medium, "host:" + host); Datastore ds = Datastore.mount(m, HostIdentity.named(host))) {
                DirectoryEntry e = ds.create(file, EntityKind.FILE, size);
                System.out.printf("%s created %s (%s) at sectors %d+%d; the other hosts were notified%n", host, e.name(),
                        Units.human(e.sizeBytes()), e.extentLba(), e.extentSectors());
            }
            return 0;
        }
    }

    @Command(name = "rm", description = "Mount as a host, delete a file, tell the other hosts.", mixinStandardHelpOptions = true)
    static final class Rm implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "MEDIUM")
        String medium;

        @Parameters(index = "1", paramLabel = "FILE")
        String file;

        @Option(names = "--host", required = true)
        String host;

        @Override
        public Integer call() throws Exception {
            try (Medium m = Media.open(medium, "host:" + host); Datastore ds = Datastore.mount(m, HostIdentity.named(host))) {
                ds.delete(file);
                System.out.println(host + " deleted " + file + "; the other hosts were notified");
            }
            return 0;
        }
    }
}
