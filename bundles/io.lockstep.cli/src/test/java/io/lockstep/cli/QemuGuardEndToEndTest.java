package io.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.client.AgentClient;

/**
 * The DoS guard on a QEMU guest's frames (issue 23), through {@code ./lockstep} only, as root with hosts in
 * namespaces: clients from 60 source addresses of the datacenter network (added to its bridge in the root namespace
 * for the test) and redis-benchmark load the guest's Redis with requests for a while and raise nothing; then a SYN
 * flood from the root namespace ({@code hping3 -S}, every SYN-ACK answered by the kernel's RST) is detected on the
 * mirrored frames, the VM is suspended (QMP stop) with an event naming the rule, stays suspended while the flood goes
 * on for 10 s more (one suspension, however many hold-downs pass: the frames arriving at its tap say the flood goes
 * on), and it runs again once the tap has been quiet after the flood.
 * Bounded: 60 clients for 10 s, a flood of about 10 s after the suspension; timeouts are hang guards only.
 */
class QemuGuardEndToEndTest {

    @TempDir
    Path work;

    final DatacenterEndToEndTest cli = new DatacenterEndToEndTest();
    final List<String> addedAddresses = new ArrayList<>();
    String bridge;
    Process events;
    Process flood;

    @BeforeEach
    void needsRootQemuTheImageAndHping3() {
        QemuGuests.assumeRootQemuAndTheImage();
        Assumptions.assumeTrue(HostNamespaces.which("hping3") != null, "hping3 is not installed (Debian package hping3): it sends the SYN flood");
        Assumptions.assumeTrue(HostNamespaces.which("redis-benchmark") != null, "redis-benchmark is not installed (Debian package redis-tools)");
        cli.work = work;
    }

