package io.lockstep.guard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The attack the guard is tested and benchmarked against: connections to a loopback port from 100 loopback source
 * addresses (127.0.0.2–101), each closed at once without a byte sent, from 8 threads — bounded by a time and a count,
 * and never aimed anywhere but loopback.
 */
public final class ConnectionFlood {

    private ConnectionFlood() {
    }

    /** Floods {@code port} on loopback for at most {@code millis} and {@code max} connections; returns how many were made. */
    public static long run(int port, long millis, int max) throws InterruptedException {
        AtomicLong made = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long end = System.nanoTime() + millis * 1_000_000L;
        for (int t = 0; t < 8; t++) {
            int seed = t;
            Thread th = new Thread(() -> {
                int i = seed;
                while (System.nanoTime() < end && made.get() < max) {
                    try (Socket s = new Socket()) {
                        s.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + i++ % 100)}), 0));
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                        made.incrementAndGet();
                    } catch (Exception e) {
                        // a refused or timed-out connect is part of a flood
                    }
                }
            }, "connection-flood-" + t);
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        return made.get();
    }
}
