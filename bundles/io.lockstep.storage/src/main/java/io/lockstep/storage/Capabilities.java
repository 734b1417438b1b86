package io.lockstep.storage;

/**
 * What a medium's target supports, discovered at open time (a real array may lack COMPARE AND WRITE, as
 * stock tgt does; the cluster layer then uses the {@code reserve} acquisition mode).
 *
 * @param compareAndWrite COMPARE AND WRITE (ATS) is supported
 * @param maxCompareAndWriteSectors the largest COMPARE AND WRITE, in sectors
 * @param scsi2Reservations RESERVE(6)/RELEASE(6) are supported
 * @param persistentReservations PERSISTENT RESERVE IN/OUT are supported
 * @param maxRegistrations how many initiators may register at once
 */
public record Capabilities(boolean compareAndWrite, int maxCompareAndWriteSectors, boolean scsi2Reservations,
        boolean persistentReservations, int maxRegistrations) {
}
