package io.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.client.AgentClient;

/**
 * A real VM (issue 23) through {@code ./lockstep} only, as root with a namespace per host: {@code vm create --guest qemu}
 * boots the default image (a Debian kernel, busybox and redis-server) under QEMU; clients in the root namespace reach
 * its Redis at the VM's own address (a tap routed to it, proxy ARP) with redis-cli; suspend stops it answering and
 * resume brings it back; a QEMU killed from outside is reported with its last output and lets go of its locks and
 * address, so the VM starts again on the other host, at the same address; power-off ends it and removes its tap.
 */
class QemuVmEndToEndTest extends QemuDatacenterTest {

    @Test
    void aQemuGuestServesRedisAtItsAddressIsCheckpointedUnderLoadRevertedSuspendedAndMovesAfterItsQemuIsKilled() throws Exception {
        cli.ok("up", "--hosts", "2");
        JsonNode vm = AgentClient.mapper().readTree(cli.ok("vm", "create", "web1", "--guest", "qemu", "--json").out());
        assertEquals("qemu", vm.path("guest").asText(), vm.toString());
        assertEquals(256, vm.path("memoryMiB").asInt(), "a QEMU guest gets 256 MiB unless told: " + vm);
        String address = vm.path("address").asText();
        assertTrue(address.matches("10\\.\\d+\\.\\d+\\.1\\d\\d"), "the VM has an address of the VM range: " + vm);
        assertEquals(6379, vm.path("port").asInt(), "its service port is its guest's Redis port: " + vm);

        cli.ok("vm", "start", "web1", "--host", "host-1");
        QemuGuests.awaitPong(address, 180);
        assertEquals("OK", redisCli(address, "SET", "k", "before"));
        assertEquals("before", redisCli(address, "GET", "k"));
        try (redis.clients.jedis.Jedis jedis = new redis.clients.jedis.Jedis(address, 6379)) { // Jedis, with its defaults (RESP3)
            assertEquals("OK", jedis.set("jedis", "yes"));
            assertEquals("yes", jedis.get("jedis"));
            assertEquals("before", jedis.get("k"), "the Java client sees what redis-cli wrote");
        }
        JsonNode seen = QemuGuests.view(cli, "web1");
        assertEquals("poweredOn", seen.path("powerState").asText(), seen.toString());
        assertEquals("host-1", seen.path("host").asText(), seen.toString());

        // its disk comes from the agent's own iSCSI target, logged in to with the VM's own IQN, and the guest sees it
        JsonNode machine = cli.json("vm", "machine", "web1");
        String iqn = vm.path("san").path("iqn").asText();
        assertEquals("iqn.2026-12.io.lockstep.disk:web1", machine.path("diskTarget").asText(), machine.toString());
        assertEquals(iqn.toLowerCase(java.util.Locale.ROOT), machine.path("initiator").asText(), "QEMU logs in as the VM: " + machine);
        awaitConsole("web1", "lockstep-guest: disk /dev/vda: 64 MiB", 60);
        // the identity is enforced by our target: the VM's IQN reaches its LUN, another VM's is refused
        JsonNode other = AgentClient.mapper().readTree(cli.ok("vm", "create", "web9", "--json").out());
        String ns = hostNamespace("host-1");
        String url = "iscsi://" + machine.path("diskPortal").asText() + "/" + machine.path("diskTarget").asText() + "/0";
        String own = inNamespace(ns, "iscsi-inq", "-i", iqn, url);
        assertFalse(own.contains("\nEXIT "), "the VM's IQN reaches its LUN: " + own);
        assertTrue(own.contains("LOCKSTEP"), "our target answers INQUIRY: " + own);
        String refused = inNamespace(ns, "iscsi-inq", "-i", other.path("san").path("iqn").asText(), url);
        assertTrue(refused.contains("\nEXIT "), "another VM's IQN is refused: " + refused);
        // the guest writes a mark on its disk before the checkpoint (and another after it, below)
        typeAndAwait("web1", "printf MARK-A | dd of=/dev/vda bs=512 seek=8 conv=notrunc 2>/dev/null; sync; echo W1-$((40+2))", "W1-42");

        cli.ok("vm", "suspend", "web1");
        assertEquals("suspended", QemuGuests.view(cli, "web1").path("powerState").asText());
        assertThrows(SocketTimeoutException.class, () -> QemuGuests.ping(address, 1500), "a suspended QEMU guest does not answer");
        cli.ok("vm", "resume", "web1");
        QemuGuests.awaitPong(address, 60);
        assertEquals("before", redisCli(address, "GET", "k"), "resumed with its memory");

        // a checkpoint while redis-benchmark loads the guest and a sequential writer numbers its SETs; revert: the
        // guest holds exactly a prefix of the writer's keys, every one acknowledged before the checkpoint began and
        // none sent after it ended
        Process bench = new ProcessBuilder("redis-benchmark", "-h", address, "-p", "6379", "-t", "set", "-n", "1000000", "-r", "100000", "-c", "4",
                "-q").redirectErrorStream(true).redirectOutput(work.resolve("bench.txt").toFile()).start();
        SeqWriter writer = new SeqWriter(address);
        writer.start();
        long ackedBefore;
        long sentAfter;
        try {
            writer.awaitAcked(50);
            ackedBefore = writer.acked;
            DatacenterEndToEndTest.Result cp = cli.ok("vm", "checkpoint", "web1", "--name", "under-load");
            sentAfter = writer.sent + 1;
            writer.awaitAcked(sentAfter + 20);
            assertTrue(cp.out().contains("checkpoint 1 of web1"), cp.all());
        } finally {
            writer.stop = true;
            writer.join(30_000);
            bench.destroyForcibly();
        }
        assertEquals(null, writer.failure, "the writer's SETs were all acknowledged while the checkpoint ran");
        typeAndAwait("web1", "printf MARK-B | dd of=/dev/vda bs=512 seek=8 conv=notrunc 2>/dev/null; sync; echo W2-$((40+3))", "W2-43");
        JsonNode cps = cli.json("vm", "checkpoints", "web1");
        assertEquals(1, cps.size(), cps.toString());
        assertTrue(cps.get(0).path("bytes").asLong() > 1 << 20, "the checkpoint holds the guest's memory: " + cps);
        cli.ok("vm", "revert", "web1", "1");
        QemuGuests.awaitPong(address, 60);
        assertEquals("before", redisCli(address, "GET", "k"), "reverted: the key set before the checkpoint");
        long n = Long.parseLong(redisCli(address, "EVAL", "return #redis.call('KEYS', 'seq:*')", "0"));
        assertTrue(n >= ackedBefore && n < sentAfter, "the checkpoint holds the keys of one instant: " + n + " of the writer's, acknowledged "
                + ackedBefore + " before it began, " + sentAfter + " sent after it ended");
        assertEquals(Long.toString(n), redisCli(address, "GET", "seq:" + n), "the last key of the prefix is there");
        assertEquals("", redisCli(address, "GET", "seq:" + (n + 1)), "and none after it: a prefix, as the writer wrote them");
        assertEquals("1", redisCli(address, "EXISTS", "seq:1"));
        assertEquals("poweredOn", QemuGuests.view(cli, "web1").path("powerState").asText());
        // the disk went back with the memory: the mark written before the checkpoint, read from the disk itself
        typeAndAwait("web1", "echo 3 > /proc/sys/vm/drop_caches; echo R-$(dd if=/dev/vda bs=512 skip=8 count=1 2>/dev/null | head -c 6)-END",
                "R-MARK-A-END");

        // QEMU killed from outside: the agent says so, with QEMU's own words, and lets go of locks, tap and address
        long qemu = qemuPid("web1");
        ProcessHandle.of(qemu).orElseThrow().destroyForcibly();
        JsonNode after = QemuGuests.awaitState(cli, "web1", "poweredOff", 30);
        assertTrue(after.path("note").asText().contains("QEMU of machine web1") && after.path("note").asText().contains("killed by signal 9"),
                "the note says how QEMU ended: " + after);
        cli.ok("vm", "start", "web1", "--host", "host-2");
        QemuGuests.awaitPong(address, 180);
        assertEquals("host-2", QemuGuests.view(cli, "web1").path("host").asText(), "it runs on the other host now, at the same address");
        assertNotEquals(qemu, qemuPid("web1"));
        assertEquals("", redisCli(address, "GET", "k"), "a new boot: the guest's memory did not survive its QEMU (no checkpoint yet)");

        cli.ok("vm", "stop", "web1");
        assertEquals("poweredOff", QemuGuests.view(cli, "web1").path("powerState").asText());
        // the disk chain, copied out of the datastore, is one qemu-img reads: every layer checks clean, the chain is whole
        String medium = AgentClient.mapper().readTree(work.resolve("dc").resolve("datacenter.json").toFile()).path("medium").asText();
        Path out = work.resolve("web1-out");
        cli.ok("datastore", "cp-out", medium, "/web1", out.toString(), "-r");
        List<Path> layers;
        try (var files = Files.list(out)) {
            layers = files.filter(f -> f.toString().endsWith(".vmdk")).toList();
        }
        assertEquals(2, layers.size(), "the base (the checkpoint's frozen disk) and the delta of the revert; the delta abandoned by the revert "
                + "was removed: " + layers);
        for (Path l : layers) {
            String check = run("qemu-img", "check", "-f", "vmdk", l.toString());
            assertTrue(check.contains("No errors were found"), l + ": " + check);
        }
        assertThrows(IOException.class, () -> QemuGuests.ping(address, 1500), "powered off, nothing answers at its address");
        assertFalse(isRunning("web1"), "no QEMU of web1 is left");
    }

