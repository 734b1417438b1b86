package io.lockstep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Faults injected the way they happen, into a datacenter whose hosts have network namespaces of their own: a hung host
 * (its agent stopped with SIGSTOP and its link down), a partition between two hosts (each drops every packet from the
 * other's link), a host cut off from the storage (iSCSI to and from the portal dropped), slow storage (delay on the
 * host's link, where the kernel has netem), and healing them (the agent continued, the link up, the rules gone).
 */
final class FaultCommands {

    private FaultCommands() {
    }

    @Command(name = "fault", mixinStandardHelpOptions = true, description = {
        "Inject a fault into the local datacenter (hosts in their own network namespaces: lockstep up as root).",
        "hang HOST · partition HOST HOST · storage HOST · slow-storage HOST --delay MS · heal [HOST…] · trials --fault F --mode M"},
            subcommands = {Hang.class, Partition.class, Storage.class, SlowStorage.class, Heal.class, FailoverTrials.class})
    static final class FaultCmd {
    }

    abstract static class OnDc implements Callable<Integer> {
        @Option(names = "--dc", description = "the datacenter's work directory (default: $LOCKSTEP_WORK/dc or work/dc)")
        Path dir;

        LocalDatacenter dc;
        HostNamespaces net;

        Path dir() {
            return (dir == null ? LocalDatacenter.defaultDir() : dir).toAbsolutePath();
        }

        void load() throws IOException {
            Path d = dir();
            dc = LocalDatacenter.load(d);
            if (!Files.exists(d.resolve("network.json"))) {
                throw new IOException("the datacenter in " + d + " runs every host on loopback in one network stack: faults need a network "
                        + "namespace per host (`lockstep down --purge`, then `lockstep up` as root with tgt, iptables and arping)");
            }
            net = HostNamespaces.of(d);
        }

        LocalDatacenter.Host host(String name) throws IOException {
            return dc.host(name);
        }

        void inHost(String host, String... cmd) throws IOException {
            List<String> c = new ArrayList<>(net.inHost(host));
            c.addAll(List.of(cmd));
            HostNamespaces.run(c);
        }

        String mac(String host) throws IOException {
            List<String> c = new ArrayList<>(net.inHost(host));
            c.addAll(List.of("cat", "/sys/class/net/eth0/address"));
            return HostNamespaces.run(c).trim();
        }
    }

    @Command(name = "hang", mixinStandardHelpOptions = true, description = "A hung host: its agent stopped (SIGSTOP) and its link down. "
            + "Its VMs keep their addresses but answer nothing; its heartbeat stands still.")
    static final class Hang extends OnDc {
        @Parameters(paramLabel = "HOST")
        String host;

        @Override
        public Integer call() throws Exception {
            load();
            LocalDatacenter.Host h = host(host);
            if (!h.alive()) {
                throw new IOException("the agent of " + host + " is not running (process " + h.pid() + "); nothing to hang");
            }
            HostNamespaces.run(List.of("kill", "-STOP", Long.toString(h.pid())));
            HostNamespaces.run(List.of("ip", "link", "set", net.link(host), "down"));
            System.out.println(host + " hung: its agent (pid " + h.pid() + ") stopped, its link " + net.link(host) + " down; "
                    + "`lockstep fault heal " + host + "` resumes it");
            return 0;
        }
    }

    @Command(name = "partition", mixinStandardHelpOptions = true, description = "Two hosts stop hearing each other (every packet from the "
            + "other's link dropped, both ways); each still reaches the storage and everyone else.")
    static final class Partition extends OnDc {
        @Parameters(paramLabel = "HOST", arity = "2")
        List<String> hosts;

        @Override
        public Integer call() throws Exception {
            load();
            String a = hosts.get(0);
            String b = hosts.get(1);
            if (a.equals(b)) {
                throw new IllegalArgumentException("partition: expected two different hosts, found " + a + " twice");
            }
            host(a);
            host(b);
            String macA = mac(a);
            String macB = mac(b);
            inHost(a, "iptables", "-I", "INPUT", "-m", "mac", "--mac-source", macB, "-j", "DROP");
            inHost(b, "iptables", "-I", "INPUT", "-m", "mac", "--mac-source", macA, "-j", "DROP");
            System.out.println(a + " and " + b + " are partitioned (each drops everything from the other's link " + macB + " / " + macA
                    + "); `lockstep fault heal` ends it");
            return 0;
        }
    }

    @Command(name = "storage", mixinStandardHelpOptions = true, description = "A host cut off from the storage: iSCSI to and from the "
            + "target's portal dropped. It still reaches its peers and its clients.")
    static final class Storage extends OnDc {
        @Parameters(paramLabel = "HOST")
        String host;

        @Override
        public Integer call() throws Exception {
            load();
            host(host);
            if (java.nio.file.Files.exists(dir().resolve("medium")) && java.nio.file.Files.readString(dir().resolve("medium")).trim().equals("file")) {
                throw new IllegalArgumentException("fault storage: expected a datacenter whose LUN is on iSCSI, found one whose hosts open the LUN "
                        + "file (lockstep up --medium file): no network path to the storage to cut");
            }
            String portal = net.bridgeAddress();
            String port = Integer.toString(HostNamespaces.PORTAL);
            inHost(host, "iptables", "-I", "OUTPUT", "-d", portal, "-p", "tcp", "--dport", port, "-j", "DROP");
            inHost(host, "iptables", "-I", "INPUT", "-s", portal, "-p", "tcp", "--sport", port, "-j", "DROP");
            System.out.println(host + " is cut off from the storage (" + portal + ":" + port + "); `lockstep fault heal " + host + "` ends it");
            return 0;
        }
    }

    @Command(name = "slow-storage", mixinStandardHelpOptions = true, description = "Delay on a host's link (tc netem): every I/O to the "
            + "storage takes a round trip of twice the delay longer.")
    static final class SlowStorage extends OnDc {
        @Parameters(paramLabel = "HOST")
        String host;

        @Option(names = "--delay", defaultValue = "20", description = "one-way delay in ms (default 20)")
        int delay;

        @Override
        public Integer call() throws Exception {
            if (delay < 1 || delay > 10_000) {
                throw new IllegalArgumentException("--delay: expected 1 to 10000 ms, found " + delay);
            }
            load();
            host(host);
            try {
                inHost(host, "tc", "qdisc", "replace", "dev", "eth0", "root", "netem", "delay", delay + "ms");
            } catch (IOException e) {
                throw new IOException("slow storage needs the kernel's netem queueing discipline (sch_netem), which this kernel does not have: "
                        + e.getMessage());
            }
            System.out.println(host + "'s link delays every packet by " + delay + " ms; `lockstep fault heal " + host + "` ends it");
            return 0;
        }
    }

    @Command(name = "heal", mixinStandardHelpOptions = true, description = "End the faults of the hosts named (default: every host): the "
            + "agent continued (SIGCONT), the link up, the dropping rules and the delay gone.")
    static final class Heal extends OnDc {
        @Parameters(paramLabel = "HOST", arity = "0..*")
        List<String> hosts = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            load();
            List<String> names = new ArrayList<>(hosts);
            if (names.isEmpty()) {
                dc.hosts.forEach(h -> names.add(h.name()));
            }
            for (String name : names) {
                heal(name);
            }
            System.out.println("healed " + String.join(", ", names));
            return 0;
        }

        private void heal(String name) throws IOException {
            LocalDatacenter.Host h = host(name);
            for (String chain : List.of("INPUT", "OUTPUT")) {
                inHost(name, "iptables", "-F", chain);
            }
            try {
                inHost(name, "tc", "qdisc", "del", "dev", "eth0", "root");
            } catch (IOException none) {
                // no delay was set
            }
            HostNamespaces.run(List.of("ip", "link", "set", net.link(name), "up"));
            if (h.alive()) {
                HostNamespaces.run(List.of("kill", "-CONT", Long.toString(h.pid())));
            }
        }
    }
}
