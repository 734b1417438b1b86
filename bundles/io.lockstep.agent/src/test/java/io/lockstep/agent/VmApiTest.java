package io.lockstep.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.client.AgentClient;

/**
 * A VM's life through the API, watched on the event stream: create, power on, write keys, a checkpoint (a task
 * whose progress rises), a cancelled checkpoint, revert, suspend and resume, the conflicts an operator can
 * cause, power off, delete.
 */
class VmApiTest {

    @TempDir
    Path dir;

    /** Sends RESP commands to the guest and returns the replies (one line each). */
    static List<String> redis(int port, String... commands) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            List<String> replies = new ArrayList<>();
            for (String c : commands) {
                String[] w = c.split(" ");
                StringBuilder b = new StringBuilder("*" + w.length + "\r\n");
                for (String x : w) {
                    b.append('$').append(x.length()).append("\r\n").append(x).append("\r\n");
                }
                out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                String line = in.readLine();
                if (line.startsWith("$") && !line.equals("$-1")) {
                    line = in.readLine();
                } else if (line.startsWith("+")) {
                    line = line.substring(1);
                }
                replies.add(line);
            }
            return replies;
        }
    }

    @Test
    void aQemuVmsCpuShareIsCheckedKeptInItsVmJsonAndShownAndAJavaGuestsIsRefused() throws Exception {
        try (AgentFixture dc = new AgentFixture(dir)) {
            AgentClient c = dc.start("host-a").client();
            c.post("/v1/vms", Map.of("name", "web1", "guest", "qemu", "memoryMiB", 128));
            c.post("/v1/vms", Map.of("name", "kv1", "memoryMiB", 32));
            assertEquals(1.0, c.get("/v1/vms/web1").path("cpuShare").asDouble(), "a QEMU VM runs with all its vCPUs unless told");
            assertTrue(c.get("/v1/vms/kv1").path("cpuShare").isMissingNode(), "a Java guest's view has no share of the agent's");
            for (Object[] bad : new Object[][] {{Map.of("share", 1.5), "share: expected a number from 0.05 to 1.0, found 1.5"},
                {Map.of("share", 0.01), "found 0.01"}, {Map.of("share", "half"), "found a string \"half\""}, {Map.of(), "found none"},
                {Map.of("share", 0.5, "cores", 2), "cores"}}) {
                AgentClient.AgentException e = assertThrows(AgentClient.AgentException.class, () -> c.call("PUT", "/v1/vms/web1/cpu-share", bad[0]));
                assertEquals(400, e.status(), e.getMessage());
                assertTrue(e.getMessage().contains((String) bad[1]), bad[0] + ": " + e.getMessage());
            }
            AgentClient.AgentException javaGuest = assertThrows(AgentClient.AgentException.class, () -> c.call("PUT", "/v1/vms/kv1/cpu-share",
                    Map.of("share", 0.5)));
            assertEquals(409, javaGuest.status());
            assertTrue(javaGuest.getMessage().contains("kv1 is a Java guest"), javaGuest.getMessage());
            assertEquals(404, assertThrows(AgentClient.AgentException.class, () -> c.call("PUT", "/v1/vms/nope/cpu-share", Map.of("share", 0.5)))
                    .status());

            // powered off: kept in vm.json for the next power-on, and shown
            JsonNode set = c.call("PUT", "/v1/vms/web1/cpu-share", Map.of("share", 0.25));
            assertEquals(0.25, set.path("cpuShare").asDouble(), set.toString());
            assertEquals(0.25, c.get("/v1/vms/web1").path("cpuShare").asDouble());
            JsonNode json = AgentClient.mapper().readTree(java.nio.file.Files.readAllBytes(dc.onDatastore("web1/vm.json")));
            assertEquals(0.25, json.path("cpuShare").asDouble(), json.toString());
            c.call("PUT", "/v1/vms/web1/cpu-share", Map.of("share", 1));
            assertEquals(1.0, c.get("/v1/vms/web1").path("cpuShare").asDouble(), "1 lifts it");
        }
    }

    @Test
    void aVmLivesThroughTheApiAndTheEventStreamShowsIt() throws Exception {
        try (AgentFixture dc = new AgentFixture(dir)) {
            AgentFixture.Running a = dc.start("host-a");
            AgentClient c = a.client();
            List<JsonNode> events = new CopyOnWriteArrayList<>();
            Thread follower = new Thread(() -> {
                try {
                    c.events(0, e -> {
                        events.add(e);
                        return true;
                    });
                } catch (Exception e) {
                    // the agent stopped
                }
            });
            follower.setDaemon(true);
            follower.start();

            JsonNode vm = c.post("/v1/vms", Map.of("name", "vm1", "memoryMiB", 32));
            assertEquals("poweredOff", vm.path("powerState").asText());
            int port = vm.path("port").asInt();
            AgentClient.AgentException dup = assertThrows(AgentClient.AgentException.class, () -> c.post("/v1/vms", Map.of("name", "vm1")));
            assertEquals(409, dup.status());

            vm = c.post("/v1/vms/vm1/power-on", null);
            assertEquals("poweredOn", vm.path("powerState").asText());
            assertEquals("host-a", vm.path("host").asText());
            assertEquals(409, assertThrows(AgentClient.AgentException.class, () -> c.post("/v1/vms/vm1/power-on", null)).status());
            assertEquals(409, assertThrows(AgentClient.AgentException.class, () -> c.delete("/v1/vms/vm1")).status(), "a running VM is not deleted");
            JsonNode locks = c.get("/v1/datastores/ds1/locks");
            assertTrue(locks.toString().contains("vm1/vm.json") && locks.toString().contains("vm1/disk.vmdk"), "a running VM holds its files' locks: " + locks);

            assertEquals(List.of("OK", "OK"), redis(port, "SET k1 before", "SET k2 before"));
            JsonNode task = c.post("/v1/vms/vm1/checkpoints", Map.of("name", "first", "rateLimitMiBps", 8));
            assertEquals("checkpoint", task.path("kind").asText());
            assertTrue(task.path("cancellable").asBoolean());
            JsonNode done = await(c, task.path("id").asText());
            assertEquals("succeeded", done.path("state").asText(), done.toString());
            int id = done.path("result").path("id").asInt();
            redis(port, "SET k1 after");
            assertEquals(List.of("after"), redis(port, "GET k1"));

            // a slow second checkpoint (3 MB of values at 1 MiB/s), cancelled part way
            String[] fill = new String[3000];
            for (int i = 0; i < fill.length; i++) {
                fill[i] = "SET fill" + i + " " + "v".repeat(1000);
            }
            redis(port, fill);
            JsonNode slow = c.post("/v1/vms/vm1/checkpoints", Map.of("name", "slow", "rateLimitMiBps", 1));
            Thread.sleep(300);
            c.post("/v1/tasks/" + slow.path("id").asText() + "/cancel", null);
            JsonNode cancelled = await(c, slow.path("id").asText());
            assertEquals("cancelled", cancelled.path("state").asText(), cancelled.toString());
            assertEquals(1, c.get("/v1/vms/vm1/checkpoints").size(), "the cancelled checkpoint left nothing");

            c.post("/v1/vms/vm1/checkpoints/" + id + "/revert", null);
            assertEquals(List.of("before"), redis(port, "GET k1"), "the revert brought back the value of the checkpoint");
            assertEquals(404, assertThrows(AgentClient.AgentException.class, () -> c.post("/v1/vms/vm1/checkpoints/99/revert", null)).status());

            assertEquals("suspended", c.post("/v1/vms/vm1/suspend", null).path("powerState").asText());
            assertEquals("poweredOn", c.post("/v1/vms/vm1/resume", null).path("powerState").asText());
            assertEquals(List.of("PONG"), redis(port, "PING"));

            AgentClient.AgentException self = assertThrows(AgentClient.AgentException.class,
                    () -> c.post("/v1/vms/vm1/ft", Map.of("backup", "host-a")));
            assertEquals("backup", self.field(), "a VM is not its own backup: " + self.getMessage());

            assertEquals("poweredOff", c.post("/v1/vms/vm1/power-off", null).path("powerState").asText());
            assertEquals("[]", c.get("/v1/datastores/ds1/locks").toString(), "powered off, it holds no lock");
            c.delete("/v1/vms/vm1");
            assertEquals(0, c.get("/v1/vms").size());

            long end = System.currentTimeMillis() + 5000;
            while (events.stream().noneMatch(e -> e.path("type").asText().equals("vm.deleted")) && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            List<String> types = events.stream().map(e -> e.path("type").asText()).toList();
            for (String t : List.of("vm.created", "vm.power", "task", "vm.checkpoint", "vm.revert", "datastore.locks", "vm.deleted")) {
                assertTrue(types.contains(t), "the stream carried " + t + ": " + types);
            }
            List<Double> progress = events.stream().filter(e -> e.path("type").asText().equals("task")
                    && e.path("data").path("id").asText().equals(task.path("id").asText())).map(e -> e.path("data").path("progress").asDouble()).toList();
            assertTrue(progress.size() >= 3, "the checkpoint's progress was streamed: " + progress);
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
            }
            assertEquals(1.0, progress.get(progress.size() - 1));
            // one snapshot: the follower keeps appending (lock and heartbeat events) while this counts
            List<JsonNode> seen = List.copyOf(events);
            List<Long> ids = seen.stream().map(e -> e.path("id").asLong()).toList();
            assertEquals(seen.size(), ids.stream().distinct().count(), "no event twice: " + ids);
            assertNotEquals(0, seen.size());
        }
    }

    static JsonNode await(AgentClient c, String id) throws Exception {
        long end = System.currentTimeMillis() + 60_000;
        JsonNode t = c.get("/v1/tasks/" + id);
        while (t.path("state").asText().equals("running") && System.currentTimeMillis() < end) {
            Thread.sleep(50);
            t = c.get("/v1/tasks/" + id);
        }
        return t;
    }

    /** The console route's bad input: ?after must be a count of bytes; a Java guest has no console (409, said). */
    @Test
    void theConsoleRoutesBadInputIsNamed() throws Exception {
        try (AgentFixture dc = new AgentFixture(dir)) {
            AgentClient c = dc.start("host-a").client();
            c.post("/v1/vms", Map.of("name", "vm1", "memoryMiB", 32));
            AgentClient.AgentException notNumber = assertThrows(AgentClient.AgentException.class, () -> c.get("/v1/vms/vm1/console?after=abc"));
            assertEquals(400, notNumber.status());
            assertEquals("after", notNumber.field());
            assertEquals("after: expected a whole number, found 'abc'", notNumber.getMessage());
            AgentClient.AgentException negative = assertThrows(AgentClient.AgentException.class, () -> c.get("/v1/vms/vm1/console?after=-5"));
            assertEquals(400, negative.status());
            assertEquals("after: expected a count of bytes (0 or more), found -5", negative.getMessage());
            AgentClient.AgentException java = assertThrows(AgentClient.AgentException.class, () -> c.get("/v1/vms/vm1/console?after=10"));
            assertEquals(409, java.status());
            assertTrue(java.getMessage().startsWith("vm1 is a Java guest"), java.getMessage());
        }
    }
}
