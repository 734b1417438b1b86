package io.lockstep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.Test;

/** Every validation rule with a model that passes it and one that breaks it, and the message an operator reads. */
class ValidationTest {

    static List<String> errors(Datacenter dc) {
        Diagnostic d = Diagnostician.INSTANCE.validate(dc);
        return d.getChildren().stream().filter(c -> c.getSeverity() == Diagnostic.ERROR).map(Diagnostic::getMessage).toList();
    }

    static void breaks(Consumer<Datacenter> change, String expected) {
        Datacenter dc = Models.sample();
        assertEquals(List.of(), errors(dc), "the sample passes");
        change.accept(dc);
        List<String> e = errors(dc);
        assertEquals(1, e.size(), e.toString());
        assertEquals(expected, e.get(0));
    }

    @Test
    void ftPrimaryAndBackupOnDifferentHosts() {
        breaks(dc -> dc.getFtPairs().get(0).setBackupHost(dc.getHosts().get(0)),
                "FT pair of 'vm1': the primary and the backup are both on host 'host-1'; a backup must run on another host");
    }

    @Test
    void bothHostsOfAPairMountEveryDisksDatastore() {
        breaks(dc -> dc.getHosts().get(1).getDatastores().clear(),
                "FT pair of 'vm1': host 'host-2' does not mount datastore 'ds1', which holds disk 'vm1-000001.vmdk'; both hosts of a pair must "
                        + "reach every disk of the VM");
    }

    @Test
    void namesAreUniquePerScope() {
        breaks(dc -> dc.getHosts().get(2).setName("host-1"), "two hosts are named 'host-1' in 'dc1': names must be unique");
        breaks(dc -> dc.getVms().get(1).setName("vm1"), "two VMs are named 'vm1' in 'dc1': names must be unique");
        breaks(dc -> dc.getDatastores().get(0).getDisks().get(2).setName("vm1.vmdk"), "two disks are named 'vm1.vmdk' in 'ds1': names must be unique");
        Datacenter ok = Models.sample();
        LockstepFactory.eINSTANCE.createDatastore();
        Datastore other = LockstepFactory.eINSTANCE.createDatastore();
        other.setName("ds2");
        ok.getDatastores().add(other);
        io.lockstep.model.io.Samples.disk(other, "vm1.vmdk", null);
        assertEquals(List.of(), errors(ok), "the same disk name on another datastore is fine");
    }

    @Test
    void wwnsAreWellFormedNaa5Or6AndUnique() {
        breaks(dc -> dc.getVms().get(0).getSanIdentity().setWwpn("10:00:00:00:c9:12:34:56"),
                "VM 'vm1': the WWPN '10:00:00:00:c9:12:34:56' is not an NAA 5 or 6 name: expected 16 hex digits (optionally as 8 colon-separated "
                        + "bytes) starting with 5 or 6");
        breaks(dc -> dc.getVms().get(0).getSanIdentity().setWwnn("5001438"),
                "VM 'vm1': the WWNN '5001438' is not an NAA 5 or 6 name: expected 16 hex digits (optionally as 8 colon-separated bytes) starting "
                        + "with 5 or 6");
        breaks(dc -> dc.getVms().get(1).getSanIdentity().setWwpn("5001438000000001"),
                "VMs 'vm1' and 'vm2' have the same WWPN 5001438000000001: every VM needs its own SAN identity");
        breaks(dc -> dc.getVms().get(1).getSanIdentity().setWwnn("5001438000000003"),
                "VM 'vm2': the WWPN and the WWNN are both 5001438000000003; a port and its node need distinct names");
    }

    @Test
    void aDeltasParentExistsAndTheChainHasNoCycle() {
        Datacenter loop = Models.sample();
        VirtualDisk base = loop.getDatastores().get(0).getDisks().get(0);
        base.setParent(loop.getDatastores().get(0).getDisks().get(1)); // base ← delta ← base: both disks are in the loop
        assertEquals(List.of("disk 'vm1.vmdk': its chain of parents loops back at 'vm1.vmdk' (a delta's parents must end at a base disk)",
                "disk 'vm1-000001.vmdk': its chain of parents loops back at 'vm1-000001.vmdk' (a delta's parents must end at a base disk)"),
                errors(loop));
        Datacenter dc = Models.sample();
        VirtualDisk orphanParent = LockstepFactory.eINSTANCE.createVirtualDisk();
        orphanParent.setName("gone.vmdk");
        dc.getDatastores().get(0).getDisks().get(2).setParent(orphanParent);
        List<String> e = errors(dc);
        assertTrue(e.contains("disk 'vm2.vmdk' names a parent that does not exist in this datacenter"), e.toString());
    }

    @Test
    void aHostsCommittedMemoryFitsItsCapacity() {
        breaks(dc -> dc.getHosts().get(0).setMemoryMiB(256), "host 'host-1' has 256 MiB of memory but the VMs on it need 512 MiB");
        Datacenter dc = Models.sample();
        dc.getHosts().get(0).setMemoryMiB(256);
        dc.getVms().get(0).setPowerState(PowerState.POWERED_OFF);
        assertEquals(List.of(), errors(dc), "a powered-off VM commits no memory");
    }
}
