package io.lockstep.vm;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import io.lockstep.vdisk.BlockDevice;

/**
 * The runtime of one guest: a vCPU thread that delivers inputs and steps the guest, at a configurable share
 * of a core.
 *
 * <h2>Positions and inputs</h2>
 * The position counts the steps that did work. Inputs from outside ({@link #submit}) are delivered between
 * steps and stamped with the position of the step that runs next; every delivered input is handed to the
 * recorders (an input log, an FT backup). A guest with nothing to do waits for input without advancing the
 * position — so a replay, which delivers each recorded input at its recorded position and steps, executes the
 * very same sequence of steps. {@link #replayFrom} makes a runtime take its inputs from a recording instead.
 *
 * <h2>Pausing</h2>
 * {@link #pause()} returns once the vCPU is stopped between two steps; checkpoints and FT epochs do their
 * work there and {@link #resume()}.
 */
public final class Vm implements AutoCloseable {

    public enum State {
        CREATED, RUNNING, PAUSED, STOPPED, FAILED
    }

    /** Recorded inputs to take instead of live ones (a log file, an FT primary's stream). */
    public interface ReplaySource {
        /** The next recorded input without taking it, waiting up to {@code millis}; null when there is none (yet). */
        InputEvent peek(long millis) throws IOException, InterruptedException;

        InputEvent take() throws IOException;

        /**
         * Every recorded input stamped below this position is available (a stream that is still arriving knows
         * only so far; a finished recording knows everything). The replay does not run a step at or past it.
         */
        default long frontier() {
            return Long.MAX_VALUE;
        }
    }

    private static final long SLICE_NANOS = 10_000_000; // CPU share is enforced per 10 ms slice

    private final String name;
    private final GuestProgram program;
    private final GuestMemory memory;
    private volatile BlockDevice disk;
    private DeviceState device = new DeviceState();
    private final ConcurrentLinkedQueue<InputEvent> inbox = new ConcurrentLinkedQueue<>();
    private final List<Consumer<InputEvent>> recorders = new CopyOnWriteArrayList<>();
    private volatile OutputSink sink = (c, s, b, p) -> {
    };
    private volatile ReplaySource replay;
    private volatile double cpuShare;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile State state = State.CREATED;
    private volatile boolean pauseRequested;
    private volatile long pauseAt = -1;
    private volatile boolean stopRequested;
    private volatile Throwable failure;
    private Thread vcpu;
    private volatile long steps;
    private volatile long frontier;
    private volatile long idleWaits;
    private final Context ctx = new Context();

    public Vm(String name, GuestProgram program, long memoryBytes, BlockDevice disk, double cpuShare) {
        this.name = name;
        this.program = program;
        this.memory = new GuestMemory(memoryBytes);
        this.disk = disk;
        setCpuShare(cpuShare);
    }

    public String name() {
        return name;
    }

    public GuestProgram program() {
        return program;
    }

    public GuestMemory memory() {
        return memory;
    }

    public BlockDevice disk() {
        return disk;
    }

    public State state() {
        return state;
    }

    public Throwable failure() {
        return failure;
    }

    public long position() {
        return device.position;
    }

    public DeviceState device() {
        return device;
    }

    public long steps() {
        return steps;
    }

    /**
     * Every input stamped below this position has been handed to the recorders (they were delivered before the
     * vCPU moved past it): what an FT primary may tell its backup is complete.
     */
    public long frontier() {
        return frontier;
    }

    public double cpuShare() {
        return cpuShare;
    }

    /** The share of a core the vCPU may use, from 1% to 100%; takes effect at the next step. */
    public void setCpuShare(double share) {
        if (!(share >= 0.01 && share <= 1.0)) {
            throw new IllegalArgumentException("CPU share: expected 0.01 to 1.0, found " + share);
        }
        this.cpuShare = share;
    }

    public void addRecorder(Consumer<InputEvent> recorder) {
        recorders.add(recorder);
    }

    public void removeRecorder(Consumer<InputEvent> recorder) {
        recorders.remove(recorder);
    }

    public void setOutputSink(OutputSink sink) {
        this.sink = sink;
    }

