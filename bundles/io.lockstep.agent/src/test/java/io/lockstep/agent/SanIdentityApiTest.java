package io.lockstep.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.client.AgentClient;

/** Each VM gets its own SAN identity at creation; it is kept in vm.json, so every host reports it and it moves with the VM. */
class SanIdentityApiTest {

    @TempDir
    Path dir;

    @Test
    void identitiesAreMadeCheckedAndMoveWithTheVm() throws Exception {
        try (AgentFixture dc = new AgentFixture(dir)) {
            AgentClient a = dc.start("host-a").client();
            AgentClient b = dc.start("host-b").client();
            JsonNode vm1 = a.post("/v1/vms", Map.of("name", "vm1", "memoryMiB", 16)).path("san");
            assertTrue(vm1.path("wwpn").asText().matches("5c:af:00:d[0-9a-f]:([0-9a-f]{2}:){3}[0-9a-f]{2}"), vm1.toString());
            assertEquals("naa." + vm1.path("wwpn").asText().replace(":", ""), vm1.path("initiator").asText());
            assertTrue(Files.readString(dc.onDatastore("vm1/vm.json")).contains(vm1.path("wwpn").asText()), "kept in vm.json");
            JsonNode vm2 = a.post("/v1/vms", Map.of("name", "vm2", "memoryMiB", 16)).path("san");
            assertNotEquals(vm1.path("wwpn").asText(), vm2.path("wwpn").asText());

            AgentClient.AgentException dup = assertThrows(AgentClient.AgentException.class, () -> a.post("/v1/vms",
                    Map.of("name", "vm3", "wwpn", vm1.path("wwpn").asText(), "wwnn", "5001438000000099")));
            assertEquals(409, dup.status());
            assertTrue(dup.getMessage().contains("is already VM 'vm1''s"), dup.getMessage());
            AgentClient.AgentException bad = assertThrows(AgentClient.AgentException.class, () -> a.post("/v1/vms",
                    Map.of("name", "vm3", "wwpn", "10:00:00:00:c9:12:34:56", "wwnn", "5001438000000099")));
            assertEquals(400, bad.status());
            assertEquals("wwpn", bad.field());
            AgentClient.AgentException half = assertThrows(AgentClient.AgentException.class, () -> a.post("/v1/vms",
                    Map.of("name", "vm3", "wwpn", "5001438000000098")));
            assertEquals("wwnn", half.field());
            assertTrue(Files.notExists(dc.onDatastore("vm3")), "nothing was created by the refusals");
            JsonNode own = a.post("/v1/vms", Map.of("name", "vm3", "wwpn", "50:01:43:80:00:00:00:98", "wwnn", "5001438000000099")).path("san");
            assertEquals("50:01:43:80:00:00:00:99", own.path("wwnn").asText(), "given names are kept, written as bytes");

            // vm1 runs on host-b: the same identity, reported by both hosts
            b.post("/v1/vms/vm1/power-on", null);
            assertEquals(vm1, b.get("/v1/vms/vm1").path("san"));
            assertEquals(vm1, a.get("/v1/vms/vm1").path("san"));
            long end = System.currentTimeMillis() + 5000; // host-a reads the lock table at most 100 ms old
            while (!a.get("/v1/vms/vm1").path("host").asText().equals("host-b") && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            assertEquals("host-b", a.get("/v1/vms/vm1").path("host").asText());
            b.post("/v1/vms/vm1/power-off", null);
        }
    }
}
