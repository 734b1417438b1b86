package io.lockstep.ft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.vdisk.DiskChain;
import io.lockstep.vm.GuestRegistry;
import io.lockstep.vm.Vm;

/**
 * A hostile peer on the FT wire (issue 21), by class of weakness: lengths a peer declares, handshakes that dribble
 * or pile up, peers without the pair's key, a stream altered, replayed or read on the link, and a session that
 * throws an Error. In each, the backup refuses that connection saying why, does not go live (the primary it refused
 * is alive), and still serves the real primary afterwards.
 */
class HostileWireTest {

    static final long MEMORY = 16L << 20;
    static final String KEY = BadInputTest.KEY;
    static final String MARKER = "hostile-wire-marker-7f3a9c";

    @TempDir
    Path dir;
    Fixture f;
    Path disk;
    Datastore hostA;
    Datastore hostB;
    final List<String> said = new CopyOnWriteArrayList<>();
    final List<LiveVm> primaries = new ArrayList<>();
    final List<AutoCloseable> closing = new ArrayList<>();
    Backup backup;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(dir);
        disk = f.disk("vm");
        hostA = f.host("esx-a");
        hostB = f.host("esx-b");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        for (LiveVm p : primaries) {
            p.close();
            p.disk().underlying().close();
        }
        if (backup != null) {
            backup.close();
        }
        hostA.close();
        hostB.close();
    }

    FtOptions options(FtMode mode) {
        return FtOptions.defaults(mode, hostA.superblock().timing()).withAuthKey(KEY);
    }

    Backup startBackup(FtOptions o, Consumer<FtStatus> extra) throws IOException {
        backup = new Backup("pair", "kv", MEMORY, disk, new GoLive(hostB, "pair"), 0, Fixture.freePort(), 50, o, 1.0, st -> {
            said.add("backup: " + st.line());
            extra.accept(st);
        });
        return backup;
    }

    Backup startBackup() throws IOException {
        return startBackup(options(FtMode.CHECKPOINT), st -> {
        });
    }

    /** A real primary of the pair (the previous one, if any, closed first: one writer of the disk at a time). */
    LiveVm startPrimary() throws Exception {
        for (LiveVm p : primaries) {
            p.close();
            p.disk().underlying().close();
        }
        primaries.clear();
        Vm vm = new Vm("pair", GuestRegistry.create("kv"), MEMORY, DiskChain.open(disk, true), 1.0);
        FtDisk ft = new FtDisk(vm.disk(), vm::position);
        vm.setDisk(ft);
        LiveVm p = new LiveVm("pair", vm, ft, 0, 1, 50, new GoLive(hostA, "pair"), true, st -> said.add("primary: " + st.line()));
        primaries.add(p);
        return p;
    }

    /** A real primary with the key protects through {@code port} and gets protected: the backup still serves. */
    void aRealPrimaryIsProtected(int port) throws Exception {
        said.removeIf(l -> l.startsWith("primary: "));
        startPrimary().protect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), options(FtMode.CHECKPOINT));
        awaitSaid("primary: PROTECTED", "primary: UNPROTECTED");
    }

    Handshake.Hello hello(FtMode mode) throws Exception {
        return new Handshake.Hello(mode, "pair", GuestRegistry.create("kv").spec(), MEMORY, new GoLive(hostA, "pair").arm(), 25,
                Handshake.Sealing.AES_GCM).signed(KEY);
    }

    /** Waits for a line starting with {@code prefix}; fails at once on one starting with {@code failing}. */
    String awaitSaid(String prefix, String failing) throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            for (String s : said) {
                if (s.startsWith(prefix)) {
                    return s;
                }
                if (failing != null && s.startsWith(failing)) {
                    throw new AssertionError("expected '" + prefix + "…', but: " + s + "; said: " + said);
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("nobody said '" + prefix + "…'; said: " + said);
    }

    /** The backup's refusal of {@code p}'s session: the ERROR it sent, which it also reported. */
    String refusal(FakePrimary p) throws Exception {
        Wire.Frame reply = p.next();
        assertEquals(Wire.ERROR, reply.type(), "the backup answers with an error");
        String text = reply.in().readUTF();
        assertEquals("backup: REFUSED: " + text, awaitSaid("backup: REFUSED", "backup: LIVE"));
        return text;
    }

    /** After a refusal: the backup did not go live (its primary is alive) and serves the real primary. */
    void stillServes() throws Exception {
        Thread.sleep(300); // (a backup that went live would say so by now)
        assertEquals(Backup.State.WAITING, backup.state(), "the refusing backup does not go live: " + said);
        aRealPrimaryIsProtected(backup.port());
    }

    /** A fake primary that got the backup in sync (checkpointing: epoch 0 of no pages; replay: its replay running). */
    FakePrimary inSync(FtMode mode) throws Exception {
        FakePrimary p = new FakePrimary(backup.port(), hello(mode), KEY);
        closing.add(p);
        assertEquals(Wire.WELCOME, p.answer.type());
        byte[] device = new Vm("state", GuestRegistry.create("kv"), MEMORY, null, 1.0).deviceStateBytes();
        p.send(Wire.COMMIT, d -> {
            d.writeLong(0);
            d.writeLong(0);
            d.writeLong(0);
            d.writeInt(0);
            d.writeInt(device.length);
            d.write(device);
            d.writeByte(0);
            d.writeInt(0);
        });
        assertEquals(Wire.ACK, p.next().type());
        awaitSaid("backup: IN SYNC", "backup: REFUSED");
        return p;
    }

    static Wire.Body commitClaiming(int deviceLength) {
        return d -> {
            d.writeLong(0);
            d.writeLong(0);
            d.writeLong(0);
            d.writeInt(0);
            d.writeInt(deviceLength);
            d.writeByte(0);
            d.writeInt(0);
        };
    }

    @Nested
    class LengthsTrusted {

        long allocatedBy(Runnable r) {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            long before = mx.getThreadAllocatedBytes(id);
            r.run();
            return mx.getThreadAllocatedBytes(id) - before;
        }

        @Test
        void aDeclaredLengthIsNotAllocatedBeforeItsBytesArrive() throws Exception {
            // 64 MiB announced (the most a message may carry), ten bytes sent, then the connection ends
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(b);
            d.writeByte(Wire.PAGES);
            d.writeInt(Wire.MAX_PAYLOAD);
            d.write(new byte[10]);
            byte[] bytes = b.toByteArray();
            long handshake = allocatedBy(() -> assertThrows(EOFException.class,
                    () -> Wire.read(new DataInputStream(new ByteArrayInputStream(bytes)), Wire.MAX_PAYLOAD)));
            FtChannel sealed = FtChannel.backup(new DataInputStream(new ByteArrayInputStream(bytes)), new DataOutputStream(OutputStream.nullOutputStream()),
                    Handshake.Sealing.AES_GCM, Handshake.keys(KEY, new byte[32], new byte[32]));
            long stream = allocatedBy(() -> assertThrows(EOFException.class, sealed::read));
            assertTrue(handshake < 1 << 20 && stream < 1 << 20, "allocated " + handshake + " and " + stream + " bytes for 10 that arrived");
        }

        @Test
        void aHelloLongerThan4KiBIsRefusedBeforeItArrives() throws Exception {
            startBackup();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), backup.port())) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeByte(Wire.HELLO);
                out.writeInt(1 << 20);
                out.flush();
                assertEquals("backup: REFUSED: not an FT message: type 1, length 1048576 (expected a type 1-11 and at most 4096 bytes)",
                        awaitSaid("backup: REFUSED", null));
            }
            stillServes();
        }

        @Test
        void aDeviceStateOf2GiBIsRefused() throws Exception {
            startBackup();
            try (FakePrimary p = new FakePrimary(backup.port(), hello(FtMode.CHECKPOINT), KEY)) {
                p.send(Wire.COMMIT, commitClaiming(Integer.MAX_VALUE));
                assertEquals("a COMMIT message of 37 bytes: the device state of 2147483647 bytes, but 5 bytes remain (expected 0-5)", refusal(p));
            }
            stillServes();
        }

        @Test
        void aNegativeDeviceStateLengthIsRefused() throws Exception {
            startBackup();
            try (FakePrimary p = new FakePrimary(backup.port(), hello(FtMode.CHECKPOINT), KEY)) {
                p.send(Wire.COMMIT, commitClaiming(-5));
                assertEquals("a COMMIT message of 37 bytes: the device state of -5 bytes, but 5 bytes remain (expected 0-5)", refusal(p));
            }
            stillServes();
        }

        @Test
        void aPageCountOf2Pow31Minus1IsRefused() throws Exception {
            startBackup();
            try (FakePrimary p = new FakePrimary(backup.port(), hello(FtMode.CHECKPOINT), KEY)) {
                p.send(Wire.PAGES, d -> {
                    d.writeLong(0);
                    d.writeInt(Integer.MAX_VALUE);
                });
                assertEquals("a PAGES message of 12 bytes: 2147483647 pages, but 0 bytes remain (expected 0-0 of at least 5 bytes each)", refusal(p));
            }
            stillServes();
        }

        @Test
        void anInputCountOf2Pow31Minus1IsRefused() throws Exception {
            startBackup(options(FtMode.REPLAY), st -> {
            });
            try (FakePrimary p = inSync(FtMode.REPLAY)) {
                p.send(Wire.EVENTS, d -> {
                    d.writeLong(1);
                    d.writeLong(0);
                    d.writeInt(Integer.MAX_VALUE);
                });
                assertEquals("a EVENTS message of 20 bytes: 2147483647 input events, but 0 bytes remain (expected 0-0 of at least 17 bytes each)",
                        refusal(p));
            }
            stillServes();
        }

        @Test
        void anInputOf2GiBIsRefusedAndTheBackupDoesNotGoLive() throws Exception {
            startBackup(options(FtMode.REPLAY), st -> {
            });
            try (FakePrimary p = inSync(FtMode.REPLAY)) {
                p.send(Wire.EVENTS, d -> {
                    d.writeLong(1);
                    d.writeLong(0);
                    d.writeInt(1);
                    d.writeLong(0); // position
                    d.writeByte(0); // kind
                    d.writeInt(0); // channel
                    d.writeInt(Integer.MAX_VALUE);
                });
                assertEquals("an EVENTS message: input 0 has a payload of 2147483647 bytes, but 0 bytes remain", refusal(p));
            }
            stillServes();
        }

        @Test
        void aMessageShorterThanItsFieldsIsRefusedNotTakenForALostPrimary() throws Exception {
            startBackup();
            try (FakePrimary p = inSync(FtMode.CHECKPOINT)) {
                p.send(Wire.COMMIT, d -> d.writeShort(1)); // two bytes where an epoch number (8) begins
                assertEquals("a COMMIT message of 2 bytes ends before its fields do", refusal(p));
            }
            stillServes();
        }
    }

    @Nested
    class SlowHandshakes {

        @Test
        void aPeerSendingAByteEvery4SecondsDoesNotKeepThePrimaryOut() throws Exception {
            startBackup();
            AtomicBoolean stop = new AtomicBoolean();
            try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), backup.port())) {
                closing.add(() -> stop.set(true));
                Thread dribble = new Thread(() -> {
                    try {
                        OutputStream out = slow.getOutputStream();
                        byte[] header = {Wire.HELLO, 0, 0, 0x0F, (byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 0};
                        for (int i = 0; !stop.get(); i = (i + 1) % header.length) {
                            out.write(header[i]);
                            out.flush();
                            Thread.sleep(4000);
                        }
                    } catch (IOException | InterruptedException e) {
                        // closed by the backup (its deadline) or by the test
                    }
                }, "dribbler");
                dribble.setDaemon(true);
                dribble.start();
                Thread.sleep(300); // the slow peer's connection is accepted first
                aRealPrimaryIsProtected(backup.port());
                // and the slow peer is cut off at its deadline whatever it sends
                slow.setSoTimeout(30_000);
                assertEquals(-1, readOrEnd(slow), "the backup closes a handshake at its deadline");
                assertTrue(awaitSaid("backup: REFUSED: no HELLO within", null).contains("5000 ms"), said.toString());
            } finally {
                stop.set(true);
            }
        }

        @Test
        void aCrowdOfIdleConnectionsDoesNotKeepThePrimaryOut() throws Exception {
            startBackup();
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 3 * Backup.MAX_PENDING_HANDSHAKES; i++) {
                    idle.add(new Socket(InetAddress.getLoopbackAddress(), backup.port()));
                }
                aRealPrimaryIsProtected(backup.port());
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
        }

        private int readOrEnd(Socket s) throws IOException {
            try {
                return s.getInputStream().read();
            } catch (SocketException e) {
                return -1; // reset by the backup: ended as well
            }
        }
    }

    @Nested
    class Unauthenticated {

        @Test
        void aBackupWithoutAKeyDoesNotStart() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> startBackup(FtOptions.defaults(FtMode.CHECKPOINT, hostA.superblock().timing()), st -> {
                    }));
            assertTrue(e.getMessage().startsWith("the backup of pair cannot start: no key: an FT pair needs its key (64 hex digits"), e.getMessage());
        }

        @Test
        void anFtNodeBackupWithoutAKeyRefusesToStart() throws Exception {
            try (Node node = new Node("backup", "backup", "lun=" + f.lun, "disk=" + disk, "pair=pair", "host=esx-b")) {
                assertTrue(node.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the node exits");
                assertEquals(2, node.process.exitValue(), node.output());
                assertTrue(node.output().contains("ft-node: key=HEX is required (no key"), node.output());
                assertFalse(node.printed("PORT "), node.output());
            }
        }

        @Test
        void noHelloVerifiesWithoutAKey() throws Exception {
            Handshake.Hello h = hello(FtMode.CHECKPOINT);
            assertFalse(h.unsigned().verifies(""), "an unsigned HELLO under no key");
            assertFalse(h.verifies(""), "a signed HELLO under no key");
            assertTrue(h.verifies(KEY));
        }

        @Test
        void aPrimaryWithoutAKeyDoesNotProtect() throws Exception {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> startPrimary()
                    .protect(new InetSocketAddress(InetAddress.getLoopbackAddress(), 1), FtOptions.defaults(FtMode.CHECKPOINT, hostA.superblock().timing())));
            assertTrue(e.getMessage().startsWith("pair cannot be protected: no key"), e.getMessage());
        }

        @Test
        void aPeerThatCannotProveTheKeyIsNotTakenForTheBackup() throws Exception {
            try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Thread t = new Thread(() -> {
                    try (Socket s = fake.accept()) {
                        DataInputStream in = new DataInputStream(s.getInputStream());
                        DataOutputStream out = new DataOutputStream(s.getOutputStream());
                        Wire.read(in, Wire.MAX_HANDSHAKE); // the HELLO
                        Wire.write(out, Wire.WELCOME, new Handshake.Welcome(Wire.VERSION, new byte[32], new byte[32]).encode());
                        Thread.sleep(2000);
                    } catch (Exception e) {
                        // done
                    }
                }, "impostor");
                t.setDaemon(true);
                t.start();
                startPrimary().protect(new InetSocketAddress(InetAddress.getLoopbackAddress(), fake.getLocalPort()), options(FtMode.CHECKPOINT));
                assertEquals("primary: UNPROTECTED: the peer at " + fake.getLocalPort() + " answered WELCOME without proving it holds the pair's key: "
                        + "not this VM's backup", awaitSaid("primary: UNPROTECTED", "primary: PROTECTED"));
            }
        }
    }

    @Nested
    class StreamAltered {

        @Test
        void aFlippedBitIsRefused() throws Exception {
            startBackup();
            try (FakePrimary p = new FakePrimary(backup.port(), hello(FtMode.CHECKPOINT), KEY)) {
                byte[] frame = p.channel.frame(Wire.HEARTBEAT, new byte[0]);
                frame[frame.length - 1] ^= 0x01;
                p.raw(frame);
                assertTrue(refusal(p).startsWith("a HEARTBEAT message of 0 bytes from the primary does not authenticate (its segment 0, number 0 in this direction)"));
            }
            stillServes();
        }

        @Test
        void aReplayedFrameIsRefused() throws Exception {
            startBackup();
            try (FakePrimary p = new FakePrimary(backup.port(), hello(FtMode.CHECKPOINT), KEY)) {
                byte[] frame = p.channel.frame(Wire.HEARTBEAT, new byte[0]);
                p.raw(frame);
                p.raw(frame);
                assertTrue(refusal(p).startsWith("a HEARTBEAT message of 0 bytes from the primary does not authenticate (its segment 0, number 1 in this direction)"));
            }
            stillServes();
        }

        @Test
        void aReorderedFrameIsRefused() throws Exception {
            startBackup();
            try (FakePrimary p = new FakePrimary(backup.port(), hello(FtMode.CHECKPOINT), KEY)) {
                byte[] first = p.channel.frame(Wire.HEARTBEAT, new byte[0]);
                byte[] second = p.channel.frame(Wire.PAGES, Wire.body(d -> {
                    d.writeLong(0);
                    d.writeInt(0);
                }));
                p.raw(second);
                p.raw(first);
                assertTrue(refusal(p).startsWith("a PAGES message of 12 bytes from the primary does not authenticate (its segment 0, number 0 in this direction)"));
            }
            stillServes();
        }

        @Test
        void theSegmentsOfALongMessageCannotBeSwapped() throws Exception {
            Handshake.Keys keys = Handshake.keys(KEY, Handshake.freshNonce(), Handshake.freshNonce());
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            FtChannel.primary(new DataInputStream(InputStream.nullInputStream()), new DataOutputStream(wire), Handshake.Sealing.AES_GCM, keys, b -> {
            }).write(Wire.PAGES, payload(3 * FtChannel.SEGMENT + 100));
            byte[] bytes = wire.toByteArray();
            assertArrayEquals(payload(3 * FtChannel.SEGMENT + 100), reading(keys, bytes).read().payload(), "as sent, it opens");
            int segment = FtChannel.SEGMENT + FtChannel.TAG;
            byte[] swapped = bytes.clone();
            System.arraycopy(bytes, 5 + segment, swapped, 5 + 2 * segment, segment);
            System.arraycopy(bytes, 5 + 2 * segment, swapped, 5 + segment, segment);
            FtProtocolException e = assertThrows(FtProtocolException.class, () -> reading(keys, swapped).read());
            assertTrue(e.getMessage().contains("(its segment 1, number 1 in this direction)"), e.getMessage());
        }

        private byte[] payload(int n) {
            byte[] p = new byte[n];
            new java.util.Random(7).nextBytes(p);
            return p;
        }

        private FtChannel reading(Handshake.Keys keys, byte[] bytes) {
            return FtChannel.backup(new DataInputStream(new ByteArrayInputStream(bytes)), new DataOutputStream(OutputStream.nullOutputStream()),
                    Handshake.Sealing.AES_GCM, keys);
        }

        @Test
        void aListenerOnTheLinkSeesNoGuestData() throws Exception {
            // replay mode: every packet the guest receives is streamed to the backup; the marker is in one
            assertFalse(markerOnTheLink(options(FtMode.REPLAY)), "the guest's data crossed the link in the clear");
        }

        @Test
        void theBenchmarksCleartextShowsWhatTheListenerWouldSee() throws Exception {
            assertTrue(markerOnTheLink(options(FtMode.REPLAY).withCleartextForBenchmark()), "the test sees the marker when it is there");
        }

        private boolean markerOnTheLink(FtOptions o) throws Exception {
            startBackup(o, st -> {
            });
            try (TcpProxy link = new TcpProxy(backup.port())) {
                said.removeIf(l -> l.startsWith("primary: "));
                LiveVm p = startPrimary();
                p.protect(new InetSocketAddress(InetAddress.getLoopbackAddress(), link.port()), o);
                awaitSaid("primary: PROTECTED", "primary: UNPROTECTED");
                assertEquals("OK", Fixture.redis(p.port(), "SET", "k", MARKER));
                assertEquals(MARKER, Fixture.redis(p.port(), "GET", "k"));
                Thread.sleep(200);
                return new String(link.sentToTarget(), StandardCharsets.ISO_8859_1).contains(MARKER);
            }
        }
    }

    @Nested
    class ErrorsInASession {

        @Test
        void anErrorInASessionDoesNotEndTheBackupsService() throws Exception {
            AtomicBoolean thrown = new AtomicBoolean();
            startBackup(options(FtMode.CHECKPOINT), st -> {
                if (st.state() == FtState.SYNCING && thrown.compareAndSet(false, true)) {
                    throw new OutOfMemoryError("thrown by the test while the backup reports SYNCING");
                }
            });
            aRealPrimaryIsRefusedThenAnotherIsProtected();
        }

        @Test
        void aStackOverflowInASessionDoesNotEndTheBackupsService() throws Exception {
            AtomicBoolean thrown = new AtomicBoolean();
            startBackup(options(FtMode.CHECKPOINT), st -> {
                if (st.state() == FtState.SYNCING && thrown.compareAndSet(false, true)) {
                    throw new StackOverflowError("thrown by the test while the backup reports SYNCING");
                }
            });
            aRealPrimaryIsRefusedThenAnotherIsProtected();
        }

        private void aRealPrimaryIsRefusedThenAnotherIsProtected() throws Exception {
            startPrimary().protect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backup.port()), options(FtMode.CHECKPOINT));
            awaitSaid("primary: UNPROTECTED", "primary: PROTECTED"); // (told so, or the connection closed first)
            assertTrue(awaitSaid("backup: REFUSED", "backup: LIVE").startsWith("backup: REFUSED: the backup failed serving this primary: java.lang."),
                    said.toString());
            assertEquals(Backup.State.WAITING, backup.state());
            aRealPrimaryIsProtected(backup.port());
        }
    }
}
