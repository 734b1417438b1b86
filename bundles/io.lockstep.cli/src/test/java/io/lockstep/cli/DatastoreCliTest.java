package io.lockstep.cli;

import static io.lockstep.cli.ClusterCliTest.lockstep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.storage.file.FileMedium;
import io.lockstep.vdisk.DiskChain;

/**
 * The datastore's files as an operator handles them: a VMDK chain qemu-img made is copied in, run as a disk on the
 * datastore (written through our vdisk code over java.nio on the medium), copied out, and qemu-img checks it and finds it
 * equal to the same chain written the same way on a plain file system. ls, df, mv, rm and check around it.
 */
class DatastoreCliTest {

    @TempDir
    Path dir;

    @Test
    void aVmdkChainCopiedInRunOnTheDatastoreAndCopiedOutIsWhatQemuImgExpects() throws Exception {
        Path lun = dir.resolve("ds.lun");
        assertEquals(0, lockstep("medium", "create", lun.toString(), "--size", "256M").code());
        ClusterCliTest.Run format = lockstep("cluster", "format", lun.toString(), "--io-timeout", "250ms", "--label", "ds1");
        assertEquals(0, format.code(), format.err());
        assertTrue(format.out().contains("file system:"), format.out());

        Path chain = Files.createDirectories(dir.resolve("chain"));
        qemu("qemu-img", "create", "-q", "-f", "vmdk", chain.resolve("base.vmdk").toString(), "64M");
        qemu("qemu-io", "-f", "vmdk", "-c", "write -P 0x5a 0 1M", "-c", "write -P 0x33 10M 3M", chain.resolve("base.vmdk").toString());
        qemu("qemu-img", "create", "-q", "-f", "vmdk", "-b", "base.vmdk", "-F", "vmdk", chain.resolve("delta.vmdk").toString());
        Path local = dir.resolve("local");
        ClusterCliTest.Run copyLocal = lockstep("datastore", "cp-in", lun.toString(), chain.toString(), "/", "--host", "esx-a", "-r");
        assertEquals(0, copyLocal.code(), copyLocal.err());
        assertTrue(copyLocal.err().contains("copied"), copyLocal.err());
        copyDir(chain, local);

        // the same writes through our vdisk code: on the datastore (java.nio over the medium) and on a plain directory
        List<long[]> writes = new ArrayList<>();
        Random r = new Random(5);
        for (int i = 0; i < 60; i++) {
            writes.add(new long[] {r.nextInt(64 * 2048 - 256), 1 + r.nextInt(255), r.nextLong()});
        }
        try (FileMedium m = FileMedium.open(lun, "host:esx-b"); Datastore ds = Datastore.mount(m, HostIdentity.named("esx-b"))) {
            apply(DiskChain.open(ds.fileSystem().getPath("/chain/delta.vmdk"), true), writes);
        }
        apply(DiskChain.open(local.resolve("delta.vmdk"), true), writes);

        ClusterCliTest.Run ls = lockstep("datastore", "ls", lun.toString(), "/chain", "-l", "--host", "esx-c");
        assertEquals(0, ls.code(), ls.err());
        assertTrue(ls.out().contains("/chain/base.vmdk") && ls.out().contains("/chain/delta.vmdk"), ls.out());
        ClusterCliTest.Run df = lockstep("datastore", "df", lun.toString());
        assertTrue(df.out().contains("ds1") && df.out().contains("1.0 MiB"), df.out());

        Path out = dir.resolve("out");
        ClusterCliTest.Run copyOut = lockstep("datastore", "cp-out", lun.toString(), "/chain", out.toString(), "-r");
        assertEquals(0, copyOut.code(), copyOut.err());
        for (String f : List.of("base.vmdk", "delta.vmdk")) {
            String check = qemu("qemu-img", "check", "-f", "vmdk", out.resolve(f).toString());
            assertTrue(check.contains("No errors were found"), check);
        }
        String compare = qemu("qemu-img", "compare", "-f", "vmdk", "-F", "vmdk", out.resolve("delta.vmdk").toString(),
                local.resolve("delta.vmdk").toString());
        assertTrue(compare.contains("Images are identical"), compare);

        assertEquals(0, lockstep("datastore", "mv", lun.toString(), "/chain", "/vm1").code());
        ClusterCliTest.Run check = lockstep("datastore", "check", lun.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        assertTrue(check.out().contains("2 files, 1 directories") && check.out().contains("clean"), check.out());
        ClusterCliTest.Run rm = lockstep("datastore", "rm", lun.toString(), "/vm1");
        assertEquals(1, rm.code(), "a directory that holds files is not removed without -r");
        assertTrue(rm.err().contains("/vm1"), rm.err());
        assertEquals(0, lockstep("datastore", "rm", lun.toString(), "/vm1", "-r").code());
        ClusterCliTest.Run empty = lockstep("datastore", "check", lun.toString());
        assertTrue(empty.out().contains("0 files, 0 directories, 0 blocks used"), empty.out());
    }

    @Test
    void badNamesAndMissingFilesAreRefusedWithWhatWasExpected() throws Exception {
        Path lun = dir.resolve("ds.lun");
        assertEquals(0, lockstep("medium", "create", lun.toString(), "--size", "64M").code());
        assertEquals(0, lockstep("cluster", "format", lun.toString(), "--io-timeout", "250ms").code());
        ClusterCliTest.Run slash = lockstep("datastore", "mkdir", lun.toString(), "/a//b");
        assertTrue(slash.err().contains("expected names between the '/', found an empty one"), slash.err());
        ClusterCliTest.Run missing = lockstep("datastore", "cp-out", lun.toString(), "/nothing", dir.resolve("x").toString());
        assertTrue(missing.code() != 0 && missing.err().contains("/nothing"), missing.err());
        ClusterCliTest.Run noParent = lockstep("datastore", "mkdir", lun.toString(), "/x/y");
        assertTrue(noParent.err().contains("its directory /x does not exist"), noParent.err());
    }

    private static void apply(DiskChain disk, List<long[]> writes) throws IOException {
        try (disk) {
            for (long[] w : writes) {
                byte[] data = new byte[(int) w[1] * 512];
                new Random(w[2]).nextBytes(data);
                disk.write(w[0], data);
            }
            disk.flush();
        }
    }

    private static void copyDir(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }

    static String qemu(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        if (command[1].equals("compare") || command[1].equals("check")) {
            return out + " (exit " + p.exitValue() + ")";
        }
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }
}
