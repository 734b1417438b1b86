package io.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.client.AgentClient;

/**
 * The datacenter as a new user meets it, through the {@code ./lockstep} script only (run on the classes of this
 * build), with real agent processes and {@code redis-cli} as the guest's client: up, create, start, protect, write
 * keys, SIGKILL the primary's agent, the backup takes over with every key, re-protect on the third host, restart
 * the killed agent and see it report the truth, down.
 */
class DatacenterEndToEndTest {

    @TempDir
    Path work;

    record Result(int code, String out, String err) {
        String all() {
            return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("lockstep"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no ./lockstep script above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    Result lockstep(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", root().resolve("lockstep").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LOCKSTEP_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("LOCKSTEP_WORK", work.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("lockstep " + String.join(" ", args) + " did not finish in 180 s; stderr: " + Files.readString(err));
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    Result ok(String... args) throws Exception {
        Result r = lockstep(args);
        assertEquals(0, r.code(), "lockstep " + String.join(" ", args) + ": " + r.all());
        return r;
    }

    JsonNode json(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--json");
        return AgentClient.mapper().readTree(ok(a.toArray(String[]::new)).out());
    }

    /** Where a VM listens: its own address in the datacenter network (hosts in namespaces, as root), else loopback. */
    record Nic(String address, int port) {
        static Nic of(JsonNode vm) {
            return new Nic(vm.path("address").asText("127.0.0.1"), vm.path("port").asInt());
        }
    }

    static String redis(Nic nic, String input) throws Exception {
        Process p = new ProcessBuilder("redis-cli", "-h", nic.address(), "-p", Integer.toString(nic.port())).redirectErrorStream(true).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    long pidOf(String host) throws IOException {
        return AgentClient.mapper().readTree(work.resolve("dc").resolve(host).resolve("agent.json").toFile()).path("pid").asLong();
    }

    JsonNode vm(String name, String... host) throws Exception {
        for (JsonNode v : host.length == 0 ? json("vm", "ls") : json("vm", "ls", "--host", host[0])) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no VM " + name);
    }

    @AfterEach
    void down() throws Exception {
        if (Files.exists(work.resolve("dc").resolve("datacenter.json"))) {
            lockstep("down");
        }
    }

    @Test
    void upProtectKillTheLosingAgentReprotectRestartDown() throws Exception {
        Result up = ok("up", "--hosts", "3");
        assertTrue(up.out().contains("datacenter up in") && up.out().contains("host-3"), up.all());
        JsonNode hosts = json("host", "ls");
        assertEquals(3, hosts.size(), hosts.toString());
        hosts.forEach(h -> assertTrue(h.path("live").asBoolean(), hosts.toString()));

        Nic port = Nic.of(AgentClient.mapper().readTree(ok("vm", "create", "vm1", "--json").out()));
        Result start = ok("vm", "start", "vm1", "--host", "host-1");
        assertTrue(start.out().contains("vm1: poweredOn on host-1"), start.all());
        Result protect = ok("ft", "protect", "vm1", "--backup", "host-2");
        assertTrue(protect.out().contains("vm1 is protected by host-2"), protect.all());
        assertTrue(protect.err().contains("100%"), "a progress bar ran to the end: " + protect.err());

        StringBuilder sets = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sets.append("SET key").append(i).append(" value").append(i).append('\n');
        }
        assertEquals("OK\n".repeat(300), redis(port, sets.toString()), "every SET was acknowledged");
        JsonNode before = vm("vm1");
        assertEquals("host-1", before.path("host").asText());
        assertEquals("protected", before.path("ft").path("state").asText(), before.toString());
        Result leases = ok("leases");
        assertTrue(leases.out().contains("vm1/vm.json") && leases.out().contains("multi-writer"), leases.all());

        // the primary's host fails: its agent is killed outright
        ProcessHandle.of(pidOf("host-1")).orElseThrow().destroyForcibly();
        long end = System.currentTimeMillis() + 30_000;
        JsonNode after = vm("vm1");
        while (!(after.path("host").asText().equals("host-2") && after.path("powerState").asText().equals("poweredOn"))
                && System.currentTimeMillis() < end) {
            Thread.sleep(200);
            after = vm("vm1");
        }
        assertEquals("host-2", after.path("host").asText(), "the backup took over: " + after);
        StringBuilder gets = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            gets.append("GET key").append(i).append('\n');
            expected.append("value").append(i).append('\n');
        }
        assertEquals(expected.toString(), redis(port, gets.toString()), "every acknowledged key is there after the failover");

        Result reprotect = ok("ft", "protect", "vm1", "--backup", "host-3");
        assertTrue(reprotect.out().contains("vm1 is protected by host-3"), reprotect.all());
        assertEquals("OK\n", redis(port, "SET after reprotect\n"));
        JsonNode ft = json("ft", "status", "vm1");
        assertEquals("primary", ft.path("role").asText());
        assertEquals("protected", ft.path("state").asText());
        assertEquals("host-3", ft.path("backup").asText());
        assertTrue(ft.path("stats").path("epochs").asLong() > 0, ft.toString());

        // the killed agent comes back: it mounts again, is fenced or recovers its slot, and tells the truth
        Result again = ok("up", "--hosts", "3");
        assertTrue(again.out().contains("started host-1"), again.all());
        JsonNode seenByHost1 = vm("vm1", "host-1");
        assertEquals("host-2", seenByHost1.path("host").asText(), "host-1 reports that vm1 runs on host-2: " + seenByHost1);
        assertEquals("poweredOn", seenByHost1.path("powerState").asText());
        assertTrue(seenByHost1.path("note").asText().contains("it runs on host-2 now"), seenByHost1.toString());
        JsonNode hb = json("host", "ls", "--host", "host-1");
        long liveHost1 = 0;
        for (JsonNode h : hb) {
            if (h.path("host").asText().equals("host-1") && h.path("live").asBoolean()) {
                liveHost1++;
            }
        }
        assertEquals(1, liveHost1, "host-1 heartbeats again in one slot: " + hb);

        assertNoVmFileBesideTheLun(); // a protected VM, its FT pair, a failover and a re-protection later
        Result down = ok("down");
        assertTrue(down.out().contains("stopped 3 agents"), down.all());
        for (String h : List.of("host-1", "host-2", "host-3")) {
            assertFalse(ProcessHandle.of(pidOf(h)).map(ProcessHandle::isAlive).orElse(false), h + " stopped");
        }
        Result gone = lockstep("vm", "ls");
        assertEquals(1, gone.code(), gone.all());
        assertTrue(gone.err().contains("no agent of the datacenter"), gone.all());
    }

    @Test
    void aKilledAgentRestartsInItsSlotReportsItsVmStoppedAndLosesNoCheckpoint() throws Exception {
        ok("up", "--hosts", "2");
        Nic port = Nic.of(AgentClient.mapper().readTree(ok("vm", "create", "vm2", "--json").out()));
        ok("vm", "start", "vm2", "--host", "host-1");
        assertEquals("OK\nOK\n", redis(port, "SET a 1\nSET b 2\n"));
        Result cp = ok("vm", "checkpoint", "vm2", "--name", "before-crash");
        assertTrue(cp.out().startsWith("checkpoint 1 of vm2"), cp.all());
        JsonNode host1 = null;
        for (JsonNode h : json("host", "ls")) {
            if (h.path("host").asText().equals("host-1")) {
                host1 = h;
            }
        }
        ProcessHandle.of(pidOf("host-1")).orElseThrow().destroyForcibly();

        // seen from host-2: the lock is still there, but its owner stopped heartbeating
        long end = System.currentTimeMillis() + 20_000;
        JsonNode seen = vm("vm2", "host-2");
        while (!seen.path("powerState").asText().equals("unknown") && System.currentTimeMillis() < end) {
            Thread.sleep(200);
            seen = vm("vm2", "host-2");
        }
        assertEquals("unknown", seen.path("powerState").asText(), seen.toString());
        assertTrue(seen.path("note").asText().contains("heartbeat stopped"), seen.toString());

        Result up = ok("up", "--hosts", "2");
        assertTrue(up.out().contains("started host-1"), up.all());
        JsonNode back = null;
        for (JsonNode h : json("host", "ls", "--host", "host-1")) {
            if (h.path("host").asText().equals("host-1")) {
                back = h;
            }
        }
        assertEquals(host1.path("slot").asInt(), back.path("slot").asInt(), "host-1 recovered its own slot: " + back);
        assertTrue(back.path("generation").asLong() > host1.path("generation").asLong(), "with a new generation: " + back);
        JsonNode vm2 = vm("vm2", "host-1");
        assertEquals("poweredOff", vm2.path("powerState").asText(), "the VM stopped with its agent, and host-1 says so: " + vm2);
        assertTrue(vm2.path("note").asText().contains("restarted"), vm2.toString());
        JsonNode locks = json("leases", "--host", "host-1");
        for (JsonNode l : locks) {
            for (JsonNode o : l.path("owners")) {
                assertFalse(o.path("live").asBoolean(), "the locks of host-1's previous life are stale: " + locks);
            }
        }

        ok("vm", "start", "vm2", "--host", "host-1");
        JsonNode list = json("vm", "checkpoints", "vm2");
        assertEquals(1, list.size(), list.toString());
        assertEquals("before-crash", list.get(0).path("name").asText());
        ok("vm", "revert", "vm2", "1");
        assertEquals("1\n2\n", redis(port, "GET a\nGET b\n"), "the checkpoint taken before the crash brought the keys back");
        assertNoVmFileBesideTheLun();
    }

    /** The hosts share only the LUN: no VM folder, disk, checkpoint or host card lies in the work directory. */
    private void assertNoVmFileBesideTheLun() throws IOException {
        try (var walk = Files.walk(work)) {
            List<String> strays = walk.filter(Files::isRegularFile).map(p -> work.relativize(p).toString())
                    .filter(n -> n.endsWith(".vmdk") || n.endsWith(".lscp") || n.endsWith("vm.json") || n.endsWith("vm.properties")
                            || n.contains("/.hosts/"))
                    .toList();
            assertEquals(List.of(), strays, "VM files outside the LUN");
        }
    }
}
