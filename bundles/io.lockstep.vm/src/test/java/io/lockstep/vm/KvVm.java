package io.lockstep.vm;

import java.nio.file.Path;

import io.lockstep.vdisk.DiskChain;

/** A KV guest running on a fresh 64 MiB disk, its NIC on a loopback port: what the client tests talk to. */
final class KvVm implements AutoCloseable {

    private final DiskChain disk;
    private final Vm vm;
    private final NetForwarder nic;

    KvVm(Path dir) throws Exception {
        Path file = dir.resolve("kv.vmdk");
        DiskChain.create(file, 64L << 20);
        disk = DiskChain.open(file, true);
        vm = new Vm("kv1", GuestRegistry.create("kv"), 64L << 20, disk, 1.0);
        nic = new NetForwarder(vm, 0);
        vm.start(true);
    }

    int port() {
        return nic.port();
    }

    @Override
    public void close() throws Exception {
        nic.close();
        vm.close();
        disk.close();
    }
}
