package io.lockstep.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.client.AgentClient;

/**
 * The network of a local datacenter whose hosts are hosts (as root): one network namespace per host, each with its own
 * link ({@code eth0}, a veth pair) on a datacenter bridge in the root namespace, its own address, and the shared medium
 * on an iSCSI target (tgtd) that listens on the bridge's address — the storage side, reached over the network like any
 * SAN. Clients outside the hosts (the root namespace) reach the hosts' agents and the VMs' addresses over the bridge.
 *
 * <pre>
 *   root namespace: operator, clients, tgtd (portal 10.N.M.1:3260)          lsbr&lt;tag&gt; 10.N.M.1/24
 *        │ lsv&lt;tag&gt;h1                 │ lsv&lt;tag&gt;h2                 │ lsv&lt;tag&gt;h3
 *   ┌────┴─────────────┐   ┌────────┴─────────┐   ┌────────┴─────────┐
 *   │ lockstep-&lt;tag&gt;-host-1│   │ …-host-2            │   │ …-host-3            │
 *   │ eth0 10.N.M.11    │   │ eth0 10.N.M.12    │   │ eth0 10.N.M.13    │
 *   │ agent, VM addrs   │   │ agent, VM addrs   │   │ agent, VM addrs   │
 *   └──────────────────┘   └──────────────────┘   └──────────────────┘
 * </pre>
 *
 * Everything made is named after a tag derived from the work directory, so two datacenters never meet and leftovers of a
 * crashed run are found by name. What was made is written to {@code network.json} in the work directory.
 */
final class HostNamespaces {

    static final int PORTAL = 3260;

    final Path dir;
    final String tag;
    final String subnet; // "10.N.M"
    long tgtdPid;
    int tgtdControl;

    private HostNamespaces(Path dir, String tag, String subnet) {
        this.dir = dir;
        this.tag = tag;
        this.subnet = subnet;
    }

    /** Is this process root (the namespaces, links and tgtd need it)? */
    static boolean root() {
        try {
            return "0".equals(run(List.of("id", "-u")).trim());
        } catch (IOException e) {
            return false;
        }
    }

    /** What `up --namespaces` needs that this machine does not have (empty: everything is there). */
    static List<String> missing() {
        List<String> m = new ArrayList<>();
        if (!root()) {
            m.add("root (network namespaces, links and the iSCSI target need it; run as root or with sudo)");
        }
        for (String[] t : new String[][] {{"ip", "iproute2"}, {"tgtd", "tgt"}, {"tgtadm", "tgt"}, {"iptables", "iptables"},
                {"arping", "iputils-arping"}}) {
            if (which(t[0]) == null) {
                m.add(t[0] + " (Debian package " + t[1] + ")");
            }
        }
        return m;
    }

