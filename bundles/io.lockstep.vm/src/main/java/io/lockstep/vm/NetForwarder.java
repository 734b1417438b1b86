package io.lockstep.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The host side of a guest's virtual NIC: a TCP port on loopback whose connections become the guest's
 * connections. Accepting, receiving and closing become input events; the guest's outputs are written back in
 * order by one sender thread. Outputs pass a gate: released at once by default, or held until
 * {@link #releaseThrough} says the position that produced them is safe (an FT pair's output commit).
 */
public final class NetForwarder implements OutputSink, TrafficSource, AutoCloseable {

    private record Output(int connection, long sequence, byte[] bytes, long position) {
    }

    private final Vm vm;
    private final ServerSocket server;
    private final Map<Integer, Socket> sockets = new ConcurrentHashMap<>();
    private final Map<Integer, Long> released = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Output> held = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Output> toSend = new LinkedBlockingQueue<>();
    private final AtomicInteger nextConnection;
    private final AtomicLong sentBytes = new AtomicLong();
    private final java.util.List<TrafficListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean gated;
    private volatile LongConsumer onHeld;
    private volatile long safeThrough = Long.MAX_VALUE;
    private volatile boolean closed;

    /**
     * Listens on {@code port} (0: any free port) of {@code address} for {@code vm}, which it feeds: the loopback address,
     * or the VM's own address in a private datacenter network (hosts in network namespaces of their own).
     */
    public NetForwarder(Vm vm, InetAddress address, int port, int firstConnection) throws IOException {
        if (!address.isLoopbackAddress() && !address.isSiteLocalAddress()) {
            throw new IllegalArgumentException("a guest's port listens on loopback or on a private datacenter address (10/8, 172.16/12, "
                    + "192.168/16), not on " + address.getHostAddress());
        }
        this.vm = vm;
        this.nextConnection = new AtomicInteger(firstConnection);
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(address, port));
        vm.setOutputSink(this);
        Thread acceptor = new Thread(this::accept, "nic-accept-" + vm.name());
        acceptor.setDaemon(true);
        acceptor.start();
        Thread sender = new Thread(this::send, "nic-send-" + vm.name());
        sender.setDaemon(true);
        sender.start();
    }

    /** Sees the traffic on this NIC (a DoS guard): connections opened and closed with their source, bytes received. */
    public interface TrafficListener {
        void opened(InetAddress source);

        void received(int bytes);

        void closed(InetAddress source, long bytesReceived);

        /** A connection closed after {@code lifetimeMillis} open (by default: {@link #closed(InetAddress, long)}). */
        default void closed(InetAddress source, long bytesReceived, long lifetimeMillis) {
            closed(source, bytesReceived);
        }
    }

    @Override
    public void addTrafficListener(TrafficListener l) {
        listeners.add(l);
    }

    @Override
    public void removeTrafficListener(TrafficListener l) {
        listeners.remove(l);
    }

    public NetForwarder(Vm vm, int port) throws IOException {
        this(vm, InetAddress.getLoopbackAddress(), port, 1);
    }

    public int port() {
        return server.getLocalPort();
    }

    public int connections() {
        return sockets.size();
    }

    public long sentBytes() {
        return sentBytes.get();
    }

    private void accept() {
        while (!closed) {
            Socket s = null;
            try {
                s = server.accept();
                s.setTcpNoDelay(true);
                int id = nextConnection.getAndIncrement();
                sockets.put(id, s);
                for (TrafficListener l : listeners) {
                    l.opened(s.getInetAddress());
                }
                vm.submit(InputEvent.open(id));
                Socket accepted = s;
                Thread reader = new Thread(() -> receive(id, accepted), "nic-recv-" + vm.name() + "-" + id);
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                if (!closed) {
                    System.getLogger(NetForwarder.class.getName()).log(System.Logger.Level.WARNING, vm.name() + ": accept failed: " + e);
                }
            } catch (RuntimeException | Error e) {
                // one connection's trouble (a listener that threw, no thread to be had) never ends the NIC's accepting:
                // that connection is dropped, loudly, and the next one is taken
                System.getLogger(NetForwarder.class.getName()).log(System.Logger.Level.ERROR, vm.name() + ": a connection was dropped: " + e, e);
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // dropping it anyway
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void receive(int id, Socket s) {
        long opened = System.nanoTime();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = s.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0;) {
                total += n;
                for (TrafficListener l : listeners) {
                    l.received(n);
                }
                vm.submit(InputEvent.data(id, java.util.Arrays.copyOf(buf, n)));
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            long lifetime = (System.nanoTime() - opened) / 1_000_000;
            for (TrafficListener l : listeners) {
                l.closed(s.getInetAddress(), total, lifetime);
            }
            sockets.remove(id);
            vm.submit(InputEvent.close(id));
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** From the vCPU: queue the output; it leaves when the gate allows. */
    @Override
    public void output(int connection, long sequence, byte[] bytes, long position) {
        Output o = new Output(connection, sequence, bytes, position);
        synchronized (this) { // (against ungate: nothing is left behind in the held queue)
            if (gated) {
                held.add(o);
                releaseSafe();
            } else {
                toSend.add(o);
                return;
            }
        }
        LongConsumer l = onHeld;
        if (l != null) {
            l.accept(position);
        }
    }

    /**
     * Told (on the vCPU's thread, so it must be quick) the position of each output the gate holds: an FT primary ends
     * its epoch or sends its inputs early because a client waits. Null for none.
     */
    public void onHeld(LongConsumer listener) {
        onHeld = listener;
    }

    /** Holds outputs from now on until {@link #releaseThrough} covers their position. */
    public void gate() {
        safeThrough = -1;
        gated = true;
    }

    /** Outputs produced at positions up to {@code position} may leave. */
    public synchronized void releaseThrough(long position) {
        safeThrough = Math.max(safeThrough, position);
        releaseSafe();
    }

    private synchronized void releaseSafe() {
        Output o;
        while ((o = held.peek()) != null && o.position() <= safeThrough) {
            toSend.add(held.poll());
        }
    }

    /** Releases everything held and stops holding (the VM runs unprotected). */
    public synchronized void ungate() {
        gated = false;
        safeThrough = Long.MAX_VALUE;
        releaseSafe();
    }

    public boolean gated() {
        return gated;
    }

    /** Drops what is held without sending it and closes (a primary that lost its go-live halts). */
    public void discardAndClose() throws IOException {
        held.clear();
        toSend.clear();
        close();
    }

    /** Outputs held back now (waiting for the backup). */
    public int heldOutputs() {
        return held.size();
    }

    private void send() {
        while (!closed) {
            Output o;
            try {
                o = toSend.take();
            } catch (InterruptedException e) {
                return;
            }
            if (released.getOrDefault(o.connection(), 0L) >= o.sequence()) {
                continue; // already sent once (a backup that took over produced it again)
            }
            released.put(o.connection(), o.sequence());
            Socket s = sockets.get(o.connection());
            if (s == null) {
                continue;
            }
            try {
                OutputStream out = s.getOutputStream();
                out.write(o.bytes());
                out.flush();
                sentBytes.addAndGet(o.bytes().length);
            } catch (IOException e) {
                // the client went away; its close reaches the guest through the reader
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : sockets.values()) {
            s.close();
        }
    }
}
