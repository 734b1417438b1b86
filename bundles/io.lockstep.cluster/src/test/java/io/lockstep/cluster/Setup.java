package io.lockstep.cluster;

/**
 * Where an in-process cluster test runs: the backend of the shared medium and the acquisition mode. The same suites
 * run on the LUN file (both modes) and on a real iSCSI logical unit (Debian's tgt on loopback, through Lockstep's own
 * initiator) — in reserve mode, because stock tgt offers no COMPARE AND WRITE.
 */
enum Setup {
    FILE_ATS(false, AcquisitionMode.ATS),
    FILE_RESERVE(false, AcquisitionMode.RESERVE),
    ISCSI_RESERVE(true, AcquisitionMode.RESERVE);

    final boolean iscsi;
    final AcquisitionMode mode;

    Setup(boolean iscsi, AcquisitionMode mode) {
        this.iscsi = iscsi;
        this.mode = mode;
    }
}
