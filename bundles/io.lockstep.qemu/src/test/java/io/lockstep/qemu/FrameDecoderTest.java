package io.lockstep.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link FrameDecoder} on hand-built frames, malformed and random ones; {@link FrameMirror}'s framing over its socket. */
class FrameDecoderTest {

    static final String VM_MAC = "52:54:00:aa:bb:cc";
    static final String HOST_MAC = "ea:26:b0:8d:c0:f8";

    /** An Ethernet/IPv4/TCP frame; {@code pad}: bytes after the datagram (Ethernet's minimum frame). */
    static byte[] tcp(String src, String dst, int srcIp, int dstIp, int sport, int dport, int flags, int payload, int pad) {
        int ipLen = 20 + 20 + payload;
        ByteBuffer b = ByteBuffer.allocate(14 + ipLen + pad);
        b.put(mac(dst)).put(mac(src)).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) ipLen).putShort((short) 1).putShort((short) 0x4000).put((byte) 64).put((byte) 6)
                .putShort((short) 0).putInt(srcIp).putInt(dstIp);
        b.putShort((short) sport).putShort((short) dport).putInt(1000).putInt(0).put((byte) 0x50).put((byte) flags).putShort((short) 64240)
                .putShort((short) 0).putShort((short) 0);
        for (int i = 0; i < payload; i++) {
            b.put((byte) 'x');
        }
        return b.array();
    }

    static byte[] mac(String m) {
        long v = FrameDecoder.mac(m);
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (v >>> (40 - 8 * i));
        }
        return b;
    }

    static final int CLIENT = 0x0ac8_0a02; // 10.200.10.2
    static final int VM = 0x0ac8_0a64; // 10.200.10.100

    @Test
    void aSynToTheVmIsDecodedWithItsAddressesPortsAndFlags() {
        FrameDecoder.Frame f = FrameDecoder.decode(ByteBuffer.wrap(tcp(HOST_MAC, VM_MAC, CLIENT, VM, 40000, 6379, FrameDecoder.SYN, 0, 6)));
        assertNotNull(f);
        assertEquals(FrameDecoder.mac(VM_MAC), f.dstMac());
        assertEquals(FrameDecoder.mac(HOST_MAC), f.srcMac());
        assertEquals(CLIENT, f.srcIp());
        assertEquals(VM, f.dstIp());
        assertEquals(40000, f.srcPort());
        assertEquals(6379, f.dstPort());
        assertTrue(f.isSynOnly(), f.toString());
        assertEquals(0, f.payloadLength(), "Ethernet padding is not payload");
        assertEquals(60, f.frameLength());
    }

    @Test
    void aSegmentWithDataHasItsPayloadLengthAndASynAckIsNoOpeningSyn() {
        FrameDecoder.Frame d = FrameDecoder.decode(ByteBuffer.wrap(tcp(HOST_MAC, VM_MAC, CLIENT, VM, 40000, 6379, FrameDecoder.ACK | FrameDecoder.PSH, 33, 0)));
        assertEquals(33, d.payloadLength());
        assertTrue(d.has(FrameDecoder.ACK) && d.has(FrameDecoder.PSH) && !d.has(FrameDecoder.SYN));
        FrameDecoder.Frame sa = FrameDecoder.decode(ByteBuffer.wrap(tcp(VM_MAC, HOST_MAC, VM, CLIENT, 6379, 40000, FrameDecoder.SYN | FrameDecoder.ACK, 0, 6)));
        assertFalse(sa.isSynOnly());
        assertTrue(sa.isTcp());
    }

    @Test
    void aVlanTagArpAndAFragmentAreDecodedAsFarAsTheyGo() {
        byte[] plain = tcp(HOST_MAC, VM_MAC, CLIENT, VM, 1, 2, FrameDecoder.SYN, 0, 0);
        ByteBuffer tagged = ByteBuffer.allocate(plain.length + 4);
        tagged.put(plain, 0, 12).putShort((short) 0x8100).putShort((short) 7).put(plain, 12, plain.length - 12);
        FrameDecoder.Frame t = FrameDecoder.decode(tagged.flip());
        assertEquals(2, t.dstPort(), "the 802.1Q tag is skipped");

        byte[] arp = new byte[42];
        System.arraycopy(mac("ff:ff:ff:ff:ff:ff"), 0, arp, 0, 6);
        arp[12] = 0x08;
        arp[13] = 0x06;
        FrameDecoder.Frame a = FrameDecoder.decode(ByteBuffer.wrap(arp));
        assertEquals(0x0806, a.etherType());
        assertEquals(-1, a.protocol());
        assertFalse(a.isTcp());

        byte[] frag = tcp(HOST_MAC, VM_MAC, CLIENT, VM, 1, 2, FrameDecoder.SYN, 8, 0);
        frag[14 + 6] = 0x00;
        frag[14 + 7] = 0x10; // offset 16 × 8 bytes: a later fragment, no TCP header in it
        FrameDecoder.Frame g = FrameDecoder.decode(ByteBuffer.wrap(frag));
        assertEquals(6, g.protocol());
        assertFalse(g.isTcp(), "a later fragment has no ports: " + g);
    }

    @Test
    void malformedFramesAreNullNeverAnException() {
        byte[] good = tcp(HOST_MAC, VM_MAC, CLIENT, VM, 40000, 6379, FrameDecoder.SYN, 10, 0);
        assertNull(FrameDecoder.decode(ByteBuffer.wrap(new byte[13])), "shorter than an Ethernet header");
        assertNull(FrameDecoder.decode(ByteBuffer.wrap(good, 0, 14 + 19)), "an IPv4 header cut short");
        byte[] v6 = good.clone();
        v6[14] = 0x65;
        assertNull(FrameDecoder.decode(ByteBuffer.wrap(v6)), "version 6 in an IPv4 frame");
        byte[] ihl = good.clone();
        ihl[14] = 0x44;
        assertNull(FrameDecoder.decode(ByteBuffer.wrap(ihl)), "an IHL under 5");
        byte[] longer = good.clone();
        longer[16] = 0x7f;
        assertNull(FrameDecoder.decode(ByteBuffer.wrap(longer)), "a total length past the frame");
        assertNull(FrameDecoder.decode(ByteBuffer.wrap(good, 0, good.length - 11)), "the frame cut inside the payload");
        byte[] offset = good.clone();
        offset[14 + 20 + 12] = (byte) 0xf0;
        assertNull(FrameDecoder.decode(ByteBuffer.wrap(offset)), "a TCP data offset past the segment");
        byte[] small = good.clone();
        small[14 + 20 + 12] = 0x40;
        assertNull(FrameDecoder.decode(ByteBuffer.wrap(small)), "a TCP data offset under 5");
        byte[] port0 = good.clone();
        port0[14 + 20] = 0;
        port0[14 + 21] = 0;
        assertNull(FrameDecoder.decode(ByteBuffer.wrap(port0)), "source port 0");
        assertNull(FrameDecoder.decode(ByteBuffer.allocate(FrameDecoder.MAX_FRAME + 1)), "longer than any frame");
        assertNull(FrameDecoder.decode(null));

        Random r = new Random(23);
        for (int i = 0; i < 200_000; i++) {
            byte[] junk = r.nextBoolean() ? good.clone() : new byte[r.nextInt(120)];
            for (int k = 0, n = 1 + r.nextInt(6); k < n && junk.length > 0; k++) {
                junk[r.nextInt(junk.length)] = (byte) r.nextInt();
            }
            ByteBuffer b = ByteBuffer.wrap(junk, 0, junk.length == 0 ? 0 : r.nextInt(junk.length + 1));
            FrameDecoder.decode(b.slice()); // null or a frame; never an exception
        }
    }

    @Test
    void theDecoderReadsOnlyTheBuffersRemainingBytesAndLeavesItsPosition() {
        byte[] good = tcp(HOST_MAC, VM_MAC, CLIENT, VM, 40000, 6379, FrameDecoder.SYN, 0, 0);
        ByteBuffer withHeader = ByteBuffer.allocate(12 + good.length);
        withHeader.position(12);
        withHeader.put(good).position(12);
        FrameDecoder.Frame f = FrameDecoder.decode(withHeader);
        assertEquals(6379, f.dstPort(), "decoded after a 12-byte vnet header");
        assertEquals(12, withHeader.position());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theMirrorReadsQemusFramingSkipsTheVnetHeaderAndDropsAConnectionWithBrokenFraming(@TempDir Path dir) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (FrameMirror m = new FrameMirror(dir.resolve("m.sock"), "lsmirror1")) {
            m.addListener(b -> seen.add(b.remaining() + ":" + FrameDecoder.decode(b).dstPort()));
            m.addListener(b -> {
                throw new IllegalStateException("a listener that throws");
            });
            String args = String.join(" ", m.args("net0"));
            assertTrue(args.contains("filter-mirror,id=lsmirror1-filter,netdev=net0,queue=all,outdev=lsmirror1,vnet_hdr_support=on"), args);
            assertTrue(args.contains("socket,id=lsmirror1,path=" + dir.resolve("m.sock") + ",reconnect=1"), args);
            byte[] frame = tcp(HOST_MAC, VM_MAC, CLIENT, VM, 40000, 6379, FrameDecoder.SYN, 0, 6);
            try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                c.connect(UnixDomainSocketAddress.of(dir.resolve("m.sock")));
                for (int i = 0; i < 3; i++) {
                    ByteBuffer rec = ByteBuffer.allocate(8 + 12 + frame.length);
                    rec.putInt(12 + frame.length).putInt(12).put(new byte[12]).put(frame).flip();
                    write(c, rec);
                }
                write(c, ByteBuffer.allocate(8).putInt(1 << 30).putInt(0).flip()); // framing lost
                await(() -> m.broken() == 1);
            }
            assertEquals(List.of("60:6379", "60:6379", "60:6379"), seen);
            assertEquals(3, m.frames());
            assertEquals(3, m.listenerFailures());
            try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) { // QEMU reconnects
                c.connect(UnixDomainSocketAddress.of(dir.resolve("m.sock")));
                write(c, ByteBuffer.allocate(8 + frame.length).putInt(frame.length).putInt(0).put(frame).flip());
                await(() -> m.frames() == 4);
            }
            assertEquals(2, m.connections());
        }
    }

    private static void write(SocketChannel c, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            c.write(b);
        }
    }

    private static void await(java.util.function.BooleanSupplier s) throws InterruptedException {
        while (!s.getAsBoolean()) {
            Thread.sleep(10);
        }
    }
}
