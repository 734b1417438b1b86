package io.lockstep.ft;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

import io.lockstep.vm.GuestTimer;
import io.lockstep.vm.InputEvent;
import io.lockstep.vm.NetForwarder;
import io.lockstep.vm.NicAddress;
import io.lockstep.vm.Vm;

/**
 * A VM that is running for real: its NIC is reachable, its disk writes reach the shared disk. It may be protected
 * by a backup ({@link #protect}); while it is, its outputs and disk writes wait for the backup. When it loses the
 * backup it must win the pair's go-live record before it lets anything out again, or halt.
 */
public final class LiveVm implements AutoCloseable {

    public enum Protection {
        UNPROTECTED, SYNCING, PROTECTED, HALTED
    }

    private final String pair;
    private final Vm vm;
    private final FtDisk disk;
    private final NetForwarder nic;
    private final NicAddress address;
    private final GuestTimer timer;
    private final GoLive goLive;
    private final Consumer<FtStatus> status;
    private final FtStats stats = new FtStats();
    private volatile Protection protection = Protection.UNPROTECTED;
    private volatile String reason = "never protected";
    private PrimarySession session;

    /**
     * Makes {@code vm} live on loopback {@code port} (waiting up to 10 s for a previous owner to let go of it): see
     * {@link #LiveVm(String, Vm, FtDisk, NicAddress, int, int, long, GoLive, boolean, boolean, Consumer)}.
     */
    public LiveVm(String pair, Vm vm, FtDisk disk, int port, int firstConnection, long timerMillis, GoLive goLive, boolean boot,
            Consumer<FtStatus> status) throws IOException, InterruptedException {
        this(pair, vm, disk, NicAddress.loopback(), port, firstConnection, timerMillis, goLive, boot, false, status);
    }

    /**
     * Makes {@code vm} live: claims its address (present on this host, announced) and binds its NIC there on
     * {@code port}, starts its timer, and starts it ({@code boot}: from a fresh memory) or resumes it.
     * {@code firstConnection}: the NIC's first connection number (above any the guest knows). {@code persistent}: a
     * VM that must run here (a backup that went live) retries its address and port until it has them, saying what it
     * waits for every 5 s as {@link FtState#TAKING_OVER}; otherwise it gives up after 10 s.
     */
    public LiveVm(String pair, Vm vm, FtDisk disk, NicAddress address, int port, int firstConnection, long timerMillis, GoLive goLive,
            boolean boot, boolean persistent, Consumer<FtStatus> status) throws IOException, InterruptedException {
        this.pair = pair;
        this.vm = vm;
        this.disk = disk;
        this.goLive = goLive;
        this.status = status;
        this.address = address;
        try {
            this.nic = bind(vm, address, port, firstConnection, persistent, status);
        } catch (RuntimeException e) {
            address.release();
            throw e;
        }
        GuestTimer t = null;
        try {
            t = timerMillis > 0 ? new GuestTimer(vm, timerMillis) : null;
            if (vm.state() == Vm.State.CREATED) {
                vm.start(boot);
            } else {
                vm.resume();
            }
        } catch (IOException | RuntimeException | Error e) {
            // a guest that cannot boot leaves nothing behind: its NIC's port, its address and its timer are given back
            if (t != null) {
                t.close();
            }
            try {
                nic.close();
            } finally {
                address.release();
            }
            throw e;
        }
        this.timer = t;
    }

