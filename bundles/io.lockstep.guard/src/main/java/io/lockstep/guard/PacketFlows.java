package io.lockstep.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

import io.lockstep.vm.NetForwarder;
import io.lockstep.vm.TrafficSource;

/**
 * The packet-level view of a VM's TCP connections (a QEMU guest's frames, see io.lockstep.qemu.FrameMirror), told to
 * the guard as the {@link NetForwarder.TrafficListener} events it knows from a Java guest's NIC:
 * <ul>
 * <li>a SYN to the VM (without ACK) for a flow not in the table: {@code opened(source)};</li>
 * <li>every frame to the VM: {@code received(payload bytes)} — the packet rate is counted per frame, TCP or not;</li>
 * <li>a FIN or RST either way: {@code closed(source, bytes received, lifetime)};</li>
 * <li>a SYN whose handshake does not complete (no ACK from the client) within {@link #HALF_OPEN_MILLIS}, or that is
 * answered by a RST: closed having received nothing, at once — a connection dropped without a byte, a SYN flood's
 * mark;</li>
 * <li>the table holds at most {@link #MAX_FLOWS} flows; a new one evicts the oldest, told as closed (with what it
 * received and its lifetime). Connections the VM opens itself and segments of flows never seen opening are not
 * tracked (their frames still count).</li>
 * </ul>
 * Thread-safe (one reader thread calls it; the lock is uncontended). Hostile input costs O(1) per frame.
 */
public final class PacketFlows implements TrafficSource {

    /** Flows tracked at once (about 100 bytes each: some 6.5 MB at the bound). */
    public static final int MAX_FLOWS = 65_536;
    /** A handshake not completed within this is a half-open connection, dropped without a byte. */
    public static final long HALF_OPEN_MILLIS = 1000;

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int ACK = 0x10;

    private static final class Flow {
        final long key;
        final InetAddress source;
        final long openedNanos;
        long lastNanos;
        long bytes;
        boolean established;
        boolean gone;

        Flow(long key, InetAddress source, long now) {
            this.key = key;
            this.source = source;
            this.openedNanos = now;
            this.lastNanos = now;
        }
    }

    private final List<NetForwarder.TrafficListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedHashMap<Long, Flow> flows = new LinkedHashMap<>();
    private final ArrayDeque<Flow> handshaking = new ArrayDeque<>();
    private final LongSupplier clock;
    private long evicted;
    private long halfOpen;

    public PacketFlows() {
        this(System::nanoTime);
    }

    /** With a clock of nanoseconds (tests). */
    public PacketFlows(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public void addTrafficListener(NetForwarder.TrafficListener l) {
        listeners.add(l);
    }

    @Override
    public void removeTrafficListener(NetForwarder.TrafficListener l) {
        listeners.remove(l);
    }

    /** A frame to the VM that is not a TCP segment (ARP, UDP, ICMP, a fragment): counted as one packet received. */
    public synchronized void otherFrameIn(int bytes) {
        long now = clock.getAsLong();
        expire(now);
        for (NetForwarder.TrafficListener l : listeners) {
            l.received(Math.max(0, bytes));
        }
    }

    /**
     * A TCP segment. {@code toVm}: sent to the VM (else by it); {@code remote} and {@code remotePort} the other end's
     * IPv4 address (an int, network order) and port, {@code vmPort} the VM's; {@code flags} TCP's flag bits;
     * {@code payload} its payload length.
     */
    public synchronized void segment(boolean toVm, int remote, int remotePort, int vmPort, int flags, int payload) {
        long now = clock.getAsLong();
        expire(now);
        long key = (remote & 0xffffffffL) << 32 | (remotePort & 0xffffL) << 16 | (vmPort & 0xffffL);
        Flow f = flows.get(key);
        if (toVm) {
            for (NetForwarder.TrafficListener l : listeners) {
                l.received(Math.max(0, payload));
            }
        }
        if ((flags & RST) != 0 || (flags & FIN) != 0) {
            if (f != null) {
                if (toVm && !f.established && (flags & RST) != 0) {
                    halfOpen++;
                }
                if (toVm) {
                    f.bytes += Math.max(0, payload);
                }
                end(f, now);
            }
            return;
        }
        if (toVm && (flags & SYN) != 0 && (flags & ACK) == 0) {
            if (f == null) {
                open(key, remote, now);
            }
            return;
        }
        if (f == null) {
            return;
        }
        f.lastNanos = now;
        if (toVm) {
            if ((flags & ACK) != 0) {
                f.established = true;
            }
            f.bytes += Math.max(0, payload);
        }
    }

    private void open(long key, int remote, long now) {
        if (flows.size() >= MAX_FLOWS) {
            Iterator<Map.Entry<Long, Flow>> oldest = flows.entrySet().iterator();
            Flow victim = oldest.next().getValue();
            evicted++;
            end(victim, now);
        }
        InetAddress source;
        try {
            source = InetAddress.getByAddress(new byte[] {(byte) (remote >>> 24), (byte) (remote >>> 16), (byte) (remote >>> 8), (byte) remote});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
        Flow f = new Flow(key, source, now);
        flows.put(key, f);
        if (handshaking.size() >= 2 * MAX_FLOWS) {
            handshaking.pollFirst();
        }
        handshaking.addLast(f);
        for (NetForwarder.TrafficListener l : listeners) {
            l.opened(source);
        }
    }

    /** Ends the flow: told as closed with what it received, its lifetime up to its last segment. */
    private void end(Flow f, long now) {
        if (f.gone) {
            return;
        }
        f.gone = true;
        flows.remove(f.key, f);
        long lifetime = ((f.established ? now : f.lastNanos) - f.openedNanos) / 1_000_000;
        for (NetForwarder.TrafficListener l : listeners) {
            l.closed(f.source, f.bytes, lifetime);
        }
    }

    /** Half-open flows older than {@link #HALF_OPEN_MILLIS} end, dropped without a byte. */
    private void expire(long now) {
        long limit = HALF_OPEN_MILLIS * 1_000_000L;
        for (Flow f; (f = handshaking.peekFirst()) != null && now - f.openedNanos >= limit;) {
            handshaking.pollFirst();
            if (!f.gone && !f.established) {
                halfOpen++;
                end(f, now);
            }
        }
    }

    /** Ends half-open flows that have timed out even when no frame arrives (the agent calls it every 100 ms). */
    public synchronized void tick() {
        expire(clock.getAsLong());
    }

    /** Flows in the table. */
    public synchronized int size() {
        return flows.size();
    }

    /** Flows evicted for room. */
    public synchronized long evicted() {
        return evicted;
    }

    /** Handshakes never completed (timed out or reset). */
    public synchronized long halfOpen() {
        return halfOpen;
    }
}