    static String which(String name) {
        for (String d : new String[] {"/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin"}) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** The network of the datacenter in {@code dir}: as recorded, or planned anew (a subnet no route of this machine uses). */
    static HostNamespaces of(Path dir) throws IOException {
        Path f = dir.resolve("network.json");
        if (Files.exists(f)) {
            JsonNode j = AgentClient.mapper().readTree(f.toFile());
            HostNamespaces n = new HostNamespaces(dir, j.path("tag").asText(), j.path("subnet").asText());
            n.tgtdPid = j.path("tgtdPid").asLong(-1);
            n.tgtdControl = j.path("tgtdControl").asInt(0);
            return n;
        }
        int h = Math.abs(dir.toAbsolutePath().normalize().toString().hashCode());
        String tag = String.format("%04x", h & 0xffff);
        String routes = run(List.of("ip", "-4", "route", "show"));
        for (int i = 0; i < 200; i++) {
            String subnet = "10." + (200 + (h >>> 16) % 50) + "." + ((h + i) % 250 + 1);
            if (!routes.contains(subnet + ".")) {
                return new HostNamespaces(dir, tag, subnet);
            }
        }
        throw new IOException("no free 10.x.y.0/24 subnet for the datacenter network (every one tried is routed here already)");
    }

    void save() throws IOException {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("tag", tag);
        j.put("subnet", subnet);
        j.put("cidr", subnet + ".0/24");
        j.put("bridge", bridge());
        j.put("bridgeAddress", bridgeAddress());
        j.put("portal", bridgeAddress() + ":" + PORTAL);
        j.put("tgtdPid", tgtdPid);
        j.put("tgtdControl", tgtdControl);
        j.put("vmAddresses", vmRange());
        Files.writeString(dir.resolve("network.json"), AgentClient.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(j), StandardCharsets.UTF_8);
    }

    String bridge() {
        return "lsbr" + tag;
    }

    String namespace(String host) {
        return "lockstep-" + tag + "-" + host;
    }

    /** The root side of a host's link (the bridge port): at most 15 characters. */
    String link(String host) {
        return "lsv" + tag + "h" + host.substring(host.lastIndexOf('-') + 1);
    }

    String bridgeAddress() {
        return subnet + ".1";
    }

    String hostAddress(String host) {
        return subnet + "." + (10 + Integer.parseInt(host.substring(host.lastIndexOf('-') + 1)));
    }

    String vmRange() {
        return subnet + ".100-" + subnet + ".199";
    }

    String targetName() {
        return "iqn.2026-12.io.lockstep:dc-" + tag + ".ds1";
    }

    String mediumUri() {
        return "iscsi://" + bridgeAddress() + ":" + PORTAL + "/" + targetName() + "/1";
    }

    /** The namespaces and links of this datacenter that exist now (a crashed run leaves them). */
    List<String> existing() throws IOException {
        List<String> found = new ArrayList<>();
        for (String line : run(List.of("ip", "netns", "list")).split("\n")) {
            String name = line.trim().split("\\s+")[0];
            if (name.startsWith("lockstep-" + tag + "-")) {
                found.add("namespace " + name);
            }
        }
        if (linkExists(bridge())) {
            found.add("bridge " + bridge());
        }
        if (tgtdAlive()) {
            found.add("tgtd (pid " + tgtdPid + ")");
        }
        return found;
    }

    boolean tgtdAlive() {
        return tgtdPid > 0 && ProcessHandle.of(tgtdPid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean linkExists(String name) {
        try {
            run(List.of("ip", "link", "show", name));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The bridge with the storage side's address. */
    void ensureBridge() throws IOException {
        if (!linkExists(bridge())) {
            run(List.of("ip", "link", "add", bridge(), "type", "bridge"));
            run(List.of("ip", "addr", "add", bridgeAddress() + "/24", "dev", bridge()));
        }
        run(List.of("ip", "link", "set", bridge(), "up"));
    }

    /** The host's namespace, its link on the bridge and its address. */
    void ensureHost(String host) throws IOException {
        String ns = namespace(host);
        if (!run(List.of("ip", "netns", "list")).contains(ns)) {
            run(List.of("ip", "netns", "add", ns));
        }
        if (!linkExists(link(host))) {
            run(List.of("ip", "link", "add", link(host), "type", "veth", "peer", "name", "eth0", "netns", ns));
            run(List.of("ip", "-n", ns, "addr", "add", hostAddress(host) + "/24", "dev", "eth0"));
        }
        run(List.of("ip", "link", "set", link(host), "master", bridge(), "up"));
        run(List.of("ip", "-n", ns, "link", "set", "lo", "up"));
        run(List.of("ip", "-n", ns, "link", "set", "eth0", "up"));
    }

    /** The command prefix that runs a program as {@code host}: in its namespace. */
    List<String> inHost(String host) {
        return List.of(which("ip"), "netns", "exec", namespace(host));
    }

    /**
     * Starts tgtd detached (it outlives this command; {@code down} stops it) on the bridge's address, serving
     * {@code lun} as LUN 1 of the datacenter's target to every initiator of the datacenter network.
     */
    void startTarget(Path lun) throws IOException, InterruptedException {
        if (tgtdAlive()) {
            return;
        }
        Path log = dir.resolve("tgtd.log");
        for (int attempt = 0; attempt < 5; attempt++) {
            int control = ThreadLocalRandom.current().nextInt(1000, 30000);
            if (Files.exists(Path.of("/var/run/tgtd/socket." + control))) {
                continue;
            }
            List<String> cmd = new ArrayList<>();
            if (which("setsid") != null) {
                cmd.add(which("setsid"));
            }
            cmd.addAll(List.of(which("tgtd"), "-f", "-C", Integer.toString(control), "--iscsi", "portal=" + bridgeAddress() + ":" + PORTAL, "-t", "1"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            tgtdPid = p.pid();
            tgtdControl = control;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean ready = false;
            while (System.nanoTime() < end && p.isAlive()) {
                try {
                    tgtadm("--mode", "target", "--op", "show");
                    ready = true;
                    break;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            if (!ready) {
                p.destroyForcibly();
                continue;
            }
            tgtadm("--mode", "target", "--op", "new", "--tid", "1", "--targetname", targetName());
            tgtadm("--mode", "logicalunit", "--op", "new", "--tid", "1", "--lun", "1", "--backing-store", lun.toString());
            tgtadm("--mode", "target", "--op", "bind", "--tid", "1", "--initiator-address", subnet + ".0/24");
            save();
            return;
        }
        tgtdPid = -1;
        throw new IOException("tgtd did not start on " + bridgeAddress() + ":" + PORTAL + " (its log: " + log + ")");
    }

    String tgtadm(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(which("tgtadm"), "-C", Integer.toString(tgtdControl), "--lld", "iscsi"));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** Stops tgtd and removes every namespace, link and the bridge of this datacenter; returns what it removed. */
    List<String> teardown(List<String> hosts) throws IOException {
        List<String> removed = new ArrayList<>();
        if (tgtdAlive()) {
            // tgtd does not stop on SIGTERM while it serves a target; its LUN's data is in the file (page cache) already
            ProcessHandle h = ProcessHandle.of(tgtdPid).orElseThrow();
            h.destroyForcibly();
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("tgtd (pid " + tgtdPid + ") did not stop within 5 s of SIGKILL");
            }
            removed.add("tgtd (pid " + tgtdPid + ")");
        }
        for (String h : hosts) {
            try {
                run(List.of("ip", "link", "del", link(h))); // its peer in the namespace goes with it
            } catch (IOException gone) {
                // never made, or gone with its namespace already
            }
        }
        for (String line : run(List.of("ip", "netns", "list")).split("\n")) {
            String name = line.trim().split("\\s+")[0];
            if (name.startsWith("lockstep-" + tag + "-")) {
                killIn(name);
                run(List.of("ip", "netns", "del", name));
                removed.add("namespace " + name);
            }
        }
        if (linkExists(bridge())) {
            run(List.of("ip", "link", "del", bridge()));
            removed.add("bridge " + bridge());
        }
        return removed;
    }

    /** Kills what still runs in a namespace (an agent left by a crash), so deleting it frees everything. */
    private static void killIn(String ns) {
        try {
            for (String pid : run(List.of("ip", "netns", "pids", ns)).split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL ends a stopped process too
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to kill
        }
    }

    /** Runs a command (10 s at most); its output, or an IOException naming it, its exit status and its output. */
    static String run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", cmd) + ": interrupted");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "): " + out.trim());
        }
        return out;
    }
}
