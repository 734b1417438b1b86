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
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The backup of an FT pair whose machine Lockstep holds from outside (a QEMU guest, issue 25): it keeps a copy of the
 * machine's memory in a {@link Replica} (a file the machine can start from), the last device state and the disk
 * writes not yet durable, from a {@link MachinePrimary}'s epochs — each staged whole, checked, then applied at once and
 * acknowledged, as {@link Backup} does for the Java guests. When it loses the primary after the first sync it claims
 * the pair's go-live record; winning it, it fences the old primary and starts the machine from the copy
 * ({@link Replica#goLive}); losing it, it stands down. A primary that sends anything wrong is refused, and the backup
 * does not go live (that primary runs on unprotected). Handshakes as {@link Backup}'s: a deadline each, at most
 * {@link Backup#MAX_PENDING_HANDSHAKES} at once, one session at a time, a replayed HELLO refused.
 */
public final class MachineBackup implements AutoCloseable {

    /** Where the backup keeps the machine, and how it starts it. */
    public interface Replica {
        /** The copy's page count (the machine's memory / 4 KiB). */
        int pages();

        /** The copy's page {@code page} (read-only view). */
        ByteBuffer page(int page);

        /** Writes page {@code page} of the copy (null: zero). */
        void writePage(int page, byte[] content);

        /**
         * Starts the machine from the copy and {@code device}, with {@code pending} disk writes (of the epochs it holds,
         * oldest first) written to the disk first: the old primary may not have made them durable.
         */
        void goLive(byte[] device, List<DiskWrite> pending, String why) throws Exception;

        /** The pair ended without this side going live: forget the copy. */
        void discard();
    }

    private final String pair;
    private final String guestSpec;
    private final long memoryBytes;
    private final Replica replica;
    private final GoLive goLive;
    private final FtOptions local;
    private final Consumer<FtStatus> status;
    private final ServerSocket server;
    private final BackupDoor door;
    private volatile Backup.State state = Backup.State.WAITING;
    private volatile boolean closed;
    private volatile Backup.Fence fence;

    public MachineBackup(String pair, String guestSpec, long memoryBytes, Replica replica, GoLive goLive, InetAddress listenAddress, int listenPort,
            FtOptions local, Consumer<FtStatus> status) throws IOException {
        String keyProblem = Handshake.keyProblem(local.authKey());
        if (keyProblem != null) {
            throw new IllegalArgumentException("the backup of " + pair + " cannot start: " + keyProblem);
        }
        if (replica.pages() != memoryBytes / PageDiff.PAGE) {
            throw new IllegalArgumentException("the backup of " + pair + ": expected a copy of " + memoryBytes / PageDiff.PAGE + " pages, found "
                    + replica.pages());
        }
        this.pair = pair;
        this.guestSpec = guestSpec;
        this.memoryBytes = memoryBytes;
        this.replica = replica;
        this.goLive = goLive;
        this.local = local;
        this.status = status;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(listenAddress, listenPort));
        this.door = new BackupDoor(pair, server);
        Thread t = new Thread(this::serve, "ft-machine-backup-" + pair);
        t.setPriority(Thread.MAX_PRIORITY);
        t.setDaemon(true);
        t.start();
    }

    /** The fence a go-live runs before the machine starts (retried until it succeeds). */
    public void fenceBeforeServing(Backup.Fence f) {
        this.fence = f;
    }

    public int port() {
        return server.getLocalPort();
    }

    public Backup.State state() {
        return state;
    }

    private void serve() {
        door.serve(() -> !closed && state != Backup.State.LIVE && state != Backup.State.HALTED, s -> new Session(s).run(),
                why -> report(FtState.REFUSED, why));
    }

    private static void closeQuietly(Socket s) {
        BackupDoor.closeQuietly(s);
    }

    private void report(FtState st, String why) {
        try {
            status.accept(FtStatus.of(st, why));
        } catch (Throwable ignored) {
            // the backup goes on regardless
        }
    }

    /** One primary, from its handshake to the end of its connection. */
    private final class Session {
        private final Socket socket;
        private FtChannel channel;
        private Handshake.Hello hello;
        private boolean active;
        private volatile boolean over;
        private volatile boolean refused;
        private volatile long lastHeard = System.nanoTime();
        private long applied = -1;
        private long[] version;
        private final List<Object[]> staged = new ArrayList<>();
        private long stagedEpoch = -1;
        private byte[] device;
        /** Disk writes the primary may not have made durable, oldest first (their position is the output epoch). */
        private final ArrayDeque<DiskWrite> kept = new ArrayDeque<>();

        Session(Socket socket) {
            this.socket = socket;
        }

        void run() {
            try {
                converse();
            } catch (Throwable e) {
                try {
                    refuse("the backup failed serving this primary: " + e);
                } catch (Throwable ignored) {
                    closeQuietly(socket);
                }
            } finally {
                door.handshaken(socket);
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
                DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
                handshake(in, out);
                daemon(this::heartbeat, "heartbeat");
                daemon(this::watchdog, "watchdog");
                while (!over) {
                    Wire.Frame f = channel.read();
                    lastHeard = System.nanoTime();
                    Wire.Payload d = f.in();
                    try {
                        switch (f.type()) {
                            case Wire.PAGES -> pages(d);
                            case Wire.COMMIT -> commit(d);
                            case Wire.HEARTBEAT -> {
                            }
                            case Wire.ERROR -> {
                                over = true;
                                status.accept(FtStatus.of(FtState.WAITING, "the primary ended protection: " + d.readUTF()));
                                discard();
                            }
                            default -> throw new FtProtocolException("unexpected " + f.name() + " from the primary");
                        }
                    } catch (EOFException e) {
                        throw d.truncated();
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
                closeQuietly(socket);
                return;
            }
            if (refused || over && lost == null) {
                return;
            }
            primaryLost(lost == null ? "no word from the primary for more than " + local.failAfterMillis() + " ms" : lost);
        }

        private void daemon(Runnable r, String what) {
            Thread t = new Thread(r, "ft-machine-backup-" + what + "-" + pair);
            t.setPriority(Thread.MAX_PRIORITY);
            t.setDaemon(true);
            t.start();
        }

        private void handshake(DataInputStream in, DataOutputStream out) throws IOException, InterruptedException {
            BackupDoor.Admitted a = door.admit(socket, in, out, local, guestSpec, memoryBytes,
                    h -> h.mode() == FtMode.CHECKPOINT ? null : "this backup holds a machine by checkpoints; the primary asks for " + h.mode().name().toLowerCase(),
                    () -> active = true, () -> closed || state == Backup.State.LIVE || state == Backup.State.HALTED
                            ? "this backup is " + (closed ? "closed" : state.name().toLowerCase()) : null);
            hello = a.hello();
            channel = a.channel();
            version = new long[replica.pages()];
            state = Backup.State.SYNCING;
            status.accept(FtStatus.of(FtState.SYNCING, "checkpoint from the primary (go-live generation " + hello.generation() + ")"));
        }

        private void pages(Wire.Payload d) throws IOException {
            long epoch = d.readLong();
            expectEpoch(epoch, "pages");
            stagedEpoch = epoch;
            int n = d.count(d.readInt(), 5, "pages");
            int count = replica.pages();
            byte[] base = new byte[PageDiff.PAGE];
            for (int i = 0; i < n; i++) {
                int index = d.readInt();
                if (index < 0 || index >= count) {
                    throw new FtProtocolException("epoch " + epoch + ": page " + index + " is outside the guest's " + count + " pages");
                }
                int kind = d.readUnsignedByte();
                byte[] content;
                switch (kind) {
                    case 0 -> content = d.bytes(PageDiff.PAGE, "page " + index);
                    case 1 -> {
                        long b = d.readLong();
                        int length = d.readInt();
                        if (length < 0 || length > PageDiff.PAGE) {
                            throw new FtProtocolException("epoch " + epoch + ": a difference of " + length + " bytes for page " + index);
                        }
                        if (b != version[index]) {
                            throw new FtProtocolException("epoch " + epoch + ": page " + index + " comes as a difference from its version of epoch " + b
                                    + " but this backup holds the version of epoch " + version[index]);
                        }
                        byte[] diff = d.bytes(length, "the difference for page " + index);
                        replica.page(index).get(0, base);
                        content = PageDiff.apply(base, diff);
                    }
                    case 2 -> content = null;
                    default -> throw new FtProtocolException("epoch " + epoch + ": page " + index + " has encoding " + kind + " (expected 0-2)");
                }
                staged.add(new Object[] {index, content});
            }
        }

        private void expectEpoch(long epoch, String what) throws FtProtocolException {
            if (epoch != applied + 1) {
                throw new FtProtocolException("out of order: " + what + " of epoch " + epoch + " after epoch " + applied + " (expected epoch "
                        + (applied + 1) + ")");
            }
        }

        private void commit(Wire.Payload d) throws IOException {
            long epoch = d.readLong();
            expectEpoch(epoch, "the commit");
            d.readLong(); // the output epoch it closed (the primary's bookkeeping)
            long flushedThrough = d.readLong();
            int pages = d.readInt();
            byte[] encodedDevice = d.bytes(d.readInt(), "the device state");
            d.bytes(d.readUnsignedByte(), "the state digest");
            int writes = d.count(d.readInt(), 20, "disk writes");
            List<DiskWrite> diskWrites = new ArrayList<>(writes);
            for (int i = 0; i < writes; i++) {
                long p = d.readLong();
                long lba = d.readLong();
                int length = d.readInt();
                if (length < 0 || length % DiskWrite.SECTOR != 0) {
                    throw new FtProtocolException("epoch " + epoch + ": disk write " + i + " of " + length + " bytes (expected whole sectors)");
                }
                diskWrites.add(new DiskWrite(p, lba, d.bytes(length, "disk write " + i + "'s data")));
            }
            int have = stagedEpoch == epoch ? staged.size() : 0;
            if (pages != have) {
                throw new FtProtocolException("epoch " + epoch + " commits " + pages + " pages but " + have + " arrived");
            }
            byte[] nextDevice = DeviceDiff.apply(device, encodedDevice);
            // everything is checked: apply the epoch as a whole
            for (Object[] s : staged) {
                replica.writePage((Integer) s[0], (byte[]) s[1]);
                version[(Integer) s[0]] = epoch;
            }
            staged.clear();
            device = nextDevice;
            kept.addAll(diskWrites);
            while (!kept.isEmpty() && kept.peekFirst().position() < flushedThrough) {
                kept.pollFirst();
            }
            applied = epoch;
            channel.write(Wire.ACK, Wire.body(b -> {
                b.writeLong(epoch);
                b.writeBoolean(false);
            }));
            if (epoch == 0) {
                state = Backup.State.IN_SYNC;
                status.accept(new FtStatus(FtState.IN_SYNC, "epoch 0 (" + pages + " pages, device state " + device.length + " bytes)", 0));
            }
        }

        private void watchdog() {
            while (!over) {
                try {
                    Thread.sleep(Math.min(10, local.heartbeatMillis()));
                    if ((System.nanoTime() - lastHeard) / 1_000_000 > local.failAfterMillis()) {
                        over = true;
                        socket.close();
                        return;
                    }
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }

        private void heartbeat() {
            while (!over) {
                try {
                    Thread.sleep(local.heartbeatMillis());
                    if (!over) {
                        channel.write(Wire.HEARTBEAT, new byte[0]);
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
                if (channel != null) {
                    channel.write(Wire.ERROR, text);
                }
            } catch (IOException | RuntimeException ignored) {
                // the primary may be gone already
            }
            closeQuietly(socket);
            if (active) {
                discard();
            }
            report(FtState.REFUSED, why);
        }

        private void discard() {
            if (state != Backup.State.LIVE && state != Backup.State.HALTED) {
                state = Backup.State.WAITING;
                replica.discard();
            }
        }

        private void primaryLost(String why) {
            over = true;
            closeQuietly(socket);
            if (state != Backup.State.IN_SYNC) {
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
                List<DiskWrite> writes = new ArrayList<>(kept);
                status.accept(FtStatus.of(FtState.TAKING_OVER, "starting the machine from epoch " + applied + " with " + writes.size()
                        + " disk writes to make durable"));
                replica.goLive(device, writes, why);
                state = Backup.State.LIVE;
                status.accept(new FtStatus(FtState.LIVE, "took over at epoch " + applied + " (" + why + "); " + writes.size()
                        + " disk writes replayed; unprotected", applied));
                closeQuietly(null);
                try {
                    server.close(); // a live VM is protected by a new backup, not by becoming one
                } catch (IOException ignored) {
                    // closing anyway
                }
            } catch (Exception e) {
                halt("taking over failed: " + e);
            }
        }

        private void halt(String why) {
            state = Backup.State.HALTED;
            replica.discard();
            status.accept(FtStatus.of(FtState.HALTED, why));
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        door.closePending();
    }
}
