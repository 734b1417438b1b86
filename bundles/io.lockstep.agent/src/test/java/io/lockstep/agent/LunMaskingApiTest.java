package io.lockstep.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.agent.client.AgentClient;

/**
 * A VM logs in to its LUNs as its own SAN identity: a LUN presented to vm1's WWPN is seen by vm1 on any host (the
 * identity moves with it) and refused to vm2 on the same host, with the target's error; malformed initiators are
 * refused when the LUN is made.
 */
class LunMaskingApiTest {

    @TempDir
    Path dir;

    @Test
    void aLunFollowsItsVmAndRefusesAnother() throws Exception {
        try (AgentFixture dc = new AgentFixture(dir)) {
            AgentClient a = dc.start("host-a").client();
            AgentClient b = dc.start("host-b").client();
            String vm1 = a.post("/v1/vms", Map.of("name", "vm1", "memoryMiB", 16)).path("san").path("initiator").asText();
            a.post("/v1/vms", Map.of("name", "vm2", "memoryMiB", 16));
            assertEquals(List.of(vm1), AgentClient.mapper().convertValue(
                    a.post("/v1/luns", Map.of("name", "data1", "sizeMiB", 4, "presentedTo", List.of(vm1))).path("presentedTo"), List.class));
            AgentClient.AgentException bad = assertThrows(AgentClient.AgentException.class,
                    () -> a.post("/v1/luns", Map.of("name", "data2", "presentedTo", List.of(" "))));
            assertEquals("presentedTo", bad.field());
            a.post("/v1/vms/vm1/luns", Map.of("lun", "data1"));
            a.post("/v1/vms/vm2/luns", Map.of("lun", "data1"));

            assertEquals("poweredOn", a.post("/v1/vms/vm1/power-on", null).path("powerState").asText(), "vm1 sees its LUN on host-a");
            a.post("/v1/vms/vm1/power-off", null);
            assertEquals("poweredOn", b.post("/v1/vms/vm1/power-on", null).path("powerState").asText(), "and on host-b: its identity moved with it");
            b.post("/v1/vms/vm1/power-off", null);

            AgentClient.AgentException refused = assertThrows(AgentClient.AgentException.class, () -> a.post("/v1/vms/vm2/power-on", null));
            assertEquals(409, refused.status());
            assertTrue(refused.getMessage().startsWith("vm2 cannot power on: LUN 'data1' refused its initiator naa.5caf00d"), refused.getMessage());
            assertTrue(refused.getMessage().contains("this LUN is not presented to initiator"), refused.getMessage());
            assertEquals("poweredOff", a.get("/v1/vms/vm2").path("powerState").asText(), "vm2 stays off");
            // the lock table the API shows is the agent's view, refreshed as locks change and every 500 ms: wait for it
            long end = System.nanoTime() + 30_000_000_000L;
            String locks = a.get("/v1/datastores/ds1/locks").toString();
            while (!locks.equals("[]") && System.nanoTime() < end) {
                Thread.sleep(100);
                locks = a.get("/v1/datastores/ds1/locks").toString();
            }
            assertEquals("[]", locks, "and holds no lock");
        }
    }
}
