package io.lockstep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lockstep}: the command line for people and scripts. */
@Command(name = "lockstep", mixinStandardHelpOptions = true, version = "Lockstep 0.1.0",
        description = "Hosts that coordinate through shared storage alone.",
        subcommands = {DcCommands.Up.class, DcCommands.Down.class, DcCommands.HostCmd.class, FaultCommands.FaultCmd.class, VmCommands.VmCmd.class, VmCommands.FtCmd.class,
            DcCommands.Leases.class, DcCommands.TasksCmd.class, DcCommands.EventsCmd.class, MediumCommand.class, ClusterCommand.class,
            DatastoreCommand.class, VdiskCommand.class})
public final class Main {

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%n");
        }
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (0 ok, 1 failed, 2 bad usage). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("lockstep: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (System.getenv("LOCKSTEP_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }
}
