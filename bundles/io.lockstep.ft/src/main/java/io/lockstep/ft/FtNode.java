package io.lockstep.ft;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.storage.Media;
import io.lockstep.vdisk.DiskChain;
import io.lockstep.vm.GuestRegistry;
import io.lockstep.vm.Vm;

/**
 * One side of an FT pair as its own process (what a host's agent will run): {@code primary} or {@code backup},
 * with {@code key=value} settings. It prints one line per change of state ({@code STATUS …}), answers
 * {@code stats} and {@code protect PORT} on standard input, and exits with status 3 when it halts (it lost the
 * go-live record), leaving the shared disk untouched.
 *
 * <pre>
 * settings: key=HEX (required: the pair's 32-byte key, the same on both sides) lun=PATH host=NAME pair=NAME disk=PATH
 *           guest=SPEC memory=BYTES service=PORT mode=checkpoint|replay
 *           epoch=MS heartbeat=MS fail=MS settle=MS timer=MS verify=true|false lag=MS control=true|false
 *           primary: backup=PORT (protect at once)     backup: listen=PORT share=0.01..1
 * </pre>
 * The epoch, heartbeat, fail and settle times default to {@link FtTiming}'s, derived from the medium's I/O timeout.
 */
public final class FtNode {

    private FtNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("primary") || args[0].equals("backup"))) {
            System.err.println("usage: FtNode primary|backup key=value ... (see the class comment)");
            System.exit(2);
        }
        Map<String, String> s = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                System.err.println("FtNode: expected key=value, found '" + args[i] + "'");
                System.exit(2);
            }
            s.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        String keyProblem = Handshake.keyProblem(s.get("key"));
        if (keyProblem != null) {
            System.err.println("ft-node: key=HEX is required (" + keyProblem + "); give both sides the same one, e.g. key=$(openssl rand -hex 32)");
            System.exit(2);
        }
        PrintStream out = System.out;
        String role = args[0];
        String host = s.getOrDefault("host", role);
        Datastore ds = Datastore.mount(Media.open(require(s, "lun"), host), HostIdentity.named(host), AcquisitionMode.ATS);
        FtOptions derived = FtOptions.defaults(FtMode.parse(s.getOrDefault("mode", "checkpoint")), ds.superblock().timing());
        FtOptions o = derived
                .withEpochMillis(Integer.parseInt(s.getOrDefault("epoch", Integer.toString(derived.epochMillis()))))
                .withHeartbeat(Integer.parseInt(s.getOrDefault("heartbeat", Integer.toString(derived.heartbeatMillis()))),
                        Integer.parseInt(s.getOrDefault("fail", Integer.toString(derived.failAfterMillis()))))
                .withSettleMillis(Integer.parseInt(s.getOrDefault("settle", Integer.toString(derived.settleMillis()))))
                .withVerifyDigests(Boolean.parseBoolean(s.getOrDefault("verify", "false")))
                .withLag(Integer.parseInt(s.getOrDefault("lag", "50")), Boolean.parseBoolean(s.getOrDefault("control", "true")))
                .withAuthKey(s.get("key"));
        String pair = s.getOrDefault("pair", "vm1");
        String guest = s.getOrDefault("guest", "kv");
        long memory = Long.parseLong(s.getOrDefault("memory", Long.toString(64L << 20)));
        int service = Integer.parseInt(s.getOrDefault("service", "0"));
        long timer = Long.parseLong(s.getOrDefault("timer", "50"));
        Path disk = Path.of(require(s, "disk"));
        GoLive goLive = new GoLive(ds, pair);
        java.util.function.Consumer<FtStatus> status = st -> {
            synchronized (out) {
                out.println("STATUS " + st.line());
                out.flush();
            }
            if (st.state() == FtState.HALTED) {
                Runtime.getRuntime().halt(3); // no shutdown work: a halted side must not touch the shared disk
            }
        };
        LiveVm[] live = new LiveVm[1];
        Backup backup = null;
        if (role.equals("primary")) {
            Vm vm = new Vm(pair, GuestRegistry.create(guest), memory, DiskChain.open(disk, true), 1.0);
            FtDisk ft = new FtDisk(vm.disk(), vm::position);
            vm.setDisk(ft);
            live[0] = new LiveVm(pair, vm, ft, service, 1, timer, goLive, true, status);
            out.println("SERVICE " + live[0].port());
            out.flush();
            if (s.containsKey("backup")) {
                live[0].protect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(s.get("backup"))), o);
            }
        } else {
            backup = new Backup(pair, guest, memory, disk, goLive, Integer.parseInt(s.getOrDefault("listen", "0")), service, timer, o,
                    Double.parseDouble(s.getOrDefault("share", "1.0")), status);
            out.println("PORT " + backup.port());
            out.flush();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null;) {
            LiveVm l = live[0] != null ? live[0] : backup != null ? backup.live() : null;
            String[] w = line.trim().split("\\s+");
            if (w[0].equals("stats")) {
                out.println(l == null ? "STATS none" : "STATS " + stats(l));
            } else if (w[0].equals("protect") && w.length == 2 && l != null) {
                try {
                    l.protect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(w[1])), o);
                } catch (RuntimeException e) {
                    out.println("ERROR " + e.getMessage());
                }
            } else if (w[0].equals("quit")) {
                break;
            } else {
                out.println("ERROR expected stats, protect PORT or quit, found '" + line + "'");
            }
            out.flush();
        }
        System.exit(0);
    }

    static String stats(LiveVm l) {
        FtStats st = l.stats();
        PrimarySession session = l.session();
        return String.format(Locale.ROOT,
                "protection=%s epochs=%d digests=%d pages=%d diffs=%d pageBytes=%d wholeBytes=%d pauseP50us=%d pauseP99us=%d events=%d lagMs=%.1f "
                        + "share=%.2f position=%d steps=%d",
                l.protection(), st.epochs(), st.digestsChecked(), st.pagesSent(), st.diffPages(), st.pageBytes(), st.pageBytesIfWhole(),
                st.pausePercentile(50) / 1000, st.pausePercentile(99) / 1000, st.eventsSent(), session == null ? 0.0 : session.lagMillis(),
                l.vm().cpuShare(), l.vm().position(), l.vm().steps());
    }

    private static String require(Map<String, String> s, String key) {
        String v = s.get(key);
        if (v == null) {
            System.err.println("FtNode: " + key + "= is required");
            System.exit(2);
        }
        return v;
    }
}
