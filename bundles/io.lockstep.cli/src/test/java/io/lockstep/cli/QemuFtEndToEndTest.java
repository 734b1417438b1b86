package io.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 25 end to end, through `./lockstep` only: a QEMU VM (the default image, 128 MiB) protected as an FT pair
 * across hosts in namespaces; a redis-cli loop through its address, each SET retried until acknowledged; the
 * primary's agent SIGKILLed, its host hung, and the pair partitioned — each time no acknowledged SET is lost, exactly
 * one side runs the VM and exactly one host routes its address (`lockstep fault trials --guest qemu`). While it is
 * protected, its FT status names the backup and counts epochs; a checkpoint or a suspend is refused saying why; powered
 * off, it stays off (its backup stands down rather than taking over).
 */
class QemuFtEndToEndTest extends QemuDatacenterTest {

    @Test
    void aProtectedQemuVmLosesNoAcknowledgedSetWhenItsPrimarysAgentIsKilledItsHostHangsOrThePairIsCutApart() throws Exception {
        cli.ok("up", "--hosts", "3");
        cli.ok("vm", "create", "qft", "--guest", "qemu", "--memory", "128");
        cli.ok("vm", "start", "qft", "--host", "host-1");
        DatacenterEndToEndTest.Result p = cli.ok("ft", "protect", "qft", "--backup", "host-2");
        assertTrue(p.out().contains("qft is protected by host-2"), p.all());
        JsonNode st = awaitEpochs("qft", 5);
        assertEquals("primary", st.path("role").asText(), st.toString());
        assertEquals("host-2", st.path("backup").asText(), st.toString());
        DatacenterEndToEndTest.Result cp = cli.lockstep("vm", "checkpoint", "qft");
        assertTrue(cp.code() != 0 && cp.all().contains("unprotect it before a checkpoint"), cp.all());
        DatacenterEndToEndTest.Result su = cli.lockstep("vm", "suspend", "qft");
        assertTrue(su.code() != 0 && su.all().contains("unprotect it before suspending it"), su.all());
        // powered off while protected: the backup stands down first, it does not take the VM over
        cli.ok("vm", "stop", "qft");
        Thread.sleep(3000);
        JsonNode after = cli.json("vm", "ls");
        for (JsonNode v : after) {
            if (v.path("name").asText().equals("qft")) {
                assertEquals("poweredOff", v.path("powerState").asText(), "a protected VM powered off stays off: " + v);
            }
        }
        cli.ok("vm", "rm", "qft");

        for (String fault : List.of("kill", "hang", "partition")) {
            DatacenterEndToEndTest.Result r = cli.lockstep("fault", "trials", "--guest", "qemu", "--fault", fault, "--trials", "1");
            assertEquals(0, r.code(), "fault " + fault + ": " + r.all());
            assertTrue(r.out().contains("1 trials, 0 failed") && r.out().contains("acknowledged SETs lost 0")
                    && r.out().contains("exactly one side live 1 of 1"), r.all());
            if (fault.equals("hang")) {
                assertTrue(r.out().contains("old primary fenced"), "a hung primary's host was fenced at the storage: " + r.all());
            }
        }
    }

    /** The VM's FT status (from `lockstep ft status --json`) once its primary has run {@code epochs} epochs. */
    private JsonNode awaitEpochs(String vm, long epochs) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = cli.json("ft", "status", vm);
            if (last.path("stats").path("epochs").asLong() >= epochs) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new IOException(vm + " did not run " + epochs + " epochs within 60 s: " + last);
    }
}
