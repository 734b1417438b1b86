package io.lockstep.model.io;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.model.ConnectionState;
import io.lockstep.model.Datacenter;
import io.lockstep.model.Datastore;
import io.lockstep.model.FtMode;
import io.lockstep.model.FtPair;
import io.lockstep.model.FtState;
import io.lockstep.model.FtStatistics;
import io.lockstep.model.Host;
import io.lockstep.model.Lease;
import io.lockstep.model.LockMode;
import io.lockstep.model.LockstepFactory;
import io.lockstep.model.PowerState;
import io.lockstep.model.Registration;
import io.lockstep.model.VirtualDisk;
import io.lockstep.model.VirtualMachine;

/**
 * The one place where the agent API's JSON (docs/agent.md) becomes the model: hosts from {@code GET /v1/hosts},
 * the datastore from {@code GET /v1/datastores}, its locks and registrations, VMs with their FT state and disk
 * chains from {@code GET /v1/vms}. Unknown enum values (an agent newer than this console) map to the model's
 * "unknown"/first literal rather than failing. Values are matched by the literals the API uses (the model's
 * enum literals are the same words).
 */
public final class AgentMapping {

    private static final LockstepFactory F = LockstepFactory.eINSTANCE;

    private AgentMapping() {
    }

    /** The agent's answers, by route. */
    public record Snapshot(JsonNode hosts, JsonNode datastores, JsonNode locks, JsonNode registrations, JsonNode vms) {
    }

    public static Datacenter datacenter(String name, Snapshot s) {
        Datacenter dc = F.createDatacenter();
        dc.setName(name);
        Map<String, Host> hosts = new HashMap<>();
        for (JsonNode h : s.hosts()) {
            String hn = h.path("host").asText();
            if (hosts.containsKey(hn)) {
                continue; // a host seen in an older slot too (it restarted after being fenced): the live slot wins below
            }
            Host host = F.createHost();
            host.setName(hn);
            host.setHeartbeatSlot(h.path("slot").asInt(-1));
            host.setAddress(h.path("url").isTextual() ? h.path("url").asText() : null);
            host.setConnectionState("fenced".equals(h.path("state").asText()) ? ConnectionState.FENCED
                    : h.path("live").asBoolean() ? ConnectionState.CONNECTED : ConnectionState.NOT_RESPONDING);
            hosts.put(hn, host);
            dc.getHosts().add(host);
        }
        for (JsonNode h : s.hosts()) {
            Host host = hosts.get(h.path("host").asText());
            if (h.path("live").asBoolean()) {
                host.setHeartbeatSlot(h.path("slot").asInt());
                host.setConnectionState(ConnectionState.CONNECTED);
            }
        }
        Datastore ds = F.createDatastore();
        JsonNode d = s.datastores().path(0);
        ds.setName(d.path("name").asText("datastore"));
        ds.setMediumUri(d.path("medium").asText());
        ds.setCapacityBytes(d.path("capacityBytes").asLong());
        ds.setSectorSize(d.path("sectorSize").asInt(512));
        for (JsonNode hn : d.path("hosts")) {
            Host h = hosts.get(hn.asText());
            if (h != null) {
                ds.getHosts().add(h);
            }
        }
        dc.getDatastores().add(ds);
        for (JsonNode l : s.locks()) {
            for (JsonNode o : l.path("owners")) {
                Lease lease = F.createLease();
                lease.setEntity(l.path("entity").asText());
                lease.setMode(lockMode(l.path("mode").asText()));
                lease.setGeneration(l.path("generation").asLong());
                lease.setOwner(hosts.get(o.path("host").asText()));
                lease.setAcquiredAt(o.path("acquiredAt").asLong());
                lease.setOwnerLive(o.path("live").asBoolean());
                ds.getLeases().add(lease);
            }
        }
        for (JsonNode r : s.registrations().path("registrations")) {
            Registration reg = F.createRegistration();
            reg.setKey(r.path("key").asText());
            reg.setHost(hosts.get(r.path("host").asText()));
            reg.setInitiator(r.path("host").asText());
            ds.getRegistrations().add(reg);
        }
        for (JsonNode v : s.vms()) {
            VirtualMachine vm = F.createVirtualMachine();
            vm.setName(v.path("name").asText());
            vm.setGuest(v.path("guest").asText());
            vm.setMemoryMiB(v.path("memoryMiB").asLong());
            PowerState p = PowerState.get(v.path("powerState").asText());
            vm.setPowerState(p == null ? PowerState.UNKNOWN : p);
            vm.setCurrentHost(hosts.get(v.path("host").asText()));
            JsonNode san = v.path("san");
            if (san.path("wwpn").isTextual()) {
                io.lockstep.model.SanIdentity id = F.createSanIdentity();
                id.setWwpn(san.path("wwpn").asText());
                id.setWwnn(san.path("wwnn").asText());
                id.setIqn(san.path("iqn").asText());
                vm.setSanIdentity(id);
            }
            VirtualDisk parent = null;
            JsonNode chain = v.path("disk").path("chain");
            for (int i = chain.size() - 1; i >= 0; i--) { // base first
                VirtualDisk disk = F.createVirtualDisk();
                disk.setName(chain.get(i).path("file").asText());
                disk.setFile(vm.getName() + "/" + disk.getName());
                disk.setCapacityBytes(v.path("diskMiB").asLong() << 20);
                disk.setParent(parent);
                ds.getDisks().add(disk);
                parent = disk;
            }
            if (parent != null) {
                vm.getDisks().add(parent);
            }
            dc.getVms().add(vm);
            JsonNode ft = v.path("ft");
            if ("primary".equals(ft.path("role").asText())) {
                FtPair pair = F.createFtPair();
                pair.setPrimary(vm);
                pair.setPrimaryHost(vm.getCurrentHost());
                pair.setBackupHost(hosts.get(ft.path("backup").asText()));
                FtMode mode = FtMode.get(ft.path("mode").asText());
                pair.setMode(mode == null ? FtMode.CHECKPOINT : mode);
                pair.setEpochMillis(ft.path("epochMillis").asInt(25));
                FtState st = FtState.get(ft.path("state").asText());
                pair.setState(st == null ? FtState.NONE : st);
                JsonNode stats = ft.path("stats");
                if (!stats.isMissingNode()) {
                    FtStatistics fs = F.createFtStatistics();
                    fs.setEpochRate(stats.path("epochRate").asDouble());
                    fs.setPauseP50Micros(stats.path("pauseP50Micros").asLong());
                    fs.setPauseP99Micros(stats.path("pauseP99Micros").asLong());
                    fs.setBytesSent(stats.path("pageBytes").asLong());
                    fs.setLagMillis(stats.path("lagMillis").asDouble());
                    fs.setCpuShare(stats.path("cpuShare").asDouble(1.0));
                    pair.setStatistics(fs);
                }
                dc.getFtPairs().add(pair);
            }
        }
        return dc;
    }

    static LockMode lockMode(String label) {
        LockMode m = LockMode.get(label);
        return m == null ? LockMode.EXCLUSIVE : m;
    }
}
