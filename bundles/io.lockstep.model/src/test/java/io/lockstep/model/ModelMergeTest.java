package io.lockstep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.util.EContentAdapter;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

import io.lockstep.model.io.ModelMerge;

/** A newer picture merged in place: identities kept, only real changes notified, the result equal to the picture. */
class ModelMergeTest {

    private static List<Notification> watch(Datacenter dc) {
        List<Notification> seen = new ArrayList<>();
        dc.eAdapters().add(new EContentAdapter() {
            @Override
            public void notifyChanged(Notification n) {
                super.notifyChanged(n);
                if (!n.isTouch() && n.getEventType() != Notification.REMOVING_ADAPTER) {
                    seen.add(n);
                }
            }
        });
        return seen;
    }

    @Test
    void anUnchangedPictureChangesNothing() {
        Datacenter live = Models.sample();
        List<Notification> seen = watch(live);
        ModelMerge.Result r = ModelMerge.merge(live, Models.sample(), Set.of());
        assertFalse(r.any(), r.toString());
        assertEquals(List.of(), seen);
    }

    @Test
    void changesAreMergedInPlaceKeepingIdentities() {
        Datacenter live = Models.sample();
        VirtualMachine vm1 = live.getVms().get(0);
        Host host1 = live.getHosts().get(0);
        FtPair pair = live.getFtPairs().get(0);
        Datacenter next = Models.sample();
        next.getVms().get(0).setPowerState(PowerState.SUSPENDED);
        next.getFtPairs().get(0).getStatistics().setLagMillis(12.5);
        next.getFtPairs().get(0).setBackupHost(next.getHosts().get(2));
        EcoreUtil.delete(next.getVms().get(1)); // vm2 went away (its disk stays on the datastore)
        VirtualMachine vm3 = LockstepFactory.eINSTANCE.createVirtualMachine();
        vm3.setName("vm3");
        vm3.setCurrentHost(next.getHosts().get(2));
        next.getVms().add(vm3);
        List<Notification> seen = watch(live);

        ModelMerge.Result r = ModelMerge.merge(live, next, Set.of());

        assertTrue(EcoreUtil.equals(live, next), "the merged model equals the picture");
        assertSame(vm1, live.getVms().get(0), "vm1 is still the same object");
        assertSame(host1, live.getHosts().get(0));
        assertSame(pair, live.getFtPairs().get(0));
        assertEquals(PowerState.SUSPENDED, vm1.getPowerState());
        assertEquals("host-3", pair.getBackupHost().getName());
        assertSame(live.getHosts().get(2), live.getVms().get(1).getCurrentHost(), "a new VM points at the live host, not the picture's");
        assertTrue(live.getHosts().get(2).getVms().contains(live.getVms().get(1)), "and the opposite end follows");
        assertEquals(1, r.added());
        assertEquals(1, r.removed());
        assertTrue(r.changed() >= 3, r.toString());
        assertTrue(seen.size() >= 5 && seen.size() <= 12, "a handful of notifications, not a rebuild: " + seen.size());
        assertFalse(ModelMerge.merge(live, next, Set.of()).any(), "merging the same picture again changes nothing");
    }

    @Test
    void keptFeaturesAreLeftAlone() {
        Datacenter live = Models.sample();
        Task t = LockstepFactory.eINSTANCE.createTask();
        t.setId("task-1");
        live.getTasks().add(t);
        ModelMerge.merge(live, Models.sample(), Set.of(LockstepPackage.Literals.DATACENTER__TASKS));
        assertEquals(List.of(t), live.getTasks());
        ModelMerge.merge(live, Models.sample(), Set.of());
        assertEquals(List.of(), live.getTasks());
    }

    @Test
    void differentClassesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelMerge.merge(Models.sample(), Models.sample().getHosts().get(0), Set.of()));
        assertEquals("merge: expected two Datacenters, found a Host", e.getMessage());
    }
}
