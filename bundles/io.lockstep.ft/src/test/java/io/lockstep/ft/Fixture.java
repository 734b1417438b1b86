package io.lockstep.ft;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.lockstep.cluster.Cluster;
import io.lockstep.storage.file.FileMedium;
import io.lockstep.vdisk.DiskChain;

/** A formatted datastore LUN and shared virtual disks in a folder; free loopback ports; redis-cli. */
final class Fixture {

    final Path dir;
    final Path lun;

    Fixture(Path dir) throws IOException {
        this.dir = dir;
        this.lun = dir.resolve("datastore.lun");
        FileMedium.create(lun, 512, (64L << 20) / 512); // sparse; each pair's go-live record takes a block
        try (FileMedium m = FileMedium.open(lun, "formatter")) {
            Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(io.lockstep.cluster.Timing.LOCAL_IO_TIMEOUT).withLocks(256).withSlots(64));
        }
    }

    /** The datastore as host {@code name} mounts it (ATS). */
    io.lockstep.cluster.datastore.Datastore host(String name) throws IOException {
        return io.lockstep.cluster.datastore.Datastore.mount(io.lockstep.storage.Media.open(lun.toString(), name), io.lockstep.cluster.HostIdentity.named(name),
                io.lockstep.cluster.AcquisitionMode.ATS);
    }

    Path disk(String name) throws IOException {
        Path d = dir.resolve(name + ".vmdk");
        DiskChain.create(d, 64L << 20);
        return d;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Runs redis-cli against {@code port} and returns what it printed (trimmed); a missing tool says which package. */
    static String redis(int port, String... args) throws IOException, InterruptedException {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("redis-cli", "-p", Integer.toString(port)));
        cmd.addAll(java.util.List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("redis-cli is not installed here (apt-get install redis-tools; .ci/run installs it)");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out.trim();
    }
}
