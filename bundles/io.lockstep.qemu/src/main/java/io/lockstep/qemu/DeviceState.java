package io.lockstep.qemu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A paused guest's state through QEMU's migration stream, taken into this JVM. With {@code ignoreShared} (QEMU's
 * {@code x-ignore-shared} capability) the RAM of a machine whose RAM is in a shared file ({@link QemuSpec#memoryFile()})
 * is left out: the stream is the device state (CPU, devices, firmware ROMs, ~0.5 MiB), the RAM travels as
 * {@link DirtyPages}. Without it, it is QEMU's whole migration stream, all RAM included (the comparison).
 *
 * <p>A save leaves the guest paused (QEMU's "postmigrate"); {@link QemuMachine#resume()} runs it again. A load goes
 * into a machine started paused with {@code -incoming defer} and, with {@code ignoreShared}, RAM in a file holding
 * the guest's pages of the same instant.
 */
public final class DeviceState {

    /** One save: the stream, how long it took (migrate until completed, as seen here) and QEMU's RAM figures. */
    public record Saved(byte[] bytes, long nanos, long ramTransferred) {
        public int size() {
            return bytes.length;
        }
    }

    private DeviceState() {
    }

    /**
     * Sets the capabilities a save or load needs (no cap on bandwidth; {@code x-ignore-shared} as asked; not a
     * background snapshot, which a checkpoint of the same machine may have left set).
     */
    public static void prepare(QemuMachine m, boolean ignoreShared) throws QmpException {
        Qmp qmp = m.qmp();
        qmp.execute("migrate-set-capabilities", Map.of("capabilities",
                List.of(Map.of("capability", "x-ignore-shared", "state", ignoreShared),
                        Map.of("capability", "background-snapshot", "state", false))));
        qmp.execute("migrate-set-parameters", Map.of("max-bandwidth", 1L << 40));
    }

    /**
     * Saves the paused guest of {@code m} (after {@link #prepare}) into memory. The guest stays paused.
     *
     * @param timeout a hang guard for the whole save
     */
    public static Saved save(QemuMachine m, Duration timeout) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        Streamed s = save(m, out, timeout);
        return new Saved(out.toByteArray(), s.nanos(), s.ramTransferred());
    }

    /** What {@link #save(QemuMachine, OutputStream, Duration)} streamed: bytes, time, QEMU's RAM bytes. */
    public record Streamed(long bytes, long nanos, long ramTransferred) {
    }

    /** As {@link #save(QemuMachine, Duration)}, the stream written to {@code out} (for whole-RAM streams). */
    public static Streamed save(QemuMachine m, OutputStream out, Duration timeout) throws IOException {
        long t0 = System.nanoTime();
        long bytes = 0;
        long deadline = t0 + timeout.toNanos();
        Qmp qmp = m.qmp();
        Path dir = privateDir();
        Path sock = dir.resolve("state.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            qmp.execute("migrate", Map.of("uri", "unix:" + sock));
            server.configureBlocking(false);
            SocketChannel from = null;
            while (from == null) {
                from = server.accept();
                if (from == null) {
                    JsonNode q = qmp.execute("query-migrate");
                    if (q.path("status").asText().equals("failed")) {
                        throw new IOException("QEMU's migration of machine " + m.spec().name() + " failed: "
                                + q.path("error-desc").asText("(no reason given)"));
                    }
                    check(deadline, timeout, "QEMU to connect to the state socket");
                    Thread.onSpinWait();
                }
            }
            try (SocketChannel in = from) {
                in.configureBlocking(true);
                ByteBuffer buf = ByteBuffer.allocate(1 << 20);
                while (in.read(buf) >= 0) {
                    out.write(buf.array(), 0, buf.position());
                    bytes += buf.position();
                    buf.clear();
                    check(deadline, timeout, "the state to be written");
                }
            }
            JsonNode done = await(m, deadline, timeout);
            return new Streamed(bytes, System.nanoTime() - t0, done.path("ram").path("transferred").asLong(-1));
        } catch (IOException | RuntimeException e) {
            try {
                qmp.execute("migrate_cancel");
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
     * Loads {@code state} into {@code m}, started paused with {@code -incoming defer} (and, for a state saved with
     * {@code ignoreShared}, its RAM in the copy of the same instant), then runs the guest.
     */
    public static void load(QemuMachine m, byte[] state, boolean ignoreShared, Duration timeout) throws IOException {
        prepare(m, ignoreShared);
        MemorySnapshot.load(m, java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(state)), x -> {
        }, timeout);
    }

    /**
     * What {@code next} costs as the XOR+RLE difference from {@code last} (the FT stream's page encoding, by 4 KiB
     * blocks, a block whole when that is not smaller); {@code next}'s length when there is no last or the lengths
     * differ. Two epochs' device states of one machine differ in well under 1 KiB of their ~570 KiB.
     */
    public static long diffSize(byte[] last, byte[] next) {
        if (last == null || last.length != next.length) {
            return next.length;
        }
        long n = 0;
        ByteBuffer x = ByteBuffer.allocate(GuestMemory.PAGE);
        ByteBuffer y = ByteBuffer.allocate(GuestMemory.PAGE);
        for (int off = 0; off < next.length; off += GuestMemory.PAGE) {
            int len = Math.min(GuestMemory.PAGE, next.length - off);
            x.clear().put(0, new byte[GuestMemory.PAGE]).put(0, last, off, len);
            y.clear().put(0, new byte[GuestMemory.PAGE]).put(0, next, off, len);
            n += Math.min(len, DirtyPages.xorRleSize(x, y, 0));
        }
        return n;
    }

    private static JsonNode await(QemuMachine m, long deadline, Duration timeout) throws IOException {
        while (true) {
            JsonNode q = m.qmp().execute("query-migrate");
            String status = q.path("status").asText("none");
            if (status.equals("completed")) {
                return q;
            }
            if (status.equals("failed") || status.equals("cancelled")) {
                throw new IOException("QEMU's migration of machine " + m.spec().name() + " " + status + ": "
                        + q.path("error-desc").asText("(no reason given)"));
            }
            check(deadline, timeout, "QEMU to complete the migration (status " + status + ")");
            Thread.onSpinWait();
        }
    }

    private static void check(long deadline, Duration timeout, String what) throws IOException {
        if (System.nanoTime() > deadline) {
            throw new IOException("waited " + timeout.toMillis() + " ms for " + what);
        }
    }

    private static Path privateDir() throws IOException {
        return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "lsq-state-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
}
