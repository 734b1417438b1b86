package io.lockstep.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.lockstep.guard.Guard;
import io.lockstep.guard.PacketFlows;
import io.lockstep.guard.Thresholds;
import io.lockstep.guard.TrafficMonitor;
import io.lockstep.vm.NetForwarder;

/**
 * {@link PacketFlows}: TCP segments seen on a QEMU guest's NIC become the guard's connection events — opened on a SYN
 * to the VM, closed on FIN/RST with bytes and lifetime, a handshake never completed (timed out or reset) closed
 * without a byte, the table bounded by evicting the oldest — and a SYN flood seen that way is judged an attack by
 * the guard's rules while a pool of clients that send requests is not. A fake clock: no waiting.
 */
class PacketFlowsTest {

    static final int VM_PORT = 6379;
    long now = 1_000_000_000L;

    final List<String> events = new ArrayList<>();

    final NetForwarder.TrafficListener recorder = new NetForwarder.TrafficListener() {
        @Override
        public void opened(InetAddress source) {
            events.add("opened " + source.getHostAddress());
        }

        @Override
        public void received(int bytes) {
            events.add("received " + bytes);
        }

        @Override
        public void closed(InetAddress source, long bytesReceived) {
            throw new AssertionError("the packet view always tells the lifetime");
        }

        @Override
        public void closed(InetAddress source, long bytesReceived, long lifetimeMillis) {
            events.add("closed " + source.getHostAddress() + " " + bytesReceived + " " + lifetimeMillis + "ms");
        }
    };

    PacketFlows flows() {
        PacketFlows f = new PacketFlows(() -> now);
        f.addTrafficListener(recorder);
        return f;
    }

    static final int CLIENT = 0x0ac8_0a02; // 10.200.10.2

    @Test
    void aConnectionIsOpenedOnItsSynCountsEveryFrameAndClosesOnFinWithItsBytesAndLifetime() {
        PacketFlows f = flows();
        f.segment(true, CLIENT, 40000, VM_PORT, PacketFlows.SYN, 0);
        f.segment(false, CLIENT, 40000, VM_PORT, PacketFlows.SYN | PacketFlows.ACK, 0);
        f.segment(true, CLIENT, 40000, VM_PORT, PacketFlows.ACK, 0);
        now += 5_000_000;
        f.segment(true, CLIENT, 40000, VM_PORT, PacketFlows.ACK, 31);
        f.segment(false, CLIENT, 40000, VM_PORT, PacketFlows.ACK, 5);
        now += 2_000_000_000L; // idle for 2 s: established, so no half-open
        f.tick();
        f.segment(true, CLIENT, 40000, VM_PORT, PacketFlows.FIN | PacketFlows.ACK, 0);
        f.segment(false, CLIENT, 40000, VM_PORT, PacketFlows.FIN | PacketFlows.ACK, 0);
        f.otherFrameIn(42);
        assertEquals(List.of("received 0", "opened 10.200.10.2", "received 0", "received 31", "received 0", "closed 10.200.10.2 31 2005ms",
                "received 42"), events);
        assertEquals(0, f.size());
        assertEquals(0, f.halfOpen());
    }

    @Test
    void aHandshakeNeverCompletedIsDroppedWithoutAByteAfterASecondOrWhenReset() {
        PacketFlows f = flows();
        f.segment(true, CLIENT, 1, VM_PORT, PacketFlows.SYN, 0);
        f.segment(false, CLIENT, 1, VM_PORT, PacketFlows.SYN | PacketFlows.ACK, 0);
        f.segment(true, CLIENT, 1, VM_PORT, PacketFlows.SYN, 0); // a retransmitted SYN is the same flow
        now += 999_000_000L;
        f.tick();
        assertEquals(1, f.size(), "not yet a second");
        now += 1_000_000L;
        f.tick();
        assertEquals(0, f.size());
        f.segment(true, CLIENT, 2, VM_PORT, PacketFlows.SYN, 0);
        f.segment(false, CLIENT, 2, VM_PORT, PacketFlows.SYN | PacketFlows.ACK, 0);
        f.segment(true, CLIENT, 2, VM_PORT, PacketFlows.RST, 0); // the client's kernel knew no such connection
        assertEquals(List.of("received 0", "opened 10.200.10.2", "received 0", "closed 10.200.10.2 0 0ms", "received 0", "opened 10.200.10.2",
                "received 0", "closed 10.200.10.2 0 0ms"), events);
        assertEquals(2, f.halfOpen());
        f.segment(true, CLIENT, 3, VM_PORT, PacketFlows.ACK, 10); // a flow never seen opening: counted, not tracked
        assertEquals(0, f.size());
    }

