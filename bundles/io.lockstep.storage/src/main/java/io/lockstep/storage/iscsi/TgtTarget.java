package io.lockstep.storage.iscsi;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A private Linux SCSI target daemon (Debian's {@code tgt}) on loopback, for tests and benchmarks: its own control
 * port (so it never meets another tgtd on the machine), its own iSCSI portal on 127.0.0.1, file-backed logical units
 * made per use, per-initiator ACLs. It runs one I/O thread ({@code -t 1}): tgt then executes the commands of a
 * logical unit one after the other, so a one-sector write is never seen half done by a concurrent read, and the
 * read-modify-write a host does inside its SCSI-2 reservation window meets no command that slipped past the
 * reservation check on another thread. Needs root (tgtd creates its control socket under /var/run/tgtd).
 */
public final class TgtTarget implements AutoCloseable {

    private static final AtomicInteger NEXT_TID = new AtomicInteger(1);
    private static TgtTarget shared;

    private final Path dir;
    private final int control;
    private final int port;
    private final Process daemon;
    private final List<Integer> targets = new ArrayList<>();

    private TgtTarget(Path dir, int control, int port, Process daemon) {
        this.dir = dir;
        this.control = control;
        this.port = port;
        this.daemon = daemon;
    }

    /** One target daemon for this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized TgtTarget shared() throws IOException {
        if (shared == null || !shared.daemon.isAlive()) {
            Path dir = Files.createTempDirectory("lockstep-tgt");
            shared = start(dir);
            TgtTarget t = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(t::close, "tgtd-stop"));
        }
        return shared;
    }

    /** Starts tgtd with its LUN files under {@code dir}. */
    public static TgtTarget start(Path dir) throws IOException {
        String tgtd = executable("tgtd");
        executable("tgtadm");
        Files.createDirectories(dir);
        for (int attempt = 0; attempt < 5; attempt++) {
            int control = ThreadLocalRandom.current().nextInt(1000, 30000);
            if (Files.exists(Path.of("/var/run/tgtd/socket." + control))) {
                continue;
            }
            int port = freePort();
            Path log = dir.resolve("tgtd-" + port + ".log");
            List<String> cmd = new ArrayList<>(List.of(tgtd, "-f", "-C", Integer.toString(control), "--iscsi", "portal=127.0.0.1:" + port, "-t", "1"));
            if (Boolean.getBoolean("lockstep.tgtd.debug")) {
                cmd.addAll(List.of("-d", "1")); // tgtd's own trace of every command, in the log
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            TgtTarget t = new TgtTarget(dir, control, port, p);
            if (t.awaitReady(log)) {
                return t;
            }
            p.destroyForcibly();
        }
        throw new IOException("tgtd did not start on 127.0.0.1 (see the tgtd-*.log files in " + dir + "); it needs root");
    }

    private static String executable(String name) throws IOException {
        for (String d : new String[] {"/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin"}) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new IOException(name + " not found: install Debian's tgt (apt-get install -y --no-install-recommends tgt); .ci/run does");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private boolean awaitReady(Path log) throws IOException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            if (!daemon.isAlive()) {
                return false;
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                if (tgtadm(false, "--mode", "target", "--op", "show").ok()) {
                    return true;
                }
            } catch (IOException notYet) {
                // the portal is not listening yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted waiting for tgtd");
            }
        }
        return false;
    }

    record Output(int exit, String text) {
        boolean ok() {
            return exit == 0;
        }
    }

    private Output tgtadm(boolean check, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(executable("tgtadm"), "-C", Integer.toString(control), "--lld", "iscsi"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("tgtadm " + String.join(" ", args) + " did not finish in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted running tgtadm");
        }
        Output o = new Output(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
        if (check && !o.ok()) {
            throw new IOException("tgtadm " + String.join(" ", args) + " failed (" + o.exit() + "): " + o.text());
        }
        return o;
    }

    /** A logical unit made for one use: its target's name, LUN 1 and the URI to open it with. */
    public record Lun(int tid, String target, Path file, String uri) {
    }

    /**
     * A new target {@code iqn.2026-11.io.lockstep.test:<name>} with one file-backed logical unit of {@code bytes}
     * (LUN 1), which only {@code initiators} may log in to (every initiator when the list is empty).
     */
    public synchronized Lun lun(String name, long bytes, List<String> initiators) throws IOException {
        int tid = NEXT_TID.getAndIncrement();
        String target = "iqn.2026-11.io.lockstep.test:" + name.toLowerCase().replaceAll("[^a-z0-9.-]", "-") + "-" + tid;
        Path file = dir.resolve(target.substring(target.indexOf(':') + 1) + ".img");
        Files.deleteIfExists(file); // a file left by an earlier run would keep its contents
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        tgtadm(true, "--mode", "target", "--op", "new", "--tid", Integer.toString(tid), "--targetname", target);
        targets.add(tid);
        tgtadm(true, "--mode", "logicalunit", "--op", "new", "--tid", Integer.toString(tid), "--lun", "1", "--backing-store", file.toString());
        if (initiators.isEmpty()) {
            tgtadm(true, "--mode", "target", "--op", "bind", "--tid", Integer.toString(tid), "--initiator-address", "ALL");
        } else {
            for (String i : initiators) {
                allow(tid, i);
            }
        }
        return new Lun(tid, target, file, "iscsi://127.0.0.1:" + port + "/" + target + "/1");
    }

    /** Lets {@code initiator} (a host name or an iSCSI name) log in to target {@code tid}. */
    public void allow(int tid, String initiator) throws IOException {
        tgtadm(true, "--mode", "target", "--op", "bind", "--tid", Integer.toString(tid), "--initiator-name", IscsiMedium.initiatorNameOf(initiator));
    }

    /** Removes a target and its logical unit (its sessions are ended), and its backing file. */
    public synchronized void remove(Lun lun) throws IOException {
        tgtadm(false, "--mode", "target", "--op", "delete", "--force", "--tid", Integer.toString(lun.tid()));
        targets.remove(Integer.valueOf(lun.tid()));
        Files.deleteIfExists(lun.file());
    }

    public int port() {
        return port;
    }

    /** What tgtadm shows of target {@code tid} (its I_T nexus, LUNs and ACL). */
    public String show(int tid) throws IOException {
        return tgtadm(true, "--mode", "target", "--op", "show", "--tid", Integer.toString(tid)).text();
    }

    @Override
    public void close() {
        daemon.destroy();
        try {
            if (!daemon.waitFor(3, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        } catch (InterruptedException e) {
            daemon.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