    /** Takes inputs from {@code source} from now on (null: live inputs again, e.g. when a backup takes over). */
    public void replayFrom(ReplaySource source) {
        this.replay = source;
        LockSupport.unpark(vcpu);
    }

    public boolean replaying() {
        return replay != null;
    }

    // --- life cycle -------------------------------------------------------------------------------------------

    /** Starts the vCPU; with {@code boot}, the guest lays out its memory first (a fresh start). */
    public void start(boolean boot) throws IOException {
        if (state != State.CREATED) {
            throw new IllegalStateException(name + " was already started (" + state + ")");
        }
        if (boot) {
            program.boot(ctx);
        }
        frontier = device.position;
        vcpu = new Thread(this::run, "vcpu-" + name);
        vcpu.setDaemon(true);
        state = State.RUNNING;
        vcpu.start();
    }

    /** Delivers an input from outside (a packet, a connection, a timer tick) at the next step boundary. */
    public void submit(InputEvent event) {
        inbox.add(event);
        LockSupport.unpark(vcpu);
    }

    /** Stops the vCPU between two steps and returns once it is; safe to call from any thread but the vCPU. */
    public void pause() throws InterruptedException {
        lock.lock();
        try {
            if (state != State.RUNNING && state != State.PAUSED) {
                return;
            }
            pauseRequested = true; // also when PAUSED: a resume the vCPU has not acted on yet is taken back
            LockSupport.unpark(vcpu);
            while (state == State.RUNNING) {
                if (!changed.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + ": the vCPU did not pause within 10 s");
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The vCPU will pause when it reaches {@code position}, before that position's inputs are delivered. */
    public void pauseAt(long position) {
        if (device.position > position) {
            throw new IllegalStateException(name + " is already at position " + device.position + ", past " + position);
        }
        pauseAt = position;
        LockSupport.unpark(vcpu);
    }

    /**
     * Pauses the vCPU when it reaches {@code position} and waits for it; false if it did not get there within
     * {@code timeoutMillis} (or stopped or failed first).
     */
    public boolean pauseAtPosition(long position, long timeoutMillis) throws InterruptedException {
        if (!(device.position == position && state == State.PAUSED)) {
            pauseAt(position);
        }
        return awaitPausedAt(position, timeoutMillis);
    }

    /** Waits until the vCPU is paused at {@code position}; see {@link #pauseAt}. */
    public boolean awaitPausedAt(long position, long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long end = System.nanoTime() + timeoutMillis * 1_000_000;
            while (!(state == State.PAUSED && pauseRequested && device.position == position)) {
                if (state == State.STOPPED || state == State.FAILED) {
                    return false;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.await(Math.min(left, 100_000_000), TimeUnit.NANOSECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** True from a pause (or a {@link #pauseAt} reached) until the next resume: the vCPU is stopped or stopping. */
    public boolean isPaused() {
        return pauseRequested;
    }

    public void resume() {
        lock.lock();
        try {
            pauseRequested = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void stop() throws InterruptedException {
        stopRequested = true;
        resume();
        if (vcpu != null) {
            LockSupport.unpark(vcpu);
            vcpu.join(10_000);
        }
        if (state != State.FAILED) {
            state = State.STOPPED;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the vCPU has executed {@code target} steps (or stopped); for tests and replays. */
    public boolean awaitPosition(long target, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000;
        while (device.position < target && state == State.RUNNING || state == State.PAUSED && device.position < target) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(1);
        }
        return device.position >= target;
    }

    // --- the vCPU ---------------------------------------------------------------------------------------------

    private void run() {
        long sliceStart = System.nanoTime();
        try {
            while (!stopRequested) {
                if (device.position == pauseAt) {
                    pauseAt = -1;
                    pauseRequested = true; // stop here, before this position's inputs are delivered
                }
                if (pauseRequested) {
                    parkPaused();
                    sliceStart = System.nanoTime();
                    continue;
                }
                ReplaySource source = replay;
                if (source != null && source.frontier() <= device.position) {
                    LockSupport.parkNanos(200_000); // the inputs of this position are not all here yet
                    continue;
                }
                deliver();
                long writesBefore = memory.writeCount();
                boolean busy = program.step(ctx);
                if (!busy) {
                    if (memory.writeCount() != writesBefore) {
                        throw new IllegalStateException(program.spec() + " wrote memory in a step it reported idle (position "
                                + device.position + "): a replay would not run that step");
                    }
                    idle();
                    continue;
                }
                device.position++;
                steps++;
                frontier = device.position; // (volatile: publishes the recorders' view of the step)
                double share = cpuShare;
                long now = System.nanoTime();
                if (now - sliceStart >= SLICE_NANOS * share) {
                    if (share < 1.0) {
                        long rest = sliceStart + SLICE_NANOS - now;
                        if (rest > 0) {
                            LockSupport.parkNanos(rest);
                        }
                    }
                    sliceStart = System.nanoTime();
                }
            }
        } catch (Throwable t) {
            failure = t;
            state = State.FAILED;
            System.getLogger(Vm.class.getName()).log(System.Logger.Level.ERROR, name + " failed at position " + device.position, t);
        } finally {
            lock.lock();
            try {
                if (state != State.FAILED) {
                    state = State.STOPPED;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void parkPaused() throws InterruptedException {
        lock.lock();
        try {
            state = State.PAUSED;
            changed.signalAll();
            while (pauseRequested && !stopRequested) {
                changed.await(100, TimeUnit.MILLISECONDS);
            }
            state = State.RUNNING;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Delivers what is due: recorded inputs of this position, or every live input that arrived. */
    private void deliver() throws IOException, InterruptedException {
        ReplaySource r = replay;
        if (r != null) {
            InputEvent next;
            while ((next = r.peek(0)) != null && next.position() <= device.position) {
                if (next.kind() == InputEvent.Kind.DISK_READ) {
                    if (next.position() < device.position) {
                        throw new ReplayDivergenceException(name + ": the recording read the disk at position " + next.position()
                                + " but the replay did not (it is at " + device.position + ")");
                    }
                    break; // read by the step about to run
                }
                if (next.position() < device.position) {
                    throw new ReplayDivergenceException(name + ": a recorded input was stamped with position " + next.position()
                            + " but the replay is already at " + device.position + " (" + next + ")");
                }
                InputEvent taken = r.take();
                device.rx.add(taken);
                if (taken.kind() == InputEvent.Kind.NET_OPEN) {
                    device.maxConnection = Math.max(device.maxConnection, taken.channel());
                }
            }
            return;
        }
        InputEvent e;
        while ((e = inbox.poll()) != null) {
            InputEvent stamped = e.at(device.position);
            device.rx.add(stamped);
            if (e.kind() == InputEvent.Kind.NET_OPEN) {
                device.maxConnection = Math.max(device.maxConnection, e.channel());
            }
            for (Consumer<InputEvent> recorder : recorders) {
                recorder.accept(stamped);
            }
        }
    }

    /** Nothing to do: wait for the next input (live), or check the recording says the same (replay). */
    private void idle() throws IOException, InterruptedException {
        idleWaits++;
        ReplaySource r = replay;
        if (r != null) {
            InputEvent next = r.peek(50);
            if (next != null && next.kind() == InputEvent.Kind.DISK_READ && next.position() == device.position) {
                throw new ReplayDivergenceException(name + ": the guest has nothing to do at position " + device.position
                        + " but the recording read the disk there (" + next + ")");
            }
            if (next != null && next.position() != device.position) {
                throw new ReplayDivergenceException(name + ": the guest has nothing to do at position " + device.position
                        + " but the recording's next input is at " + next.position() + " (" + next + ")");
            }
            return;
        }
        if (inbox.isEmpty() && !pauseRequested && !stopRequested) {
            LockSupport.parkNanos(this, 50_000_000);
        }
    }

    // --- state ------------------------------------------------------------------------------------------------

    /**
     * The state digest: SHA-256 of the device state and of every non-zero page with its index. Call with the
     * vCPU paused or stopped.
     */
    public byte[] digest() {
        return digest(memory, device);
    }

    static byte[] digest(GuestMemory memory, DeviceState device) {
        MessageDigest sha = sha256();
        sha.update(device.encode());
        byte[] index = new byte[4];
        for (int i = 0; i < memory.pageCount(); i++) {
            if (!memory.isZeroPage(i)) {
                index[0] = (byte) (i >>> 24);
                index[1] = (byte) (i >>> 16);
                index[2] = (byte) (i >>> 8);
                index[3] = (byte) i;
                sha.update(index);
                sha.update(memory.pageCopy(i));
            }
        }
        return sha.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] digest) {
        StringBuilder s = new StringBuilder();
        for (byte b : digest) {
            s.append(String.format("%02x", b));
        }
        return s.toString();
    }

    /** The device state's bytes (call paused): what a checkpoint or an FT epoch carries with the pages. */
    public byte[] deviceStateBytes() {
        return device.encode();
    }

    /** Replaces the device state (call paused): restoring a checkpoint, applying an epoch. */
    public void restoreDeviceState(byte[] bytes) throws IOException {
        device = DeviceState.decode(bytes);
        frontier = device.position;
    }

    /** The highest connection number the guest has seen opened (a NIC that takes over starts above it). */
    public int highestConnection() {
        return device.maxConnection;
    }

    /** Swaps the disk (call paused): a revert points the guest at a new delta over the checkpoint's disk. */
    public void setDisk(BlockDevice newDisk) {
        this.disk = newDisk;
    }

    /** A replay's disk read: the recorded data of this step's next read (waiting for it to arrive). */
    private byte[] replayedRead(ReplaySource r, long lba, int sectors) throws IOException {
        InputEvent e = null;
        try {
            for (long waited = 0; e == null && !stopRequested && waited < 30_000; waited += 50) {
                e = r.peek(50);
            }
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("replaying a disk read");
        }
        if (e == null || e.kind() != InputEvent.Kind.DISK_READ || e.position() != device.position || e.diskLba() != lba
                || e.payload().length - 8 != sectors * BlockDevice.SECTOR) {
            throw new ReplayDivergenceException(name + ": the guest reads " + sectors + " sectors at " + lba + " in position "
                    + device.position + " but the recording has " + (e == null ? "nothing more" : e + (e.kind() == InputEvent.Kind.DISK_READ
                            ? " (" + (e.payload().length - 8) / BlockDevice.SECTOR + " sectors at " + e.diskLba() + ")" : "")));
        }
        r.take();
        return e.diskData();
    }

    @Override
    public String toString() {
        return name + " (" + program.spec() + ", " + memory.bytes() / (1024 * 1024) + " MiB, " + state + ", position " + device.position + ")";
    }

    /** What the guest sees. */
    private final class Context implements GuestContext {
        @Override
        public GuestMemory memory() {
            return memory;
        }

        @Override
        public long position() {
            return device.position;
        }

        @Override
        public InputEvent nextInput() {
            InputEvent e = device.rx.poll();
            if (e != null && e.kind() == InputEvent.Kind.TIMER) {
                device.timerTicks++;
            }
            return e;
        }

        @Override
        public void send(int connection, byte[] bytes) {
            long sequence = device.txSequence.merge(connection, 1L, Long::sum);
            sink.output(connection, sequence, bytes, device.position);
        }

        @Override
        public long diskSectors() {
            return disk == null ? 0 : disk.sectorCount();
        }

        @Override
        public byte[] diskRead(long lba, int sectors) throws IOException {
            device.diskReads++;
            ReplaySource r = replay;
            if (r != null) {
                return replayedRead(r, lba, sectors);
            }
            byte[] data = disk.read(lba, sectors);
            if (!recorders.isEmpty()) {
                InputEvent e = InputEvent.diskRead(lba, data).at(device.position);
                for (Consumer<InputEvent> recorder : recorders) {
                    recorder.accept(e);
                }
            }
            return data;
        }

        @Override
        public void diskWrite(long lba, byte[] data) throws IOException {
            device.diskWrites++;
            disk.write(lba, data);
        }
    }
}
