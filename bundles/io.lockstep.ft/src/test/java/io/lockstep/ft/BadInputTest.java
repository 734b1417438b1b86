package io.lockstep.ft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.vdisk.DiskChain;
import io.lockstep.vm.GuestRegistry;
import io.lockstep.vm.Vm;

/**
 * Peers that say the wrong thing: a backup of another guest, a peer of another protocol version, a peer of
 * another protocol altogether, damaged and out-of-order epochs, a difference against a version the backup does
 * not hold. Each is named; the primary runs on unprotected and says so; a backup that refused goes live for nobody
 * and serves the next primary.
 */
class BadInputTest {

    static final long MEMORY = 16L << 20;

    @TempDir
    Path dir;
    Fixture f;
    Path disk;
    Datastore hostA;
    Datastore hostB;
    final List<String> said = new CopyOnWriteArrayList<>();
    LiveVm primary;
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
        if (primary != null) {
            primary.close();
            primary.disk().underlying().close();
        }
        if (backup != null) {
            backup.close();
        }
        hostA.close();
        hostB.close();
    }

    LiveVm startPrimary() throws Exception {
        Vm vm = new Vm("pair", GuestRegistry.create("kv"), MEMORY, DiskChain.open(disk, true), 1.0);
        FtDisk ft = new FtDisk(vm.disk(), vm::position);
        vm.setDisk(ft);
        primary = new LiveVm("pair", vm, ft, 0, 1, 50, new GoLive(hostA, "pair"), true, st -> said.add("primary: " + st.line()));
        return primary;
    }

    Backup startBackup(String guest) throws Exception {
        return startBackup(guest, options(FtMode.CHECKPOINT));
    }

    /** The pair's options with its key (no protection starts without one). */
    FtOptions options(FtMode mode) {
        return FtOptions.defaults(mode, hostA.superblock().timing()).withAuthKey(KEY);
    }

    /** A signed HELLO as the real primary of this pair sends it, for a newly armed go-live generation. */
    Handshake.Hello hello() throws Exception {
        return new Handshake.Hello(FtMode.CHECKPOINT, "pair", GuestRegistry.create("kv").spec(), MEMORY, new GoLive(hostA, "pair").arm(), 25,
                Handshake.Sealing.AES_GCM).signed(KEY);
    }

    Backup startBackup(String guest, FtOptions options) throws Exception {
        backup = new Backup("pair", guest, MEMORY, disk, new GoLive(hostB, "pair"), 0, Fixture.freePort(), 50, options, 1.0,
                st -> said.add("backup: " + st.line()));
        return backup;
    }

    static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void aBackupRefusesAnUnsignedHello() throws Exception {
        startBackup("kv");
        assertEquals(Wire.ERROR, handshake(hello().unsigned()));
        assertEquals("backup: REFUSED: the primary did not authenticate: this backup expects a signed HELLO", awaitSaid("backup: REFUSED"));
    }

    @Test
    void aBackupWithAKeyRefusesAPrimaryWithAnotherKey() throws Exception {
        startBackup("kv");
        startPrimary().protect(loopback(backup.port()), options(FtMode.CHECKPOINT).withAuthKey(KEY.replace('0', '1')));
        assertRunsOnUnprotected("the backup refused: the primary's HELLO carries a wrong signature (another key, or it was altered)");
    }

    @Test
    void aReplayedOrTamperedHelloIsRefusedAndTheRightKeyIsServed() throws Exception {
        startBackup("kv");
        Handshake.Hello signed = hello();
        assertEquals(Wire.WELCOME, handshake(signed), "a signed HELLO is welcomed");
        awaitSaid("backup: SYNCING");
        said.clear();
        // the same bytes again (a recorded handshake): refused although the signature is right
        assertEquals(Wire.ERROR, handshake(signed));
        assertTrue(awaitSaid("backup: REFUSED").contains("a replayed handshake"), said.toString());
        said.clear();
        // a newer generation with the old signature (an altered field)
        Handshake.Hello altered = new Handshake.Hello(Wire.VERSION, FtMode.CHECKPOINT, "pair", signed.guestSpec(), MEMORY, signed.generation() + 5, 25,
                signed.sealing(), signed.nonce(), signed.mac());
        assertEquals(Wire.ERROR, handshake(altered));
        assertTrue(awaitSaid("backup: REFUSED").contains("wrong signature"), said.toString());
        // a real primary with the key is served
        startPrimary().protect(loopback(backup.port()), options(FtMode.CHECKPOINT));
        awaitSaid("primary: PROTECTED");
    }

    /** Sends one HELLO on a new connection and returns the type of the backup's answer (the connection is then dropped). */
    int handshake(Handshake.Hello hello) throws Exception {
        try (FakePrimary p = new FakePrimary(backup.port(), hello, KEY)) {
            if (p.answer.type() == Wire.WELCOME) {
                // a welcomed session: end it as a primary that stops protecting would, so the backup waits again
                p.send(Wire.ERROR, d -> d.writeUTF("the test ends this session"));
                awaitSaid("backup: WAITING");
            }
            return p.answer.type();
        }
    }

    String awaitSaid(String prefix) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            for (String s : said) {
                if (s.startsWith(prefix)) {
                    return s;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("nobody said '" + prefix + "…'; said: " + said);
    }

    static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    void assertRunsOnUnprotected(String expected) throws Exception {
        String line = awaitSaid("primary: UNPROTECTED: ");
        assertEquals("primary: UNPROTECTED: " + expected, line);
        assertEquals(LiveVm.Protection.UNPROTECTED, primary.protection());
        assertEquals("PONG", Fixture.redis(primary.port(), "PING"), "the primary keeps serving");
        assertEquals("OK", Fixture.redis(primary.port(), "SET", "after", "refusal"));
        assertEquals("refusal", Fixture.redis(primary.port(), "GET", "after"), "its outputs are no longer held");
    }

    @Test
    void aBackupOfAnotherGuestIsRefusedAndThePrimaryRunsOnUnprotected() throws Exception {
        startBackup("churn:workingSetPages=100");
        startPrimary().protect(loopback(backup.port()), options(FtMode.CHECKPOINT));
        String expected = "an incompatible guest: this backup runs churn:workingSetPages=100,dirtyPagesPerStep=1,workPerStep=200 with 16777216 "
                + "bytes of memory; the primary runs kv:maxConnections=1024 with 16777216";
        assertRunsOnUnprotected("the backup refused: " + expected);
        assertEquals("backup: REFUSED: " + expected, awaitSaid("backup: REFUSED"));
        assertEquals(Backup.State.WAITING, backup.state(), "a backup that refused does not go live");
    }

    @Test
    void aPeerOfAnotherProtocolVersionIsNamed() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = fake.accept()) {
                    DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
                    Wire.read(in, Wire.MAX_HANDSHAKE); // HELLO
                    Wire.write(out, Wire.WELCOME, Wire.body(d -> {
                        d.writeInt(Wire.MAGIC);
                        d.writeShort(1);
                    }));
                    Thread.sleep(2000);
                } catch (Exception e) {
                    // done
                }
            });
            t.start();
            startPrimary().protect(loopback(fake.getLocalPort()), options(FtMode.REPLAY));
            assertRunsOnUnprotected("the backup speaks FT protocol version 1; this primary speaks version 2");
        }
    }

    @Test
    void aPeerOfAnotherProtocolIsNamedWithWhatItAnswered() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = fake.accept()) {
                    s.getInputStream().read(new byte[256]);
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    Thread.sleep(2000);
                } catch (Exception e) {
                    // done
                }
            });
            t.start();
            startPrimary().protect(loopback(fake.getLocalPort()), options(FtMode.CHECKPOINT));
            assertRunsOnUnprotected("the peer at " + fake.getLocalPort() + " does not speak the Lockstep FT protocol: it answered "
                    + "'HTTP/1.1 400 Bad Request..Content-Length: 0....'");
        }
    }

    /** Talks to the backup as a primary would, then sends {@code bad} (with one bit flipped when {@code damage}); returns the backup's ERROR text. */
    String sendToBackup(Wire.Body bad, int type, boolean damage) throws Exception {
        startBackup("kv");
        String text;
        try (FakePrimary p = new FakePrimary(backup.port(), hello(), KEY)) {
            assertEquals(Wire.WELCOME, p.answer.type());
            byte[] frame = p.channel.frame(type, Wire.body(bad));
            if (damage) {
                frame[frame.length - 20] ^= 0x04; // a bit of the sealed payload
            }
            p.raw(frame);
            Wire.Frame reply = p.next();
            assertEquals(Wire.ERROR, reply.type(), "the backup answers with an error");
            text = reply.in().readUTF();
            assertEquals("backup: REFUSED: " + text, awaitSaid("backup: REFUSED"));
        }
        Thread.sleep(300); // (a backup that went live would say so by now)
        assertEquals(Backup.State.WAITING, backup.state(), "the refusing backup does not go live: its primary is alive");
        // and it serves the next primary
        startPrimary().protect(loopback(backup.port()), options(FtMode.CHECKPOINT));
        awaitSaid("primary: PROTECTED");
        return text;
    }

    String error;

    @Test
    void aDamagedEpochIsRefused() throws Exception {
        Wire.Body pages = d -> {
            d.writeLong(0);
            d.writeInt(0);
        };
        sendToBackup(pages, Wire.PAGES, true);
        assertTrue(said.contains("backup: REFUSED: a PAGES message of 12 bytes from the primary does not authenticate (its segment 0, number 0 in this "
                + "direction): altered, replayed, reordered, cut short, or not sealed under this session's key"), said.toString());
    }

    @Test
    void anOutOfOrderEpochIsRefused() throws Exception {
        Wire.Body commit = d -> {
            d.writeLong(3);
            d.writeLong(0);
            d.writeLong(0);
            d.writeInt(0);
            d.writeInt(0);
            d.writeByte(0);
            d.writeInt(0);
        };
        sendToBackup(commit, Wire.COMMIT, false);
        assertTrue(said.contains("backup: REFUSED: out of order: the commit of epoch 3 after epoch -1 (expected epoch 0)"), said.toString());
    }

    @Test
    void aDifferenceAgainstAVersionTheBackupDoesNotHoldIsRefused() throws Exception {
        Wire.Body pages = d -> {
            d.writeLong(0);
            d.writeInt(1);
            d.writeInt(5);
            d.writeByte(1);
            d.writeLong(7);
            d.writeInt(4);
            d.writeInt(0);
        };
        sendToBackup(pages, Wire.PAGES, false);
        assertTrue(said.contains("backup: REFUSED: epoch 0: page 5 comes as a difference from its version of epoch 7 but this backup holds the "
                + "version of epoch 0"), said.toString());
    }
}
