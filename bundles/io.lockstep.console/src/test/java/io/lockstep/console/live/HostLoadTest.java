package io.lockstep.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.lockstep.model.ConnectionState;
import io.lockstep.model.Datacenter;
import io.lockstep.model.FtPair;
import io.lockstep.model.Host;
import io.lockstep.model.LockstepFactory;
import io.lockstep.model.PowerState;
import io.lockstep.model.VirtualMachine;

/** Where the console places what the operator did not: the least-loaded host, counting what it already placed. */
class HostLoadTest {

    private final Datacenter dc = LockstepFactory.eINSTANCE.createDatacenter();

    private Host host(String name, ConnectionState state) {
        Host h = LockstepFactory.eINSTANCE.createHost();
        h.setName(name);
        h.setConnectionState(state);
        dc.getHosts().add(h);
        return h;
    }

    private VirtualMachine vm(String name, Host on, PowerState power) {
        VirtualMachine vm = LockstepFactory.eINSTANCE.createVirtualMachine();
        vm.setName(name);
        vm.setPowerState(power);
        dc.getVms().add(vm);
        vm.setCurrentHost(on);
        return vm;
    }

    @Test
    void protectsOfManyVmsSpreadTheirBackupsOverTheOtherHosts() {
        Host h1 = host("host-1", ConnectionState.CONNECTED);
        Host h2 = host("host-2", ConnectionState.CONNECTED);
        Host h3 = host("host-3", ConnectionState.CONNECTED);
        for (int i = 0; i < 4; i++) {
            vm("vm" + i, h1, PowerState.POWERED_ON);
        }
        vm("busy", h2, PowerState.POWERED_ON);
        HostLoad load = new HostLoad(dc, Set.of("host-1", "host-2", "host-3"));
        // host-3 is empty, host-2 runs one VM: host-3, then a tie (1 each) by name, then host-3 again, host-2 …
        assertEquals(List.of(h3, h2, h3, h2), List.of(load.choose(h1), load.choose(h1), load.choose(h1), load.choose(h1)));
        assertEquals("the least-loaded other host (1 VM or backup before this action)", load.why(h2, true));
    }

    @Test
    void backupsAndRunningVmsCountPoweredOffVmsDoNot() {
        Host h1 = host("host-1", ConnectionState.CONNECTED);
        Host h2 = host("host-2", ConnectionState.CONNECTED);
        VirtualMachine a = vm("a", h1, PowerState.POWERED_ON);
        vm("off", h2, PowerState.POWERED_OFF);
        vm("off2", h2, PowerState.POWERED_OFF);
        FtPair p = LockstepFactory.eINSTANCE.createFtPair();
        p.setPrimary(a);
        p.setPrimaryHost(h1);
        p.setBackupHost(h2);
        dc.getFtPairs().add(p);
        // host-1: a; host-2: a's backup (its powered-off VMs do not count): a tie, by name
        assertEquals(h1, new HostLoad(dc, Set.of("host-1", "host-2")).choose(null));
    }

    @Test
    void onlyHostsThatHeartbeatAndWhoseAgentIsReached() {
        Host h1 = host("host-1", ConnectionState.CONNECTED);
        host("host-2", ConnectionState.NOT_RESPONDING);
        host("host-3", ConnectionState.CONNECTED);
        HostLoad load = new HostLoad(dc, Set.of("host-1", "host-2"));
        assertNull(load.choose(h1), "host-2 stopped heartbeating, host-3's agent is not reached: no other host");
        assertEquals(h1, load.choose(null));
    }
}
