package io.lockstep.model.io;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lockstep.agent.api.DatastoreView;
import io.lockstep.agent.api.DiskLayer;
import io.lockstep.agent.api.FtStatsView;
import io.lockstep.agent.api.FtView;
import io.lockstep.agent.api.HostHeartbeat;
import io.lockstep.agent.api.LockOwner;
import io.lockstep.agent.api.LockView;
import io.lockstep.agent.api.RegistrationView;
import io.lockstep.agent.api.RegistrationsView;
import io.lockstep.agent.api.SanView;
import io.lockstep.agent.api.VmView;

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
 * The one place where the agent API's answers (the records of {@code io.lockstep.agent.api}) become the model: hosts from
 * {@code GET /v1/hosts},
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
    public record Snapshot(List<HostHeartbeat> hosts, List<DatastoreView> datastores, List<LockView> locks, RegistrationsView registrations,
            List<VmView> vms, List<io.lockstep.agent.api.SharedDiskView> sharedDisks) {

        public Snapshot {
            sharedDisks = sharedDisks == null ? List.of() : sharedDisks;
        }

        /** Without shared disks (an agent from before issue 24, or none made). */
        public Snapshot(List<HostHeartbeat> hosts, List<DatastoreView> datastores, List<LockView> locks, RegistrationsView registrations,
                List<VmView> vms) {
            this(hosts, datastores, locks, registrations, vms, List.of());
        }
    }

    public static Datacenter datacenter(String name, Snapshot s) {
        Datacenter dc = F.createDatacenter();
        dc.setName(name);
        Map<String, Host> hosts = new HashMap<>();
        for (HostHeartbeat h : s.hosts()) {
            if (hosts.containsKey(h.host())) {
                continue; // a host seen in an older slot too (it restarted after being fenced): the live slot wins below
            }
            Host host = F.createHost();
            host.setName(h.host());
            host.setHeartbeatSlot(h.slot());
            host.setAddress(h.url());
            host.setConnectionState("fenced".equals(h.state()) ? ConnectionState.FENCED
                    : h.live() ? ConnectionState.CONNECTED : ConnectionState.NOT_RESPONDING);
            hosts.put(h.host(), host);
            dc.getHosts().add(host);
        }
        for (HostHeartbeat h : s.hosts()) {
            if (h.live()) {
                Host host = hosts.get(h.host());
                host.setHeartbeatSlot(h.slot());
                host.setConnectionState(ConnectionState.CONNECTED);
            }
        }
        Datastore ds = F.createDatastore();
        DatastoreView d = s.datastores().isEmpty() ? null : s.datastores().get(0);
        ds.setName(d == null || d.name() == null ? "datastore" : d.name());
        if (d != null) {
            ds.setMediumUri(d.medium());
            ds.setCapacityBytes(d.capacityBytes());
            ds.setSectorSize(d.sectorSize() == 0 ? 512 : d.sectorSize());
            for (String hn : d.hosts() == null ? List.<String>of() : d.hosts()) {
                Host h = hosts.get(hn);
                if (h != null) {
                    ds.getHosts().add(h);
                }
            }
        }
        dc.getDatastores().add(ds);
        for (LockView l : s.locks()) {
            for (LockOwner o : l.owners()) {
                Lease lease = F.createLease();
                lease.setEntity(l.entity());
                lease.setMode(lockMode(l.mode()));
                lease.setGeneration(l.generation());
                lease.setOwner(hosts.get(o.host()));
                lease.setAcquiredAt(o.acquiredAt());
                lease.setOwnerLive(o.live());
                ds.getLeases().add(lease);
            }
        }
        if (s.registrations() != null && s.registrations().registrations() != null) {
            for (RegistrationView r : s.registrations().registrations()) {
                Registration reg = F.createRegistration();
                reg.setKey(r.key());
                reg.setHost(hosts.get(r.host()));
                reg.setInitiator(r.host());
                ds.getRegistrations().add(reg);
            }
        }
        for (VmView v : s.vms()) {
            VirtualMachine vm = F.createVirtualMachine();
            vm.setName(v.name());
            vm.setGuest(v.guest());
            vm.setMemoryMiB(v.memoryMiB());
            PowerState p = v.powerState() == null ? null : PowerState.get(v.powerState());
            vm.setPowerState(p == null ? PowerState.UNKNOWN : p);
            vm.setCurrentHost(v.host() == null ? null : hosts.get(v.host()));
            SanView san = v.san();
            if (san != null && san.wwpn() != null) {
                io.lockstep.model.SanIdentity id = F.createSanIdentity();
                id.setWwpn(san.wwpn());
                id.setWwnn(san.wwnn());
                id.setIqn(san.iqn());
                vm.setSanIdentity(id);
            }
            VirtualDisk parent = null;
            List<DiskLayer> chain = v.disk() == null || v.disk().chain() == null ? List.of() : v.disk().chain();
            for (int i = chain.size() - 1; i >= 0; i--) { // base first
                VirtualDisk disk = F.createVirtualDisk();
                disk.setName(chain.get(i).file());
                disk.setFile(vm.getName() + "/" + disk.getName());
                disk.setCapacityBytes(v.diskMiB() << 20);
                disk.setParent(parent);
                ds.getDisks().add(disk);
                parent = disk;
            }
            if (parent != null) {
                vm.getDisks().add(parent);
            }
            dc.getVms().add(vm);
            FtView ft = v.ft();
            if (ft != null && "primary".equals(ft.role())) {
                FtPair pair = F.createFtPair();
                pair.setPrimary(vm);
                pair.setPrimaryHost(vm.getCurrentHost());
                pair.setBackupHost(ft.backup() == null ? null : hosts.get(ft.backup()));
                FtMode mode = ft.mode() == null ? null : FtMode.get(ft.mode());
                pair.setMode(mode == null ? FtMode.CHECKPOINT : mode);
                if (ft.epochMillis() != null) {
                    pair.setEpochMillis(ft.epochMillis());
                }
                FtState st = ft.state() == null ? null : FtState.get(ft.state());
                pair.setState(st == null ? FtState.NONE : st);
                FtStatsView stats = ft.stats();
                if (stats != null) {
                    FtStatistics fs = F.createFtStatistics();
                    fs.setEpochRate(stats.epochRate());
                    fs.setPauseP50Micros(stats.pauseP50Micros());
                    fs.setPauseP99Micros(stats.pauseP99Micros());
                    fs.setBytesSent(stats.pageBytes());
                    fs.setLagMillis(stats.lagMillis());
                    fs.setCpuShare(stats.cpuShare());
                    pair.setStatistics(fs);
                }
                dc.getFtPairs().add(pair);
            }
        }
        mapSharedDisks(dc, s);
        return dc;
    }

    /**
     * Shared disks (issue 24): a raw virtual disk on the first datastore with its registrations (one per VM IQN, with the
     * host that runs that VM) and its reservation, and in the disks of every VM it is attached to.
     */
    private static void mapSharedDisks(Datacenter dc, Snapshot s) {
        if (s.sharedDisks().isEmpty() || dc.getDatastores().isEmpty()) {
            return;
        }
        io.lockstep.model.Datastore ds = dc.getDatastores().get(0);
        Map<String, VirtualMachine> byIqn = new HashMap<>();
        Map<String, VirtualMachine> byName = new HashMap<>();
        for (VirtualMachine vm : dc.getVms()) {
            byName.put(vm.getName(), vm);
            if (vm.getSanIdentity() != null && vm.getSanIdentity().getIqn() != null) {
                byIqn.put(vm.getSanIdentity().getIqn().toLowerCase(java.util.Locale.ROOT), vm);
            }
        }
        for (io.lockstep.agent.api.SharedDiskView d : s.sharedDisks()) {
            VirtualDisk disk = F.createVirtualDisk();
            disk.setName(d.name());
            disk.setFile(d.file());
            disk.setCapacityBytes(d.sizeBytes());
            disk.setFormat(io.lockstep.model.DiskFormat.RAW);
            for (io.lockstep.agent.api.SharedDiskView.Registration r : d.registrations()) {
                Registration reg = F.createRegistration();
                reg.setKey(r.key());
                reg.setInitiator(r.initiator());
                VirtualMachine owner = byIqn.get(r.initiator().toLowerCase(java.util.Locale.ROOT));
                reg.setHost(owner == null ? null : owner.getCurrentHost());
                disk.getRegistrations().add(reg);
            }
            if (d.reservationHolder() != null) {
                io.lockstep.model.Reservation res = F.createReservation();
                String type = d.reservationType() == null ? "" : d.reservationType().toLowerCase(java.util.Locale.ROOT);
                boolean ea = type.contains("exclusive access");
                boolean registrants = type.contains("registrants");
                res.setType(ea ? (registrants ? io.lockstep.model.ReservationType.EXCLUSIVE_ACCESS_REGISTRANTS_ONLY : io.lockstep.model.ReservationType.EXCLUSIVE_ACCESS)
                        : registrants ? io.lockstep.model.ReservationType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY : io.lockstep.model.ReservationType.WRITE_EXCLUSIVE);
                VirtualMachine holder = byIqn.get(d.reservationHolder().toLowerCase(java.util.Locale.ROOT));
                // the model has no all-registrants types: the holder text says so
                res.setHolder((holder != null ? holder.getName() + " (" + d.reservationHolder() + ")" : d.reservationHolder())
                        + (type.contains("all registrants") ? " — " + d.reservationType() : ""));
                disk.setReservation(res);
            }
            ds.getDisks().add(disk);
            for (String vmName : d.attachedTo()) {
                VirtualMachine vm = byName.get(vmName);
                if (vm != null) {
                    vm.getDisks().add(disk);
                }
            }
        }
    }

    static LockMode lockMode(String label) {
        LockMode m = LockMode.get(label);
        return m == null ? LockMode.EXCLUSIVE : m;
    }
}
