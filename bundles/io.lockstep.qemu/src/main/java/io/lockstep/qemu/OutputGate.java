package io.lockstep.qemu;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Output commit of a QEMU guest's NIC (issue 25): every frame the guest sends is taken away from its netdev by a
 * {@code filter-redirector} ({@code queue=rx}: what the netdev receives from the guest) to a Unix socket this gate
 * listens on, and goes on to the netdev only when the gate writes it back through a second redirector's
 * {@code indev}. Frames sent to the guest are not touched.
 *
 * <p>Two modes. <b>Passing</b> (an unprotected VM): each frame is written back as it is read. <b>Holding</b> (an FT
 * primary): each frame is kept with the number of the epoch it was read in; {@link #endEpoch()}, called with the
 * guest paused at an epoch's end, closes that epoch (a frame read later is counted in the next one — it may have been
 * sent before the pause, so it is held longer, never shorter); {@link #release(long)} writes back every frame of the
 * epochs up to the one the backup acknowledged, in order. {@link #discard()} drops what is held (this side lost the
 * pair: nothing it produced after the backup's last copy may leave). At most {@link #MAX_HELD_BYTES} are held; a frame
 * beyond that is dropped and counted, as a full NIC queue would (TCP sends it again).
 *
 * <p>QEMU's filters on a netdev see the guest's frames in the reverse order of their creation, so {@link #args} puts
 * the injecting redirector first and the taking one second: a frame written back continues past the taking one to the
 * netdev. Framing is QEMU's {@code net_fill_rstate} with {@code vnet_hdr_support=on}: length, vnet header length
 * (4 bytes big-endian each), then the bytes — written back exactly as read.
 */
public final class OutputGate implements AutoCloseable {

    /** The most bytes of frames held at once (64 MiB); more are dropped and counted. */
    public static final long MAX_HELD_BYTES = 64L << 20;
    private static final System.Logger LOG = System.getLogger(OutputGate.class.getName());

    private record Held(long epoch, byte[] record) {
    }

    private final String id;
    private final Path fromGuest;
    private final Path toNet;
    private final ServerSocketChannel fromServer;
    private final ServerSocketChannel toServer;
    private final Thread reader;
    private final Thread acceptor;
    private final Object lock = new Object();
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long heldBytes;
    private boolean holding;
    private long epoch = 1;
    private volatile SocketChannel out;
    private volatile SocketChannel in;
    private volatile boolean closed;
    private long framesIn;
    private long framesOut;
    private long bytesOut;
    private long dropped;
    private long discarded;

    /**
     * Listens on {@code <dir>/<id>-g.sock} (frames from the guest) and {@code <dir>/<id>-n.sock} (frames to the net);
     * {@code id} names the QEMU objects (a letter, then letters, digits, '-', '_'). Starts passing.
     */
    public OutputGate(Path dir, String id) throws IOException {
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("output gate id: expected a letter then up to 31 letters, digits, '-' or '_', found " + id);
        }
        this.id = id;
        this.fromGuest = dir.resolve(id + "-g.sock");
        this.toNet = dir.resolve(id + "-n.sock");
        for (Path p : List.of(fromGuest, toNet)) {
            if (p.toString().getBytes(StandardCharsets.UTF_8).length > 107) {
                throw new IllegalArgumentException("output gate socket: expected a path of at most 107 bytes, found " + p);
            }
            Files.deleteIfExists(p);
        }
        fromServer = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        fromServer.bind(UnixDomainSocketAddress.of(fromGuest));
        toServer = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        toServer.bind(UnixDomainSocketAddress.of(toNet));
        reader = new Thread(this::readLoop, "output-gate-" + id);
        reader.setDaemon(true);
        acceptor = new Thread(this::acceptLoop, "output-gate-" + id + "-net");
        acceptor.setDaemon(true);
        reader.start();
        acceptor.start();
    }

    /** The QEMU arguments that put this gate on the guest's output through netdev {@code netdev}. */
    public List<String> args(String netdev) {
        return List.of("-chardev", "socket,id=" + id + "-n,path=" + toNet.toString().replace(",", ",,") + ",reconnect=1",
                "-chardev", "socket,id=" + id + "-g,path=" + fromGuest.toString().replace(",", ",,") + ",reconnect=1",
                "-object", "filter-redirector,id=" + id + "-in,netdev=" + netdev + ",queue=rx,indev=" + id + "-n,vnet_hdr_support=on",
                "-object", "filter-redirector,id=" + id + "-out,netdev=" + netdev + ",queue=rx,outdev=" + id + "-g,vnet_hdr_support=on");
    }

    /** Starts holding: from now on frames leave only when their epoch is released. Returns the epoch now open. */
    public long hold() {
        synchronized (lock) {
            holding = true;
            return epoch;
        }
    }

    /** Back to passing: everything held is written out first (the backup has acknowledged it, or there is no backup). */
    public void pass() {
        synchronized (lock) {
            holding = false;
            flush(Long.MAX_VALUE);
        }
    }

    /** Closes the open epoch (call with the guest paused) and returns its number; later frames are the next epoch's. */
    public long endEpoch() {
        synchronized (lock) {
            return epoch++;
        }
    }

    /** The epoch frames read now are counted in. */
    public long openEpoch() {
        synchronized (lock) {
            return epoch;
        }
    }

    /** Writes out every held frame of the epochs up to {@code upTo}, in the order they were sent. */
    public void release(long upTo) {
        synchronized (lock) {
            flush(upTo);
        }
    }

    /** Drops every held frame (this side lost the pair); they never leave. Keeps holding. */
    public long discard() {
        synchronized (lock) {
            long n = held.size();
            discarded += n;
            held.clear();
            heldBytes = 0;
            return n;
        }
    }

    /** What the gate did so far. */
    public record Stats(boolean holding, long openEpoch, long framesIn, long framesOut, long bytesOut, int heldFrames, long heldBytes,
            long dropped, long discarded) {
    }

    public Stats stats() {
        synchronized (lock) {
            return new Stats(holding, epoch, framesIn, framesOut, bytesOut, held.size(), heldBytes, dropped, discarded);
        }
    }

    /** Whether frames wait in the gate now (an FT primary ends its epoch early for them). */
    public boolean holdsFrames() {
        synchronized (lock) {
            return !held.isEmpty();
        }
    }

    /** Whether QEMU's two chardevs are connected (frames can flow both ways). */
    public boolean connected() {
        return out != null && in != null;
    }

    private void flush(long upTo) {
        while (!held.isEmpty() && held.peekFirst().epoch() <= upTo) {
            Held h = held.pollFirst();
            heldBytes -= h.record().length;
            write(h.record());
        }
    }

    /** Writes one record to QEMU (under {@link #lock}); without a connection it is lost, as a frame on an unplugged wire. */
    private void write(byte[] record) {
        SocketChannel c = in;
        if (c == null) {
            dropped++;
            return;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(record);
            while (b.hasRemaining()) {
                c.write(b);
            }
            framesOut++;
            bytesOut += record.length - 8;
        } catch (IOException e) {
            dropped++;
            LOG.log(System.Logger.Level.DEBUG, "output gate " + id + ": writing to QEMU: " + e.getMessage());
        }
    }

    private void frame(byte[] record) {
        synchronized (lock) {
            framesIn++;
            if (!holding) {
                write(record);
                return;
            }
            if (heldBytes + record.length > MAX_HELD_BYTES) {
                dropped++;
                return;
            }
            held.addLast(new Held(epoch, record));
            heldBytes += record.length;
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel c = toServer.accept();
                SocketChannel old = in;
                in = c;
                if (old != null) {
                    old.close();
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.DEBUG, "output gate " + id + ": " + e.getMessage());
                }
            }
        }
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(4 * FrameMirror.MAX_RECORD);
        while (!closed) {
            try (SocketChannel c = fromServer.accept()) {
                out = c;
                buf.clear();
                read(c, buf);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.DEBUG, "output gate " + id + ": " + e.getMessage());
                }
            } finally {
                out = null;
            }
        }
    }

    private void read(SocketChannel c, ByteBuffer buf) throws IOException {
        while (!closed) {
            if (c.read(buf) < 0) {
                return;
            }
            buf.flip();
            while (buf.remaining() >= 8) {
                int at = buf.position();
                int n = buf.getInt(at);
                int h = buf.getInt(at + 4);
                if (n < 0 || n > FrameMirror.MAX_RECORD || h < 0 || h > n) {
                    LOG.log(System.Logger.Level.WARNING, "output gate " + id + ": expected a record length of 0-" + FrameMirror.MAX_RECORD
                            + " with a vnet header no longer than it, found length " + n + " and header " + h + "; reconnecting");
                    return;
                }
                if (buf.remaining() < 8 + n) {
                    break;
                }
                byte[] record = new byte[8 + n];
                buf.get(record);
                frame(record);
            }
            buf.compact();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (java.io.Closeable c : new java.io.Closeable[] {fromServer, toServer, out, in}) {
            if (c != null) {
                try {
                    c.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
        reader.interrupt();
        acceptor.interrupt();
        synchronized (lock) {
            held.clear();
            heldBytes = 0;
        }
        for (Path p : List.of(fromGuest, toNet)) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "output gate " + id + ": removing " + p + ": " + e.getMessage());
            }
        }
    }
}
