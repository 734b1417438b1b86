package io.lockstep.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lockstep.san.SanIdentity;
import io.lockstep.san.Wwn;
import io.lockstep.vm.GuestRegistry;
import io.lockstep.agent.api.EventType;

/**
 * Creating and deleting VMs: a VM gets its folder and disk on the datastore, a port for its NIC (and, where hosts have
 * networks of their own, an address of the datacenter's VM range that moves with it), and its own SAN
 * identity (ARCHITECTURE "SAN identities"), given or made, unlike every other VM's; a VM is deleted only when no host
 * runs it and none serves its FT backup.
 */
final class VmProvisioning {

    private final VmStore store;
    private final LocalVms here;
    private final VmLocks locks;
    private final Events events;
    private final HostNetwork network;

    VmProvisioning(VmStore store, LocalVms here, VmLocks locks, Events events, HostNetwork network) {
        this.network = network;
        this.store = store;
        this.here = here;
        this.locks = locks;
        this.events = events;
    }

    private volatile int apiPort = -1;

    /** The agent's API now listens on {@code port}: no VM may ask for it. */
    void apiServing(int port) {
        this.apiPort = port;
    }

    /** Whether nothing listens on {@code port} on any address of this host. */
    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new java.net.InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates the VM the body describes; returns its name. */
    String create(Body b) throws IOException {
        b.only(io.lockstep.agent.api.CreateVmRequest.class);
        String name = Names.check("name", b.text("name", null));
        String guest = b.text("guest", "kv");
        String spec;
        long memory;
        long disk;
        if (QemuGuest.is(guest)) {
            try {
                spec = QemuGuest.parse(guest).spec();
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("guest", "guest: " + e.getMessage());
            }
            memory = b.integer("memoryMiB", 256, QemuVms.MIN_MEMORY_MIB, 4096);
            disk = b.integer("diskMiB", 64, 1, 65_536);
        } else {
            try {
                spec = GuestRegistry.create(guest).spec();
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("guest", "guest: " + e.getMessage() + " (or qemu, qemu:kernel=PATH,initrd=PATH, qemu:image=PATH)");
            }
            memory = b.integer("memoryMiB", 64, 4, 4096);
            disk = b.integer("diskMiB", 64, 1, 65_536);
            try {
                GuestRegistry.create(guest).checkFits(memory << 20, (disk << 20) / 512);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("guest", "guest: " + e.getMessage() + " (memoryMiB " + memory + ", diskMiB " + disk + ")");
            }
        }
        int port = (int) b.integer("port", 0, 0, 65_535);
        if (QemuGuest.is(guest)) {
            // a QEMU guest serves at its own address (its tap), not on a port of this host: its Redis port, 6379 unless given
            port = port == 0 ? QemuGuest.SERVICE_PORT : port;
        } else if (port != 0 && port < 1024) {
            throw ApiException.badRequest("port", "port: expected 1024 to 65535 (or 0 to choose a free one), found " + port);
        }
        if (!QemuGuest.is(guest) && port != 0 && port == apiPort) {
            throw ApiException.conflict("port: " + port + " is this agent's own API port; expected another (or 0 to choose a free one)");
        }
        if (!QemuGuest.is(guest) && port != 0 && !free(port)) {
            throw ApiException.conflict("port: " + port + " is in use on " + here.host() + " (by another VM or program); expected a free port "
                    + "(or 0 to choose one)");
        }
        if (port == 0) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
        }
        SanIdentity san = identity(name, b);
        String address = null;
        try {
            // the WWNs are claimed on the datastore first: of two creations with one WWPN, one gets it and the other a 409
            store.claimWwn(san.wwpn().toString(), name);
            store.claimWwn(san.wwnn().toString(), name);
            address = network.vmRange() == null ? null : store.claimAddress(network.vmRange(), name);
            store.create(new VmConfig(name, spec, memory, disk, port, System.currentTimeMillis(), here.host(), san.wwpn().toString(),
                    san.wwnn().toString(), san.iqn(), List.of(), address, null, List.of()));
        } catch (IOException | RuntimeException e) {
            if (address != null) {
                store.releaseAddress(address, name);
            }
            store.releaseWwnUnlessUsed(san.wwpn().toString(), name);
            store.releaseWwnUnlessUsed(san.wwnn().toString(), name);
            throw e;
        }
        here.clearNote(name);
        events.publish(EventType.VM_CREATED, name, Map.of("host", here.host()));
        return name;
    }

    /**
     * The new VM's SAN identity: the WWPN and WWNN given (checked: NAA 5/6, distinct, not another VM's), or a
     * fresh one unlike every other VM's. It is written to vm.json, so it moves with the VM.
     */
    private SanIdentity identity(String name, Body b) throws IOException {
        List<SanIdentity.Owned> others = new ArrayList<>();
        List<Wwn> taken = new ArrayList<>();
        for (String n : store.names()) {
            try {
                SanIdentity s = store.config(n).san();
                if (s != null) {
                    others.add(new SanIdentity.Owned(n, s));
                    taken.add(s.wwpn());
                    taken.add(s.wwnn());
                }
            } catch (ApiException | IllegalArgumentException e) {
                // a VM folder without a readable identity takes none
            }
        }
        String wwpn = b.text("wwpn", null);
        String wwnn = b.text("wwnn", null);
        SanIdentity san;
        if (wwpn == null && wwnn == null) {
            san = SanIdentity.generate(name, UUID.randomUUID().toString(), taken);
        } else {
            if (wwpn == null || wwnn == null) {
                throw ApiException.badRequest(wwpn == null ? "wwpn" : "wwnn", "wwpn and wwnn: expected both or neither (a fresh identity is made "
                        + "when neither is given)");
            }
            Wwn p = wwn("wwpn", wwpn);
            Wwn n = wwn("wwnn", wwnn);
            try {
                san = new SanIdentity(p, n, SanIdentity.IQN_PREFIX + name + "." + Long.toHexString(p.value()).substring(7, 15));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("wwnn", e.getMessage());
            }
        }
        try {
            SanIdentity.requireUnique(san, name, others);
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage());
        }
        return san;
    }

    private static Wwn wwn(String field, String text) {
        try {
            return Wwn.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, field + ": " + e.getMessage());
        }
    }

    void delete(String name) throws IOException {
        store.config(name);
        VmLocks.Where w = here.runs(name) ? new VmLocks.Where(here.host(), true, 0, false) : locks.where(name);
        if (w.host() != null && !w.previousLife()) {
            throw ApiException.conflict(name + " is powered on at " + w.host() + " (it holds the lock on " + VmStore.configEntity(name)
                    + "); power it off first");
        }
        if (here.serves(name)) {
            throw ApiException.conflict(name + " has its FT backup on this host; unprotect it first");
        }
        store.delete(name);
        here.clearNote(name);
        events.publish(EventType.VM_DELETED, name, Map.of("host", here.host()));
    }
}
