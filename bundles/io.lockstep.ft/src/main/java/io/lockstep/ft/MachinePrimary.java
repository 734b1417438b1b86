package io.lockstep.ft;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The primary of an FT pair whose machine Lockstep reads from outside (a QEMU guest, issue 25), in checkpoint mode:
 * each epoch the {@link Machine} pauses, names the pages that changed (keeping their versions the backup holds),
 * saves its device state and closes its output epoch; the pages go to the backup as differences from those versions,
 * the device state as a difference from the last one, the epoch's disk writes with them; the machine's outputs (NIC
 * frames, disk writes) of an epoch leave when the backup has acknowledged it. The stream is the Java guests' (same
 * handshake, sealing, PAGES/COMMIT/ACK; docs/ft.md), so {@link MachineBackup} checks it the same way.
 *
 * <p>Epoch length adapts to the cost: the next epoch starts no sooner than {@code epochMillis} after the last began
 * and no sooner than {@link #PAUSE_SHARE} times its pause after it ended, so pauses take at most a third of the
 * guest's time however large its RAM; an output waiting in the gate ends an epoch early within those bounds.
 */
public final class MachinePrimary {

    /** What the FT pair needs of a machine it protects from outside. */
    public interface Machine {
        String guestSpec();

        long memoryBytes();

        /** Pause; name the changed pages, keeping the versions sent last; save the device state; close the output epoch; resume. */
        Capture capture() throws IOException;

        /** Page {@code page} as the last capture found it (valid until the next capture). */
        ByteBuffer page(int page);

        /** From now on the machine's outputs (frames, disk writes) wait for {@link #release}. */
        void hold();

        /** Outputs of output epochs up to {@code outputEpoch} leave: frames to the net, disk writes to the disk. */
        void release(long outputEpoch) throws IOException;

        /** The disk writes held of output epoch {@code outputEpoch}, oldest first. */
        List<DiskWrite> diskWrites(long outputEpoch);

        /** Every disk write of an output epoch below this one is on the disk and durable. */
        long flushedThrough();

        /** Whether outputs wait in the gate now (an early epoch lets them go sooner). */
        boolean outputWaiting();

        /** Protection ended and this side runs the machine: everything held leaves and outputs pass again. */
        void unprotected(String why) throws IOException;

        /** This side lost the pair: drop what is held, stop the machine. */
        void halt(String why);
    }

    /**
     * One epoch's capture: the output epoch it closed, the pages that changed (ascending) and their previous versions
     * (page {@code pages[i]}'s at {@code i * 4096} of {@code previous}; zero in the first epoch), the device state,
     * the pause.
     */
    public record Capture(long outputEpoch, int[] pages, ByteBuffer previous, byte[] device, long pauseNanos, long scanNanos) {
    }

    /** What the pair did so far (for the agent's statistics events). */
    public record Stats(long epochs, long lastPauseMicros, long lastScanMicros, long lastPages, long lastBytes, long bytesSent, long lastEpochMillis,
            double epochsPerSecond, double pausedShare, long pagesSent, long diskWritesSent) {
    }

    /** The next epoch waits at least this many pauses after the last: pauses take at most a third of the guest's time. */
    public static final int PAUSE_SHARE = 2;
    private static final int PAGES_PER_MESSAGE = 4096;

    private final String pair;
    private final Machine machine;
    private final InetSocketAddress peer;
    private final FtOptions o;
    private final GoLive goLive;
    private final Consumer<FtStatus> status;
    private final Object acks = new Object();
    private volatile boolean ended;
    private volatile long lastHeard;
    private long ackedEpoch = -1;
    private long generation;
    private Socket socket;
    private FtChannel channel;
    private byte[] lastDevice;
    private long[] sentEpoch;
    // statistics
    private volatile long epochs;
    private volatile long lastPauseMicros;
    private volatile long lastScanMicros;
    private volatile long lastPages;
    private volatile long lastBytes;
    private volatile long bytesSent;
    private volatile long lastEpochMillis;
    private final long started = System.nanoTime();
    private volatile long pausedNanos;
    private volatile long pagesSent;
    private volatile long diskWritesSent;

    public MachinePrimary(String pair, Machine machine, InetSocketAddress backup, FtOptions options, GoLive goLive, Consumer<FtStatus> status) {
        String keyProblem = Handshake.keyProblem(options.authKey());
        if (keyProblem != null) {
            throw new IllegalArgumentException(pair + " cannot be protected: " + keyProblem);
        }
        if (options.mode() != FtMode.CHECKPOINT) {
            throw new IllegalArgumentException(pair + ": a machine protected from outside replicates by checkpoints; expected mode checkpoint, found "
                    + options.mode().name().toLowerCase());
        }
        this.pair = pair;
        this.machine = machine;
        this.peer = backup;
        this.o = options;
        this.goLive = goLive;
        this.status = status;
    }

    /** Arms the go-live record and starts the session on a thread of its own. */
    public void start() throws IOException {
        generation = goLive.arm();
        Thread t = new Thread(this::run, "ft-machine-primary-" + pair);
        t.setPriority(Thread.MAX_PRIORITY);
        t.setDaemon(true);
        t.start();
    }

    public boolean ended() {
        return ended;
    }

    public InetSocketAddress peer() {
        return peer;
    }

    public Stats stats() {
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        return new Stats(epochs, lastPauseMicros, lastScanMicros, lastPages, lastBytes, bytesSent, lastEpochMillis, epochs / seconds,
                pausedNanos / 1e9 / seconds, pagesSent, diskWritesSent);
    }

    /** Ends protection on purpose: the backup is told (it stands down) and this side runs on unprotected. */
    public void stop(String why) {
        try {
            FtChannel c = channel;
            if (c != null && !ended) {
                c.write(Wire.ERROR, Wire.body(d -> d.writeUTF(why)));
            }
        } catch (IOException ignored) {
            // the backup is gone: the go-live record decides as for any loss
        }
        end(why);
    }

    /** Stops the machine as if its host failed (a test failover): the backup takes over. */
    public void testFailover() {
        synchronized (this) {
            if (ended) {
                throw new IllegalStateException(pair + " is not protected: a test failover needs a backup in sync");
            }
            ended = true;
        }
        closeSocket();
        machine.halt("test failover: the primary stopped as if its host had failed");
        status.accept(FtStatus.of(FtState.HALTED, "test failover: the primary stopped as if its host had failed"));
    }

    private void run() {
        try {
            connect();
            machine.hold();
            sync();
            loop();
        } catch (Throwable e) {
            end(describe(e));
        }
    }

    private String describe(Throwable e) {
        if (e instanceof EOFException || e instanceof java.net.SocketException) {
            return "the backup's connection closed (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Ends the session once; the machine then claims the go-live record and runs on unprotected, or halts. */
    private void end(String why) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        closeSocket();
        synchronized (acks) {
            acks.notifyAll();
        }
        boolean won;
        try {
            won = goLive.tryWin(generation);
        } catch (IOException | RuntimeException e) {
            machine.halt("could not reach the go-live record after losing the backup (" + why + "): " + e.getMessage());
            status.accept(FtStatus.of(FtState.HALTED, "could not reach the go-live record after losing the backup (" + why + ")"));
            return;
        }
        if (!won) {
            machine.halt("the backup went live (" + why + ")");
            status.accept(FtStatus.of(FtState.HALTED, "the backup went live (" + why + ")"));
            return;
        }
        try {
            machine.unprotected(why);
        } catch (IOException | RuntimeException e) {
            machine.halt("releasing the held outputs failed: " + e.getMessage());
            status.accept(FtStatus.of(FtState.HALTED, "releasing the held outputs failed: " + e.getMessage()));
            return;
        }
        status.accept(FtStatus.of(FtState.UNPROTECTED, why));
    }

    private void closeSocket() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    // --- handshake --------------------------------------------------------------------------------------------------

    private void connect() throws IOException {
        socket = new Socket();
        try {
            socket.connect(peer, 2000);
        } catch (IOException e) {
            throw new IOException("no backup answers at " + peer.getHostString() + ":" + peer.getPort() + " (" + e.getMessage() + ")");
        }
        socket.setTcpNoDelay(true);
        BufferedInputStream raw = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        DataInputStream in = new DataInputStream(raw);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
        Handshake.Hello hello = new Handshake.Hello(FtMode.CHECKPOINT, pair, machine.guestSpec(), machine.memoryBytes(), generation, o.epochMillis(),
                o.sealing()).signed(o.authKey());
        channel = PrimarySession.openChannel(socket, raw, in, out, hello, o, peer, n -> bytesSent += n);
        lastHeard = System.nanoTime();
        daemon(this::read, "reader");
        daemon(this::heartbeat, "heartbeat");
        daemon(this::watchdog, "watchdog");
    }

    private void daemon(Runnable r, String what) {
        Thread t = new Thread(r, "ft-machine-primary-" + what + "-" + pair);
        t.setPriority(Thread.MAX_PRIORITY);
        t.setDaemon(true);
        t.start();
    }

    private void read() {
        try {
            while (!ended) {
                Wire.Frame f = channel.read();
                lastHeard = System.nanoTime();
                Wire.Payload d = f.in();
                switch (f.type()) {
                    case Wire.ACK -> {
                        long epoch = d.readLong();
                        d.readBoolean();
                        synchronized (acks) {
                            ackedEpoch = Math.max(ackedEpoch, epoch);
                            acks.notifyAll();
                        }
                    }
                    case Wire.HEARTBEAT -> {
                    }
                    case Wire.ERROR -> throw new FtProtocolException("the backup stopped: " + PrimarySession.readRefusal(f));
                    default -> throw new FtProtocolException("unexpected " + f.name() + " from the backup");
                }
            }
        } catch (Throwable e) {
            end(describe(e));
        }
    }

    private void heartbeat() {
        while (!ended) {
            try {
                Thread.sleep(o.heartbeatMillis());
                if (!ended) {
                    channel.write(Wire.HEARTBEAT, new byte[0]);
                }
            } catch (InterruptedException | IOException e) {
                end(describe(e));
                return;
            }
        }
    }

    private void watchdog() {
        while (!ended) {
            try {
                Thread.sleep(Math.min(10, o.heartbeatMillis()));
            } catch (InterruptedException e) {
                return;
            }
            long silent = (System.nanoTime() - lastHeard) / 1_000_000;
            if (!ended && silent > o.failAfterMillis()) {
                end("no word from the backup for " + silent + " ms");
                return;
            }
        }
    }

    private void awaitAck(long epoch, long timeoutMillis) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (acks) {
            while (ackedEpoch < epoch && !ended) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("the backup did not acknowledge epoch " + epoch + " within " + timeoutMillis + " ms");
                }
                acks.wait(Math.max(1, left / 1_000_000));
            }
        }
        if (ended) {
            throw new IOException("the session ended");
        }
    }

    // --- epochs -----------------------------------------------------------------------------------------------------

    private void sync() throws IOException, InterruptedException {
        int pageCount = (int) (machine.memoryBytes() / PageDiff.PAGE);
        sentEpoch = new long[pageCount];
        status.accept(FtStatus.of(FtState.SYNCING, "copying " + (machine.memoryBytes() >> 20) + " MiB to the backup at " + peer.getHostString()
                + ":" + peer.getPort()));
        Capture c = machine.capture();
        ship(0, c);
        awaitAck(0, o.failAfterMillis() + machine.memoryBytes() / 20_000); // 20 MB/s at the least for the first copy
        machine.release(c.outputEpoch());
        status.accept(new FtStatus(FtState.PROTECTED, "checkpoint with the backup at " + peer.getHostString() + ":" + peer.getPort() + " ("
                + c.pages().length + " pages in the first copy)", 0));
    }

    private void loop() throws IOException, InterruptedException {
        long epoch = 1;
        long lastStart = System.nanoTime();
        long lastPause = 0;
        while (!ended) {
            long earliest = lastStart + TimeUnit.MILLISECONDS.toNanos(1) + PAUSE_SHARE * lastPause;
            long due = Math.max(lastStart + TimeUnit.MILLISECONDS.toNanos(o.epochMillis()), earliest);
            while (!ended) {
                long now = System.nanoTime();
                if (now >= due || now >= earliest && machine.outputWaiting()) {
                    break;
                }
                Thread.sleep(1);
            }
            if (ended) {
                return;
            }
            long start = System.nanoTime();
            Capture c = machine.capture();
            lastPause = c.pauseNanos();
            ship(epoch, c);
            awaitAck(epoch, o.failAfterMillis());
            machine.release(c.outputEpoch());
            lastEpochMillis = (System.nanoTime() - lastStart) / 1_000_000;
            lastStart = start;
            epoch++;
        }
    }

    /** Sends the epoch's pages (as differences where smaller) and its COMMIT: device state, disk writes. */
    private void ship(long epoch, Capture c) throws IOException {
        long before = bytesSent;
        List<byte[]> batch = new ArrayList<>();
        byte[] old = new byte[PageDiff.PAGE];
        byte[] now = new byte[PageDiff.PAGE];
        for (int i = 0; i < c.pages().length; i++) {
            int index = c.pages()[i];
            machine.page(index).get(0, now);
            c.previous().get(i * PageDiff.PAGE, old);
            batch.add(encode(epoch, index, old, now));
            if (batch.size() == PAGES_PER_MESSAGE) {
                sendPages(epoch, batch);
            }
        }
        sendPages(epoch, batch);
        byte[] device = DeviceDiff.encode(lastDevice, c.device());
        lastDevice = c.device();
        List<DiskWrite> writes = machine.diskWrites(c.outputEpoch());
        long flushed = machine.flushedThrough();
        channel.write(Wire.COMMIT, Wire.body(d -> {
            d.writeLong(epoch);
            d.writeLong(c.outputEpoch());
            d.writeLong(flushed);
            d.writeInt(c.pages().length);
            d.writeInt(device.length);
            d.write(device);
            d.writeByte(0);
            d.writeInt(writes.size());
            for (DiskWrite w : writes) {
                d.writeLong(w.position());
                d.writeLong(w.lba());
                d.writeInt(w.data().length);
                d.write(w.data());
            }
        }));
        epochs++;
        lastPauseMicros = c.pauseNanos() / 1000;
        lastScanMicros = c.scanNanos() / 1000;
        lastPages = c.pages().length;
        lastBytes = bytesSent - before;
        pausedNanos += c.pauseNanos();
        pagesSent += c.pages().length;
        diskWritesSent += writes.size();
    }

    /** index u32, then 0 + the page, 1 + base epoch + length + difference, or 2 (zero). */
    private byte[] encode(long epoch, int index, byte[] old, byte[] now) {
        long base = sentEpoch[index];
        sentEpoch[index] = epoch;
        if (isZero(now)) {
            return ByteBuffer.allocate(5).putInt(index).put((byte) 2).array();
        }
        byte[] diff = epoch == 0 ? null : PageDiff.encode(old, now);
        if (diff == null) {
            return ByteBuffer.allocate(5 + PageDiff.PAGE).putInt(index).put((byte) 0).put(now).array();
        }
        return ByteBuffer.allocate(5 + 12 + diff.length).putInt(index).put((byte) 1).putLong(base).putInt(diff.length).put(diff).array();
    }

    private static boolean isZero(byte[] p) {
        for (byte b : p) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private void sendPages(long epoch, List<byte[]> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        int size = 12;
        for (byte[] b : batch) {
            size += b.length;
        }
        ByteBuffer msg = ByteBuffer.allocate(size);
        msg.putLong(epoch).putInt(batch.size());
        for (byte[] b : batch) {
            msg.put(b);
        }
        channel.writeBuffered(Wire.PAGES, msg.array());
        batch.clear();
    }
}
