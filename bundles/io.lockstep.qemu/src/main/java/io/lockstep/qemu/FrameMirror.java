package io.lockstep.qemu;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every frame a QEMU guest's NIC sends and receives, as QEMU's {@code filter-mirror} object copies it: this listens on
 * a Unix socket, QEMU connects to it as a {@code -chardev socket} client ({@code reconnect=1}: a QEMU started again on
 * the same VM, e.g. from a checkpoint, connects again), and a reader thread gives each frame to the listeners.
 *
 * <p>Framing (QEMU 7.2 net/filter-mirror.c, {@code vnet_hdr_support=on}): a 4-byte big-endian length {@code n}, a
 * 4-byte big-endian vnet header length {@code h}, then {@code n} bytes of which the first {@code h} are the virtio-net
 * header (when the tap uses one) and the rest the Ethernet frame. A length out of bounds loses the framing: that
 * connection is counted as broken and closed (QEMU reconnects within a second). A listener that throws is counted
 * and never stops the reader.
 */
public final class FrameMirror implements AutoCloseable {

    /** Told each frame: {@code frame}'s remaining bytes, valid only during the call (the buffer is reused). */
    public interface Listener {
        void frame(ByteBuffer frame);
    }

    /** The largest record accepted (a 64 KiB GSO frame and its header); larger ones break the connection's framing. */
    public static final int MAX_RECORD = 65_536 + 64;
    private static final System.Logger LOG = System.getLogger(FrameMirror.class.getName());

    private final Path socket;
    private final String id;
    private final ServerSocketChannel server;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong broken = new AtomicLong();
    private final AtomicLong listenerFailures = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final Thread reader;
    private volatile SocketChannel current;
    private volatile boolean closed;

    /**
     * Listens on {@code socket} (a path QEMU can reach; at most 107 bytes) for the mirror of the netdev in {@link #args};
     * {@code id} names the QEMU objects (letters, digits, '-', '_').
     */
    public FrameMirror(Path socket, String id) throws IOException {
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("frame mirror id: expected a letter then up to 31 letters, digits, '-' or '_', found " + id);
        }
        if (socket.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 107) {
            throw new IllegalArgumentException("frame mirror socket: expected a path of at most 107 bytes, found " + socket);
        }
        this.socket = socket;
        this.id = id;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        reader = new Thread(this::run, "frame-mirror-" + id);
        reader.setDaemon(true);
        reader.start();
    }

    /** The QEMU arguments that mirror netdev {@code netdev} (both directions) to this socket. */
    public List<String> args(String netdev) {
        return List.of("-chardev", "socket,id=" + id + ",path=" + socket.toString().replace(",", ",,") + ",reconnect=1",
                "-object", "filter-mirror,id=" + id + "-filter,netdev=" + netdev + ",queue=all,outdev=" + id + ",vnet_hdr_support=on");
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Frames read. */
    public long frames() {
        return frames.get();
    }

    /** Bytes of frames read (without the vnet headers). */
    public long bytes() {
        return bytes.get();
    }

    /** Connections closed because their framing was broken (a length out of bounds). */
    public long broken() {
        return broken.get();
    }

    /** Listener calls that threw. */
    public long listenerFailures() {
        return listenerFailures.get();
    }

    /** Connections QEMU made (one a QEMU started; more after reconnects). */
    public long connections() {
        return connections.get();
    }

    public Path socket() {
        return socket;
    }

    private void run() {
        // records are parsed out of large reads (one read takes many frames under load: two syscalls a frame cost
        // more than the decoding)
        ByteBuffer in = ByteBuffer.allocate(4 * MAX_RECORD);
        while (!closed) {
            try (SocketChannel c = server.accept()) {
                current = c;
                connections.incrementAndGet();
                in.clear();
                read(c, in);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.DEBUG, "frame mirror " + id + ": " + e.getMessage());
                }
            } finally {
                current = null;
            }
        }
    }

    /** Reads records until the end of the stream or a broken length; {@code in} is in write mode between reads. */
    private void read(SocketChannel c, ByteBuffer in) throws IOException {
        while (!closed) {
            if (c.read(in) < 0) {
                return;
            }
            in.flip();
            while (in.remaining() >= 8) {
                int at = in.position();
                int n = in.getInt(at);
                int h = in.getInt(at + 4);
                if (n < 0 || n > MAX_RECORD || h < 0 || h > n) {
                    broken.incrementAndGet();
                    LOG.log(System.Logger.Level.WARNING, "frame mirror " + id + ": expected a record length of 0-" + MAX_RECORD
                            + " with a vnet header no longer than it, found length " + n + " and header " + h + "; reconnecting");
                    return;
                }
                if (in.remaining() < 8 + n) {
                    break;
                }
                int frame = at + 8 + h;
                int next = at + 8 + n;
                frames.incrementAndGet();
                bytes.addAndGet(n - h);
                int limit = in.limit();
                for (Listener l : listeners) {
                    in.limit(next).position(frame);
                    try {
                        l.frame(in);
                    } catch (RuntimeException e) {
                        listenerFailures.incrementAndGet();
                    }
                }
                in.limit(limit).position(next);
            }
            in.compact();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        SocketChannel c = current;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        reader.interrupt();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "frame mirror " + id + ": removing " + socket + ": " + e.getMessage());
        }
    }
}
