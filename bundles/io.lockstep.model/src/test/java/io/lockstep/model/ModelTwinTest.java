package io.lockstep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

import io.lockstep.model.io.ModelTwin;
import io.lockstep.model.io.Samples;

/** Pictures merged into the mirror off the live model's thread, their changes applied to the live model in slices. */
class ModelTwinTest {

    private static final Set<EStructuralFeature> KEEP = Set.of(LockstepPackage.Literals.DATACENTER__TASKS, LockstepPackage.Literals.DATACENTER__EVENTS,
            LockstepPackage.Literals.DATACENTER__ALARMS);

    private static int objects(Datacenter dc) {
        int n = 1;
        for (var it = dc.eAllContents(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    @Test
    void changesAppliedToTheLiveModelMakeItEqualToEachPicture() {
        Datacenter live = Samples.busy(20, 200, 0);
        ModelTwin twin = new ModelTwin(live, KEEP);
        VirtualMachine vm0 = live.getVms().get(0);
        for (int tick = 1; tick <= 5; tick++) {
            Datacenter picture = Samples.busy(20, 200, tick);
            ModelTwin.Changes c = twin.merge(picture);
            assertTrue(c.result().changed() > 0, "heartbeat ages moved: " + c.result());
            assertTrue(twin.apply(c, Long.MAX_VALUE));
            assertTrue(EcoreUtil.equals(Samples.busy(20, 200, tick), live), "tick " + tick + ": the live model equals the picture");
        }
        assertSame(vm0, live.getVms().get(0), "objects keep their identity");
    }

    @Test
    void structuralChangesAppliedInSmallSlicesLeaveNoStaleTwins() {
        Datacenter live = Samples.busy(10, 100, 0);
        ModelTwin twin = new ModelTwin(live, KEEP);
        Datacenter picture = Samples.busy(10, 100, 1);
        EcoreUtil.delete(picture.getVms().get(5), true);           // a VM went away
        EcoreUtil.delete(picture.getFtPairs().get(0), true);       // a pair was unprotected
        VirtualMachine added = LockstepFactory.eINSTANCE.createVirtualMachine();
        added.setName("new-vm");
        added.setCurrentHost(picture.getHosts().get(3));
        picture.getVms().add(added);
        FtStatistics st = LockstepFactory.eINSTANCE.createFtStatistics();
        st.setLagMillis(7.5);
        picture.getFtPairs().get(1).setStatistics(st);             // a pair's statistics arrived
        ModelTwin.Changes c = twin.merge(picture);
        int slices = 0;
        while (!twin.apply(c, 0)) { // the smallest budget: one slice of 64 changes per call
            slices++;
        }
        assertTrue(slices >= c.size() / 64 && c.size() > 128, "applied in slices: " + slices + " for " + c.size() + " changes");
        assertTrue(EcoreUtil.equals(picture, live), "the live model equals the picture");
        assertEquals(objects(picture), twin.twins(), "every live object has one twin, removed ones none");
        assertEquals("host-3", live.getVms().stream().filter(v -> v.getName().equals("new-vm")).findFirst().orElseThrow().getCurrentHost().getName());
        assertEquals(7.5, live.getFtPairs().get(1).getStatistics().getLagMillis());
    }

    @Test
    void theLiveModelsOwnChangesStandUntilAPictureChangesTheSameValue() {
        Datacenter live = Samples.busy(5, 20, 0);
        Task task = LockstepFactory.eINSTANCE.createTask();
        task.setId("t1");
        live.getTasks().add(task);
        ModelTwin twin = new ModelTwin(live, KEEP);
        VirtualMachine vm1 = live.getVms().get(1);
        vm1.setPowerState(PowerState.SUSPENDED); // streamed: newer than any picture so far
        twin.apply(twin.merge(Samples.busy(5, 20, 0)), Long.MAX_VALUE);
        assertEquals(PowerState.SUSPENDED, vm1.getPowerState(), "an unchanged picture does not undo a streamed change");
        assertEquals(1, live.getTasks().size(), "the live model's own lists are kept");
        twin.apply(twin.merge(Samples.busy(5, 20, 1)), Long.MAX_VALUE); // tick 1 powers VM 1 off
        assertEquals(PowerState.POWERED_OFF, vm1.getPowerState(), "a picture that changes the value wins");
        assertFalse(live.getTasks().isEmpty());
    }
}
