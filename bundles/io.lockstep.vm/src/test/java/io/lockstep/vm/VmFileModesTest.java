package io.lockstep.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that follow the umask: a checkpoint holds the guest's whole memory, an input log every byte its clients sent,
 * a delta the guest's disk writes — each is created for its owner only, whatever the umask would give.
 */
class VmFileModesTest {

    @TempDir
    Path dir;

    @Test
    void checkpointsDeltasAndInputLogsAreCreatedOwnerOnlyUnderUmask022() throws Exception {
        UmaskChild.run(UmaskChild.class, dir.toString());
        assertEquals("rw-r--r--", mode(dir.resolve("probe")), "the child ran under umask 022: a plain new file is world-readable");
        for (String f : new String[] {"cp-000001.lscp", "vm.vmdk", "vm-000001.vmdk", "run.lslog", Checkpoints.STATE_FILE}) {
            assertEquals("rw-------", mode(dir.resolve(f)), f);
        }
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
