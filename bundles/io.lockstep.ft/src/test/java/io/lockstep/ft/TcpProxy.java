package io.lockstep.ft;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback TCP proxy between primary and backup that can cut the network: drop everything, or close both ends. */
final class TcpProxy implements AutoCloseable {

    enum Cut {
        DROP, CLOSE
    }

    private final ServerSocket server;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean dropping;
    private final java.io.ByteArrayOutputStream toTarget = new java.io.ByteArrayOutputStream();

    TcpProxy(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "proxy");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean record) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[1 << 16];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                for (int n; (n = in.read(buf)) > 0;) {
                    if (!dropping) {
                        if (record) {
                            synchronized (toTarget) {
                                if (toTarget.size() < 64 << 20) {
                                    toTarget.write(buf, 0, n);
                                }
                            }
                        }
                        out.write(buf, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // cut or closed
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** What passed from the connecting side to the target (the first 64 MiB): what a listener on the link sees. */
    byte[] sentToTarget() {
        synchronized (toTarget) {
            return toTarget.toByteArray();
        }
    }

    /** Partitions primary and backup: both stay alive and connected to the proxy, nothing passes (or both ends close). */
    void cut(Cut how) throws IOException {
        dropping = true;
        if (how == Cut.CLOSE) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
