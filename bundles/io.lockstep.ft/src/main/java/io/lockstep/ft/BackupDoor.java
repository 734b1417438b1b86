package io.lockstep.ft;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What both kinds of backup ({@link Backup} for the Java guests, {@link MachineBackup} for machines held from outside)
 * do at their door: accept connections, each handshaken on a thread of its own within {@link Deadline#HANDSHAKE_MILLIS}
 * of its acceptance and at most {@link Backup#MAX_PENDING_HANDSHAKES} at once (the oldest dropped for a newer one); let
 * in only a primary that proves the pair's key, of this pair, guest and memory, one at a time, never a HELLO of a
 * go-live generation already accepted; and, after winning the go-live record, fence the old primary until it is done.
 */
final class BackupDoor {

    private final String pair;
    private final ServerSocket server;
    private final ArrayDeque<Socket> pending = new ArrayDeque<>();
    private final Semaphore sessionSlot = new Semaphore(1);
    private volatile long acceptedGeneration = Long.MIN_VALUE;

    BackupDoor(String pair, ServerSocket server) {
        this.pair = pair;
        this.server = server;
    }

    /**
     * Accepts until {@code open} says no or the server closes, running {@code session} for each connection on a thread
     * of its own; a failure to accept is reported and never ends the loop (out of descriptors: it waits 0.1 s).
     */
    void serve(BooleanSupplier open, Consumer<Socket> session, Consumer<String> failed) {
        while (open.getAsBoolean()) {
            Socket s = null;
            try {
                s = server.accept();
                Socket dropped = null;
                synchronized (pending) {
                    if (pending.size() >= Backup.MAX_PENDING_HANDSHAKES) {
                        dropped = pending.poll();
                    }
                    pending.add(s);
                }
                closeQuietly(dropped);
                Socket accepted = s;
                Thread t = new Thread(() -> session.accept(accepted), "ft-backup-" + pair + "-connection");
                t.setPriority(Thread.MAX_PRIORITY);
                t.setDaemon(true);
                t.start();
            } catch (Throwable e) { // an Error here would end this backup's service with the process still alive
                if (!open.getAsBoolean() || server.isClosed()) {
                    return;
                }
                closeQuietly(s);
                failed.accept("accepting a connection failed: " + e + " (still accepting)");
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** The connection is through its handshake (or gone): it no longer counts against the pending ones. */
    void handshaken(Socket s) {
        synchronized (pending) {
            pending.remove(s);
        }
    }

    /** Closes every connection still in its handshake (the backup closes). */
    void closePending() {
        synchronized (pending) {
            pending.forEach(BackupDoor::closeQuietly);
            pending.clear();
        }
    }

    void releaseSlot() {
        sessionSlot.release();
    }

    long acceptedGeneration() {
        return acceptedGeneration;
    }

    static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** A primary let in: its HELLO and the sealed channel to it (the caller holds the session slot until it ends). */
    record Admitted(Handshake.Hello hello, FtChannel channel) {
    }

    /**
     * The backup's side of the handshake on {@code socket}: the HELLO within the deadline, checked against this backup
     * ({@link Handshake.Hello#problemFor}, then {@code extra}: null or why it is refused), the session slot taken (a
     * second primary waits for the first, within its deadline), {@code active} told, the generation checked and
     * recorded, WELCOME sent. {@code unavailable} says why this backup takes no primary now (null when it does).
     */
    Admitted admit(Socket socket, DataInputStream in, DataOutputStream out, FtOptions local, String guestSpec, long memoryBytes,
            java.util.function.Function<Handshake.Hello, String> extra, Runnable active, java.util.function.Supplier<String> unavailable)
            throws IOException, InterruptedException {
        try (Deadline deadline = Deadline.closeAfter(socket, Deadline.HANDSHAKE_MILLIS)) {
            Wire.Frame f;
            try {
                f = Wire.read(in, Wire.MAX_HANDSHAKE);
            } catch (SocketException e) {
                if (deadline.expired()) {
                    throw new FtProtocolException("no HELLO within " + Deadline.HANDSHAKE_MILLIS + " ms of connecting (the connection is closed)");
                }
                throw e;
            }
            if (f.type() != Wire.HELLO) {
                throw new FtProtocolException("expected HELLO first, found " + f.name());
            }
            Handshake.Hello hello = Handshake.Hello.decode(f.payload());
            String problem = hello.problemFor(local.authKey(), local.sealing(), pair, guestSpec, memoryBytes);
            if (problem == null) {
                problem = extra.apply(hello);
            }
            if (problem != null) {
                throw new FtProtocolException(problem);
            }
            // one primary at a time: a second one waits for the first session to end, within its own deadline
            if (!sessionSlot.tryAcquire(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
                throw new FtProtocolException("this backup serves another primary (go-live generation " + acceptedGeneration + ")");
            }
            active.run();
            handshaken(socket); // it proved the key: not dropped for newer connections
            String why = unavailable.get();
            if (why != null) {
                throw new FtProtocolException(why);
            }
            if (hello.generation() <= acceptedGeneration) {
                throw new FtProtocolException("a HELLO for go-live generation " + hello.generation() + " after generation " + acceptedGeneration
                        + " was accepted: a replayed handshake");
            }
            acceptedGeneration = hello.generation();
            Handshake.Welcome welcome = Handshake.Welcome.answering(f.payload(), local.authKey());
            Wire.write(out, Wire.WELCOME, welcome.encode());
            FtChannel channel = FtChannel.backup(in, out, hello.sealing(), Handshake.keys(local.authKey(), hello.nonce(), welcome.nonce()));
            if (!deadline.cancel()) {
                throw new SocketException("the handshake took longer than " + Deadline.HANDSHAKE_MILLIS + " ms");
            }
            return new Admitted(hello, channel);
        }
    }

    /**
     * After losing the primary: claims the pair's go-live record for {@code generation} and, won, fences the old primary
     * ({@link #fence}). Returns null when this side may go live, or why it halts (the record unreachable, the primary
     * alive and holding it, the fence stopped).
     */
    static String claim(GoLive goLive, long generation, String why, Backup.Fence f, Consumer<FtStatus> status, BooleanSupplier closed) {
        boolean won;
        try {
            won = goLive.tryWin(generation);
        } catch (IOException | RuntimeException e) {
            return "could not reach the go-live record after losing the primary (" + why + "): " + e.getMessage();
        }
        if (!won) {
            return "the primary is alive: it won the go-live record (" + why + ")";
        }
        return fence(f, why, status, closed);
    }

    /**
     * Fences the old primary after this side won the go-live record, retrying every 0.5 s until it is done (the record
     * says this side runs the VM: a failure is never a reason to give up). Returns null once fenced, or why it stopped
     * (interrupted, or the backup closed meanwhile).
     */
    static String fence(Backup.Fence f, String why, Consumer<FtStatus> status, BooleanSupplier closed) {
        if (f == null) {
            return null;
        }
        status.accept(FtStatus.of(FtState.TAKING_OVER, "won the go-live record (" + why + "); fencing the old primary at the storage"));
        long start = System.nanoTime();
        while (true) {
            try {
                f.fence(why);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while fencing the old primary";
            } catch (Exception e) {
                if (closed.getAsBoolean()) {
                    return "closed while fencing the old primary: " + e.getMessage();
                }
                status.accept(FtStatus.of(FtState.TAKING_OVER, "fencing the old primary at the storage: " + e.getMessage() + " (retrying; "
                        + (System.nanoTime() - start) / 1_000_000_000L + " s so far)"));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return "interrupted while fencing the old primary";
                }
            }
        }
    }
}
