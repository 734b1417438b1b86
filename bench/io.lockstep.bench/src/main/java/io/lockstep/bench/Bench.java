package io.lockstep.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./lockstep bench NAME [options]}: every benchmark behind one entry point (each prints its figures, compares
 * side by side in one run, and says which command reproduces what docs/benchmarks.md records). The console's
 * benchmark runs in its UI test runtime: {@code ./lockstep bench console}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Lockstep's benchmarks.",
        subcommands = {LockBench.class, NotifyBench.class, IscsiBench.class, VdiskBench.class, DatastoreBench.class, VmBench.class, FtBench.class, AgentBench.class, QemuBench.class,
            ModelBench.class, GuardBench.class, StallBench.class, FailoverBench.class, SharedDiskBench.class, QemuFtBench.class},
        footer = {"", "  console   the console on 10,000 VMs, quiet vs streamed (./lockstep bench console [--seconds N])"})
public final class Bench implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
