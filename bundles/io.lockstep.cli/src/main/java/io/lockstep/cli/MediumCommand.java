package io.lockstep.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.lockstep.storage.PrKeys;
import io.lockstep.storage.PrReservation;
import io.lockstep.storage.ScsiException;
import io.lockstep.storage.file.FileMedium;
import io.lockstep.storage.file.LunHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep medium}: create and inspect a file medium (a LUN in one ordinary file). */
@Command(name = "medium", description = "Create and inspect a shared medium (a LUN file).",
        subcommands = {MediumCommand.Create.class, MediumCommand.Info.class}, mixinStandardHelpOptions = true)
final class MediumCommand {

    @Command(name = "create", description = "Create a sparse LUN file.", mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the LUN file to create (refused if it exists)")
        Path file;

        @Option(names = "--size", required = true, converter = Units.SizeConverter.class, description = "capacity, e.g. 64M or 1G")
        long size;

        @Option(names = "--sector-size", defaultValue = "512", description = "bytes per sector: 512 or 4096 (default ${DEFAULT-VALUE})")
        int sectorSize;

        @Override
        public Integer call() throws Exception {
            if (!io.lockstep.storage.file.LunHeader.validSectorSize(sectorSize)) {
                throw new IllegalArgumentException("--sector-size: expected a power of two from 512 to 65536, found " + sectorSize);
            }
            if (size % sectorSize != 0 || size <= 0) {
                throw new IllegalArgumentException("--size: expected a positive multiple of the " + sectorSize + "-byte sector, found " + size);
            }
            LunHeader h = FileMedium.create(file, sectorSize, size / sectorSize);
            System.out.printf("created %s: %d sectors of %d bytes (%s), serial %s%n", file, h.sectorCount(), h.sectorSize(),
                    Units.human(h.dataBytes()), h.serial());
            return 0;
        }
    }

    @Command(name = "info", description = "Show a LUN file's geometry, registrations and reservation.", mixinStandardHelpOptions = true)
    static final class Info implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            try (FileMedium m = FileMedium.open(file, Cli.observerName())) {
                LunHeader h = m.lunHeader();
                System.out.printf("LUN %s%n  serial       %s%n  sectors      %d x %d bytes (%s)%n", file, h.serial(), h.sectorCount(),
                        h.sectorSize(), Units.human(h.dataBytes()));
                PrKeys keys = Cli.retryingUnitAttention(m::readKeys);
                PrReservation reservation = Cli.retryingUnitAttention(m::readReservation);
                System.out.printf("  PR generation %d, %d registered keys%s%n", keys.generation(), keys.keys().size(),
                        keys.keys().isEmpty() ? "" : ": " + keys.keys().stream().map(k -> String.format("0x%x", k)).toList());
                System.out.println("  reservation  " + reservation);
            } catch (ScsiException e) {
                throw e;
            }
            return 0;
        }
    }
}
