package io.lockstep.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.lockstep.vdisk.DiskChain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep vdisk}: VMDK disks and their delta chains. */
@Command(name = "vdisk", description = "Virtual disks (VMDK monolithicSparse) and delta chains.", mixinStandardHelpOptions = true,
        subcommands = {VdiskCommand.Create.class, VdiskCommand.Info.class, VdiskCommand.Snapshot.class, VdiskCommand.Commit.class,
                VdiskCommand.Revert.class, VdiskCommand.Check.class, SharedDiskCommands.Share.class,
                SharedDiskCommands.Shared.class, SharedDiskCommands.Unshare.class})
final class VdiskCommand {

    @Command(name = "create", description = "Create a sparse disk.", mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--size", required = true, converter = Units.SizeConverter.class, description = "e.g. 10G")
        long size;

        @Override
        public Integer call() throws Exception {
            DiskChain.create(file, size);
            System.out.printf("created %s: %s, sparse%n", file, Units.human(size));
            return 0;
        }
    }

    @Command(name = "info", description = "Show a disk and its chain, top first.", mixinStandardHelpOptions = true)
    static final class Info implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            try (DiskChain d = DiskChain.open(file, false)) {
                Table t = new Table("DEPTH", "FILE", "CID", "PARENT CID", "ALLOCATED", "ON DISK");
                List<DiskChain.Layer> layers = d.layers();
                for (int i = 0; i < layers.size(); i++) {
                    DiskChain.Layer l = layers.get(i);
                    t.row(i, l.path(), String.format("%08x", l.cid()), l.parentHint() == null ? "-" : String.format("%08x", l.parentCid()),
                            Units.human(l.allocatedGrains() * 65536), Units.human(l.fileBytes()));
                }
                System.out.printf("%s: %s virtual, %d layer(s)%n", file, Units.human(d.sectorCount() * 512), d.depth());
                t.print(System.out);
            }
            return 0;
        }
    }

    @Command(name = "snapshot", description = "Add a delta on top: the current top becomes a read-only parent.", mixinStandardHelpOptions = true)
    static final class Snapshot implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "TOP")
        Path top;

        @Parameters(index = "1", paramLabel = "NEW-DELTA")
        Path delta;

        @Override
        public Integer call() throws Exception {
            try (DiskChain d = DiskChain.open(top, true)) {
                d.snapshot(delta);
                System.out.printf("%s now sits on %s (%d layers)%n", delta, top, d.depth());
            }
            return 0;
        }
    }

    @Command(name = "commit", description = "Merge the top delta into its parent and delete it.", mixinStandardHelpOptions = true)
    static final class Commit implements Callable<Integer> {
        @Parameters(paramLabel = "TOP")
        Path top;

        @Override
        public Integer call() throws Exception {
            try (DiskChain d = DiskChain.open(top, true)) {
                long start = System.nanoTime();
                DiskChain.CommitResult r = d.commit();
                double s = (System.nanoTime() - start) / 1e9;
                System.out.printf("merged %s into %s: %d grains (%s) in %.2f s; %s is the top now%n", r.merged(), r.into(), r.grains(),
                        Units.human(r.bytes()), s, d.top());
            }
            return 0;
        }
    }

    @Command(name = "revert", description = "Drop the top delta (its writes are lost); its parent is the top again.", mixinStandardHelpOptions = true)
    static final class Revert implements Callable<Integer> {
        @Parameters(paramLabel = "TOP")
        Path top;

        @Override
        public Integer call() throws Exception {
            try (DiskChain d = DiskChain.open(top, true)) {
                Path dropped = d.revert();
                System.out.printf("dropped %s; %s is the top now%n", dropped, d.top());
            }
            return 0;
        }
    }

    @Command(name = "check", description = "Check every layer's tables.", mixinStandardHelpOptions = true)
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            try (DiskChain d = DiskChain.open(file, false)) {
                List<String> problems = d.check();
                problems.forEach(System.out::println);
                System.out.println(problems.isEmpty() ? "no errors in " + d.depth() + " layer(s)" : problems.size() + " problem(s)");
                return problems.isEmpty() ? 0 : 1;
            }
        }
    }
}