    @Test
    void aQemuGuestNeedsAHostWithANetworkOfItsOwnAndSaysSo() throws Exception {
        cli.ok("up", "--hosts", "1", "--loopback");
        cli.ok("vm", "create", "web2", "--guest", "qemu");
        DatacenterEndToEndTest.Result r = cli.lockstep("vm", "start", "web2");
        assertNotEquals(0, r.code(), r.all());
        assertTrue(r.err().contains("web2 cannot boot") && r.err().contains("no network of its own"), r.all());
        assertEquals("poweredOff", QemuGuests.view(cli, "web2").path("powerState").asText(), "nothing of it runs");
        DatacenterEndToEndTest.Result bad = cli.lockstep("vm", "create", "web3", "--guest", "qemu:kernel=relative/vmlinuz");
        assertNotEquals(0, bad.code(), bad.all());
        assertTrue(bad.err().contains("kernel must be an absolute path, found 'relative/vmlinuz'"), bad.all());
    }

    /** SETs seq:1, seq:2, … one at a time, each waited for: what was acknowledged and what was sent. */
    private static final class SeqWriter extends Thread {
        final String address;
        volatile long sent;
        volatile long acked;
        volatile boolean stop;
        volatile Throwable failure;

        SeqWriter(String address) {
            super("seq-writer");
            this.address = address;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, 6379), 5000);
                s.setSoTimeout(60_000);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                for (long i = 1; !stop; i++) {
                    String k = "seq:" + i;
                    String v = Long.toString(i);
                    out.write(("*3\r\n$3\r\nSET\r\n$" + k.length() + "\r\n" + k + "\r\n$" + v.length() + "\r\n" + v + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    sent = i;
                    StringBuilder line = new StringBuilder();
                    for (int c; (c = in.read()) != '\n';) {
                        if (c < 0) {
                            throw new IOException("the guest closed the connection after " + acked + " SETs");
                        }
                        line.append((char) c);
                    }
                    if (!line.toString().trim().equals("+OK")) {
                        throw new IOException("SET " + k + ": " + line);
                    }
                    acked = i;
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        void awaitAcked(long n) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acked < n && failure == null && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertEquals(null, failure, "the writer failed");
            assertTrue(acked >= n, "the writer got " + n + " SETs acknowledged: " + acked);
        }
    }

    private String hostNamespace(String host) throws Exception {
        JsonNode net = AgentClient.mapper().readTree(work.resolve("dc").resolve("network.json").toFile());
        return "lockstep-" + net.path("tag").asText() + "-" + host;
    }

    /** A command inside a host's namespace: its output, and "EXIT n" when it failed. */
    private static String inNamespace(String ns, String... command) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(List.of(command));
        return run(cmd.toArray(String[]::new));
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " finished");
        return p.exitValue() == 0 ? out : out + "\nEXIT " + p.exitValue();
    }

    private static boolean isRunning(String vm) {
        try {
            qemuPid(vm);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The pid of the QEMU that runs {@code vm} (in whichever host's namespace). */
    private static long qemuPid(String vm) throws Exception {
        String out = HostNamespaces.run(List.of("pgrep", "-f", "qemu-system-x86_64 .*-name " + vm + "( |$)")).trim();
        assertFalse(out.isEmpty() || out.contains("\n"), "one QEMU runs " + vm + ": '" + out + "'");
        return Long.parseLong(out);
    }

    /** redis-cli (a client nobody here wrote) against the guest: its output, trimmed. */
    private static String redisCli(String address, String... command) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("redis-cli", "-h", address, "-p", "6379"));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "redis-cli " + String.join(" ", command) + " finished");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
