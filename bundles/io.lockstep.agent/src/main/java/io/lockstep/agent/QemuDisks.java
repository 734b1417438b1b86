package io.lockstep.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;

import io.lockstep.storage.iscsi.IscsiServer;
import io.lockstep.vdisk.BlockDeviceLu;

/**
 * The agent as its QEMU VMs' disk: one iSCSI target of our own per host ({@link IscsiServer}, on this host's loopback,
 * port 3260 when free — each host has a namespace of its own — else any), serving each running VM's disk chain (the
 * VMDK delta chain in its folder on the datastore) as LUN 0 of the VM's disk target, to the VM's own IQN alone: QEMU
 * logs in as the VM (patent #10: the identity is the VM's, whichever host runs it), and any other initiator is refused
 * at login by the target's masking.
 */
final class QemuDisks implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(QemuDisks.class.getName());
    static final int PORT = 3260;

    private final IscsiServer.Masking masking = new IscsiServer.Masking();
    private final java.util.Map<String, Served> served = new java.util.HashMap<>();
    /** Shared disks served here: disk → the VMs here it is served to (their IQNs may log in to its target). */
    private final java.util.Map<String, java.util.Map<String, String>> sharers = new java.util.HashMap<>();
    /** VM → the shared disks served to it here. */
    private final java.util.Map<String, List<String>> sharedOf = new java.util.HashMap<>();
    private SharedOpener sharedOpener;
    private IscsiServer server;

    /** Opens a shared disk for one initiator (one VM's I_T nexus): {@link SharedDisks#open}. */
    @FunctionalInterface
    interface SharedOpener {
        io.lockstep.storage.Medium open(String disk, String initiatorIqn) throws IOException;
    }

    void sharedOpener(SharedOpener o) {
        this.sharedOpener = o;
    }

    /** A shared disk's target: {@code iqn.2026-12.io.lockstep.shared:<disk>} on every host that serves it to one of its VMs. */
    static String sharedTarget(String disk) {
        return "iqn.2026-12.io.lockstep.shared:" + disk.toLowerCase(Locale.ROOT);
    }

    /** A VM's disk target: {@code iqn.2026-12.io.lockstep.disk:<vm>} (the same wherever the VM runs). */
    static String target(String vm) {
        return "iqn.2026-12.io.lockstep.disk:" + vm.toLowerCase(Locale.ROOT);
    }

    /** Where a VM's disk is served and to whom. */
    record Served(String target, String portal, String initiator, BlockDeviceLu lu) {

        /** QEMU's arguments for it: the iSCSI block driver logging in as the VM, a virtio disk. */
        List<String> qemuArgs() {
            String[] hp = portal.split(":");
            return List.of("-blockdev", "driver=iscsi,node-name=vmdisk,transport=tcp,portal=" + hp[0] + ":" + hp[1] + ",target=" + target
                    + ",lun=0,initiator-name=" + initiator,
                    "-device", "virtio-blk-pci,drive=vmdisk,serial=lockstep");
        }
    }

    /** Serves {@code chain} as the VM's disk to {@code initiatorIqn} (the VM's IQN) only. */
    synchronized Served serve(String vm, String initiatorIqn, io.lockstep.vdisk.BlockDevice chain) throws IOException {
        if (initiatorIqn == null || initiatorIqn.isBlank()) {
            throw new IOException(vm + " has no IQN of its own (a VM created before SAN identities): its disk cannot be served to it");
        }
        if (server == null) {
            server = start();
        }
        String t = target(vm);
        BlockDeviceLu lu = new BlockDeviceLu(chain, server.uri(t, 0));
        masking.remove(t);
        masking.lun(t, 0, lu::open).allow(t, initiatorIqn);
        Served s = new Served(t, server.portal(), initiatorIqn.toLowerCase(Locale.ROOT), lu);
        served.put(vm, s);
        return s;
    }

    /**
     * Serves the VM's shared disks to its IQN, each as LUN 0 of the disk's own target, every login opening the disk for
     * that initiator (its own I_T nexus, whose reservations the disk's record on the datastore keeps). Returns QEMU's
     * arguments: a virtio-scsi controller and, per disk, the iSCSI block driver logging in as the VM under a
     * {@code scsi-block} device — SCSI pass-through, so the guest's own PERSISTENT RESERVE, RESERVE and RELEASE commands
     * reach the disk as it sent them.
     */
    synchronized List<String> serveShared(String vm, String initiatorIqn, List<String> disks) throws IOException {
        if (disks.isEmpty()) {
            return List.of();
        }
        if (sharedOpener == null) {
            throw new IOException("this agent serves no shared disks (no datastore to open them on)");
        }
        if (initiatorIqn == null || initiatorIqn.isBlank()) {
            throw new IOException(vm + " has no IQN of its own: its shared disks cannot be served to it");
        }
        if (server == null) {
            server = start();
        }
        unserveShared(vm);
        String iqn = initiatorIqn.toLowerCase(Locale.ROOT);
        String[] hp = server.portal().split(":");
        java.util.ArrayList<String> args = new java.util.ArrayList<>(List.of("-device", "virtio-scsi-pci,id=lsscsi"));
        for (int i = 0; i < disks.size(); i++) {
            String d = disks.get(i);
            String t = sharedTarget(d);
            java.util.Map<String, String> users = sharers.computeIfAbsent(d, x -> new java.util.HashMap<>());
            if (users.isEmpty()) {
                SharedOpener o = sharedOpener;
                masking.remove(t);
                masking.lun(t, 0, ini -> o.open(d, ini));
            }
            users.put(vm, iqn);
            masking.allow(t, iqn);
            args.addAll(List.of("-blockdev", "driver=iscsi,node-name=shared" + i + ",transport=tcp,portal=" + hp[0] + ":" + hp[1] + ",target=" + t
                    + ",lun=0,initiator-name=" + iqn, "-device", "scsi-block,drive=shared" + i + ",bus=lsscsi.0,channel=0,scsi-id=" + i + ",lun=0"));
        }
        sharedOf.put(vm, List.copyOf(disks));
        return args;
    }

    /** The shared disks served to the VM here (empty: none). */
    synchronized List<String> sharedOf(String vm) {
        return sharedOf.getOrDefault(vm, List.of());
    }

    private void unserveShared(String vm) {
        for (String d : sharedOf.getOrDefault(vm, List.of())) {
            java.util.Map<String, String> users = sharers.get(d);
            String iqn = users == null ? null : users.remove(vm);
            if (iqn != null && !users.containsValue(iqn)) {
                masking.deny(sharedTarget(d), iqn);
            }
            if (users != null && users.isEmpty()) {
                masking.remove(sharedTarget(d));
                sharers.remove(d);
            }
        }
        sharedOf.remove(vm);
    }

    /** How the VM's disk is served now (null: it is not). */
    synchronized Served served(String vm) {
        return served.get(vm);
    }

    /** Stops serving the VM's disk (its sessions end with its QEMU). */
    synchronized void unserve(String vm) {
        masking.remove(target(vm));
        served.remove(vm);
        unserveShared(vm);
    }

    /** The logins refused lately (an initiator that is not the VM's), newest last. */
    synchronized List<String> refusals() {
        return server == null ? List.of() : server.refusals();
    }

    synchronized String portal() {
        return server == null ? null : server.portal();
    }

    private IscsiServer start() throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        IscsiServer.Options o = IscsiServer.Options.defaults().withLog(m -> LOG.log(System.Logger.Level.INFO, m));
        try {
            return new IscsiServer(new InetSocketAddress(lo, PORT), masking, o);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "port " + PORT + " on " + lo.getHostAddress() + " is taken (" + e.getMessage() + "); the VMs' disk "
                    + "target takes another");
            return new IscsiServer(new InetSocketAddress(lo, 0), masking, o);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        served.clear();
        sharers.clear();
        sharedOf.clear();
    }
}
