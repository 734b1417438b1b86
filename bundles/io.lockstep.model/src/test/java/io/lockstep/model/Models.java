package io.lockstep.model;

/** Datacenters for tests and benchmarks. */
public final class Models {

    private static final LockstepFactory F = LockstepFactory.eINSTANCE;

    private Models() {
    }

    /** A valid datacenter: 3 hosts mounting one datastore, a disk chain, two VMs with SAN identities, an FT pair, a lease. */
    public static Datacenter sample() {
        Datacenter dc = F.createDatacenter();
        dc.setName("dc1");
        Datastore ds = F.createDatastore();
        ds.setName("ds1");
        ds.setMediumUri("file:/work/dc/lun.img");
        ds.setCapacityBytes(256L << 20);
        dc.getDatastores().add(ds);
        for (int i = 1; i <= 3; i++) {
            Host h = F.createHost();
            h.setName("host-" + i);
            h.setAddress("https://127.0.0.1:4" + i + "000");
            h.setMemoryMiB(4096);
            h.setHeartbeatSlot(i - 1);
            h.getDatastores().add(ds);
            dc.getHosts().add(h);
        }
        VirtualDisk base = disk(ds, "vm1.vmdk", null);
        VirtualDisk delta = disk(ds, "vm1-000001.vmdk", base);
        VirtualMachine vm1 = vm(dc, "vm1", dc.getHosts().get(0), "50:01:43:80:00:00:00:01", "50:01:43:80:00:00:00:02");
        vm1.getDisks().add(delta);
        VirtualMachine vm2 = vm(dc, "vm2", dc.getHosts().get(1), "5001438000000003", "5001438000000004");
        vm2.getDisks().add(disk(ds, "vm2.vmdk", null));
        FtPair ft = F.createFtPair();
        ft.setPrimary(vm1);
        ft.setPrimaryHost(dc.getHosts().get(0));
        ft.setBackupHost(dc.getHosts().get(1));
        ft.setState(FtState.PROTECTED);
        FtStatistics st = F.createFtStatistics();
        st.setEpochRate(40.0);
        st.setLagMillis(0.5);
        ft.setStatistics(st);
        dc.getFtPairs().add(ft);
        Lease l = F.createLease();
        l.setEntity("vm1/vm.json");
        l.setOwner(dc.getHosts().get(0));
        l.setMode(LockMode.EXCLUSIVE);
        l.setGeneration(3);
        ds.getLeases().add(l);
        Checkpoint cp = F.createCheckpoint();
        cp.setName("before upgrade");
        cp.setId(1);
        cp.setState(CheckpointState.DONE);
        vm1.getCheckpoints().add(cp);
        return dc;
    }

    public static VirtualDisk disk(Datastore ds, String name, VirtualDisk parent) {
        VirtualDisk d = F.createVirtualDisk();
        d.setName(name);
        d.setFile(name);
        d.setCapacityBytes(64L << 20);
        d.setParent(parent);
        ds.getDisks().add(d);
        return d;
    }

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

}
