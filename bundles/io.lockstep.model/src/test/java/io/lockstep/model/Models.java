package io.lockstep.model;

import io.lockstep.model.io.Samples;

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
        VirtualDisk base = Samples.disk(ds, "vm1.vmdk", null);
        VirtualDisk delta = Samples.disk(ds, "vm1-000001.vmdk", base);
        VirtualMachine vm1 = Samples.vm(dc, "vm1", dc.getHosts().get(0), "50:01:43:80:00:00:00:01", "50:01:43:80:00:00:00:02");
        vm1.getDisks().add(delta);
        VirtualMachine vm2 = Samples.vm(dc, "vm2", dc.getHosts().get(1), "5001438000000003", "5001438000000004");
        vm2.getDisks().add(Samples.disk(ds, "vm2.vmdk", null));
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
}
