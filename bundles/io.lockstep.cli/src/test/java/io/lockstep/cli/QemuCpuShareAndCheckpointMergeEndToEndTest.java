package io.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.client.AgentClient;

/**
 * A QEMU VM's CPU share and its checkpoints' disk layers, through {@code ./lockstep} only (as root, a host in a
 * namespace of its own, QEMU and the default image; skipped saying which is missing):
 * <ul>
 * <li>{@code vm cpu-share} set while the VM is off is kept in vm.json and applied at power-on: the cgroup of its vCPU
 * threads holds the limit (read in the cgroup file system itself), a CPU burner typed on its serial console is
 * throttled (the kernel counts throttled periods) and QEMU's CPU time grows well below a core; the share goes on with
 * a revert, and is lifted at run time; bad values and a Java guest are refused saying why.</li>
 * <li>Deleting a checkpoint merges its disk layer (both ways: a layer under a frozen delta is absorbed into it, a layer
 * whose only child is the running delta takes that delta in), so the chain gets one layer shorter each time, and the
 * guest still reads what it wrote in every layer; a revert removes the abandoned running delta; the folder copied
 * out of the datastore holds exactly the one remaining layer, which passes {@code qemu-img check}.</li>
 * </ul>
 */
class QemuCpuShareAndCheckpointMergeEndToEndTest extends QemuDatacenterTest {

    AgentClient api;

