package io.lockstep.vdisk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that follow the umask: a guest's disk is created for its owner only, whatever the umask would give. */
class VdiskFileModesTest {

    @TempDir
    Path dir;

    @Test
    void disksDeltasAndSnapshotsAreCreatedOwnerOnlyUnderUmask022() throws Exception {
        UmaskChild.run(UmaskChild.class, dir.toString());
        assertEquals("rw-r--r--", mode(dir.resolve("probe")), "the child ran under umask 022: a plain new file is world-readable");
        for (String disk : new String[] {"base.vmdk", "delta.vmdk", "snap.vmdk"}) {
            assertEquals("rw-------", mode(dir.resolve(disk)), disk);
        }
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
