package io.lockstep.ft;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import io.lockstep.vm.GuestMemory;
import io.lockstep.vm.InputEvent;
import io.lockstep.vm.Vm;

/**
 * The primary's side of one protection: connects to the backup, syncs it (every page while the guest runs, then
 * the epoch), and keeps it in step — by epochs of page differences (checkpointing) or by streaming the inputs
 * (replay) — releasing outputs and disk writes as the backup's acknowledgements allow. Any failure ends the
 * session; the {@link LiveVm} then wins the go-live record or halts.
 */
public final class PrimarySession {

    private static final int PAGES_PER_MESSAGE = 1024;

    private final LiveVm live;
    private final Vm vm;
    private final InetSocketAddress peer;
    private final FtOptions o;
    private final long generation;
    private final FtStats stats;
    private Socket socket;
    private DataInputStream in;
    private DataOutputStream out;
    private volatile FtChannel channel;
    private volatile boolean ended;
    private volatile long lastHeard = System.nanoTime();
    private final Object acks = new Object();
    private long ackedEpoch = -1;
    private int digestsOkInAck;
    /** The epoch committed and not yet acknowledged, and its position: its ACK releases the NIC's outputs at once. */
    private long committedEpoch = -1;
    private long committedPosition;
    /** For the phase profile of the committed epoch (when a client waited for it): first held output, pause start and end, COMMIT written. */
    private long committedHeld;
    private long committedPauseStart;
    private long committedPauseEnd;
    private long committedShipped;

    // output demand: the position of the newest output the gate holds; the loop that ships state sleeps only while
    // no client waits, and the vCPU wakes it (an unpark only when it sleeps: no system call per output otherwise)
    private volatile long newestHeld = -1;
    /** When the first output of the running epoch was held (0: none yet), for the phase profile. */
    private volatile long heldSince;
    private volatile Thread shipper;
    private volatile boolean shipperParked;
    private final java.util.function.LongConsumer outputHeld = position -> {
        newestHeld = position;
        if (heldSince == 0) {
            heldSince = System.nanoTime();
        }
        Thread t = shipper;
        if (t != null && shipperParked) {
            LockSupport.unpark(t);
        }
    };

    // checkpointing: the last copy of each page the backup holds (as far as this primary kept it), and its epoch
    private final LinkedHashMap<Integer, byte[]> lastSent;
    private long[] sentEpoch;

    // replay
    private final ConcurrentLinkedQueue<InputEvent> events = new ConcurrentLinkedQueue<>();
    private final Consumer<InputEvent> recorder = events::add;
    private final ArrayDeque<long[]> positionTimes = new ArrayDeque<>(); // {frontier, nanoTime}, frontier increasing
    private volatile double lagMillis;
    private volatile long ackedFrontier = -1;
    private volatile long backupExecuted;

