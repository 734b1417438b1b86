package io.lockstep.cli;

import static io.lockstep.cli.ClusterCliTest.lockstep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lockstep vdisk as a person uses it: a chain made, looked at, committed, reverted, checked. */
class VdiskCliTest {

    @TempDir
    Path dir;

    @Test
    void aChainIsMadeShownCommittedAndReverted() {
        String base = dir.resolve("vm1.vmdk").toString();
        String d1 = dir.resolve("vm1-1.vmdk").toString();
        String d2 = dir.resolve("vm1-2.vmdk").toString();
        assertEquals(0, lockstep("vdisk", "create", base, "--size", "64M").code());
        assertEquals(0, lockstep("vdisk", "snapshot", base, d1).code());
        ClusterCliTest.Run snap = lockstep("vdisk", "snapshot", d1, d2);
        assertTrue(snap.out().contains("now sits on") && snap.out().contains("(3 layers)"), snap.out());
        ClusterCliTest.Run info = lockstep("vdisk", "info", d2);
        assertTrue(info.out().contains("64.0 MiB virtual, 3 layer(s)"), info.out());
        ClusterCliTest.Run commit = lockstep("vdisk", "commit", d2);
        assertTrue(commit.out().contains("merged " + d2 + " into"), commit.out());
        assertTrue(Files.notExists(Path.of(d2)));
        assertEquals(0, lockstep("vdisk", "check", d1).code());
        ClusterCliTest.Run revert = lockstep("vdisk", "revert", d1);
        assertTrue(revert.out().contains("dropped " + d1), revert.out());
        assertTrue(Files.notExists(Path.of(d1)));
    }

    @Test
    void aMissingOrForeignDiskIsNamed() throws Exception {
        ClusterCliTest.Run missing = lockstep("vdisk", "info", dir.resolve("nope.vmdk").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.vmdk: no such disk"), missing.err());
        Path text = dir.resolve("notes.vmdk");
        Files.writeString(text, "hello".repeat(200));
        ClusterCliTest.Run foreign = lockstep("vdisk", "check", text.toString());
        assertTrue(foreign.err().contains("expected magic \"KDMV\" at offset 0, found 68656c6c"), foreign.err());
        ClusterCliTest.Run noParent = lockstep("vdisk", "commit", dir.resolve("none.vmdk").toString());
        assertEquals(1, noParent.code());
    }
}
