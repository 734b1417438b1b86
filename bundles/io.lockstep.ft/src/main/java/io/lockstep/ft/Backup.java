package io.lockstep.ft;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.lockstep.vdisk.DiskChain;
import io.lockstep.vm.GuestMemory;
import io.lockstep.vm.GuestRegistry;
import io.lockstep.vm.InputEvent;
import io.lockstep.vm.NicAddress;
import io.lockstep.vm.Vm;

/**
 * The backup of an FT pair: listens (on loopback, or on its host's address) for its primary, holds the guest's state (checkpointing) or
 * replays its inputs (replay), and goes live when it loses the primary and wins the pair's go-live record. A
 * primary that sends something wrong (damaged, out of order, another guest, another protocol version) is refused
 * with the reason, and the backup does not go live: that primary is alive and runs on unprotected.
 * <p>
 * Each connection is handshaken on a thread of its own, within {@link Deadline#HANDSHAKE_MILLIS} of its acceptance
 * and at most {@link #MAX_PENDING_HANDSHAKES} at once (the oldest is dropped for a newer one): a peer that connects and
 * dribbles, or many of them, cannot keep the real primary out. Only a primary that proved it holds the pair's key
 * gets a session, one at a time. Whatever a session throws — an Error included — refuses that connection; the
 * backup keeps accepting.
 */
public final class Backup implements AutoCloseable {

    public enum State {
        WAITING, SYNCING, IN_SYNC, LIVE, HALTED
    }

    private final String pair;
    private final String guestSpec;
    private final long memoryBytes;
    private final Path sharedDisk;
    private final GoLive goLive;
    private final int servicePort;
    private final NicAddress service;
    private volatile Fence fence;
    private final long timerMillis;
    private final FtOptions local;
    private final double cpuShare;
    private final Consumer<FtStatus> status;
    private final ServerSocket server;
    private volatile State state = State.WAITING;
    private volatile LiveVm live;
    private volatile boolean closed;

    /** Handshakes in progress at once; a newer connection drops the oldest (a real primary's takes a round trip). */
    static final int MAX_PENDING_HANDSHAKES = 8;
    /** The accepting loop, the handshake and the session slot (shared with {@link MachineBackup}). */
    private BackupDoor door;

    /**
     * @param guestSpec    the guest this backup runs (a primary of another guest is refused)
     * @param sharedDisk   the top of the shared disk's delta chain (opened read-only until this backup goes live)
     * @param listenPort   the loopback port primaries connect to (0: any)
     * @param servicePort  the loopback port the guest's NIC takes when this backup goes live
     * @param local        heartbeat, failure and settle times on this side
     * @param cpuShare     the share of a core the replaying guest may use (a slower backup host)
     */
    public Backup(String pair, String guestSpec, long memoryBytes, Path sharedDisk, GoLive goLive, int listenPort, int servicePort,
            long timerMillis, FtOptions local, double cpuShare, Consumer<FtStatus> status) throws IOException {
        this(pair, guestSpec, memoryBytes, sharedDisk, goLive, InetAddress.getLoopbackAddress(), listenPort, NicAddress.loopback(), servicePort,
                timerMillis, local, cpuShare, status);
    }