    @AfterEach
    void down() throws Exception {
        for (Process p : new Process[] {flood, events}) {
            if (p != null) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        for (String a : addedAddresses) {
            try {
                HostNamespaces.run(List.of("ip", "addr", "del", a + "/32", "dev", bridge));
            } catch (IOException e) {
                System.err.println("removing " + a + " from " + bridge + ": " + e.getMessage());
            }
        }
        if (Files.exists(work.resolve("dc").resolve("datacenter.json"))) {
            cli.lockstep("down");
        }
    }

    @Test
    void aSynFloodOnAQemuGuestIsSeenOnItsFramesAndSuspendsItWhileClientsFromManyAddressesRaiseNothing() throws Exception {
        cli.ok("up", "--hosts", "2");
        JsonNode vm = AgentClient.mapper().readTree(cli.ok("vm", "create", "web1", "--guest", "qemu", "--json").out());
        String address = vm.path("address").asText();
        cli.ok("vm", "start", "web1", "--host", "host-1");
        QemuGuests.awaitPong(address, 180);
        Path eventsFile = work.resolve("events.jsonl");
        ProcessBuilder eb = new ProcessBuilder("bash", DatacenterEndToEndTest.root().resolve("lockstep").toString(), "events", "--host", "host-1",
                "--json").redirectErrorStream(true).redirectOutput(eventsFile.toFile());
        eb.environment().put("LOCKSTEP_CLASSPATH", System.getProperty("java.class.path"));
        eb.environment().put("LOCKSTEP_WORK", work.toString());
        eb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        events = eb.start();

        // benign: 60 clients, each from an address of its own on the datacenter bridge, with requests on kept
        // connections (and a new connection every 200 requests), and redis-benchmark beside them
        JsonNode net = AgentClient.mapper().readTree(work.resolve("dc").resolve("network.json").toFile());
        bridge = net.path("bridge").asText();
        String subnet = net.path("subnet").asText();
        assertTrue(!bridge.isEmpty() && subnet.matches("10\\.\\d+\\.\\d+"), net.toString());
        List<String> sources = new ArrayList<>();
        for (int i = 30; i < 90; i++) {
            String a = subnet + "." + i;
            HostNamespaces.run(List.of("ip", "addr", "add", a + "/32", "dev", bridge));
            addedAddresses.add(a);
            sources.add(a);
        }
        Process bench = new ProcessBuilder("redis-benchmark", "-h", address, "-p", "6379", "-t", "set,get", "-n", "2000000", "-c", "20", "-q")
                .redirectErrorStream(true).redirectOutput(work.resolve("bench.txt").toFile()).start();
        AtomicLong requests = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            for (String source : sources) {
                Thread t = new Thread(() -> client(source, address, end, requests, failure), "client-" + source);
                t.setDaemon(true);
                t.start();
                clients.add(t);
            }
            for (Thread t : clients) {
                t.join(120_000);
            }
        } finally {
            bench.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(null, failure.get(), "every client's requests were answered");
        assertTrue(requests.get() > 0, "the clients made requests");
        System.out.println("benign: " + requests.get() + " requests from " + sources.size() + " addresses in 10 s beside redis-benchmark: "
                + Files.readString(work.resolve("bench.txt")).replace('\r', '\n').lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(""));
        assertEquals("poweredOn", QemuGuests.view(cli, "web1").path("powerState").asText(), "no false alarm: the VM runs");
        assertTrue(guardEvents(eventsFile).isEmpty(), "no guard event under requests from many addresses: " + guardEvents(eventsFile));

        // the flood: SYNs from the root namespace, every SYN-ACK answered by the kernel's RST
        long started = System.currentTimeMillis();
        flood = new ProcessBuilder("hping3", "-S", "-p", "6379", "-i", "u100", "-c", "1000000", address).redirectErrorStream(true)
                .redirectOutput(work.resolve("hping3.txt").toFile()).start();
        JsonNode suspended = QemuGuests.awaitState(cli, "web1", "suspended", 60);
        JsonNode attack = awaitEvent(eventsFile, "guard.attack", 30);
        // it goes on for three hold-downs (3 s each) and more: the suspended QEMU reads nothing, so its guard sees the
        // attack "over" after each hold-down, but the frames still arriving at its tap keep it suspended — one
        // suspension for the whole flood, not a moment of running every hold-down
        Thread.sleep(10_000);
        assertTrue(flood.isAlive(), "hping3 still floods: " + Files.readString(work.resolve("hping3.txt")));
        List<JsonNode> during = powerEvents(eventsFile, started);
        assertEquals("suspended", QemuGuests.view(cli, "web1").path("powerState").asText(), "suspended while the flood goes on: " + during);
        flood.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertEquals(List.of("suspended"), during.stream().map(e -> e.path("data").path("powerState").asText()).toList(),
                "one suspension for the whole flood, never resumed while it went on: " + during);
        String reason = attack.path("data").path("reason").asText();
        assertEquals("web1", attack.path("subject").asText(), attack.toString());
        assertTrue(reason.contains("connections/s") || reason.contains("dropped without a byte"), "the event names the rule that fired: " + attack);
        assertTrue(attack.path("data").path("suspended").toString().contains("web1"), attack.toString());
        System.out.println("flood: detected " + (attack.path("data").path("detectedAt").asLong(attack.path("time").asLong()) - started)
                + " ms after hping3 started: " + reason + "; vm ls: " + suspended);

        // after the flood: resumed after the hold-down, serving again
        try {
            // the frames the suspended guest's tap still queued reach it after the resume and may trip the guard once more:
            // the attack is over when the guard says so, and then the VM runs and serves
            JsonNode over = awaitEvent(eventsFile, "guard.over", 90);
            assertTrue(over.path("data").path("heldForTapMillis").asLong() > 0, "the tap held it past the guard's hold-down: " + over);
            QemuGuests.awaitState(cli, "web1", "poweredOn", 90);
            QemuGuests.awaitPong(address, 120);
        } catch (AssertionError e) {
            Path log = work.resolve("dc").resolve("host-1").resolve("agent.log");
            throw new AssertionError(e.getMessage() + "\nvm ls: " + QemuGuests.view(cli, "web1") + "\nevents:\n" + Files.readString(eventsFile) + "\nhost-1's log (end):\n"
                    + (Files.exists(log) ? tail(Files.readString(log), 6000) : "(none at " + log + ")"), e);
        }
    }

    /** The {@code vm.power} events of web1 from {@code since} (ms) on. */
    private static List<JsonNode> powerEvents(Path file, long since) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            if (l.startsWith("{")) {
                JsonNode e = AgentClient.mapper().readTree(l);
                if (e.path("type").asText().equals("vm.power") && e.path("subject").asText().equals("web1") && e.path("time").asLong() >= since) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }

    /** One client bound to {@code source}: SET/GET on one connection, a new one every 200 requests, until {@code end}. */
    private static void client(String source, String address, long end, AtomicLong requests, AtomicReference<Throwable> failure) {
        try {
            int n = 0;
            while (System.nanoTime() < end && failure.get() == null) {
                try (Socket s = new Socket()) {
                    s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
                    s.connect(new InetSocketAddress(address, 6379), 10_000);
                    s.setSoTimeout(30_000);
                    OutputStream out = s.getOutputStream();
                    InputStream in = s.getInputStream();
                    for (int i = 0; i < 200 && System.nanoTime() < end; i++, n++) {
                        String k = "c:" + source + ":" + (n % 100);
                        out.write(("*3\r\n$3\r\nSET\r\n$" + k.length() + "\r\n" + k + "\r\n$1\r\nv\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        String line = QemuGuests.line(in);
                        if (!line.equals("+OK")) {
                            throw new IOException("SET " + k + " from " + source + ": " + line);
                        }
                        requests.incrementAndGet();
                    }
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }


    private static List<JsonNode> guardEvents(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            if (l.startsWith("{")) {
                JsonNode e = AgentClient.mapper().readTree(l);
                if (e.path("type").asText().startsWith("guard.")) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static JsonNode awaitEvent(Path file, String type, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            for (JsonNode e : guardEvents(file)) {
                if (e.path("type").asText().equals(type)) {
                    return e;
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + type + " event within " + seconds + " s; events: " + Files.readString(file));
            }
            Thread.sleep(200);
        }
    }



}
