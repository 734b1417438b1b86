package io.lockstep.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that follow the umask: a LUN file holds every VM's disk, so it is created for its owner only (0600), folders 0700. */
class LunFileModeTest {

    @TempDir
    Path dir;

    @Test
    void aLunFileAndOwnerOnlyFoldersAreCreatedSoUnderUmask022() throws Exception {
        UmaskChild.run(UmaskChild.class, dir.toString());
        assertEquals("rw-r--r--", mode(dir.resolve("probe")), "the child ran under umask 022: a plain new file is world-readable");
        assertEquals("rw-------", mode(dir.resolve("lun.img")), "the LUN file");
        assertEquals("rwx------", mode(dir.resolve("data")), "a folder OwnerOnly created, parents included");
        assertEquals("rwx------", mode(dir.resolve("data").resolve("tls")));
        assertEquals("rw-------", mode(dir.resolve("data").resolve("file")));
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
