package io.lockstep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.cluster.stress.FileTorture;

/**
 * Two JVMs change files on one datastore — create, append, overwrite, truncate, rename, delete, each forced before it is
 * acknowledged — while random ones are SIGKILLed at random points and restarted (short form: 20 s, ats). Afterwards the
 * file system checks clean and every acknowledged change is there. Long form: {@code lockstep datastore torture}.
 */
class FileTortureTest {

    @TempDir
    Path dir;

    @Test
    void killedHostsLoseNoAcknowledgedChangeAndLeaveAFileSystemThatChecksClean() throws Exception {
        FileTorture.Result r = FileTorture.run(FileTorture.Options.shortForm(dir, AcquisitionMode.ATS));
        System.out.println("FILE TORTURE " + r.summary());
        assertEquals(List.of(), r.checkProblems(), "datastore check after the kills");
        assertEquals(List.of(), r.dataProblems(), "acknowledged changes");
        assertTrue(r.kills() >= 4, "the driver killed " + r.kills() + " processes");
        assertTrue(r.acknowledged() > 50, r.acknowledged() + " changes acknowledged");
        assertTrue(r.filesChecked() > 3, r.filesChecked() + " files read back");
    }
}
