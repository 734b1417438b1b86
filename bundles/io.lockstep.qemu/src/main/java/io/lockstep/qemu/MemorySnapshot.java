package io.lockstep.qemu;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A QEMU machine's memory and device state as one stream (QEMU's migration format), taken at one point in time while
 * the guest keeps running, and loaded into a machine that waits for it. Saving uses the {@code background-snapshot}
 * migration capability: QEMU stops the guest for a moment (the downtime), write-protects its memory and resumes it,
 * then sends each page as it was at that moment (a page the guest writes first is sent before the write proceeds), so
 * the stream is a point-in-time image however long it takes to write. The stream goes over a unix socket this class
 * listens on, to whatever channel the caller gives (a checkpoint file on the datastore), with progress. Loading starts
 * from a machine started with {@code -incoming defer} (see {@link #incomingArgs()}) and paused: {@code migrate-incoming}
 * on a socket QEMU listens on, the stream written to it, then {@code cont}.
 */
public final class MemorySnapshot {

    /** What a save took: bytes written, the guest's downtime (QEMU's figure) and the whole time. */
    public record Saved(long bytes, long downtimeMillis, long totalMillis, long ramBytes) {
    }

    private static final int CHUNK = 1 << 20;

    private MemorySnapshot() {
    }

    /** The QEMU arguments a machine that is to load a snapshot starts with (start it paused as well). */
    public static List<String> incomingArgs() {
        return List.of("-incoming", "defer");
    }

    /**
     * Writes the machine's memory and device state as of now to {@code sink} while its guest runs; {@code progress} is
     * told the bytes written so far (every MiB). Throws, leaving the guest running, when QEMU refuses or fails.
     *
     * @param timeout a hang guard for the whole save
     */
    public static Saved save(QemuMachine m, WritableByteChannel sink, LongConsumer progress, Duration timeout) throws IOException {
        return save(m, sink, progress, timeout, false);
    }

    /**
     * As {@link #save(QemuMachine, WritableByteChannel, LongConsumer, Duration)}; with {@code resume}, a guest the caller
     * paused before (to make its disk match the snapshot: QEMU captures its state while it is paused) runs again
     * afterwards if QEMU did not resume it itself, and on failure.
     */
    public static Saved save(QemuMachine m, WritableByteChannel sink, LongConsumer progress, Duration timeout, boolean resume) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Qmp qmp = m.qmp();
        Path dir = privateDir(m);
        Path sock = dir.resolve("snapshot.sock");
        long t0 = System.nanoTime();
        long bytes = 0;
        // RAM in a shared file (an FT-ready VM): QEMU's background snapshot write-protects it with userfaultfd, which on
        // shared memory under TCG crawled (104 of 256 MiB in 180 s under redis-benchmark, measured): the guest is paused
        // for the save instead, and runs again after it
        boolean shared = m.spec().memoryFile() != null;
        boolean pausedHere = false;
        if (shared && "running".equals(m.status())) {
            m.pause();
            pausedHere = true;
        }
        resume = resume || pausedHere;
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            // the whole RAM, even when it is in a shared file and an FT pair's epochs left x-ignore-shared set
            qmp.execute("migrate-set-capabilities", Map.of("capabilities", List.of(Map.of("capability", "x-ignore-shared", "state", false),
                    Map.of("capability", "background-snapshot", "state", !shared))));
            // no bandwidth cap (QEMU's default, 128 MiB/s, is the limit otherwise): the sink is what paces it
            qmp.execute("migrate-set-parameters", Map.of("max-bandwidth", 1L << 40));
            qmp.execute("migrate", Map.of("uri", "unix:" + sock));
            server.configureBlocking(false);
            SocketChannel from = null;
            while (from == null) {
                from = server.accept();
                if (from == null) {
                    failIfMigrationFailed(qmp, "connecting to the snapshot socket");
                    checkDeadline(deadline, timeout, "QEMU to connect to the snapshot socket");
                    sleep(5);
                }
            }
            try (SocketChannel in = from) {
                in.configureBlocking(true);
                ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
                long nextReport = CHUNK;
                while (in.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        bytes += sink.write(buf);
                    }
                    buf.clear();
                    if (bytes >= nextReport) {
                        progress.accept(bytes);
                        nextReport = bytes + CHUNK;
                    }
                    checkDeadline(deadline, timeout, "the snapshot to be written");
                }
            }
            progress.accept(bytes);
            JsonNode done = awaitMigration(qmp, deadline, timeout);
            if (resume && !m.status().equals("running")) {
                qmp.execute("cont");
            }
            return new Saved(bytes, done.path("downtime").asLong(-1), (System.nanoTime() - t0) / 1_000_000,
                    done.path("ram").path("total").asLong(-1));
        } catch (IOException | RuntimeException e) {
            try {
                qmp.execute("migrate_cancel");
                if (resume && !m.status().equals("running")) {
                    qmp.execute("cont");
                }
            } catch (QmpException ce) {
                e.addSuppressed(ce);
            }
            throw e;
        } finally {
            Files.deleteIfExists(sock);
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Loads a snapshot into {@code m} (started paused with {@link #incomingArgs()}): the stream from {@code source},
     * then the guest runs from where the snapshot was taken. Returns the bytes loaded.
     */
    public static long load(QemuMachine m, ReadableByteChannel source, LongConsumer progress, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Qmp qmp = m.qmp();
        Path dir = privateDir(m);
        Path sock = dir.resolve("incoming.sock");
        long bytes = 0;
        try {
            qmp.execute("migrate-incoming", Map.of("uri", "unix:" + sock));
            SocketChannel to = null;
            while (to == null) {
                try {
                    to = SocketChannel.open(UnixDomainSocketAddress.of(sock));
                } catch (IOException e) {
                    checkDeadline(deadline, timeout, "QEMU to listen for the snapshot");
                    sleep(5);
                }
            }
            try (SocketChannel out = to) {
                ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
                long nextReport = CHUNK;
                while (source.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        bytes += out.write(buf);
                    }
                    buf.clear();
                    if (bytes >= nextReport) {
                        progress.accept(bytes);
                        nextReport = bytes + CHUNK;
                    }
                    checkDeadline(deadline, timeout, "the snapshot to be loaded");
                }
            }
            progress.accept(bytes);
            awaitMigration(qmp, deadline, timeout);
            String status = m.status();
            if (!status.equals("running")) {
                qmp.execute("cont");
            }
            return bytes;
        } finally {
            Files.deleteIfExists(sock);
            Files.deleteIfExists(dir);
        }
    }

    /** Waits for {@code query-migrate} to say completed; its answer. */
    private static JsonNode awaitMigration(Qmp qmp, long deadline, Duration timeout) throws IOException {
        while (true) {
            JsonNode q = qmp.execute("query-migrate");
            String status = q.path("status").asText("none");
            if (status.equals("completed")) {
                return q;
            }
            if (status.equals("failed") || status.equals("cancelled")) {
                throw new IOException("QEMU's snapshot stream " + status + (q.has("error-desc") ? ": " + q.path("error-desc").asText() : ""));
            }
            checkDeadline(deadline, timeout, "QEMU to finish the snapshot (status " + status + ")");
            sleep(5);
        }
    }

    private static void failIfMigrationFailed(Qmp qmp, String what) throws IOException {
        JsonNode q = qmp.execute("query-migrate");
        String status = q.path("status").asText("none");
        if (status.equals("failed")) {
            throw new IOException("QEMU's snapshot failed " + what + (q.has("error-desc") ? ": " + q.path("error-desc").asText() : ""));
        }
    }

    private static void checkDeadline(long deadline, Duration timeout, String what) throws IOException {
        if (System.nanoTime() > deadline) {
            throw new IOException("waited " + timeout.toMillis() + " ms for " + what);
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }

    /** A directory only this user reads, for one socket (a unix socket path must stay under 108 bytes). */
    private static Path privateDir(QemuMachine m) throws IOException {
        return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "lsq-snap-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
}
