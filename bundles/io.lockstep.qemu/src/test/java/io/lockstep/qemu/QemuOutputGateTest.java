package io.lockstep.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate on a real guest's NIC: with it passing, redis-cli is answered; holding, a reply does not reach redis-cli
 * however long it waits, and does the moment its epoch is released; a discarded reply never arrives (TCP's
 * retransmission brings it once the gate passes again). The guest's RAM is in a shared file, as an FT-ready VM's.
 */
class QemuOutputGateTest {

    @TempDir
    Path dir;

    @Test
    void aHeldReplyLeavesOnlyWhenItsEpochIsReleased() throws Exception {
        FtGuests.assume();
        try (FtGuests g = new FtGuests("gate"); OutputGate gate = new OutputGate(dir, "gate")) {
            List<String> args = new ArrayList<>(gate.args("n0"));
            QemuSpec spec = g.spec("hf-gate", 128, g.memoryFile("gate"));
            List<String> extra = new ArrayList<>(spec.extraArgs());
            extra.addAll(args);
            try (QemuMachine m = new QemuMachine(spec.withExtraArgs(extra))) {
                m.start(Duration.ofSeconds(60));
                m.awaitSerial("lockstep-guest: redis listening", Duration.ofSeconds(180));
                g.setAcknowledged("k", "passing");
                assertTrue(gate.connected());
                long passed = gate.stats().framesOut();
                assertTrue(passed > 0, "the guest's replies went through the gate: " + gate.stats());

                long epoch = gate.hold();
                Process get = redisCli(g, "GET", "k");
                assertFalse(get.waitFor(2, TimeUnit.SECONDS), "no reply while it is held");
                assertTrue(gate.stats().heldFrames() > 0, "the guest answered, the gate holds it: " + gate.stats());
                long out = gate.stats().framesOut();
                m.pause();
                assertEquals(epoch, gate.endEpoch());
                m.resume();
                assertEquals(out, gate.stats().framesOut(), "closing an epoch releases nothing");
                gate.release(epoch);
                assertTrue(gate.stats().framesOut() > out, "the epoch's frames left: " + gate.stats());
                // from here on epochs end and are acknowledged every 50 ms, as an FT primary's are: each exchange
                // of the connection (handshake, request, reply) leaves one epoch later
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (get.isAlive() && System.nanoTime() < end) {
                    Thread.sleep(50);
                    m.pause();
                    long e = gate.endEpoch();
                    m.resume();
                    gate.release(e);
                }
                assertFalse(get.isAlive(), "the reply left as its epochs were released");
                assertEquals("passing", new String(get.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());

                Process set = redisCli(g, "SET", "k", "discarded");
                assertFalse(set.waitFor(2, TimeUnit.SECONDS));
                assertTrue(gate.discard() > 0, "something was held to discard");
                assertFalse(set.waitFor(1, TimeUnit.SECONDS), "a discarded reply never reaches the client");
                gate.pass();
                assertTrue(set.waitFor(30, TimeUnit.SECONDS), "TCP sends again and the passing gate lets it through");
                assertEquals(0, gate.stats().heldFrames());
            }
        }
    }

    static Process redisCli(FtGuests g, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", g.netns, "redis-cli", "-h", "127.0.0.1", "-p", "6379"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }
}
