package io.lockstep.storage.file;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh 2048-sector LUN file of 512-byte sectors per test. */
abstract class LunTestBase {

    @TempDir
    Path dir;
    Path lun;

    @BeforeEach
    void createLun() throws IOException {
        lun = dir.resolve("lun.img");
        FileMedium.create(lun, 512, 2048);
    }
}