    @Test
    void theCpuShareLimitsTheGuestAndCheckpointDeletesMergeTheirLayers() throws Exception {
        cli.ok("up", "--hosts", "1");
        cli.ok("vm", "create", "kv1");
        JsonNode vm = AgentClient.mapper().readTree(cli.ok("vm", "create", "web1", "--guest", "qemu", "--memory", "128", "--json").out());
        String address = vm.path("address").asText();

        // bad values and a Java guest are refused, saying what was expected and found
        DatacenterEndToEndTest.Result big = cli.lockstep("vm", "cpu-share", "web1", "1.5");
        assertNotEquals(0, big.code(), big.all());
        assertTrue(big.err().contains("share: expected a number from 0.05 to 1.0, found 1.5"), big.all());
        DatacenterEndToEndTest.Result small = cli.lockstep("vm", "cpu-share", "web1", "0.01");
        assertTrue(small.code() != 0 && small.err().contains("found 0.01"), small.all());
        DatacenterEndToEndTest.Result java = cli.lockstep("vm", "cpu-share", "kv1", "0.5");
        assertTrue(java.code() != 0 && java.err().contains("kv1 is a Java guest"), java.all());

        // set while off: kept in vm.json, applied at power-on
        JsonNode set = cli.json("vm", "cpu-share", "web1", "0.25");
        assertEquals(0.25, set.path("cpuShare").asDouble(), set.toString());
        assertEquals(0.25, QemuGuests.view(cli, "web1").path("cpuShare").asDouble(), "vm ls shows the share it will run with");
        cli.ok("vm", "start", "web1");
        api = LocalDatacenter.load(work.resolve("dc")).pick("host-1").client(); // the console and readings, without a JVM a call
        QemuGuests.awaitPong(address, 180);
        JsonNode machine = cli.json("vm", "machine", "web1");
        assertEquals(0.25, machine.path("cpuShare").asDouble(), machine.toString());
        assertEquals("5000 20000", machine.path("cpuLimit").asText(), "0.25 of one vCPU: 5 ms of every 20 ms: " + machine);
        Path group = cgroupHere(machine.path("cpuGroup").asText());
        assertEquals("5000 20000", limitIn(group), "the limit is in the cgroup file system: " + group);
        List<String> threads = Files.readAllLines(group.resolve(Files.exists(group.resolve("cgroup.threads")) ? "cgroup.threads" : "tasks"));
        assertFalse(threads.isEmpty(), "QEMU's vCPU thread is in " + group);

        // a CPU burner on the guest's console: throttled, and QEMU's CPU time grows well below one core
        typeAndAwait("web1", "while :; do :; done & echo $! > /tmp/burner; echo BURN-$((20+1))", "BURN-21");
        Thread.sleep(1000);
        long throttled0 = throttled(group);
        long t0 = System.nanoTime();
        double cpu0 = api.get("/v1/vms/web1/machine").path("cpuSeconds").asDouble();
        long t0end = System.nanoTime();
        Thread.sleep(5000);
        long t1 = System.nanoTime();
        double cpu1 = api.get("/v1/vms/web1/machine").path("cpuSeconds").asDouble();
        long throttled1 = throttled(group);
        // the shortest span the two readings can be apart: the rate can only be lower than this says
        double upper = (cpu1 - cpu0) / ((t1 - t0end) / 1e9);
        double lower = (cpu1 - cpu0) / ((System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "qemu-cpu-share-e2e: share 0.25, QEMU CPU %.3f to %.3f of a core; throttled periods %d%n", lower, upper,
                throttled1 - throttled0);
        assertTrue(upper < 0.6, "at share 0.25 the guest's burner gets well below a core: at most " + upper);
        assertTrue(throttled1 - throttled0 >= 10, "the burner runs into the limit: " + (throttled1 - throttled0) + " throttled periods");
        typeAndAwait("web1", "kill $(cat /tmp/burner); echo KILLED-$((30+3))", "KILLED-33");

        // checkpoints: marks written in each layer; deleting merges layers, a revert drops the abandoned delta
        String base = chain("web1").get(0);
        assertEquals(1, chain("web1").size(), "a fresh VM runs on its base disk");
        mark("web1", 8, "MARK-A");
        cli.ok("vm", "checkpoint", "web1", "--name", "one"); // base frozen; the VM runs on delta 1
        mark("web1", 16, "MARK-B");
        cli.ok("vm", "checkpoint", "web1", "--name", "two"); // delta 1 frozen; the VM runs on delta 2
        mark("web1", 24, "MARK-C");
        List<String> three = chain("web1");
        assertEquals(3, three.size(), "two checkpoints: the running delta over two frozen layers: " + three);
        String abandoned = three.get(0);

        cli.ok("vm", "revert", "web1", "2");
        QemuGuests.awaitPong(address, 60);
        assertEquals(0.25, api.get("/v1/vms/web1/machine").path("cpuShare").asDouble(), "the share goes on with the QEMU of the revert");
        List<String> reverted = chain("web1");
        assertEquals(3, reverted.size(), reverted.toString());
        assertFalse(reverted.contains(abandoned), "the VM runs on a new delta over checkpoint 2's layer: " + reverted);
        assertEquals("MARK-A", readMark("web1", 8));
        assertEquals("MARK-B", readMark("web1", 16));
        assertEquals("", readMark("web1", 24), "what was written after checkpoint 2 went with the revert");

        // checkpoint 1's layer (the base) has one child, frozen delta 1: it is absorbed into it and goes
        cli.ok("vm", "checkpoint-rm", "web1", "1");
        List<String> two = chain("web1");
        assertEquals(List.of(reverted.get(0), reverted.get(1)), two, "one layer shorter: the base absorbed into delta 1");
        assertEquals("MARK-A", readMark("web1", 8), "the base's data is read from delta 1 now");
        assertEquals("MARK-B", readMark("web1", 16));
        mark("web1", 32, "MARK-D");
        // checkpoint 2's layer has one child, the running delta: that is committed into it
        cli.ok("vm", "checkpoint-rm", "web1", "2");
        List<String> one = chain("web1");
        assertEquals(List.of(reverted.get(1)), one, "one layer shorter again: the running delta committed into delta 1");
        assertEquals("MARK-A", readMark("web1", 8));
        assertEquals("MARK-B", readMark("web1", 16));
        assertEquals("MARK-D", readMark("web1", 32), "what the guest wrote on the running delta is in the merged layer");
        assertEquals(0, api.get("/v1/vms/web1/checkpoints").size());
        mark("web1", 40, "MARK-E"); // the guest writes on, to the merged layer

        // the share lifted at run time
        JsonNode lifted = cli.json("vm", "cpu-share", "web1", "1.0");
        assertEquals(1.0, lifted.path("cpuShare").asDouble(), lifted.toString());
        JsonNode m = api.get("/v1/vms/web1/machine");
        String groupNow = m.path("cpuGroup").asText();
        assertEquals("max 20000", limitIn(cgroupHere(groupNow)), "no limit: " + m);

        cli.ok("vm", "stop", "web1");
        String medium = AgentClient.mapper().readTree(work.resolve("dc").resolve("datacenter.json").toFile()).path("medium").asText();
        Path out = work.resolve("web1-out");
        cli.ok("datastore", "cp-out", medium, "/web1", out.toString(), "-r");
        List<Path> layers;
        try (var files = Files.list(out)) {
            layers = files.filter(f -> f.toString().endsWith(".vmdk")).sorted().toList();
        }
        assertEquals(List.of(out.resolve(one.get(0))), layers, "the folder holds the one merged layer; the base (" + base + ") and the abandoned "
                + "delta (" + abandoned + ") are gone");
        String check = run("qemu-img", "check", "-f", "vmdk", layers.get(0).toString());
        assertTrue(check.contains("No errors were found"), check);
        byte[] raw = run("qemu-img", "dd", "-f", "vmdk", "-O", "raw", "if=" + layers.get(0), "of=" + work.resolve("disk.raw"), "bs=512", "count=48")
                .contains("EXIT") ? null : Files.readAllBytes(work.resolve("disk.raw"));
        assertTrue(raw != null, "qemu-img dd reads the merged layer");
        for (String[] mk : new String[][] {{"8", "MARK-A"}, {"16", "MARK-B"}, {"32", "MARK-D"}, {"40", "MARK-E"}}) {
            int at = Integer.parseInt(mk[0]) * 512;
            assertEquals(mk[1], new String(raw, at, 6, StandardCharsets.US_ASCII), "qemu-img reads " + mk[1] + " at sector " + mk[0]);
        }
        assertEquals(0, raw[24 * 512], "nothing at sector 24: MARK-C went with the revert");
    }

    /** The VM's disk chain as `vm ls` shows it: file names, the running delta first. */
    private List<String> chain(String vm) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode l : api.get("/v1/vms/" + vm).path("disk").path("chain")) {
            out.add(l.path("file").asText());
        }
        return out;
    }

    private void mark(String vm, int sector, String text) throws Exception {
        String tag = "W" + sector + "-" + text.charAt(5);
        typeAndAwait(vm, "printf " + text + " | dd of=/dev/vda bs=512 seek=" + sector + " conv=notrunc 2>/dev/null; sync; echo " + tag.replace("-", "-$(echo)"),
                tag);
    }

    /** The first 6 bytes at {@code sector} as the guest reads them from its disk (its cache dropped), NULs left out. */
    private String readMark(String vm, int sector) throws Exception {
        String tag = "R" + sector + "-";
        String text = awaitConsoleLine(vm, "echo 3 > /proc/sys/vm/drop_caches; echo R$((" + sector + "))-$(dd if=/dev/vda bs=512 skip=" + sector
                + " count=1 2>/dev/null | head -c 6 | tr -d '\\000')-END", tag);
        return text.substring(tag.length(), text.length() - "-END".length());
    }

    /** Types a line and returns the first console line after it that starts with {@code prefix} and ends with -END. */
    private String awaitConsoleLine(String vm, String line, String prefix) throws Exception {
        long before = api.get("/v1/vms/" + vm + "/console").path("bytes").asLong();
        api.post("/v1/vms/" + vm + "/console", java.util.Map.of("text", line + "\n"));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            JsonNode c = api.get("/v1/vms/" + vm + "/console");
            String text = c.path("text").asText();
            long fresh = c.path("bytes").asLong() - before;
            String recent = fresh >= text.length() ? text : text.substring(text.length() - (int) fresh);
            for (String l : recent.split("\r?\n")) {
                String t = l.strip();
                if (t.startsWith(prefix) && t.endsWith("-END")) {
                    return t;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError(vm + "'s console showed no line " + prefix + "…-END within 60 s");
    }

    /**
     * The VM's cgroup as this (the root) namespace sees it: the agent names it in its own mount namespace (a host's
     * /sys is its namespace's), so it is found here by its path below the shared {@code lockstep-qemu} parent.
     */
    private static Path cgroupHere(String agentPath) throws Exception {
        int at = agentPath.indexOf("/lockstep-qemu/");
        assertTrue(at >= 0, "the VM's cgroup is below lockstep-qemu: " + agentPath);
        String below = agentPath.substring(at + 1);
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] f = line.split(" ");
            boolean cpu = f[2].equals("cgroup2") || (f[2].equals("cgroup") && List.of(f[3].split(",")).contains("cpu"));
            if (cpu && Files.isDirectory(Path.of(f[1]).resolve(below))) {
                return Path.of(f[1]).resolve(below);
            }
        }
        throw new AssertionError("no cgroup mount here holds " + below);
    }

    /** "quota period" as the kernel holds it ("max …": no limit). */
    private static String limitIn(Path group) throws Exception {
        if (Files.exists(group.resolve("cpu.max"))) {
            return Files.readString(group.resolve("cpu.max")).trim();
        }
        String q = Files.readString(group.resolve("cpu.cfs_quota_us")).trim();
        return (q.equals("-1") ? "max" : q) + " " + Files.readString(group.resolve("cpu.cfs_period_us")).trim();
    }

    private static long throttled(Path group) throws Exception {
        for (String line : Files.readAllLines(group.resolve("cpu.stat"))) {
            if (line.startsWith("nr_throttled ")) {
                return Long.parseLong(line.substring(13).trim());
            }
        }
        throw new AssertionError("no nr_throttled in " + group.resolve("cpu.stat"));
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " finished");
        return p.exitValue() == 0 ? out : out + "\nEXIT " + p.exitValue();
    }
}
