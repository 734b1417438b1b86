package io.lockstep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lockstep.agent.api.DatastoreView;
import io.lockstep.agent.api.HostHeartbeat;
import io.lockstep.agent.api.LockView;
import io.lockstep.agent.api.RegistrationsView;
import io.lockstep.agent.api.VmView;
import io.lockstep.model.io.AgentMapping;

/** The agent API's JSON (as the agent answers it: docs/agent.md), read as the API's records, becomes a model that validates. */
class AgentMappingTest {

    /** As the agent client reads answers: tolerant of fields it does not know. */
    static final ObjectMapper M = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static <T> List<T> list(String json, Class<T> element) throws Exception {
        List<T> out = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode e : M.readTree(json)) {
            out.add(M.treeToValue(e, element));
        }
        return out;
    }

    @Test
    void anAgentsAnswersBecomeTheModel() throws Exception {
        AgentMapping.Snapshot s = new AgentMapping.Snapshot(
                list("""
                        [{"slot":0,"host":"host-1","state":"fenced","generation":2,"live":false,"url":"https://127.0.0.1:1"},
                         {"slot":1,"host":"host-2","state":"live","generation":1,"live":true,"url":"https://127.0.0.1:2"},
                         {"slot":3,"host":"host-1","state":"live","generation":1,"live":true,"url":"https://127.0.0.1:1"}]""", HostHeartbeat.class),
                list("""
                        [{"name":"ds1","medium":"/dc/lun.img","sectorSize":512,"capacityBytes":268435456,"hosts":["host-1","host-2"]}]""", DatastoreView.class),
                list("""
                        [{"index":0,"entity":"vm1/vm.json","kind":"file","mode":"exclusive","generation":2,
                          "owners":[{"slot":1,"host":"host-2","acquiredAt":1764000000000,"live":true}]},
                         {"index":1,"entity":"vm1/disk.vmdk","kind":"file","mode":"multi-writer","generation":5,
                          "owners":[{"slot":0,"host":"host-1","acquiredAt":1764000000000,"live":false}]}]""", LockView.class),
                M.readValue("""
                        {"registrations":[{"key":"0x00000000000000aa","host":"host-2"}],"reservation":{"present":false}}""", RegistrationsView.class),
                list("""
                        [{"name":"vm1","guest":"kv:maxConnections=1024","memoryMiB":64,"powerState":"poweredOn","host":"host-2",
                          "san":{"wwpn":"5c:af:00:d1:23:45:67:88","wwnn":"5c:af:00:d1:23:45:67:89","iqn":"iqn.2026-11.io.lockstep:vm.vm1.12345678"},
                          "ft":{"role":"primary","state":"protected","backup":"host-1","mode":"checkpoint","epochMillis":25,
                                "stats":{"epochRate":39.8,"pauseP50Micros":117,"pauseP99Micros":1789,"pageBytes":4096,"lagMillis":0.0,"cpuShare":1.0}},
                          "disk":{"running":"vm1-000001.vmdk","chain":[{"file":"vm1-000001.vmdk"},{"file":"vm1.vmdk"}]}},
                         {"name":"vm2","guest":"kv","memoryMiB":32,"powerState":"someNewState","host":null,"ft":{"role":"none"},"disk":{"chain":[]}}]""", VmView.class));
        Datacenter dc = AgentMapping.datacenter("local", s);
        assertEquals(List.of("host-1", "host-2"), dc.getHosts().stream().map(Host::getName).toList());
        Host h1 = dc.getHosts().get(0);
        assertEquals(3, h1.getHeartbeatSlot(), "a host that restarted in another slot: the live slot");
        assertEquals(ConnectionState.CONNECTED, h1.getConnectionState());
        VirtualMachine vm1 = dc.getVms().get(0);
        assertEquals("host-2", vm1.getCurrentHost().getName());
        assertEquals("vm1-000001.vmdk", vm1.getDisks().get(0).getName());
        assertEquals("vm1.vmdk", vm1.getDisks().get(0).getParent().getName(), "the chain becomes parents");
        assertEquals("5c:af:00:d1:23:45:67:88", vm1.getSanIdentity().getWwpn(), "the VM's SAN identity");
        FtPair ft = dc.getFtPairs().get(0);
        assertEquals(FtState.PROTECTED, ft.getState());
        assertEquals("host-1", ft.getBackupHost().getName());
        assertEquals(39.8, ft.getStatistics().getEpochRate());
        Datastore ds = dc.getDatastores().get(0);
        assertEquals(2, ds.getLeases().size());
        assertEquals(LockMode.MULTI_WRITER, ds.getLeases().get(1).getMode());
        assertFalse(ds.getLeases().get(1).isOwnerLive());
        assertEquals("host-2", ds.getRegistrations().get(0).getHost().getName());
        assertEquals(PowerState.UNKNOWN, dc.getVms().get(1).getPowerState(), "a state this console does not know reads as unknown");
        assertNull(dc.getVms().get(1).getCurrentHost());
        Diagnostic d = Diagnostician.INSTANCE.validate(dc);
        assertEquals(Diagnostic.OK, d.getSeverity(), d.getChildren().toString());
    }

    @Test
    void aSharedDiskBecomesADiskOfTheDatastoreAndOfEveryVmItIsAttachedToWithItsGuestsReservations() throws Exception {
        String c1 = "iqn.2026-11.io.lockstep:vm.c1.0000aaaa";
        AgentMapping.Snapshot s = new AgentMapping.Snapshot(
                list("""
                        [{"slot":0,"host":"host-1","state":"live","generation":1,"live":true,"url":"https://127.0.0.1:1"},
                         {"slot":1,"host":"host-2","state":"live","generation":1,"live":true,"url":"https://127.0.0.1:2"}]""", HostHeartbeat.class),
                list("""
                        [{"name":"ds1","medium":"/dc/lun.img","sectorSize":512,"capacityBytes":268435456,"hosts":["host-1","host-2"]}]""", DatastoreView.class),
                List.of(), M.readValue("{\"registrations\":[],\"reservation\":{\"present\":false}}", RegistrationsView.class),
                list("""
                        [{"name":"c1","guest":"qemu","memoryMiB":128,"powerState":"poweredOn","host":"host-1","san":{"wwpn":"5c:af:00:d1:23:45:67:01","wwnn":"5c:af:00:d1:23:45:67:02","iqn":"%s"},
                          "disk":{"chain":[{"file":"c1.vmdk"}]},"sharedDisks":["quorum"]},
                         {"name":"c2","guest":"qemu","memoryMiB":128,"powerState":"poweredOn","host":"host-2","san":{"wwpn":"5c:af:00:d1:23:45:67:03","wwnn":"5c:af:00:d1:23:45:67:04",
                          "iqn":"iqn.2026-11.io.lockstep:vm.c2.0000bbbb"},
                          "disk":{"chain":[{"file":"c2.vmdk"}]},"sharedDisks":["quorum"]}]""".formatted(c1), VmView.class),
                list("""
                        [{"name":"quorum","file":"/.shared/quorum.disk","sizeBytes":16777216,"attachedTo":["c1","c2"],
                          "registrations":[{"initiator":"%s","key":"0x0000000000000001"},
                                           {"initiator":"iqn.2026-11.io.lockstep:vm.c2.0000bbbb","key":"0x0000000000000002"}],
                          "reservationHolder":"%s","reservationType":"write exclusive – registrants only","generation":3}]""".formatted(c1, c1),
                        io.lockstep.agent.api.SharedDiskView.class));
        Datacenter dc = AgentMapping.datacenter("local", s);
        VirtualDisk quorum = dc.getDatastores().get(0).getDisks().stream().filter(d -> d.getName().equals("quorum")).findFirst().orElseThrow();
        assertEquals("/.shared/quorum.disk", quorum.getFile());
        assertEquals(16L << 20, quorum.getCapacityBytes());
        assertEquals(DiskFormat.RAW, quorum.getFormat());
        assertEquals(List.of("host-1", "host-2"), quorum.getRegistrations().stream().map(r -> r.getHost().getName()).toList(),
                "each registration is on the host that runs the VM whose IQN it is");
        assertEquals(ReservationType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY, quorum.getReservation().getType());
        assertEquals("c1 (" + c1 + ")", quorum.getReservation().getHolder());
        for (VirtualMachine vm : dc.getVms()) {
            assertEquals(List.of(vm.getName() + ".vmdk", "quorum"), vm.getDisks().stream().map(VirtualDisk::getName).toList(),
                    "the VM's own disk first, then the shared disk");
        }
        Diagnostic d = Diagnostician.INSTANCE.validate(dc);
        assertEquals(Diagnostic.OK, d.getSeverity(), d.toString());
    }
}
