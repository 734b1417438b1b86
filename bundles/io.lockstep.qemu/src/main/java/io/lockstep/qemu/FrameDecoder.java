package io.lockstep.qemu;

import java.nio.ByteBuffer;

/**
 * Decodes what the DoS guard needs from one Ethernet frame: MACs, EtherType (past one 802.1Q tag), and for IPv4 its
 * addresses and protocol, and for TCP its ports, flags and payload length. Bounded and safe on hostile input: it
 * reads only inside the buffer's remaining bytes, checks every length field against them, and answers {@code null}
 * for a frame it cannot make sense of (the caller counts and skips it) — never an exception.
 */
public final class FrameDecoder {

    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_VLAN = 0x8100;
    public static final int PROTO_TCP = 6;

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    /** The largest frame decoded (a jumbo frame and a vnet header fit); longer ones are malformed here. */
    public static final int MAX_FRAME = 65_535 + 64;

    /**
     * One decoded frame. MACs as the low 48 bits of a long; IPv4 addresses as ints (network order, so
     * {@code 10.0.0.1} is {@code 0x0a000001}); {@code protocol} is -1 unless the frame is IPv4; ports, flags and
     * {@code payloadLength} are 0 unless it is the first (or only) fragment of a TCP segment.
     */
    public record Frame(long dstMac, long srcMac, int etherType, int srcIp, int dstIp, int protocol, int srcPort, int dstPort, int tcpFlags,
            int payloadLength, int frameLength) {

        public boolean isTcp() {
            return protocol == PROTO_TCP && (srcPort | dstPort) != 0;
        }

        public boolean has(int flag) {
            return (tcpFlags & flag) != 0;
        }

        /** A SYN that opens a connection (not the SYN-ACK that answers one). */
        public boolean isSynOnly() {
            return isTcp() && has(SYN) && !has(ACK);
        }
    }

    private FrameDecoder() {
    }

    /** The frame in {@code b}'s remaining bytes (position and limit are left as they were), or null when malformed. */
    public static Frame decode(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        int start = b.position();
        int len = b.remaining();
        if (len < 14 || len > MAX_FRAME) {
            return null;
        }
        long dst = mac(b, start);
        long src = mac(b, start + 6);
        int off = start + 12;
        int type = u16(b, off);
        off += 2;
        if (type == ETHERTYPE_VLAN) {
            if (len < 18) {
                return null;
            }
            type = u16(b, off + 2);
            off += 4;
        }
        if (type != ETHERTYPE_IPV4) {
            return new Frame(dst, src, type, 0, 0, -1, 0, 0, 0, 0, len);
        }
        int end = start + len;
        if (end - off < 20) {
            return null;
        }
        int vihl = b.get(off) & 0xff;
        int ihl = (vihl & 0x0f) * 4;
        if (vihl >>> 4 != 4 || ihl < 20) {
            return null;
        }
        int total = u16(b, off + 2);
        // the frame may be padded past the datagram (to 60 bytes), never shorter than it
        if (total < ihl || total > end - off) {
            return null;
        }
        int fragment = u16(b, off + 6) & 0x1fff;
        int proto = b.get(off + 9) & 0xff;
        int srcIp = u32(b, off + 12);
        int dstIp = u32(b, off + 16);
        if (proto != PROTO_TCP || fragment != 0) {
            return new Frame(dst, src, type, srcIp, dstIp, proto, 0, 0, 0, 0, len);
        }
        int tcp = off + ihl;
        int tcpLen = total - ihl;
        if (tcpLen < 20) {
            return null;
        }
        int dataOffset = ((b.get(tcp + 12) & 0xff) >>> 4) * 4;
        if (dataOffset < 20 || dataOffset > tcpLen) {
            return null;
        }
        int srcPort = u16(b, tcp);
        int dstPort = u16(b, tcp + 2);
        if (srcPort == 0 || dstPort == 0) {
            return null;
        }
        int flags = b.get(tcp + 13) & 0x3f;
        return new Frame(dst, src, type, srcIp, dstIp, proto, srcPort, dstPort, flags, tcpLen - dataOffset, len);
    }

    /** A MAC "52:54:00:12:34:56" as the long {@link Frame} uses. */
    public static long mac(String mac) {
        String[] p = mac.split(":");
        if (p.length != 6) {
            throw new IllegalArgumentException("MAC: expected six hex pairs separated by ':', found \"" + mac + "\"");
        }
        long v = 0;
        for (String x : p) {
            v = v << 8 | Integer.parseInt(x, 16);
        }
        return v;
    }

    private static long mac(ByteBuffer b, int at) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = v << 8 | (b.get(at + i) & 0xff);
        }
        return v;
    }

    private static int u16(ByteBuffer b, int at) {
        return (b.get(at) & 0xff) << 8 | (b.get(at + 1) & 0xff);
    }

    private static int u32(ByteBuffer b, int at) {
        return u16(b, at) << 16 | u16(b, at + 2);
    }
}