    /**
     * A backup whose primary connects from another host: it listens on {@code listenAddress} (this host's address in
     * the datacenter network) and, once live, serves the VM at {@code service} (the VM's own address, taken over).
     */
    public Backup(String pair, String guestSpec, long memoryBytes, Path sharedDisk, GoLive goLive, InetAddress listenAddress, int listenPort,
            NicAddress service, int servicePort, long timerMillis, FtOptions local, double cpuShare, Consumer<FtStatus> status) throws IOException {
        String keyProblem = Handshake.keyProblem(local.authKey());
        if (keyProblem != null) {
            throw new IllegalArgumentException("the backup of " + pair + " cannot start: " + keyProblem);
        }
        GuestRegistry.create(guestSpec); // a bad name is refused here, before anyone connects
        new GuestMemory(memoryBytes);
        this.pair = pair;
        this.guestSpec = GuestRegistry.create(guestSpec).spec();
        this.memoryBytes = memoryBytes;
        this.sharedDisk = sharedDisk;
        this.goLive = goLive;
        this.servicePort = servicePort;
        this.service = service;
        this.timerMillis = timerMillis;
        this.local = local;
        this.cpuShare = cpuShare;
        this.status = status;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(listenAddress, listenPort));
        this.door = new BackupDoor(pair, server);
        Thread t = new Thread(this::serve, "ft-backup-" + pair);
        t.setPriority(Thread.MAX_PRIORITY); // (effective with -XX:ThreadPriorityPolicy=1; see docs/agent.md)
        t.setDaemon(true);
        t.start();
    }

    /**
     * What a backup that won the go-live record does before its VM serves or writes anything: fence the old primary
     * at the storage (its host's registration preempted when its heartbeat stood still, or its lock on the VM given up
     * by the old primary itself when it halted). A failure is retried, never a reason to halt: the record says this side
     * runs the VM.
     */
    @FunctionalInterface
    public interface Fence {
        /** Returns once the old primary can no longer write; {@code why} is why the primary was lost. */
        void fence(String why) throws Exception;
    }

    /** Sets the fence a go-live runs first (before any primary connects). */
    public void fenceBeforeServing(Fence f) {
        this.fence = f;
    }

    public int port() {
        return server.getLocalPort();
    }

    public State state() {
        return state;
    }

    /** The VM once this backup went live (null before). */
    public LiveVm live() {
        return live;
    }

    private void serve() {
        door.serve(() -> !closed && state != State.LIVE && state != State.HALTED, s -> new Session(s).run(), why -> report(FtState.REFUSED, why));
    }

    private void handshaken(Socket s) {
        door.handshaken(s);
    }

    private static void closeQuietly(Socket s) {
        BackupDoor.closeQuietly(s);
    }

    /** A status that must not end the thread that reports it (the consumer is the caller's code). */
    private void report(FtState state, String why) {
        try {
            status.accept(FtStatus.of(state, why));
        } catch (Throwable ignored) {
            // reporting failed: the backup goes on regardless
        }
    }

    /** One primary, from its handshake to the end of the connection. */
    private final class Session {
        private final Socket socket;
        private DataInputStream in;
        private DataOutputStream out;
        private volatile FtChannel channel;
        private boolean active; // holds the session slot: this connection's primary is the one served
        private volatile long lastHeard = System.nanoTime();
        private volatile boolean over;
        private volatile boolean refused;
        private Vm vm;
        private BackupDisk disk;
        private DiskChain chain;
        private Handshake.Hello hello;
        private long applied = -1;
        private long position;
        private long[] version;
        private final List<Object[]> staged = new ArrayList<>(); // {index, content}
        private long stagedEpoch = -1;
        private StreamSource source;

        Session(Socket socket) {
            this.socket = socket;
        }

        void run() {
            try {
                converse();
            } catch (Throwable e) {
                // a bug or an Error (out of memory …) refuses this primary, which runs on unprotected and says so; the
                // backup keeps accepting
                try {
                    refuse("the backup failed serving this primary: " + e);
                } catch (Throwable ignored) {
                    closeQuietly(socket);
                }
            } finally {
                handshaken(socket);
                if (active) {
                    active = false;
                    door.releaseSlot();
                }
            }
        }

        private void converse() throws IOException {
            String lost = null;
            try {
                socket.setTcpNoDelay(true);
                in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
                out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
                handshake();
                Thread beat = new Thread(this::heartbeat, "ft-backup-heartbeat-" + pair);
                beat.setPriority(Thread.MAX_PRIORITY);
                beat.setDaemon(true);
                beat.start();
                // apart from the writer: a write to a primary that stopped reading (hung, its link down) blocks once the
                // socket's buffers are full, and the silence must still be noticed
                Thread watchdog = new Thread(this::watchdog, "ft-backup-watchdog-" + pair);
                watchdog.setPriority(Thread.MAX_PRIORITY);
                watchdog.setDaemon(true);
                watchdog.start();
                while (!over) {
                    Wire.Frame f = channel.read();
                    lastHeard = System.nanoTime();
                    Wire.Payload d = f.in();
                    try {
                        handle(f, d);
                    } catch (EOFException e) {
                        throw d.truncated(); // the message was short, not the connection closed
                    }
                }
            } catch (FtProtocolException e) {
                refuse(e.getMessage());
                return;
            } catch (EOFException | SocketException e) {
                lost = "the primary's connection closed";
            } catch (IOException e) {
                lost = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lost = "interrupted";
            }
            if (!active) {
                close(); // it never got through the handshake (closed, dropped or past its deadline): nothing to lose
                return;
            }
            if (refused || over && lost == null) {
                return; // this side refused the primary (it runs on unprotected) or the primary ended protection
            }
            primaryLost(lost == null ? "no word from the primary for more than " + local.failAfterMillis() + " ms" : lost);
        }

        private void handshake() throws IOException, InterruptedException {
            BackupDoor.Admitted a = door.admit(socket, in, out, local, guestSpec, memoryBytes, h -> null, () -> active = true,
                    () -> closed || state == State.LIVE || state == State.HALTED ? "this backup is " + (closed ? "closed" : state.name().toLowerCase()) : null);
            hello = a.hello();
            channel = a.channel();
            vm = new Vm(pair + "-backup", GuestRegistry.create(guestSpec), memoryBytes, null, cpuShare);
            chain = DiskChain.open(sharedDisk, false);
            disk = new BackupDisk(chain, vm::position);
            vm.setDisk(disk);
            version = new long[vm.memory().pageCount()];
            state = State.SYNCING;
            status.accept(FtStatus.of(FtState.SYNCING, hello.mode().name().toLowerCase() + " from the primary (go-live generation "
                    + hello.generation() + ")"));
        }

        private void handle(Wire.Frame f, Wire.Payload d) throws IOException, InterruptedException {
            switch (f.type()) {
                case Wire.PAGES -> pages(d);
                case Wire.COMMIT -> commit(d);
                case Wire.EVENTS -> events(d);
                case Wire.DIGEST -> digest(d);
                case Wire.HEARTBEAT -> {
                }
                case Wire.ERROR -> {
                    over = true;
                    status.accept(FtStatus.of(FtState.WAITING, "the primary ended protection: " + d.readUTF()));
                    discard();
                }
                default -> throw new FtProtocolException("unexpected " + f.name() + " from the primary");
            }
        }

        private void expectEpoch(long epoch, String what) throws FtProtocolException {
            long expected = applied + 1;
            if (epoch != expected) {
                throw new FtProtocolException("out of order: " + what + " of epoch " + epoch + " after epoch " + applied
                        + " (expected epoch " + expected + ")");
            }
        }

        private void pages(Wire.Payload d) throws IOException {
            long epoch = d.readLong();
            expectEpoch(epoch, "pages");
            if (hello.mode() == FtMode.REPLAY && applied >= 0) {
                throw new FtProtocolException("pages after the first sync in replay mode");
            }
            stagedEpoch = epoch;
            int n = d.count(d.readInt(), 5, "pages");
            GuestMemory m = vm.memory();
            for (int i = 0; i < n; i++) {
                int index = d.readInt();
                if (index < 0 || index >= m.pageCount()) {
                    throw new FtProtocolException("epoch " + epoch + ": page " + index + " is outside the guest's " + m.pageCount() + " pages");
                }
                int kind = d.readUnsignedByte();
                byte[] content;
                switch (kind) {
                    case 0 -> {
                        content = d.bytes(GuestMemory.PAGE, "page " + index);
                    }
                    case 1 -> {
                        long base = d.readLong();
                        int length = d.readInt();
                        if (length < 0 || length > GuestMemory.PAGE) {
                            throw new FtProtocolException("epoch " + epoch + ": a difference of " + length + " bytes for page " + index);
                        }
                        if (base != version[index]) {
                            throw new FtProtocolException("epoch " + epoch + ": page " + index + " comes as a difference from its version of epoch "
                                    + base + " but this backup holds the version of epoch " + version[index]);
                        }
                        byte[] diff = d.bytes(length, "the difference for page " + index);
                        byte[] current = m.pageCopy(index);
                        content = PageDiff.apply(current == null ? new byte[GuestMemory.PAGE] : current, diff);
                    }
                    case 2 -> content = null;
                    default -> throw new FtProtocolException("epoch " + epoch + ": page " + index + " has encoding " + kind + " (expected 0-2)");
                }
                staged.add(new Object[] {index, content});
            }
        }

        private void commit(Wire.Payload d) throws IOException {
            long epoch = d.readLong();
            expectEpoch(epoch, "the commit");
            long at = d.readLong();
            long flushedThrough = d.readLong();
            int pages = d.readInt();
            byte[] device = d.bytes(d.readInt(), "the device state");
            byte[] digest = d.bytes(d.readUnsignedByte(), "the state digest");
            int writes = d.count(d.readInt(), 20, "disk writes");
            List<DiskWrite> diskWrites = new ArrayList<>(writes);
            for (int i = 0; i < writes; i++) {
                long p = d.readLong();
                long lba = d.readLong();
                byte[] data = d.bytes(d.readInt(), "disk write " + i + "'s data");
                diskWrites.add(new DiskWrite(p, lba, data));
            }
            int have = stagedEpoch == epoch ? staged.size() : 0;
            if (pages != have) {
                throw new FtProtocolException("epoch " + epoch + " commits " + pages + " pages but " + have + " arrived");
            }
            if (at < position) {
                throw new FtProtocolException("epoch " + epoch + " is at position " + at + ", before epoch " + applied + "'s " + position);
            }
            // everything is checked: apply the epoch as a whole
            GuestMemory m = vm.memory();
            for (Object[] s : staged) {
                m.loadPage((Integer) s[0], (byte[]) s[1]);
                version[(Integer) s[0]] = epoch;
            }
            staged.clear();
            vm.restoreDeviceState(device);
            for (DiskWrite w : diskWrites) {
                disk.keep(w);
            }
            disk.trim(flushedThrough);
            boolean digestOk = false;
            if (digest.length > 0) {
                byte[] mine = vm.digest();
                if (!Arrays.equals(mine, digest)) {
                    throw new FtProtocolException("epoch " + epoch + ": the state digest differs after applying it: primary "
                            + Vm.hex(digest).substring(0, 16) + "…, backup " + Vm.hex(mine).substring(0, 16) + "…");
                }
                digestOk = true;
            }
            applied = epoch;
            position = at;
            boolean ok = digestOk;
            channel.write(Wire.ACK, Wire.body(b -> {
                b.writeLong(epoch);
                b.writeBoolean(ok);
            }));
            if (epoch == 0) {
                state = State.IN_SYNC;
                status.accept(new FtStatus(FtState.IN_SYNC, "at position " + at + " (" + pages + " pages)", at));
                if (hello.mode() == FtMode.REPLAY) {
                    source = new StreamSource(at);
                    vm.replayFrom(source);
                    vm.start(false);
                }
            }
        }

        private void events(Wire.Payload d) throws IOException {
            if (hello.mode() != FtMode.REPLAY || source == null) {
                throw new FtProtocolException("inputs before the first sync finished" + (hello.mode() == FtMode.REPLAY ? "" : ", in checkpoint mode"));
            }
            long frontier = d.readLong();
            long flushedThrough = d.readLong();
            int n = d.count(d.readInt(), EVENT_HEADER, "input events");
            if (frontier < source.frontier()) {
                throw new FtProtocolException("out of order: inputs complete below position " + frontier + " after " + source.frontier());
            }
            List<InputEvent> events = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                InputEvent e = event(d, i);
                if (e.position() < position) {
                    throw new FtProtocolException("an input stamped " + e.position() + " from before the sync at " + position);
                }
                events.add(e);
            }
            source.add(events, frontier);
            disk.trim(flushedThrough);
            if (in.available() == 0) {
                sendProgress(); // one acknowledgement for a burst of EVENTS: the last one's, when nothing more has arrived
            }
        }

        /** position u64, kind u8, channel u32, length u32: what {@link InputEvent#read} reads before the payload. */
        private static final int EVENT_HEADER = 17;

        /** Input event {@code i}, its payload length checked against what remains before {@link InputEvent#read} allocates it. */
        private InputEvent event(Wire.Payload d, int i) throws IOException {
            if (d.remaining() < EVENT_HEADER) {
                throw d.truncated();
            }
            d.mark(EVENT_HEADER);
            d.skipNBytes(EVENT_HEADER - 4);
            int length = d.readInt();
            d.reset();
            if (length < 0 || length > d.remaining() - EVENT_HEADER) {
                throw new FtProtocolException("an EVENTS message: input " + i + " has a payload of " + length + " bytes, but "
                        + (d.remaining() - EVENT_HEADER) + " bytes remain");
            }
            try {
                return InputEvent.read(d);
            } catch (EOFException e) {
                throw d.truncated();
            } catch (IOException e) {
                throw new FtProtocolException("an EVENTS message: input " + i + ": " + e.getMessage());
            }
        }

        /** The primary's digest at position p: the replay stops there (it has not passed p: no inputs beyond yet) and compares. */
        private void digest(Wire.Payload d) throws IOException {
            if (source == null) {
                throw new FtProtocolException("a state digest before the first sync finished");
            }
            long p = d.readLong();
            byte[] expected = new byte[32];
            d.readFully(expected);
            if (p != source.frontier() || vm.position() > p) {
                throw new FtProtocolException("a state digest for position " + p + " while the inputs are complete below " + source.frontier()
                        + " and the replay is at " + vm.position());
            }
            vm.pauseAt(p);
            Thread check = new Thread(() -> {
                try {
                    if (!vm.awaitPausedAt(p, 30_000)) {
                        return; // the session ended meanwhile
                    }
                    byte[] mine = vm.digest();
                    vm.resume();
                    if (!Arrays.equals(mine, expected)) {
                        refuse("the replay's state at position " + p + " differs from the primary's: primary " + Vm.hex(expected).substring(0, 16)
                                + "…, backup " + Vm.hex(mine).substring(0, 16) + "…");
                        return;
                    }
                    channel.write(Wire.VERIFIED, Wire.body(b -> {
                        b.writeLong(p);
                        b.writeBoolean(true);
                    }));
                } catch (IOException | InterruptedException e) {
                    // the session is over
                }
            }, "ft-verify-" + pair);
            check.setDaemon(true);
            check.start();
        }

        private void sendProgress() throws IOException {
            long received = source.frontier();
            long executed = vm.frontier();
            channel.write(Wire.PROGRESS, Wire.body(b -> {
                b.writeLong(received);
                b.writeLong(executed);
            }));
        }

        /** No word from the primary for the failure time: the session ends as lost (closing the socket wakes reader and writer). */
        private void watchdog() {
            while (!over) {
                try {
                    Thread.sleep(Math.min(10, local.heartbeatMillis()));
                    if ((System.nanoTime() - lastHeard) / 1_000_000 > local.failAfterMillis()) {
                        over = true;
                        socket.close(); // the reader sees it and the session ends as lost
                        return;
                    }
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }

        private void heartbeat() {
            long lastBeat = 0;
            while (!over) {
                try {
                    Thread.sleep(hello.mode() == FtMode.REPLAY && source != null ? 5 : Math.min(10, local.heartbeatMillis()));
                    long now = System.nanoTime();
                    if (source != null) {
                        sendProgress(); // the lag estimate needs the executed position even when no input arrives
                    } else if ((now - lastBeat) / 1_000_000 >= local.heartbeatMillis()) {
                        channel.write(Wire.HEARTBEAT, new byte[0]);
                        lastBeat = now;
                    }
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }

        private void refuse(String why) {
            refused = true;
            over = true;
            try {
                byte[] text = Wire.body(b -> b.writeUTF(why.length() > 1000 ? why.substring(0, 1000) + "…" : why));
                FtChannel c = channel;
                if (c != null) {
                    c.write(Wire.ERROR, text); // sealed: the primary can tell it is from this backup
                } else if (out != null) {
                    Wire.write(out, Wire.ERROR, text);
                }
            } catch (IOException | RuntimeException ignored) {
                // the primary may be gone already
            }
            close();
            if (active) {
                discard();
            }
            report(FtState.REFUSED, why);
            if (active && state != State.LIVE && state != State.HALTED) {
                state = State.WAITING;
            }
        }

        private void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        private void discard() {
            if (vm != null) {
                try {
                    vm.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (chain != null) {
                try {
                    chain.close();
                } catch (IOException ignored) {
                    // read-only
                }
            }
            if (state != State.LIVE && state != State.HALTED) {
                state = State.WAITING;
            }
        }

        /** The primary is gone (or cut off): go live if this side has a whole state and wins the record. */
        private void primaryLost(String why) {
            over = true;
            close();
            if (state != State.IN_SYNC) {
                status.accept(FtStatus.of(FtState.WAITING, "lost the primary before the first sync finished (" + why + ")"));
                discard();
                return;
            }
            String stopped = BackupDoor.claim(goLive, hello.generation(), why, fence, status, () -> closed);
            if (stopped != null) {
                halt(stopped);
                return;
            }
            try {
                takeOver(why);
            } catch (Exception e) {
                halt("taking over failed: " + e);
            }
        }

        private void halt(String why) {
            discard();
            state = State.HALTED;
            status.accept(FtStatus.of(FtState.HALTED, why));
        }

        private void takeOver(String why) throws Exception {
            long at = position;
            if (hello.mode() == FtMode.REPLAY) {
                at = source.frontier(); // every input below it is here: replay up to it, drop the rest
                vm.pauseAt(at);
                if (!vm.awaitPausedAt(at, 30_000)) {
                    throw new IOException("the replay did not reach position " + at + " (it is at " + vm.position() + ", "
                            + (vm.failure() == null ? "no failure" : vm.failure().getMessage()) + ")");
                }
                vm.replayFrom(null);
            }
            List<DiskWrite> kept = disk.kept(at);
            DiskChain readOnly = DiskChain.open(sharedDisk, false);
            FtDisk ft = new FtDisk(readOnly, vm::position);
            ft.holdAll(kept);
            vm.setDisk(ft);
            chain.close();
            LiveVm.closeKnownConnections(vm);
            LiveVm now = new LiveVm(pair, vm, ft, service, servicePort, LiveVm.firstConnectionAfter(vm), timerMillis, goLive, false, true, status);
            live = now;
            state = State.LIVE;
            status.accept(new FtStatus(FtState.LIVE, "took over at position " + at + " (" + why + "); " + kept.size()
                    + " disk writes to replay; unprotected", at));
            Thread settle = new Thread(() -> {
                try {
                    Thread.sleep(local.settleMillis()); // the old primary's last disk flush is over by now
                    ft.reattach(DiskChain.open(sharedDisk, true));
                    ft.passThrough();
                    readOnly.close();
                    status.accept(new FtStatus(FtState.WRITING_DISK, "writing the shared disk", vm.position()));
                } catch (Exception e) {
                    now.halt("opening the shared disk for writing failed: " + e);
                }
            }, "ft-settle-" + pair);
            settle.setDaemon(true);
            settle.start();
            try {
                server.close(); // a live VM is protected by a new backup, not by becoming one
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        door.closePending();
        LiveVm l = live;
        if (l != null) {
            l.close();
        }
    }
}
