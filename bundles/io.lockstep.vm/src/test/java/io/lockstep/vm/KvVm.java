package io.lockstep.vm;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.vdisk.DiskChain;

/**
 * Tests that talk to a KV guest as its clients do: before each, a KV guest runs on a fresh 64 MiB disk with its NIC on
 * a loopback port ({@link #port()}); after each, it is stopped.
 */
abstract class KvVm {

    @TempDir
    Path dir;
    private DiskChain disk;
    private Vm vm;
    private NetForwarder nic;

    @BeforeEach
    void startKvGuest() throws Exception {
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

    @AfterEach
    void stopKvGuest() throws Exception {
        nic.close();
        vm.close();
        disk.close();
    }
}
