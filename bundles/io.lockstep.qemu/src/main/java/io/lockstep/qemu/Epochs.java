package io.lockstep.qemu;

import java.io.IOException;
import java.time.Duration;

/**
 * The primary's side of checkpointing a QEMU guest whose RAM is in a shared file: each {@link #capture()} pauses the
 * guest, finds the pages changed since the last epoch ({@link DirtyPages}), takes the device state without the RAM
 * ({@link DeviceState}, {@code x-ignore-shared}) and runs the guest again. The changed pages stay readable in the
 * copy ({@link #sentPage}) until the next capture, so they are sent while the guest runs.
 */
public final class Epochs {

    /**
     * One epoch: its number (0 is the first, every non-zero page), the guest's pause (from {@code stop} sent to
     * {@code cont} answered), the scan, the pages found and their XOR+RLE size, the device state and the time it took,
     * and the device state's XOR+RLE size against the epoch before's (its whole size in epoch 0).
     */
    public record Epoch(long number, long pauseNanos, DirtyPages.Scan scan, DeviceState.Saved device,
                        long deviceDiffBytes) {
        /** What the epoch sends: the pages' differences (or the pages, without diff sizes) and the device state's. */
        public long bytes() {
            return (scan.diffBytes() > 0 ? scan.diffBytes() : scan.pageBytes()) + deviceDiffBytes;
        }
    }

    private final QemuMachine machine;
    private final DirtyPages dirty;
    private final Duration timeout;
    private long next;
    private boolean prepared;
    private byte[] lastDevice;

    /**
     * @param machine   a running machine with {@link QemuSpec#memoryFile()}
     * @param diffSizes count the XOR+RLE size of each changed page (costs a pass over the changed pages)
     * @param timeout   a hang guard for each device-state save
     */
    public Epochs(QemuMachine machine, boolean diffSizes, Duration timeout) throws IOException {
        if (machine.spec().memoryFile() == null) {
            throw new IllegalArgumentException("machine " + machine.spec().name() + ": expected its RAM in a shared "
                    + "memory file (QemuSpec.withMemoryFile), found anonymous memory");
        }
        this.machine = machine;
        this.dirty = new DirtyPages(GuestMemory.map(machine.spec().memoryFile(),
                (long) machine.spec().memoryMiB() << 20), diffSizes);
        this.timeout = timeout;
    }

    public DirtyPages dirtyPages() {
        return dirty;
    }

    private boolean keepPrevious;

    /** Each scan keeps the changed pages' versions from before ({@link DirtyPages#scanKeepingPrevious}): the FT stream sends differences. */
    public Epochs keepingPrevious() {
        keepPrevious = true;
        return this;
    }

    /** Pauses, scans, saves the device state, resumes. On failure the guest is resumed if it was paused here. */
    public Epoch capture() throws IOException {
        return capture(() -> {
        });
    }

    /**
     * As {@link #capture()}, running {@code whilePaused} with the guest paused (after QEMU's {@code stop} has drained
     * its I/O): where an FT primary closes its output epoch.
     */
    public Epoch capture(Runnable whilePaused) throws IOException {
        return capture(whilePaused, () -> true);
    }

    /**
     * As {@link #capture(Runnable)}; the guest runs again after it only when {@code resume} says so (a guest suspended
     * meanwhile, e.g. by the DoS guard, stays paused).
     */
    public Epoch capture(Runnable whilePaused, java.util.function.BooleanSupplier resume) throws IOException {
        if (!prepared || keepPrevious) { // (an FT pair's machine may have taken a checkpoint in between: set them each time)
            DeviceState.prepare(machine, true);
            prepared = true;
        }
        long t0 = System.nanoTime();
        machine.pause();
        try {
            whilePaused.run();
            DirtyPages.Scan scan = keepPrevious ? dirty.scanKeepingPrevious() : dirty.scan();
            DeviceState.Saved device = DeviceState.save(machine, timeout);
            if (resume.getAsBoolean()) {
                machine.resume();
            }
            long pause = System.nanoTime() - t0;
            long deviceDiff = DeviceState.diffSize(lastDevice, device.bytes());
            lastDevice = device.bytes();
            return new Epoch(next++, pause, scan, device, deviceDiff);
        } catch (IOException | RuntimeException e) {
            try {
                if (resume.getAsBoolean()) {
                    machine.resume();
                }
            } catch (QmpException re) {
                e.addSuppressed(re);
            }
            throw e;
        }
    }

    /** Page {@code page} as the last capture found it. */
    public java.nio.ByteBuffer sentPage(int page) {
        return dirty.sentPage(page);
    }
}