    PrimarySession(LiveVm live, InetSocketAddress peer, FtOptions options, long generation) {
        this.live = live;
        this.vm = live.vm();
        this.peer = peer;
        this.o = options;
        this.generation = generation;
        this.stats = live.stats();
        int cache = options.diffCachePages();
        this.lastSent = new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
                return size() > cache;
            }
        };
    }

    public InetSocketAddress peer() {
        return peer;
    }

    public boolean ended() {
        return ended;
    }

    /** How far the replaying backup trails, in time (replay mode). */
    public double lagMillis() {
        return lagMillis;
    }

    void start() {
        Thread t = new Thread(this::run, "ft-primary-" + live.pair());
        t.setPriority(Thread.MAX_PRIORITY); // replication comes before the control plane (effective with -XX:ThreadPriorityPolicy=1)
        t.setDaemon(true);
        t.start();
    }

    private void run() {
        try {
            connect();
            long position = fullSync();
            if (o.mode() == FtMode.CHECKPOINT) {
                checkpointLoop(position);
            } else {
                replayLoop();
            }
        } catch (Throwable e) {
            end(describe(e), true);
        }
    }

    private String describe(Throwable e) {
        if (e instanceof EOFException || e instanceof java.net.SocketException && !ended) {
            return "the backup at " + peer.getPort() + " closed the connection";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * Ends protection on purpose: tells the backup (which then discards its copy and waits, rather than going
     * live), then claims the go-live record so the VM runs on unprotected with its outputs released.
     */
    void stopProtecting(String why) {
        try {
            FtChannel c = channel;
            if (c != null && !ended) {
                c.write(Wire.ERROR, Wire.body(d -> d.writeUTF(why)));
            }
        } catch (IOException ignored) {
            // the backup is gone already: the go-live record decides as for any loss
        }
        end(why, true);
    }

    /** Ends the session once; with {@code failover}, the VM then claims the go-live record (or halts). */
    void end(String why, boolean failover) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        vm.removeRecorder(recorder);
        live.nic().onHeld(null);
        LockSupport.unpark(shipper);
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        synchronized (acks) {
            acks.notifyAll();
        }
        if (vm.memory() != null) {
            vm.memory().endCopyOnWrite();
        }
        if (failover) {
            live.sessionEnded(generation, why);
        }
    }

    // --- handshake ----------------------------------------------------------------------------------------------

    private void connect() throws IOException {
        socket = new Socket();
        try {
            socket.connect(peer, 2000);
        } catch (IOException e) {
            throw new IOException("no backup answers at " + peer.getHostString() + ":" + peer.getPort() + " (" + e.getMessage() + ")");
        }
        socket.setTcpNoDelay(true);
        BufferedInputStream raw = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        in = new DataInputStream(raw);
        out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
        Handshake.Hello hello = new Handshake.Hello(o.mode(), live.pair(), vm.program().spec(), vm.memory().bytes(), generation, o.epochMillis(),
                o.sealing()).signed(o.authKey());
        channel = openChannel(socket, raw, in, out, hello, o, peer, stats::wireBytes);
        lastHeard = System.nanoTime();
        Thread reader = new Thread(this::read, "ft-primary-reader-" + live.pair());
        reader.setPriority(Thread.MAX_PRIORITY);
        reader.setDaemon(true);
        reader.start();
        Thread beat = new Thread(this::heartbeat, "ft-primary-heartbeat-" + live.pair());
        beat.setPriority(Thread.MAX_PRIORITY);
        beat.setDaemon(true);
        beat.start();
        // apart from the writers: a write to a backup that stopped reading (hung, its link down) blocks once the socket's
        // buffers are full, and the silence must still be noticed
        Thread watchdog = new Thread(this::watchdog, "ft-primary-watchdog-" + live.pair());
        watchdog.setPriority(Thread.MAX_PRIORITY);
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * The primary's side of the handshake (also {@link MachinePrimary}'s): HELLO out, then within the deadline a WELCOME
     * that proves the pair's key — a refusal, another message, or a peer that does not speak the protocol (named by
     * what it answered) ends it — and the sealed channel.
     */
    static FtChannel openChannel(Socket socket, BufferedInputStream raw, DataInputStream in, DataOutputStream out, Handshake.Hello hello,
            FtOptions o, InetSocketAddress peer, java.util.function.LongConsumer sentBytes) throws IOException {
        byte[] helloBytes = hello.encode();
        Wire.write(out, Wire.HELLO, helloBytes);
        raw.mark(64);
        Wire.Frame f;
        // a deadline for the whole answer, not per read: a peer that dribbles bytes does not hold this protection open
        try (Deadline d = Deadline.closeAfter(socket, Deadline.HANDSHAKE_MILLIS)) {
            try {
                f = Wire.read(in, Wire.MAX_HANDSHAKE);
            } catch (FtProtocolException | EOFException | java.net.SocketException e) {
                int n = 0;
                byte[] first = new byte[64];
                try {
                    raw.reset();
                    n = raw.read(first, 0, Math.min(64, Math.max(0, raw.available())));
                } catch (IOException closed) {
                    // what is buffered, if anything, is all there is to name
                }
                throw new FtProtocolException("the peer at " + peer.getPort() + " does not speak the Lockstep FT protocol: it answered "
                        + (n <= 0 ? "nothing" + (d.expired() ? " within " + Deadline.HANDSHAKE_MILLIS + " ms" : "") : Wire.describeForeign(java.util.Arrays.copyOf(first, n))));
            }
            if (f.type() == Wire.ERROR) {
                throw new FtProtocolException("the backup refused: " + readRefusal(f));
            }
            if (f.type() != Wire.WELCOME) {
                throw new FtProtocolException("expected WELCOME from the backup, found " + f.name());
            }
            Handshake.Welcome welcome = Handshake.Welcome.decode(f.payload());
            if (!welcome.verifies(helloBytes, o.authKey())) {
                throw new FtProtocolException("the peer at " + peer.getPort() + " answered WELCOME without proving it holds the pair's key: not this "
                        + "VM's backup");
            }
            FtChannel channel = FtChannel.primary(in, out, o.sealing(), Handshake.keys(o.authKey(), hello.nonce(), welcome.nonce()), sentBytes);
            if (!d.cancel()) {
                throw new IOException("the handshake with the backup at " + peer.getPort() + " took longer than " + Deadline.HANDSHAKE_MILLIS + " ms");
            }
            return channel;
        }
    }

    /** The text of a refusal; a malformed one is named as such. */
    static String readRefusal(Wire.Frame f) {
        try {
            return f.in().readUTF();
        } catch (IOException e) {
            return "(an ERROR message of " + f.payload().length + " bytes that is not a sentence)";
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
                end("no word from the backup for " + silent + " ms", true);
                return;
            }
        }
    }

    private void read() {
        try {
            while (!ended) {
                Wire.Frame f = channel.read();
                lastHeard = System.nanoTime();
                Wire.Payload d = f.in();
                try {
                    handle(f, d);
                } catch (EOFException e) {
                    throw d.truncated(); // the message was short, the connection is fine
                }
            }
        } catch (Throwable e) {
            end(describe(e), true);
        }
    }

    private void handle(Wire.Frame f, Wire.Payload d) throws IOException {
        switch (f.type()) {
            case Wire.ACK -> {
                long epoch = d.readLong();
                boolean digestOk = d.readBoolean();
                long ackAt = System.nanoTime();
                long release = -1;
                long[] profile = null;
                synchronized (acks) {
                    ackedEpoch = Math.max(ackedEpoch, epoch);
                    digestsOkInAck = digestOk ? 1 : 0;
                    if (epoch == committedEpoch) {
                        release = committedPosition;
                        if (committedHeld != 0) {
                            profile = new long[] {committedHeld, committedPauseStart, committedPauseEnd, committedShipped};
                        }
                    }
                    acks.notifyAll();
                }
                if (release >= 0) {
                    live.nic().releaseThrough(release - 1); // here, not after the epoch's thread wakes: a client waits for it
                }
                if (profile != null) {
                    stats.phases(Math.max(0, profile[1] - profile[0]), profile[2] - profile[1], profile[3] - profile[2], ackAt - profile[3],
                            System.nanoTime() - ackAt);
                }
            }
            case Wire.PROGRESS -> progress(d.readLong(), d.readLong());
            case Wire.VERIFIED -> {
                d.readLong();
                if (d.readBoolean()) {
                    stats.digestVerified();
                }
            }
            case Wire.HEARTBEAT -> {
            }
            case Wire.ERROR -> throw new FtProtocolException("the backup stopped: " + readRefusal(f));
            default -> throw new FtProtocolException("unexpected " + f.name() + " from the backup");
        }
    }

    private void heartbeat() {
        byte[] empty = new byte[0];
        while (!ended) {
            try {
                Thread.sleep(o.heartbeatMillis());
                if (ended) {
                    return;
                }
                channel.write(Wire.HEARTBEAT, empty);
            } catch (InterruptedException | IOException e) {
                end(describe(e), true);
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

    // --- the first sync -----------------------------------------------------------------------------------------

    /** Every page, sent while the guest runs (copy-on-write), as epoch 0; returns its position. */
    private long fullSync() throws IOException, InterruptedException {
        GuestMemory memory = vm.memory();
        sentEpoch = new long[memory.pageCount()];
        pageBytes = 0;
        long t0 = System.nanoTime();
        vm.pause();
        byte[] device;
        long position;
        byte[] digest;
        try {
            memory.takeDirty();
            if (o.mode() == FtMode.REPLAY) {
                vm.addRecorder(recorder); // every input from this position on goes to the backup
            }
            memory.beginCopyOnWrite();
            device = vm.deviceStateBytes();
            position = vm.position();
            digest = o.verifyDigests() ? vm.digest() : new byte[0];
        } finally {
            vm.resume();
        }
        long pause = System.nanoTime() - t0;
        int[] counts = new int[4];
        try {
            List<byte[]> batch = new ArrayList<>();
            for (int i = 0; i < memory.pageCount(); i++) {
                byte[] p = memory.frozenPage(i);
                if (p == null || isZero(p)) {
                    continue;
                }
                batch.add(encodePage(0, i, p, counts));
                if (batch.size() == PAGES_PER_MESSAGE) {
                    sendPages(0, batch);
                }
            }
            sendPages(0, batch);
        } finally {
            memory.endCopyOnWrite();
        }
        List<DiskWrite> writes = live.disk().heldBetween(Long.MIN_VALUE, position);
        commit(0, position, counts[0], device, digest, writes);
        awaitAck(0, o.failAfterMillis() + vm.memory().bytes() / 50_000); // 50 MB/s at the least for the first copy
        afterAck(position);
        boolean checked;
        synchronized (acks) {
            checked = digest.length > 0 && digestsOkInAck == 1;
        }
        stats.epoch(pause, counts[0], counts[1], counts[2], counts[3], pageBytes, checked, writes.size());
        live.protectedNow(o.mode().name().toLowerCase() + " with the backup at " + peer.getPort() + ": " + counts[0] + " pages synced at position "
                + position, position);
        return position;
    }

    private static boolean isZero(byte[] p) {
        for (byte b : p) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Encodes one page against the copy the backup holds: a difference, the whole page, or "zero". */
    private byte[] encodePage(long epoch, int index, byte[] page, int[] counts) {
        counts[0]++;
        return Wire.body(out -> {
            out.writeInt(index);
            if (page == null || isZero(page)) {
                out.writeByte(2);
                counts[3]++;
                lastSent.remove(index);
                sentEpoch[index] = epoch;
                return;
            }
            byte[] base = lastSent.get(index);
            byte[] diff = base == null ? null : PageDiff.encode(base, page);
            if (diff != null) {
                out.writeByte(1);
                out.writeLong(sentEpoch[index]);
                out.writeInt(diff.length);
                out.write(diff);
                counts[1]++;
                pageBytes += diff.length;
            } else {
                out.writeByte(0);
                out.write(page);
                counts[2]++;
                pageBytes += page.length;
            }
            if (base != null) {
                System.arraycopy(page, 0, base, 0, page.length); // the copy kept is reused: no page of garbage per page sent
            } else {
                lastSent.put(index, page);
            }
            sentEpoch[index] = epoch;
        });
    }

    private long pageBytes;

    private void sendPages(long epoch, List<byte[]> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        int size = 12;
        for (byte[] b : batch) {
            size += b.length;
        }
        java.nio.ByteBuffer msg = java.nio.ByteBuffer.allocate(size);
        msg.putLong(epoch).putInt(batch.size());
        for (byte[] b : batch) {
            msg.put(b);
        }
        channel.writeBuffered(Wire.PAGES, msg.array()); // the COMMIT that follows flushes it
        batch.clear();
    }

    private void commit(long epoch, long position, int pages, byte[] device, byte[] digest, List<DiskWrite> writes) throws IOException {
        synchronized (acks) {
            committedEpoch = epoch;
            committedPosition = position;
        }
        channel.write(Wire.COMMIT, Wire.body(d -> {
            d.writeLong(epoch);
            d.writeLong(position);
            d.writeLong(live.disk().flushedThrough());
            d.writeInt(pages);
            d.writeInt(device.length);
            d.write(device);
            d.writeByte(digest.length);
            d.write(digest);
            d.writeInt(writes.size());
            for (DiskWrite w : writes) {
                d.writeLong(w.position());
                d.writeLong(w.lba());
                d.writeInt(w.data().length);
                d.write(w.data());
            }
        }));
    }

    /** The backup holds the state at {@code position}: what the guest did before it may leave. */
    private void afterAck(long position) throws IOException {
        live.nic().releaseThrough(position - 1);
        live.disk().release(position);
    }

    // --- checkpointing --------------------------------------------------------------------------------------------

    private void checkpointLoop(long position) throws IOException, InterruptedException {
        GuestMemory memory = vm.memory();
        int words = (memory.pageCount() + 63) / 64;
        long[] previous = new long[words];
        long lastPosition = position;
        long epoch = 0;
        long period = TimeUnit.MILLISECONDS.toNanos(o.epochMillis());
        long next = System.nanoTime() + period;
        long lastStart = System.nanoTime();
        long lastPause = 0;
        shipper = Thread.currentThread();
        live.nic().onHeld(outputHeld);
        while (!ended) {
            boolean early = false;
            while (!ended) {
                shipperParked = true; // before reading what is held: an output held from now on unparks this thread
                long due = next;
                if (o.earlyEpochMicros() > 0 && newestHeld >= lastPosition) {
                    // a client waits for output this epoch produced: end it as soon as the bounds allow
                    due = Math.min(due, lastStart + Math.max(o.earlyEpochMicros() * 1000L, FtTiming.EARLY_EPOCH_PAUSES * lastPause));
                }
                long wait = due - System.nanoTime();
                if (wait <= 0) {
                    early = due < next;
                    break;
                }
                LockSupport.parkNanos(this, wait); // (a park can return early: an unpark, a spurious wake-up)
            }
            shipperParked = false;
            if (ended) {
                break;
            }
            // a fixed rate: the next epoch is due one period after this one was due (not after this one's work ended),
            // so the time an epoch takes to ship does not stretch the period; a primary that fell a whole period behind
            // does not rush to catch up. An early epoch starts the period again.
            next = early ? System.nanoTime() + period : Math.max(next + period, System.nanoTime());
            epoch++;
            if (early) {
                stats.earlyEpoch();
            }
            long t0 = System.nanoTime();
            lastStart = t0;
            vm.pause();
            long held = heldSince; // outputs held from here on are the next epoch's
            heldSince = 0;
            long[] dirty;
            Map<Integer, byte[]> hot = new java.util.HashMap<>();
            byte[] device;
            byte[] digest;
            long now;
            try {
                dirty = memory.takeDirty();
                long[] cold = new long[words];
                for (int w = 0; w < words; w++) {
                    long h = dirty[w] & previous[w]; // written last epoch and this one: likely written again at once
                    cold[w] = dirty[w] & ~previous[w];
                    for (long bits = h; bits != 0; bits &= bits - 1) {
                        int page = w * 64 + Long.numberOfTrailingZeros(bits);
                        hot.put(page, memory.pageCopy(page));
                    }
                }
                memory.beginCopyOnWrite(cold); // the rest is read after the guest runs again
                device = vm.deviceStateBytes();
                now = vm.position();
                digest = o.verifyDigests() ? vm.digest() : new byte[0];
            } finally {
                vm.resume();
            }
            long pause = System.nanoTime() - t0;
            lastPause = pause;
            previous = dirty;
            int[] counts = new int[4];
            pageBytes = 0;
            try {
                List<byte[]> batch = new ArrayList<>();
                for (int w = 0; w < words; w++) {
                    for (long bits = dirty[w]; bits != 0; bits &= bits - 1) {
                        int page = w * 64 + Long.numberOfTrailingZeros(bits);
                        byte[] content = hot.containsKey(page) ? hot.get(page) : memory.frozenPage(page);
                        batch.add(encodePage(epoch, page, content, counts));
                        if (batch.size() == PAGES_PER_MESSAGE) {
                            sendPages(epoch, batch);
                        }
                    }
                }
                sendPages(epoch, batch);
            } finally {
                memory.endCopyOnWrite();
            }
            List<DiskWrite> writes = live.disk().heldBetween(lastPosition, now);
            synchronized (acks) {
                committedHeld = held;
                committedPauseStart = t0;
                committedPauseEnd = t0 + pause;
                committedShipped = System.nanoTime();
            }
            commit(epoch, now, counts[0], device, digest, writes);
            awaitAck(epoch, o.failAfterMillis());
            afterAck(now);
            boolean checked;
            synchronized (acks) {
                checked = digest.length > 0 && digestsOkInAck == 1;
            }
            stats.epoch(pause, counts[0], counts[1], counts[2], counts[3], pageBytes, checked, writes.size());
            lastPosition = now;
        }
    }

    // --- replay ---------------------------------------------------------------------------------------------------

    private void replayLoop() throws IOException, InterruptedException {
        long sentFrontier = -1;
        Thread controller = new Thread(this::controlLag, "ft-lag-" + live.pair());
        controller.setDaemon(true);
        controller.start();
        long lastVerify = System.nanoTime();
        shipper = Thread.currentThread();
        live.nic().onHeld(outputHeld);
        int idleRounds = 0;
        long sentAt = 0;
        while (!ended) {
            if (o.verifyDigests() && System.nanoTime() - lastVerify > 100_000_000) {
                sentFrontier = verifyDigest();
                sentAt = System.nanoTime();
                lastVerify = System.nanoTime();
                continue;
            }
            // one EVENTS message unacknowledged at a time, for 0.5 ms at most: a lone client's output goes at once (the last
            // acknowledgement is long back), and under load the next message carries everything that came meanwhile —
            // batched, one round trip behind, the guest running all along
            long inFlight = System.nanoTime() - sentAt;
            if (ackedFrontier < sentFrontier && inFlight < 500_000) {
                shipperParked = true; // before reading the acknowledgement: a PROGRESS from now on unparks this thread
                if (ackedFrontier < sentFrontier) {
                    LockSupport.parkNanos(this, 500_000 - inFlight);
                }
                shipperParked = false;
                continue;
            }
            long frontier = vm.frontier(); // read before draining: every input stamped below it is queued by now
            // an output held at a position the frontier has not passed: the step that produced it is ending, and its
            // frontier releases the output — give the vCPU the core until that step (not a later one) is over, and send
            // once (not the step's inputs now and its frontier a round trip later)
            long awaited = newestHeld;
            for (int y = 0; awaited >= frontier && y < 1_000 && !ended; y++) {
                Thread.yield();
                frontier = vm.frontier();
            }
            List<InputEvent> batch = new ArrayList<>();
            for (InputEvent e; batch.size() < 4096 && (e = events.poll()) != null;) { // (the size first: no input polled and dropped)
                batch.add(e);
            }
            if (!batch.isEmpty() || frontier != sentFrontier) {
                long f = batch.size() == 4096 ? Math.min(frontier, batch.get(batch.size() - 1).position()) : frontier;
                sendEvents(f, batch);
                sentFrontier = f;
                sentAt = System.nanoTime();
                synchronized (positionTimes) {
                    if (positionTimes.isEmpty() || positionTimes.peekLast()[0] < f) {
                        positionTimes.add(new long[] {f, System.nanoTime()});
                    }
                }
                idleRounds = 0;
            } else {
                shipperParked = true; // before reading what is held: an output held from now on unparks this thread
                if (newestHeld < sentFrontier || ++idleRounds > 3) { // (a vCPU stopped mid-step is not waited for by spinning)
                    LockSupport.parkNanos(this, 500_000); // inputs alone can wait this long; a held output wakes it at once
                }
                shipperParked = false;
            }
        }
    }

    /** One EVENTS message: the frontier (every input below it is in this or an earlier message), what is durable, the inputs. */
    private void sendEvents(long frontier, List<InputEvent> batch) throws IOException {
        byte[] body = Wire.body(d -> {
            d.writeLong(frontier);
            d.writeLong(live.disk().flushedThrough());
            d.writeInt(batch.size());
            for (InputEvent ev : batch) {
                ev.write(d);
            }
        });
        channel.write(Wire.EVENTS, body);
        stats.events(batch.size(), body.length);
    }

    /**
     * With the guest paused at position p: sends every input below p, then the state digest at p, which the
     * backup compares when its replay reaches p (it cannot pass p before the next inputs arrive).
     */
    private long verifyDigest() throws IOException, InterruptedException {
        vm.pause();
        try {
            long p = vm.frontier();
            byte[] digest = vm.digest();
            List<InputEvent> batch = new ArrayList<>();
            InputEvent e;
            while ((e = events.poll()) != null) {
                batch.add(e);
            }
            sendEvents(p, batch);
            channel.write(Wire.DIGEST, Wire.body(d -> {
                d.writeLong(p);
                d.write(digest);
            }));
            return p;
        } finally {
            vm.resume();
        }
    }

    /** The backup has every input below {@code receivedFrontier} and has executed up to {@code executed}. */
    private void progress(long receivedFrontier, long executed) throws IOException {
        live.nic().releaseThrough(receivedFrontier - 1);
        ackedFrontier = Math.max(ackedFrontier, receivedFrontier); // (this reader thread alone writes it)
        Thread t = shipper;
        if (t != null && shipperParked) {
            LockSupport.unpark(t); // the next EVENTS may go
        }
        live.disk().release(receivedFrontier);
        backupExecuted = executed;
        long now = System.nanoTime();
        synchronized (positionTimes) {
            while (!positionTimes.isEmpty() && positionTimes.peekFirst()[0] <= executed) {
                positionTimes.pollFirst();
            }
            long[] first = positionTimes.peekFirst();
            // the primary passed the backup's position at first[1]: the backup is that far behind
            lagMillis = first == null ? 0 : (now - first[1]) / 1e6;
        }
    }

    /**
     * Every 20 ms: records the lag and the CPU share; with the controller on, a PI controller aims the lag at 60% of
     * the target: the integral part finds the share at which the primary runs as fast as the backup replays, the
     * proportional part brakes hard when the lag jumps and lets go when the backup has caught up.
     */
    private void controlLag() {
        double integral = vm.cpuShare();
        while (!ended) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
            double lag = lagMillis;
            if (o.lagControl()) {
                double error = (o.lagTargetMillis() * 0.6 - lag) / o.lagTargetMillis();
                integral = Math.max(0.05, Math.min(1.0, integral + 0.02 * error));
                vm.setCpuShare(Math.max(0.01, Math.min(1.0, integral + 0.3 * error)));
            }
            stats.lag(lag, vm.cpuShare());
        }
        if (o.lagControl()) {
            vm.setCpuShare(1.0);
        }
    }
}
