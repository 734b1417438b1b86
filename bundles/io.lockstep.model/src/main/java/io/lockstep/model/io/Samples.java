package io.lockstep.model.io;

import io.lockstep.model.Datacenter;
import io.lockstep.model.Datastore;
import io.lockstep.model.FtMode;
import io.lockstep.model.FtPair;
import io.lockstep.model.FtState;
import io.lockstep.model.Host;
import io.lockstep.model.Lease;
import io.lockstep.model.LockMode;
import io.lockstep.model.LockstepFactory;
import io.lockstep.model.Registration;
import io.lockstep.model.Nic;
import io.lockstep.model.PowerState;
import io.lockstep.model.SanIdentity;
import io.lockstep.model.VirtualDisk;
import io.lockstep.model.VirtualMachine;

/** Generated datacenters of any size (benchmarks, demos): valid by construction. */
public final class Samples {

    private static final LockstepFactory F = LockstepFactory.eINSTANCE;

    private Samples() {
    }

    /** A 64 MiB disk file on {@code ds}, a delta of {@code parent} when one is given. */
    public static VirtualDisk disk(Datastore ds, String name, VirtualDisk parent) {
        VirtualDisk d = F.createVirtualDisk();
        d.setName(name);
        d.setFile(name);
        d.setCapacityBytes(64L << 20);
        d.setParent(parent);
        ds.getDisks().add(d);
        return d;
    }

    /** A powered-on VM on {@code host} with a SAN identity and one NIC, added to {@code dc}. */
    public static VirtualMachine vm(Datacenter dc, String name, Host host, String wwpn, String wwnn) {
        VirtualMachine vm = F.createVirtualMachine();
        vm.setName(name);
        vm.setMemoryMiB(512);
        vm.setPowerState(PowerState.POWERED_ON);
        vm.setCurrentHost(host);
        SanIdentity san = F.createSanIdentity();
        san.setWwpn(wwpn);
        san.setWwnn(wwnn);
        san.setIqn("iqn.2026-11.io.lockstep:" + name);
        vm.setSanIdentity(san);
        Nic nic = F.createNic();
        nic.setName("eth0");
        nic.setPort(6379);
        vm.getNics().add(nic);
        dc.getVms().add(vm);
        return vm;
    }

    /** A generated datacenter: {@code hosts} hosts, {@code vms} VMs, two disks per VM (a base and a delta), one datastore per 50 hosts. */
    public static Datacenter large(int hosts, int vms) {
        Datacenter dc = F.createDatacenter();
        dc.setName("large");
        Datastore[] stores = new Datastore[Math.max(1, hosts / 50)];
        for (int i = 0; i < stores.length; i++) {
            Datastore ds = F.createDatastore();
            ds.setName("ds" + i);
            ds.setCapacityBytes(1L << 40);
            stores[i] = ds;
            dc.getDatastores().add(ds);
        }
        for (int i = 0; i < hosts; i++) {
            Host h = F.createHost();
            h.setName("host-" + i);
            h.setMemoryMiB(1 << 20);
            h.setHeartbeatSlot(i % 64);
            h.getDatastores().add(stores[i % stores.length]);
            dc.getHosts().add(h);
        }
        for (int i = 0; i < vms; i++) {
            Host h = dc.getHosts().get(i % hosts);
            Datastore ds = h.getDatastores().get(0);
            VirtualDisk base = disk(ds, "vm" + i + ".vmdk", null);
            VirtualDisk delta = disk(ds, "vm" + i + "-000001.vmdk", base);
            VirtualMachine vm = vm(dc, "vm" + i, h, String.format("5%015x", 2L * i), String.format("5%015x", 2L * i + 1));
            vm.getDisks().add(delta);
        }
        return dc;
    }

    /**
     * A generated datacenter as the agents would picture it at second {@code tick}: {@link #large} plus what a live
     * datacenter carries — every VM's two locks (its {@code vm.json} exclusive, its disk multi-writer) with the owner's
     * heartbeat age, each host's registration on its datastore, and an FT pair for every tenth VM (its backup on the
     * next host). Ticks differ as a running datacenter does from one second to the next: heartbeat ages move, and
     * every 97th VM takes turns being powered off.
     */
    public static Datacenter busy(int hosts, int vms, int tick) {
        Datacenter dc = large(hosts, vms);
        dc.setName("busy");
        for (int n = 0; n < dc.getHosts().size(); n++) {
            Host h = dc.getHosts().get(n);
            Datastore ds = h.getDatastores().get(0);
            Registration r = F.createRegistration();
            r.setHost(h);
            r.setInitiator(h.getName());
            r.setKey(String.format("0x%016x", 0x10000L + n));
            ds.getRegistrations().add(r);
        }
        for (int i = 0; i < dc.getVms().size(); i++) {
            VirtualMachine vm = dc.getVms().get(i);
            Host h = vm.getCurrentHost();
            Datastore ds = h.getDatastores().get(0);
            long age = (tick * 137L + i) % 500;
            ds.getLeases().add(lease(vm.getName() + "/vm.json", h, LockMode.EXCLUSIVE, age));
            ds.getLeases().add(lease(vm.getName() + "/disk.vmdk", h, LockMode.MULTI_WRITER, age));
            if (i % 97 == tick % 97) {
                vm.setPowerState(io.lockstep.model.PowerState.POWERED_OFF);
            }
            if (i % 10 == 0 && hosts > 1) {
                FtPair p = F.createFtPair();
                p.setPrimary(vm);
                p.setPrimaryHost(h);
                p.setBackupHost(dc.getHosts().get((i % hosts + 1) % hosts)); // large() puts VM i on host i % hosts
                p.setMode(i % 20 == 0 ? FtMode.CHECKPOINT : FtMode.REPLAY);
                p.setState(FtState.PROTECTED);
                dc.getFtPairs().add(p);
            }
        }
        return dc;
    }

    static Lease lease(String entity, Host owner, LockMode mode, long ageMillis) {
        Lease l = F.createLease();
        l.setEntity(entity);
        l.setOwner(owner);
        l.setMode(mode);
        l.setGeneration(1);
        l.setHeartbeatAgeMillis(ageMillis);
        l.setOwnerLive(true);
        return l;
    }
}