    @Test
    void theTableIsBoundedTheOldestFlowIsEvictedAsClosed() {
        PacketFlows f = new PacketFlows(() -> now);
        long[] closes = new long[1];
        f.addTrafficListener(new NetForwarder.TrafficListener() {
            @Override
            public void opened(InetAddress source) {
            }

            @Override
            public void received(int bytes) {
            }

            @Override
            public void closed(InetAddress source, long bytesReceived) {
            }

            @Override
            public void closed(InetAddress source, long bytesReceived, long lifetimeMillis) {
                closes[0]++;
            }
        });
        for (int i = 0; i < PacketFlows.MAX_FLOWS + 10; i++) {
            f.segment(true, 0x0a00_0000 | i, 1000 + (i & 0x3fff), VM_PORT, PacketFlows.SYN, 0);
        }
        assertEquals(PacketFlows.MAX_FLOWS, f.size());
        assertEquals(10, f.evicted());
        assertEquals(10, closes[0]);
    }

    @Test
    void aSynFloodSeenAsPacketsBreaksTheGuardsRulesAndClientsWithRequestsDoNot() {
        Thresholds t = Thresholds.defaults();
        TrafficMonitor m = new TrafficMonitor();
        PacketFlows f = new PacketFlows(() -> now);
        f.addTrafficListener(m);
        // 64 clients from 64 addresses that connect and send requests (redis-benchmark's keep-alive pool)
        for (int c = 0; c < 64; c++) {
            f.segment(true, CLIENT + c, 50000, VM_PORT, PacketFlows.SYN, 0);
            f.segment(false, CLIENT + c, 50000, VM_PORT, PacketFlows.SYN | PacketFlows.ACK, 0);
            f.segment(true, CLIENT + c, 50000, VM_PORT, PacketFlows.ACK, 0);
            for (int r = 0; r < 50; r++) {
                f.segment(true, CLIENT + c, 50000, VM_PORT, PacketFlows.ACK | 0x08, 40);
            }
        }
        Guard g = new Guard("web1", f, t, new Guard.Listener() {
            @Override
            public void attackStarted(String vm, String reason, TrafficMonitor.Rates rates) {
            }

            @Override
            public void attackEnded(String vm, long lastedMillis) {
            }
        });
        try {
            Optional<String> benign = g.judge(m.rates(t.windowMillis()));
            assertTrue(benign.isEmpty(), "clients that send requests are no attack: " + benign + " " + m.rates(t.windowMillis()));
            // hping3 -S --flood: SYNs from one address, every SYN-ACK answered by the client's RST
            for (int i = 0; i < 2000; i++) {
                f.segment(true, CLIENT, 1024 + i, VM_PORT, PacketFlows.SYN, 0);
                f.segment(false, CLIENT, 1024 + i, VM_PORT, PacketFlows.SYN | PacketFlows.ACK, 0);
                f.segment(true, CLIENT, 1024 + i, VM_PORT, PacketFlows.RST, 0);
            }
            Optional<String> flood = g.judge(m.rates(t.windowMillis()));
            assertTrue(flood.isPresent() && flood.get().contains("connections/s opened and closed"), "a SYN flood: " + flood);
        } finally {
            g.close();
        }
    }
}
