package io.lockstep.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;

import io.lockstep.storage.iscsi.IscsiServer;
import io.lockstep.vdisk.BlockDeviceLu;
import io.lockstep.vdisk.DiskChain;

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
    private IscsiServer server;

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
    synchronized Served serve(String vm, String initiatorIqn, DiskChain chain) throws IOException {
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

    /** How the VM's disk is served now (null: it is not). */
    synchronized Served served(String vm) {
        return served.get(vm);
    }

    /** Stops serving the VM's disk (its sessions end with its QEMU). */
    synchronized void unserve(String vm) {
        masking.remove(target(vm));
        served.remove(vm);
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
    }
}
