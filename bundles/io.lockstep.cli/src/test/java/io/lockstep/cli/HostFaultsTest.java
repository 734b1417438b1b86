package io.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.client.AgentClient;

/**
 * Hosts that are hosts, through {@code ./lockstep} only (as root, as CI runs): each agent in its own network namespace,
 * the LUN on tgtd over iSCSI, a VM's address that moves; faults injected the way they happen — a hung host, a partition
 * between the pair, a host cut off from the storage — each one trial of {@code lockstep fault trials}, whose checks (exactly
 * one host runs the VM and holds its address, every SET redis-cli saw acknowledged is there, the client served again) make
 * the command fail when they do not hold. And a crashed run's namespaces, bridge and target are cleaned up by the next up.
 */
class HostFaultsTest {

    @TempDir
    Path work;

    final DatacenterEndToEndTest cli = new DatacenterEndToEndTest();

    @BeforeEach
    void needsRootAndTools() {
        List<String> missing = HostNamespaces.missing();
        Assumptions.assumeTrue(missing.isEmpty(), "hosts in network namespaces need " + missing + " (CI runs as root with them)");
        cli.work = work;
    }

    @AfterEach
    void down() throws Exception {
        if (Files.exists(work.resolve("dc").resolve("datacenter.json"))) {
            cli.lockstep("fault", "heal");
            cli.lockstep("down");
        }
        String tag = tag();
        if (tag != null) {
            assertFalse(HostNamespaces.run(List.of("ip", "netns", "list")).contains("lockstep-" + tag + "-"), "down removed the namespaces");
        }
    }

    private String tag() throws Exception {
        Path n = work.resolve("dc").resolve("network.json");
        return Files.exists(n) ? AgentClient.mapper().readTree(n.toFile()).path("tag").asText() : null;
    }

    @Test
    void aHungHostAPartitionAndAHostCutOffFromStorageEachLeaveExactlyOneSideServingWithEveryAcknowledgedWrite() throws Exception {
        DatacenterEndToEndTest.Result up = cli.ok("up", "--hosts", "3");
        assertTrue(up.out().contains("each host in its own network namespace"), up.all());
        JsonNode hosts = cli.json("host", "ls");
        assertEquals(3, hosts.size(), hosts.toString());
        for (JsonNode h : hosts) {
            assertTrue(h.path("address").asText().matches("10\\.\\d+\\.\\d+\\.1[1-3]"), "each host has its own address: " + hosts);
            assertTrue(h.path("live").asBoolean(), "each host reaches the storage: " + hosts);
        }
        JsonNode vm = AgentClient.mapper().readTree(cli.ok("vm", "create", "trial", "--json").out());
        assertTrue(vm.path("address").asText().matches("10\\.\\d+\\.\\d+\\.1\\d\\d"), "the VM has an address of the VM range: " + vm);

        for (String[] f : new String[][] {{"hang", "checkpoint"}, {"partition", "replay"}, {"storage", "checkpoint"}}) {
            DatacenterEndToEndTest.Result r = cli.lockstep("fault", "trials", "--fault", f[0], "--mode", f[1], "--trials", "1");
            assertEquals(0, r.code(), "fault " + f[0] + " in " + f[1] + " mode: " + r.all());
            assertTrue(r.out().contains("1 trials, 0 failed") && r.out().contains("acknowledged SETs lost 0")
                    && r.out().contains("exactly one side live 1 of 1"), r.all());
            if (!f[0].equals("partition")) {
                assertTrue(r.out().contains("old primary fenced"), "a hung or cut-off primary's host was fenced at the storage: " + r.all());
            }
        }
    }

    @Test
    void faultsNeedNamespacesAndSayWhy() throws Exception {
        cli.ok("up", "--hosts", "2", "--loopback");
        DatacenterEndToEndTest.Result r = cli.lockstep("fault", "hang", "host-1");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("faults need a network namespace per host"), r.all());
        DatacenterEndToEndTest.Result both = cli.lockstep("up", "--namespaces");
        assertEquals(1, both.code(), both.all());
        assertTrue(both.err().contains("was made on loopback"), both.all());
    }

    @Test
    void aCrashedRunsNamespacesBridgeAndTargetAreCleanedUpByTheNextUp() throws Exception {
        cli.ok("up", "--hosts", "2");
        JsonNode net = AgentClient.mapper().readTree(work.resolve("dc").resolve("network.json").toFile());
        // the crash: every agent and the target killed outright, nothing cleaned up
        for (String h : List.of("host-1", "host-2")) {
            ProcessHandle p = ProcessHandle.of(cli.pidOf(h)).orElseThrow();
            p.destroyForcibly();
            p.onExit().get();
        }
        ProcessHandle tgtd = ProcessHandle.of(net.path("tgtdPid").asLong()).orElseThrow();
        tgtd.destroyForcibly();
        tgtd.onExit().get();
        assertTrue(HostNamespaces.run(List.of("ip", "netns", "list")).contains("lockstep-" + net.path("tag").asText() + "-host-1"));

        DatacenterEndToEndTest.Result again = cli.ok("up", "--hosts", "2");
        assertTrue(again.err().contains("removed what an earlier run left") && again.err().contains("namespace lockstep-" + net.path("tag").asText()),
                again.all());
        JsonNode hosts = cli.json("host", "ls");
        assertEquals(2, hosts.size(), hosts.toString());
        hosts.forEach(h -> assertTrue(h.path("live").asBoolean(), hosts.toString()));
    }
}
