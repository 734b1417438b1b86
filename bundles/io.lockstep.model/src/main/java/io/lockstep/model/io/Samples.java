package io.lockstep.model.io;

import io.lockstep.model.Datacenter;
import io.lockstep.model.Datastore;
import io.lockstep.model.Host;
import io.lockstep.model.LockstepFactory;
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

    static VirtualDisk disk(Datastore ds, String name, VirtualDisk parent) {
        VirtualDisk d = F.createVirtualDisk();
        d.setName(name);
        d.setFile(name);
        d.setCapacityBytes(64L << 20);
        d.setParent(parent);
        ds.getDisks().add(d);
        return d;
    }

    static VirtualMachine vm(Datacenter dc, String name, Host host, String wwpn, String wwnn) {
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
}