    private static NetForwarder bind(Vm vm, NicAddress address, int port, int firstConnection, boolean persistent, Consumer<FtStatus> status)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        long told = start;
        while (true) {
            try {
                address.claim();
                return new NetForwarder(vm, address.address(), port, firstConnection);
            } catch (IOException e) {
                String why = "the NIC's address " + address.address().getHostAddress() + ":" + port + " could not be taken: " + e.getMessage();
                long now = System.nanoTime();
                if (!persistent && now - start > 10_000_000_000L) {
                    address.release();
                    throw new BindException("port " + port + " stayed in use for 10 s: " + e.getMessage());
                }
                if (persistent && now - told > 5_000_000_000L) {
                    told = now;
                    status.accept(FtStatus.of(FtState.TAKING_OVER, why + " (retrying for " + (now - start) / 1_000_000_000L + " s)"));
                }
                Thread.sleep(50);
            }
        }
    }

    /** Where the VM's NIC listens. */
    public NicAddress address() {
        return address;
    }

    public String pair() {
        return pair;
    }

    public Vm vm() {
        return vm;
    }

    public FtDisk disk() {
        return disk;
    }

    public NetForwarder nic() {
        return nic;
    }

    public int port() {
        return nic.port();
    }

    public FtStats stats() {
        return stats;
    }

    public Protection protection() {
        return protection;
    }

    /** Why the VM is unprotected or halted (or the last reason it was). */
    public String reason() {
        return reason;
    }

    void status(FtStatus s) {
        status.accept(s);
    }

    /**
     * Starts protecting the VM with the backup listening at {@code backup}: arms the go-live record, holds
     * outputs and disk writes, and syncs the backup while the VM runs.
     */
    public synchronized void protect(InetSocketAddress backup, FtOptions options) throws IOException {
        if (protection == Protection.HALTED) {
            throw new IllegalStateException(pair + " is halted (" + reason + ")");
        }
        if (session != null && !session.ended()) {
            throw new IllegalStateException(pair + " is already " + protection.name().toLowerCase() + " by " + session.peer());
        }
        String keyProblem = Handshake.keyProblem(options.authKey());
        if (keyProblem != null) {
            throw new IllegalArgumentException(pair + " cannot be protected: " + keyProblem);
        }
        long generation = goLive.arm();
        nic.gate();
        disk.hold();
        protection = Protection.SYNCING;
        status(new FtStatus(FtState.SYNCING, options.mode().name().toLowerCase() + " with the backup at " + backup.getPort()
                + " (go-live generation " + generation + ")", vm.position()));
        session = new PrimarySession(this, backup, options, generation);
        session.start();
    }

    /** Stops protecting the VM (the backup is told and stands down); the VM runs on unprotected. */
    public synchronized void unprotect(String why) {
        PrimarySession s = session;
        if (s == null || s.ended()) {
            throw new IllegalStateException(pair + " is not protected (" + protection.name().toLowerCase() + ": " + reason + ")");
        }
        s.stopProtecting(why);
    }

    /**
     * A test failover: the primary stops as if its host had failed (its connection to the backup drops, its
     * VM halts, nothing more leaves it), so the backup goes live exactly as after a real failure.
     */
    public synchronized void testFailover() {
        PrimarySession s = session;
        if (s == null || s.ended() || protection != Protection.PROTECTED) {
            throw new IllegalStateException(pair + " is " + protection.name().toLowerCase() + ", not protected: a test failover needs a backup in sync");
        }
        s.end("a test failover", false);
        halt("test failover: the primary stopped as if its host had failed");
    }

    /**
     * This host can no longer write the shared storage (its heartbeat lapsed: it fenced itself): a protected VM stops
     * here at once — its backup, which may still reach the storage, goes live — instead of running on with outputs it
     * cannot commit. Returns whether it stopped (an unprotected VM, or one whose backup is not in sync, runs on).
     */
    public synchronized boolean storageLost(String why) {
        PrimarySession s = session;
        if (s == null || s.ended() || protection != Protection.PROTECTED) {
            return false;
        }
        s.end("this host lost the storage (" + why + ")", false);
        halt("this host lost the storage (" + why + "); the backup takes over");
        return true;
    }

    void protectedNow(String what, long position) {
        protection = Protection.PROTECTED;
        reason = "";
        status(new FtStatus(FtState.PROTECTED, what, position));
    }

    /**
     * The session ended (the backup was lost, refused or misbehaved): win the go-live record and run on
     * unprotected, or halt when the backup won it.
     */
    synchronized void sessionEnded(long generation, String why) {
        if (protection == Protection.HALTED) {
            return;
        }
        boolean won;
        try {
            won = goLive.tryWin(generation);
        } catch (IOException | RuntimeException e) {
            halt("could not reach the go-live record after losing the backup (" + why + "): " + e.getMessage());
            return;
        }
        if (!won) {
            halt("the backup went live (" + why + ")");
            return;
        }
        try {
            disk.passThrough();
        } catch (IOException e) {
            halt("writing the held disk writes failed: " + e.getMessage());
            return;
        }
        nic.ungate();
        protection = Protection.UNPROTECTED;
        reason = why;
        status(new FtStatus(FtState.UNPROTECTED, why, vm.position()));
    }

    /** Stops the VM for good, letting nothing more out (held outputs dropped, held disk writes abandoned). */
    synchronized void halt(String why) {
        protection = Protection.HALTED;
        reason = why;
        try {
            if (timer != null) {
                timer.close();
            }
            nic.discardAndClose();
            vm.stop();
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            address.release(); // a halted VM's address is free to move to the side that runs it
        }
        status(new FtStatus(FtState.HALTED, why, vm.position()));
    }

    /** Closes every connection the guest had with clients of another NIC (a backup taking over). */
    static void closeKnownConnections(Vm vm) {
        for (int c = 1; c <= vm.highestConnection(); c++) {
            vm.submit(InputEvent.close(c));
        }
    }

    static int firstConnectionAfter(Vm vm) {
        return vm.highestConnection() + 1;
    }

    public PrimarySession session() {
        return session;
    }

    @Override
    public void close() throws IOException {
        PrimarySession s = session;
        if (s != null) {
            s.end("the VM is closing", false);
        }
        if (timer != null) {
            timer.close();
        }
        try {
            nic.close();
        } finally {
            address.release();
        }
        try {
            vm.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
