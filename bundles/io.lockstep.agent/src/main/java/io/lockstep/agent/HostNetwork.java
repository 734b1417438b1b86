package io.lockstep.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lockstep.vm.NicAddress;

/**
 * This host's own network (a host with a network namespace of its own, ARCHITECTURE "Hosts"): VMs that run here hold
 * their addresses on its interface. Taking an address adds it ({@code ip addr replace ADDR/32 dev IF}) and announces it
 * with a gratuitous ARP ({@code arping -U}), so clients and switches send its traffic here at once; letting go
 * deletes it. Without a network of its own (every host on loopback) VMs listen on loopback and nothing moves.
 */
final class HostNetwork {

    private static final System.Logger LOG = System.getLogger(HostNetwork.class.getName());

    private final String iface;
    private final AddressRange vmRange;
    private final String hostAddress;

    HostNetwork(String iface, AddressRange vmRange, String hostAddress) {
        this.iface = iface;
        this.vmRange = vmRange;
        this.hostAddress = hostAddress;
    }

    static HostNetwork of(AgentConfig c) {
        return c.ownNetwork() ? new HostNetwork(c.networkInterface(), c.vmAddresses() == null ? null : AddressRange.parse(c.vmAddresses()),
                c.listenHost()) : new HostNetwork(null, null, null);
    }

    /** The address peers reach this host's FT backups at (loopback without a network of its own). */
    InetAddress hostAddress() {
        return hostAddress == null ? InetAddress.getLoopbackAddress() : AddressRange.inet(hostAddress);
    }

    /** The host address as the answer to a backup request says it (null: loopback). */
    String hostAddressText() {
        return hostAddress;
    }

    boolean own() {
        return iface != null;
    }

    /** The range VMs created here take their addresses from (null: VMs listen on loopback). */
    AddressRange vmRange() {
        return vmRange;
    }

    /** Where the VM's NIC listens on this host. */
    NicAddress forVm(String vm, String address) {
        if (iface == null || address == null) {
            return NicAddress.loopback();
        }
        return new Held(vm, address);
    }

