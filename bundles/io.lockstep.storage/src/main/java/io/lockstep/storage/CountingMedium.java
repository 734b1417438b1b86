package io.lockstep.storage;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/**
 * A medium that counts the commands it passes on: how many sector I/Os a protocol step costs is a figure we
 * benchmark and show, so it is measured, not estimated.
 */
public final class CountingMedium implements Medium {

    private final Medium medium;
    private final LongAdder refused = new LongAdder();
    private final LongAdder reads = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder compareAndWrites = new LongAdder();
    private final LongAdder reservations = new LongAdder();
    private final LongAdder persistentReservations = new LongAdder();
    private final LongAdder sectors = new LongAdder();

    public CountingMedium(Medium medium) {
        this.medium = medium;
    }

    /** A snapshot of the counters. {@code sectorIos} counts READ, WRITE and COMPARE AND WRITE commands. */
    public record Counts(long reads, long writes, long compareAndWrites, long reservations, long persistentReservations,
            long sectors) {
        public long sectorIos() {
            return reads + writes + compareAndWrites;
        }

        public Counts minus(Counts before) {
            return new Counts(reads - before.reads, writes - before.writes, compareAndWrites - before.compareAndWrites,
                    reservations - before.reservations, persistentReservations - before.persistentReservations,
                    sectors - before.sectors);
        }
    }

    /** Writes (WRITE, COMPARE AND WRITE) the target refused with RESERVATION CONFLICT: a fenced host's attempts. */
    public long refusedWrites() {
        return refused.sum();
    }

    public Counts counts() {
        return new Counts(reads.sum(), writes.sum(), compareAndWrites.sum(), reservations.sum(),
                persistentReservations.sum(), sectors.sum());
    }

    public Medium delegate() {
        return medium;
    }

    @Override
    public String initiator() {
        return medium.initiator();
    }

    @Override
    public String uri() {
        return medium.uri();
    }

    @Override
    public int sectorSize() {
        return medium.sectorSize();
    }

    @Override
    public long sectorCount() {
        return medium.sectorCount();
    }

    @Override
    public Capabilities capabilities() {
        return medium.capabilities();
    }

    @Override
    public byte[] read(long lba, int count) throws IOException {
        reads.increment();
        sectors.add(count);
        return medium.read(lba, count);
    }

    @Override
    public void write(long lba, byte[] data, boolean fua) throws IOException {
        writes.increment();
        sectors.add(data.length / Math.max(1, sectorSize()));
        try {
            medium.write(lba, data, fua);
        } catch (ReservationConflictException e) {
            refused.increment();
            throw e;
        }
    }

    @Override
    public void compareAndWrite(long lba, byte[] expected, byte[] replacement) throws IOException {
        compareAndWrites.increment();
        sectors.add(expected.length / Math.max(1, sectorSize()));
        try {
            medium.compareAndWrite(lba, expected, replacement);
        } catch (ReservationConflictException e) {
            refused.increment();
            throw e;
        }
    }

    @Override
    public void testUnitReady() throws IOException {
        medium.testUnitReady();
    }

    @Override
    public void flush() throws IOException {
        medium.flush();
    }

    @Override
    public void reserve() throws IOException {
        reservations.increment();
        medium.reserve();
    }

    @Override
    public void release() throws IOException {
        reservations.increment();
        medium.release();
    }

    @Override
    public void lunReset() throws IOException {
        reservations.increment();
        medium.lunReset();
    }

    @Override
    public void register(long currentKey, long newKey) throws IOException {
        persistentReservations.increment();
        medium.register(currentKey, newKey);
    }

    @Override
    public void registerAndIgnoreExistingKey(long newKey) throws IOException {
        persistentReservations.increment();
        medium.registerAndIgnoreExistingKey(newKey);
    }

    @Override
    public void reserve(long key, PrType type) throws IOException {
        persistentReservations.increment();
        medium.reserve(key, type);
    }

    @Override
    public void release(long key, PrType type) throws IOException {
        persistentReservations.increment();
        medium.release(key, type);
    }

    @Override
    public void clear(long key) throws IOException {
        persistentReservations.increment();
        medium.clear(key);
    }

    @Override
    public void preempt(long key, long victimKey, PrType type) throws IOException {
        persistentReservations.increment();
        medium.preempt(key, victimKey, type);
    }

    @Override
    public PrKeys readKeys() throws IOException {
        persistentReservations.increment();
        return medium.readKeys();
    }

    @Override
    public PrReservation readReservation() throws IOException {
        persistentReservations.increment();
        return medium.readReservation();
    }

    @Override
    public PrFullStatus readFullStatus() throws IOException {
        persistentReservations.increment();
        return medium.readFullStatus();
    }

    @Override
    public void checkScsi2Reservation(String cmd) throws IOException {
        medium.checkScsi2Reservation(cmd);
    }

    @Override
    public void close() throws IOException {
        medium.close();
    }

    @Override
    public String toString() {
        return medium.toString();
    }
}
