package io.lockstep.console.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.lockstep.agent.history.HistoryFile;
import io.lockstep.agent.history.HistoryKind;
import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.Timing;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.storage.Media;
import io.lockstep.storage.Medium;
import io.lockstep.storage.file.FileMedium;
import io.lockstep.console.tests.bots.LocalDatacenter;

/**
 * The agent's side of history (issue 26): what appending costs for many VMs, as the agent's recorder does it — a
 * sample a second per VM (consolidated in memory), a row and a state slot written per VM every 10-s step — with the
 * standard layout (10 s for a day, 5 min for a month). On a plain directory, and on the datastore's own file system on a
 * LUN file (what the agent uses). Simulated time: the figures are the work, not the waits between seconds.
 */
final class HistoryAppendBench {

    /** What one run measured. */
    record Result(String where, int vms, double createMillis, double stepMillis, double quietSecondMillis, double microsPerAppend, long fileBytes,
            int steps) {
        String row() {
            return String.format("| %s | %,d | %.0f ms (%.2f ms a file) | %.1f ms (%.1f µs a VM) | %.2f ms | %,d B |", where, vms, createMillis,
                    createMillis / vms, stepMillis, microsPerAppend, quietSecondMillis, fileBytes);
        }
    }

    static final String HEADER = "| where | VMs | creating their files | a 10-s step: a row + state per VM (mean of %d) | a second inside a step (samples in memory) | a file |\n"
            + "|---|---|---|---|---|---|\n";

    private HistoryAppendBench() {
    }

    /** {@code vms} files in {@code dir} (a plain directory), then {@code steps} steps of 10 one-second samples each. */
    static Result plain(Path dir, int vms, int steps) throws IOException {
        Files.createDirectories(dir);
        try {
            return run("plain directory (ext4)", dir, vms, steps);
        } finally {
            LocalDatacenter.deleteTree(dir);
        }
    }

    /** The same on the datastore's file system, on a LUN file in {@code dir} formatted and mounted as the agent does. */
    static Result datastore(Path dir, int vms, int steps) throws IOException {
        Files.createDirectories(dir);
        Path lun = dir.resolve("lun.img");
        long bytes = vms * (4L << 20) + (256L << 20); // 1-MiB blocks: a 1.5 MB file takes 2, and grows ahead of need while it is made
        try {
            FileMedium.create(lun, 512, bytes / 512);
            try (FileMedium m = FileMedium.open(lun, "format")) {
                Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(Timing.LOCAL_IO_TIMEOUT).withLabel("bench").withEntries(vms + 64)); // a directory entry a file
            }
            Medium medium = Media.open(lun.toString(), "bench-host");
            try (Datastore ds = Datastore.mount(medium, new HostIdentity("bench-host", UUID.randomUUID()), AcquisitionMode.bestFor(medium.capabilities()))) {
                Path root = ds.sharedFileSystem().getPath("/.history/vms");
                Files.createDirectories(root);
                return run("datastore on a LUN file", root, vms, steps);
            } finally {
                medium.close();
            }
        } finally {
            LocalDatacenter.deleteTree(dir);
        }
    }

    private static Result run(String where, Path dir, int vms, int steps) throws IOException {
        HistoryFile.Layout layout = HistoryFile.Layout.standard();
        List<HistoryFile> files = new ArrayList<>(vms);
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < vms; i++) {
                files.add(HistoryFile.openOrCreate(dir.resolve("vm" + i + ".lshist"), HistoryKind.VM, "vm" + i, layout, System.currentTimeMillis()));
            }
            double create = (System.nanoTime() - t0) / 1e6;
            double[] v = new double[HistoryKind.VM.metrics().size()];
            long start = (System.currentTimeMillis() / 1000 / 300 + 1) * 300; // a 5-min boundary: both archives' rows start here
            double stepsTotal = 0;
            double quietTotal = 0;
            int quietSeconds = 0;
            for (int s = 0; s <= steps * 10; s++) {
                Arrays.fill(v, s % 7);
                long t = System.nanoTime();
                for (HistoryFile f : files) {
                    f.update(start + s, v);
                }
                double ms = (System.nanoTime() - t) / 1e6;
                if (s % 10 == 0) {
                    if (s > 0) {
                        stepsTotal += ms; // the second that ends a step: every VM's row and state written
                    }
                } else {
                    quietTotal += ms;
                    quietSeconds++;
                }
            }
            double step = stepsTotal / steps;
            return new Result(where, vms, create, step, quietTotal / quietSeconds, step * 1000 / vms, files.get(0).length(), steps);
        } finally {
            for (HistoryFile f : files) {
                f.close();
            }
        }
    }
}
