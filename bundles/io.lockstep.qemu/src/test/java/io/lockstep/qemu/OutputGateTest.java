package io.lockstep.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's bookkeeping against a stand-in for QEMU's two chardevs (the frames are real records on real Unix
 * sockets): passing writes each frame back as read; holding keeps frames by the epoch they were read in and
 * releases exactly the epochs acknowledged, in order; a discard drops what is held; bad framing is refused.
 */
class OutputGateTest {

    @TempDir
    Path dir;

    /** QEMU's side: writes the guest's frames to the gate, reads what the gate lets onto the net. */
    static final class FakeQemu implements AutoCloseable {
        final SocketChannel guest;
        final SocketChannel net;

        FakeQemu(Path dir, String id) throws IOException {
            guest = SocketChannel.open(StandardProtocolFamily.UNIX);
            guest.connect(UnixDomainSocketAddress.of(dir.resolve(id + "-g.sock")));
            net = SocketChannel.open(StandardProtocolFamily.UNIX);
            net.connect(UnixDomainSocketAddress.of(dir.resolve(id + "-n.sock")));
        }

        void send(byte[] frame) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(8 + 12 + frame.length);
            b.putInt(12 + frame.length).putInt(12).put(new byte[12]).put(frame).flip();
            while (b.hasRemaining()) {
                guest.write(b);
            }
        }

        /** The frame the gate wrote next (vnet header stripped), or null if none comes within the gate's settle time. */
        byte[] receive(OutputGate gate, long expectOut) throws Exception {
            for (int i = 0; i < 500 && gate.stats().framesOut() < expectOut; i++) {
                Thread.sleep(10);
            }
            if (gate.stats().framesOut() < expectOut) {
                return null;
            }
            ByteBuffer head = ByteBuffer.allocate(8);
            while (head.hasRemaining()) {
                net.read(head);
            }
            int n = head.getInt(0);
            int h = head.getInt(4);
            ByteBuffer body = ByteBuffer.allocate(n);
            while (body.hasRemaining()) {
                net.read(body);
            }
            byte[] frame = new byte[n - h];
            System.arraycopy(body.array(), h, frame, 0, frame.length);
            return frame;
        }

        @Override
        public void close() throws IOException {
            guest.close();
            net.close();
        }
    }

    static void awaitIn(OutputGate gate, long framesIn) throws InterruptedException {
        for (int i = 0; i < 1000 && gate.stats().framesIn() < framesIn; i++) {
            Thread.sleep(5);
        }
        assertEquals(framesIn, gate.stats().framesIn(), "frames the gate read");
    }

    static void awaitConnected(OutputGate gate) throws InterruptedException {
        for (int i = 0; i < 1000 && !gate.connected(); i++) {
            Thread.sleep(5);
        }
        assertTrue(gate.connected());
    }

    @Test
    void passingWritesEachFrameBackAsRead() throws Exception {
        try (OutputGate gate = new OutputGate(dir, "g1"); FakeQemu q = new FakeQemu(dir, "g1")) {
            awaitConnected(gate);
            q.send("hello".getBytes());
            assertArrayEquals("hello".getBytes(), q.receive(gate, 1));
            q.send(new byte[1500]);
            assertEquals(1500, q.receive(gate, 2).length);
            assertEquals(0, gate.stats().heldFrames());
        }
    }

    @Test
    void holdingReleasesExactlyTheAcknowledgedEpochsInOrder() throws Exception {
        try (OutputGate gate = new OutputGate(dir, "g2"); FakeQemu q = new FakeQemu(dir, "g2")) {
            awaitConnected(gate);
            long first = gate.hold();
            q.send("a1".getBytes());
            q.send("a2".getBytes());
            awaitIn(gate, 2);
            assertEquals(first, gate.endEpoch(), "the epoch closed is the one that was open");
            q.send("b1".getBytes());
            awaitIn(gate, 3);
            long second = gate.endEpoch();
            assertEquals(first + 1, second);
            q.send("c1".getBytes());
            awaitIn(gate, 4);
            assertEquals(4, gate.stats().heldFrames());
            assertEquals(null, q.receive(gate, 1), "nothing leaves before an acknowledgement");

            gate.release(first);
            assertArrayEquals("a1".getBytes(), q.receive(gate, 1));
            assertArrayEquals("a2".getBytes(), q.receive(gate, 2));
            assertEquals(null, q.receive(gate, 3), "the next epoch's frame stays");
            gate.release(second);
            assertArrayEquals("b1".getBytes(), q.receive(gate, 3));
            assertEquals(1, gate.stats().heldFrames(), "the open epoch's frame is still held");

            assertEquals(1, gate.discard(), "a discard drops the open epoch's frame");
            gate.release(Long.MAX_VALUE);
            assertEquals(null, q.receive(gate, 4), "a discarded frame never leaves");
            assertEquals(1, gate.stats().discarded());

            q.send("d1".getBytes());
            awaitIn(gate, 5);
            gate.pass();
            assertArrayEquals("d1".getBytes(), q.receive(gate, 4), "pass() writes out what is held");
            q.send("e1".getBytes());
            assertArrayEquals("e1".getBytes(), q.receive(gate, 5), "and then passes frames as they come");
        }
    }

    @Test
    void aRecordWithABrokenLengthClosesThatConnectionOnly() throws Exception {
        try (OutputGate gate = new OutputGate(dir, "g3")) {
            try (FakeQemu q = new FakeQemu(dir, "g3")) {
                awaitConnected(gate);
                ByteBuffer bad = ByteBuffer.allocate(8).putInt(-5).putInt(0).flip();
                q.guest.write(bad);
                ByteBuffer one = ByteBuffer.allocate(1);
                int r = 0;
                for (int i = 0; i < 200 && r >= 0; i++) {
                    q.guest.configureBlocking(true);
                    r = q.guest.read(one); // the gate closes the connection: end of stream
                }
                assertEquals(-1, r, "the gate closed the connection whose framing broke");
            }
            try (FakeQemu again = new FakeQemu(dir, "g3")) { // QEMU reconnects (reconnect=1)
                for (int i = 0; i < 1000 && gate.stats().framesIn() == 0; i++) {
                    again.send("ok".getBytes());
                    Thread.sleep(20);
                    if (gate.stats().framesIn() > 0) {
                        break;
                    }
                }
                assertTrue(gate.stats().framesIn() > 0, "a new connection is read");
            }
        }
    }

    @Test
    void badIdsAndLongPathsAreRefusedSayingWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OutputGate(dir, "1bad"));
        assertTrue(e.getMessage().contains("expected a letter"), e.getMessage());
        Path deep = dir.resolve("x".repeat(100));
        e = assertThrows(IllegalArgumentException.class, () -> new OutputGate(deep, "gate"));
        assertTrue(e.getMessage().contains("at most 107 bytes"), e.getMessage());
    }

    @Test
    void theInjectingRedirectorComesBeforeTheTakingOne() throws Exception {
        try (OutputGate gate = new OutputGate(dir, "g4")) {
            List<String> objects = new ArrayList<>();
            List<String> args = gate.args("net0");
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).equals("-object")) {
                    objects.add(args.get(i + 1));
                }
            }
            // QEMU walks a netdev's filters backwards for what the guest sends: the taking one must be last
            assertEquals(2, objects.size(), args.toString());
            assertTrue(objects.get(0).contains("indev=g4-n") && objects.get(0).contains("queue=rx"), objects.toString());
            assertTrue(objects.get(1).contains("outdev=g4-g") && objects.get(1).contains("queue=rx"), objects.toString());
        }
    }
}