    /**
     * At start: addresses of the VM range still on the interface were held by VMs of an earlier life of this agent
     * (it was killed): none of them runs here now, so they go.
     */
    void dropLeftovers() {
        if (iface == null || vmRange == null) {
            return;
        }
        try {
            for (String line : run(List.of("ip", "-4", "-o", "addr", "show", "dev", iface)).split("\n")) {
                int at = line.indexOf(" inet ");
                if (at < 0) {
                    continue;
                }
                String cidr = line.substring(at + 6).trim().split("\\s+")[0];
                String addr = cidr.substring(0, cidr.indexOf('/'));
                if (cidr.endsWith("/32") && vmRange.contains(addr)) {
                    run(List.of("ip", "addr", "del", cidr, "dev", iface));
                    LOG.log(System.Logger.Level.INFO, "dropped VM address " + addr + " left on " + iface + " by an earlier run of this agent");
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "looking for VM addresses left on " + iface + ": " + e.getMessage());
        }
    }

    private final class Held implements NicAddress {
        private final String vm;
        private final String address;
        private final InetAddress inet;

        Held(String vm, String address) {
            this.vm = vm;
            this.address = address;
            this.inet = AddressRange.inet(address);
        }

        @Override
        public InetAddress address() {
            return inet;
        }

        @Override
        public void claim() throws IOException {
            run(List.of("ip", "addr", "replace", address + "/32", "dev", iface));
            announce(vm, address);
            LOG.log(System.Logger.Level.INFO, vm + " holds " + address + " on " + iface);
        }

        @Override
        public void release() {
            try {
                run(List.of("ip", "addr", "del", address + "/32", "dev", iface));
                LOG.log(System.Logger.Level.INFO, vm + " let go of " + address);
            } catch (IOException e) {
                if (!e.getMessage().contains("Cannot assign")) { // not there: nothing to let go of
                    LOG.log(System.Logger.Level.WARNING, vm + ": dropping " + address + " from " + iface + ": " + e.getMessage());
                }
            }
        }

        @Override
        public String toString() {
            return address + " on " + iface;
        }
    }

    /**
     * A QEMU VM's link to this host's network: a tap device the VM's NIC is attached to, routed (not bridged) to the VM's
     * address, with proxy ARP on both sides — clients on the datacenter network reach the address through this host (as
     * they reach a Java guest's), and the guest reaches them through the tap. Taking the address moves the route here
     * and announces it; letting go deletes the tap (and the route with it).
     */
    Tap tapFor(String vm, String address) throws IOException {
        if (iface == null || address == null) {
            throw new IOException(vm + ": a QEMU VM needs an address on the host's network (a host of `lockstep up` run as root, with "
                    + "a VM address range); this host has " + (iface == null ? "no network of its own (every host on loopback)" : "no VM address for it"));
        }
        return new Tap(vm, address);
    }

    /** The tap device's name for a VM: 15 characters at most (the kernel's limit), the same for the same VM. */
    static String tapName(String vm) {
        return "lsq" + Integer.toHexString(vm.hashCode() & 0x7fffffff);
    }

    /** The host side of a VM's tap: a locally administered unicast MAC of the VM's, the same wherever it runs. */
    static String tapMac(String vm) {
        int h = vm.hashCode();
        return String.format("02:4c:53:%02x:%02x:%02x", (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff);
    }

    final class Tap implements NicAddress {
        private final String vm;
        private final String address;
        private final String device;
        private final InetAddress inet;
        private volatile boolean created;

        Tap(String vm, String address) {
            this.vm = vm;
            this.address = address;
            this.device = tapName(vm);
            this.inet = AddressRange.inet(address);
        }

        String device() {
            return device;
        }

        @Override
        public InetAddress address() {
            return inet;
        }

        /** The host's address on its network and that network's prefix length: the guest's gateway and netmask. */
        String[] hostCidr() throws IOException {
            for (String line : run(List.of("ip", "-4", "-o", "addr", "show", "dev", iface)).split("\n")) {
                int at = line.indexOf(" inet ");
                if (at >= 0) {
                    String cidr = line.substring(at + 6).trim().split("\\s+")[0];
                    if (!cidr.endsWith("/32")) {
                        return cidr.split("/");
                    }
                }
            }
            throw new IOException(iface + " has no address of this host's (only VM addresses or none): `ip -4 addr show dev " + iface + "`");
        }

        /** Makes the tap (before QEMU opens it): up, proxy ARP on it and on the host's interface, forwarding on. */
        void create() throws IOException {
            try {
                run(List.of("ip", "link", "del", device)); // a tap left by an earlier life of this agent
            } catch (IOException e) {
                // none: the usual case
            }
            run(List.of("ip", "tuntap", "add", "dev", device, "mode", "tap"));
            created = true;
            // the same MAC on every host: a guest that moves (an FT backup going live on its RAM) keeps its gateway's
            // neighbour entry right, instead of sending to the old host's tap until the entry goes stale (~45 s, measured)
            run(List.of("ip", "link", "set", device, "address", tapMac(vm)));
            run(List.of("ip", "link", "set", device, "up"));
            sysctl("1", "net", "ipv4", "ip_forward");
            sysctl("1", "net", "ipv4", "conf", iface, "proxy_arp"); // (by path: an interface name may hold a dot)
            sysctl("1", "net", "ipv4", "conf", device, "proxy_arp");
            // the gratuitous ARP for an address routed to a tap (not on eth0) binds to it: allowed only with this
            sysctl("1", "net", "ipv4", "ip_nonlocal_bind");
            // a tap whose QEMU is gone (its agent was killed) leaves a route that would still proxy ARP for the address
            // after it moved to another host: a route whose link is down is ignored
            sysctl("1", "net", "ipv4", "conf", "all", "ignore_routes_with_linkdown");
            sysctl("1", "net", "ipv4", "conf", iface, "ignore_routes_with_linkdown");
        }

        @Override
        public void claim() throws IOException {
            run(List.of("ip", "route", "replace", address + "/32", "dev", device));
            announce(vm, address); // this host answers for the address now (proxy ARP)
            LOG.log(System.Logger.Level.INFO, vm + " holds " + address + " through " + device);
        }

        @Override
        public void release() {
            if (!created) {
                return;
            }
            try {
                run(List.of("ip", "link", "del", device));
                created = false;
                LOG.log(System.Logger.Level.INFO, vm + " let go of " + address + " (" + device + " deleted)");
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, vm + ": deleting " + device + ": " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return address + " through " + device + " on " + iface;
        }
    }

    private static void sysctl(String value, String... key) throws IOException {
        java.nio.file.Path p = java.nio.file.Path.of("/proc/sys", key);
        try {
            if (!java.nio.file.Files.readString(p).trim().equals(value)) {
                java.nio.file.Files.writeString(p, value);
            }
        } catch (IOException e) {
            throw new IOException("setting " + p + " to " + value + ": " + e.getMessage(), e);
        }
    }

    /** Unsolicited ARP from the address's new owner, in the background: neighbours and the bridge learn where it went. */
    private void announce(String vm, String address) {
        Thread announce = new Thread(() -> {
            try {
                run(List.of("arping", "-U", "-c", "2", "-w", "2", "-I", iface, address));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, vm + ": announcing " + address + " on " + iface + ": " + e.getMessage());
            }
        }, "arp-" + vm);
        announce.setDaemon(true);
        announce.start();
    }

    /** Runs a network command (5 s at most); its output, or an IOException with its exit status and output. */
    static String run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not finish within 5 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", cmd) + " interrupted");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "): " + out.trim());
        }
        return out;
    }
}
