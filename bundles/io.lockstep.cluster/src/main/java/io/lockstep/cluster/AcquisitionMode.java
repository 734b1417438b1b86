package io.lockstep.cluster;

import io.lockstep.storage.Capabilities;

/**
 * How a host changes a record that other hosts may change at the same time.
 * <ul>
 * <li>{@code ATS}: read the sector, compute the new one, COMPARE AND WRITE it; retry on miscompare. Hosts
 * touching different records never wait for each other.</li>
 * <li>{@code RESERVE}: SCSI-2 RESERVE the whole device, read, write, RELEASE — the older way, for arrays
 * without ATS; it serialises every host's updates (and briefly their other I/O) on the one device.</li>
 * </ul>
 * The modes may be mixed on one medium: a reservation also blocks other hosts' COMPARE AND WRITE.
 */
public enum AcquisitionMode {
    ATS, RESERVE;

    /** ATS when the target offers COMPARE AND WRITE, as VMFS chooses. */
    public static AcquisitionMode bestFor(Capabilities capabilities) {
        return capabilities.compareAndWrite() ? ATS : RESERVE;
    }

    public static AcquisitionMode parse(String text) {
        for (AcquisitionMode m : values()) {
            if (m.name().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("acquisition mode: expected ats or reserve, found '" + text + "'");
    }

    public String label() {
        return name().toLowerCase();
    }
}
