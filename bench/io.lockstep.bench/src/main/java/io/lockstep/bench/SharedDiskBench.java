package io.lockstep.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lockstep.cli.Table;
import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.Cluster;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.datastore.ClusteredDisk;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.records.NotificationRecord;
import io.lockstep.cluster.records.SharedTable;
import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.CountingMedium;
import io.lockstep.storage.file.FileMedium;
import io.lockstep.storage.scsi.Cdb;
import io.lockstep.storage.scsi.ScsiResponse;
import io.lockstep.storage.scsi.ScsiTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Shared disks and guest reservations (issue 24), side by side in one run:
 * <ol>
 * <li><b>In the guest</b>: a QEMU guest of the default image on a datacenter of two hosts ({@code lockstep up}, the LUN on
 * tgt over iSCSI), with a shared disk attached, runs each command N times in one shell loop, timing each with the
 * shell's {@code $EPOCHREALTIME} (busybox's {@code date} has no {@code %N}): PR OUT REGISTER AND IGNORE EXISTING KEY
 * (alternating keys), PR IN READ KEYS, TEST UNIT READY, and two baselines — the shell builtin {@code true} (the timer)
 * and {@code sg_persist -V} (starting the same program under TCG, no SCSI command).</li>
 * <li><b>At the target</b>: the same commands as CDBs through {@link ScsiTarget} on a {@link ClusteredDisk}, in this
 * process, on a LUN file with one other host mounted (what the agent's target does per command, without iSCSI and
 * QEMU).</li>
 * <li><b>Notification vs hosts</b>: a writer host changes the disk's reservation record (REGISTER AND IGNORE EXISTING
 * KEY on the clustered disk); 1..n-1 other host processes ({@link NotifyWorker} with the disk open) report when their
 * cached record has the new generation; the time from the command's start to the last host's report.</li>
 * </ol>
 * Run: {@code ./lockstep bench shared} (as root, for the guest part; {@code --no-guest} skips it).
 */
@Command(name = "shared", mixinStandardHelpOptions = true, description = "Shared disks: guest reservation latency, target service time, "
        + "notification of reservation changes vs hosts.")
public final class SharedDiskBench implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "work/bench-shared", description = "work directory (default work/bench-shared)")
    Path dir;

    @Option(names = "--hosts", defaultValue = "2,3,4", split = ",", description = "hosts in all, the writer included (default 2,3,4)")
    List<Integer> hostCounts;

    @Option(names = "--changes", defaultValue = "20", description = "reservation changes per notification point (default 20)")
    int changes;

    @Option(names = "--commands", defaultValue = "200", description = "commands per kind, in the guest and at the target (default 200)")
    int commands;

    @Option(names = "--io-timeout", defaultValue = "100", description = "ms, for the notification part; the heartbeat is twice this")
    long ioTimeoutMs;

    @Option(names = "--no-guest", description = "skip the QEMU guest part")
    boolean noGuest;

    @Option(names = "--quick", description = "2 hosts, 4 changes, 20 commands per kind")
    boolean quick;

    private final PrintStream out = System.out;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DISK = "/.shared/bench.disk";

    public static void main(String[] args) {
        System.exit(new CommandLine(new SharedDiskBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (quick) {
            hostCounts = List.of(2);
            changes = 4;
            commands = 20;
        }
        if (hostCounts.stream().anyMatch(h -> h < 2 || h > 6)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--hosts: expected counts from 2 to 6, found " + hostCounts);
        }
        dir = dir.toAbsolutePath();
        Files.createDirectories(dir);
        out.printf(Locale.ROOT, "Lockstep shared-disk benchmark — %d commands per kind, %d changes per point, heartbeat %d ms, %d cores%n%n", commands,
                changes, 2 * ioTimeoutMs, Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        Map<String, double[]> guest = noGuest ? null : guest();
        long t1 = System.nanoTime();
        Map<String, double[]> target = new LinkedHashMap<>();
        Table notify = Table.markdown("hosts", "other hosts", "learning", "PR OUT at the writer p50 ms", "until every other host p50 ms", "p99 ms",
                "max ms", "indicator cleared p50 ms", "max ms", "writer commands per change");
        for (int hosts : hostCounts) {
            for (String scheme : List.of("notified", "busy")) {
                NotifyResult r = notification(hosts, scheme, hosts == hostCounts.get(0) && scheme.equals("notified") ? target : null);
                notify.row(hosts, hosts - 1, scheme.equals("notified") ? "idle (next heartbeat)" : "busy (own I/O every 10 ms)", f(r.writerP50),
                        f(r.p50), f(r.p99), f(r.max), f(r.clearedP50), f(r.clearedMax), f(r.writerCommands));
            }
        }
        out.printf(Locale.ROOT, "(the guest part %s, the target and notification parts %.0f s)%n%n",
                noGuest ? "skipped (--no-guest)" : String.format(Locale.ROOT, "took %.0f s", (t1 - t0) / 1e9), (System.nanoTime() - t1) / 1e9);
        if (guest != null) {
            out.println("1. Reservation commands from inside a QEMU guest (TCG; timed with the shell's $EPOCHREALTIME around each command)");
            out.println();
            Table t = Table.markdown("command in the guest", "SCSI command", "n", "failed", "p50 ms", "p99 ms", "mean ms",
                    "p50 minus sg_persist -V p50 ms");
            double start = guest.get("start")[0];
            for (Map.Entry<String, double[]> e : guest.entrySet()) {
                double[] v = e.getValue();
                String[] what = GUEST_LABELS.get(e.getKey());
                boolean perProcess = !Double.isNaN(v[0]);
                t.row(what[0], what[1], (int) v[2], (int) v[3], perProcess ? f(v[0]) : "—", perProcess ? f(v[1]) : "—", f(v[4]),
                        !perProcess || e.getKey().equals("true") || e.getKey().equals("start") ? "—" : f(v[0] - start));
            }
            t.print(out);
            out.println();
        }
        out.println("2. The same commands at the target (ScsiTarget on the ClusteredDisk, in one process, LUN file, one other host mounted)");
        out.println();
        Table s = Table.markdown("SCSI command", "n", "p50 ms", "p99 ms", "max ms");
        for (Map.Entry<String, double[]> e : target.entrySet()) {
            s.row(e.getKey(), (int) e.getValue()[3], f(e.getValue()[0]), f(e.getValue()[1]), f(e.getValue()[2]));
        }
        s.print(out);
        out.println();
        out.println("3. A reservation change until every other host's cached reservation record has it (LUN file, host processes)");
        out.println();
        notify.print(out);
        out.println();
        out.println("PR OUT at the writer: REGISTER AND IGNORE EXISTING KEY on the ClusteredDisk (read the record, one atomic update, then the");
        out.println("notification: its record, and one PREEMPT with key 0 that removes every other host's registration, whatever their number).");
        out.println("Changes are 3 to 4 heartbeats apart (at random in the last). Until every other host: from the command's start to the");
        out.println("last other host's report that its cached record (Datastore.vdr) has the new generation. Indicator cleared: until the");
        out.println("notification record on the medium has no host's bit left pending for the reservation records (every other host");
        out.println("refreshed and acknowledged). Writer commands per change: the writer's commands to the medium per change, its idle");
        out.println("heartbeats subtracted.");
        return 0;
    }

    private static final Map<String, String[]> GUEST_LABELS = Map.of(
            "tur1", new String[] {"sg_turs --number=N /dev/sda (one process)", "TEST UNIT READY × N"},
            "read1", new String[] {"dd if=/dev/sda bs=512 count=N iflag=direct (one process)", "READ × N (each checks the reservation)"},
            "true", new String[] {"true (shell builtin: the timer)", "—"},
            "start", new String[] {"sg_persist -V (start the program)", "—"},
            "tur", new String[] {"sg_turs /dev/sda", "TEST UNIT READY"},
            "prin", new String[] {"sg_persist -n -k /dev/sda", "PR IN READ KEYS"},
            "prout", new String[] {"sg_persist -n --out --register-ignore --param-sark=K /dev/sda", "PR OUT REGISTER AND IGNORE (alternating K)"});

    // --- 1. in the guest -----------------------------------------------------------------------------------------

    private Path work;
    private int marks;

    /** p50 ms, p99 ms, n, failed — per kind, in the order they are printed. */
    private Map<String, double[]> guest() throws Exception {
        work = dir.resolve("guest");
        Files.createDirectories(work);
        if (Files.exists(work.resolve("dc").resolve("datacenter.json"))) {
            lockstep(180, "down", "--purge");
        }
        Map<String, double[]> results = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try {
            ok(300, "up", "--hosts", "2", "--medium", "iscsi");
            ok(120, "vm", "create", "g1", "--guest", "qemu", "--memory", "128");
            ok(120, "vdisk", "share", "quorum", "--size", "16M");
            ok(120, "vm", "attach", "g1", "--shared", "quorum");
            ok(300, "vm", "start", "g1", "--host", "host-1");
            awaitConsole("g1", "lockstep-guest: redis listening on", 240);
            out.printf(Locale.ROOT, "(guest up on a datacenter of 2 hosts after %.0f s)%n", (System.nanoTime() - t0) / 1e9);
            sh("g1", "sg_persist -n --out --register --param-sark=0x1 /dev/sda >/dev/null", 60); // registered once: the loop changes its key
            results.put("true", loop("true"));
            results.put("start", loop("sg_persist -V >/dev/null 2>&1"));
            results.put("tur", loop("sg_turs /dev/sda >/dev/null 2>&1"));
            results.put("prin", loop("sg_persist -n -k /dev/sda >/dev/null 2>&1"));
            results.put("prout", loop("sg_persist -n --out --register-ignore --param-sark=0x$((i%2+2)) /dev/sda >/dev/null 2>&1"));
            // the SCSI round trip without a process start per command: N commands from one process, timed as a whole
            results.put("tur1", once("sg_turs --number=" + commands + " /dev/sda >/dev/null 2>&1"));
            results.put("read1", once("dd if=/dev/sda of=/dev/null bs=512 count=" + commands + " iflag=direct 2>/dev/null"));
            String keys = sh("g1", "sg_persist -n -k /dev/sda", 60);
            if (!keys.contains("1 registered reservation key follows")) {
                throw new IOException("after the loop the guest's disk should hold its one key; sg_persist -k printed: " + keys);
            }
        } finally {
            lockstep(300, "down", "--purge");
        }
        return results;
    }

    /** Runs {@code command} {@link #commands} times in one shell loop in the guest; p50 ms, p99 ms, n, failed. */
    private double[] loop(String command) throws Exception {
        int n = ++marks + 1000;
        String line = "R=; F=0; i=0; while [ $i -lt " + commands + " ]; do a=$EPOCHREALTIME; " + command + " || F=$((F+1)); b=$EPOCHREALTIME; "
                + "R=\"$R $(( (${b%.*}-${a%.*})*1000000+1${b#*.}-1${a#*.} ))\"; i=$((i+1)); done; echo \"LAT-$((" + n + ")) F=$F $R END-$((" + n + "))\"";
        // a loop of sg_persist under TCG takes its time: about half a second per command at worst, on a busy machine
        String text = sh("g1", line, 60 + commands);
        // the numbered result line the shell computed (the typed line's echo shows "LAT-$((n))"; a wrapped echo may not
        // show where the typed line began, so the text may hold earlier loops' results too)
        Matcher m = Pattern.compile("LAT-" + n + " F=(\\d+)([\\d\\s]*)END-" + n).matcher(text);
        if (!m.find()) {
            throw new IOException("the guest's loop of '" + command + "' printed no timings; its console: " + tail(text));
        }
        Percentiles p = new Percentiles();
        for (String us : m.group(2).trim().split("\\s+")) {
            if (!us.isEmpty()) {
                p.add(Long.parseLong(us) * 1000);
            }
        }
        if (p.count() != commands) {
            throw new IOException("expected " + commands + " timings of '" + command + "', found " + p.count());
        }
        return new double[] {p.micros(50) / 1000, p.micros(99) / 1000, p.count(), Integer.parseInt(m.group(1)), p.meanMicros() / 1000};
    }

    /** Runs {@code command} (which sends {@link #commands} SCSI commands itself) once; NaN, NaN, n, failed, mean ms per command. */
    private double[] once(String command) throws Exception {
        int n = ++marks + 1000;
        String line = "F=0; a=$EPOCHREALTIME; " + command + " || F=1; b=$EPOCHREALTIME; "
                + "echo \"ONE-$((" + n + ")) F=$F $(( (${b%.*}-${a%.*})*1000000+1${b#*.}-1${a#*.} )) END-$((" + n + "))\"";
        String text = sh("g1", line, 60 + commands);
        Matcher m = Pattern.compile("ONE-" + n + " F=(\\d+) (\\d+) END-" + n).matcher(text);
        if (!m.find()) {
            throw new IOException("the guest's '" + command + "' printed no timing; its console: " + tail(text));
        }
        return new double[] {Double.NaN, Double.NaN, commands, Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)) / 1000.0 / commands};
    }

    /** Types {@code command} on the VM's console and returns what it printed until the shell's numbered DONE marker. */
    private String sh(String vm, String command, int seconds) throws Exception {
        int n = ++marks + 1000;
        ok(60, "vm", "console", vm, "--type", command + "; echo DONE-$((" + n + "))");
        String done = "DONE-" + n;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String text = "";
        while (System.nanoTime() < end) {
            text = console(vm);
            int at = text.lastIndexOf(done);
            if (at >= 0) {
                int from = text.lastIndexOf("echo DONE-$((" + n + "))");
                return text.substring(Math.max(0, from), at);
            }
            Thread.sleep(1000);
        }
        throw new IOException(vm + " did not finish within " + seconds + " s: " + command + "; its console ends with: " + tail(text));
    }

    private void awaitConsole(String vm, String text, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String last = "";
        while (System.nanoTime() < end) {
            last = console(vm);
            if (last.contains(text)) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IOException(vm + "'s console did not show '" + text + "' within " + seconds + " s; it ends with: " + tail(last));
    }

    private String console(String vm) throws Exception {
        JsonNode n = JSON.readTree(ok(60, "vm", "console", vm, "--json").getBytes(StandardCharsets.UTF_8));
        return n.path("text").asText();
    }

    private static String tail(String s) {
        return s.substring(Math.max(0, s.length() - 800));
    }

    private String ok(int seconds, String... args) throws Exception {
        String[] r = lockstep(seconds, args);
        if (!r[0].equals("0")) {
            throw new IOException("lockstep " + String.join(" ", args) + " failed (" + r[0] + "): " + r[2] + r[1]);
        }
        return r[1];
    }

    /** {@code ./lockstep args} on this process's classes, with the guest part's work directory: exit code, stdout, stderr. */
    private String[] lockstep(int seconds, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of(System.getProperty("lockstep.root", ".")).resolve("lockstep").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LOCKSTEP_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("LOCKSTEP_WORK", work.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path o = Files.createTempFile(work, "out", ".txt");
        Path e = Files.createTempFile(work, "err", ".txt");
        try {
            Process p = pb.redirectOutput(o.toFile()).redirectError(e.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new String[] {"timeout", Files.readString(o), "did not finish in " + seconds + " s; " + Files.readString(e)};
            }
            return new String[] {Integer.toString(p.exitValue()), Files.readString(o), Files.readString(e)};
        } finally {
            Files.deleteIfExists(o);
            Files.deleteIfExists(e);
        }
    }

    // --- 2 and 3. at the target, and notification vs hosts --------------------------------------------------------

    private record NotifyResult(double writerP50, double p50, double p99, double max, double clearedP50, double clearedMax,
            double writerCommands) {
    }

    private NotifyResult notification(int hosts, String scheme, Map<String, double[]> target) throws Exception {
        Path lun = dir.resolve("shared.lun");
        Files.deleteIfExists(lun);
        FileMedium.create(lun, 512, 131072);
        try (FileMedium m = FileMedium.open(lun, "bench-admin")) {
            Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(Duration.ofMillis(ioTimeoutMs)).withSlots(16).withLocks(128)
                    .withEntries(64));
        }
        AcquisitionMode mode = AcquisitionMode.parse("ats");
        List<Process> workers = new ArrayList<>();
        List<List<long[]>> reports = new ArrayList<>(); // per other host: (generation, nanoTime) as reported
        try (FileMedium observer = FileMedium.open(lun, "bench-observer"); // reads the notification record, as the hosts do
                CountingMedium wm = new CountingMedium(FileMedium.open(lun, "writer"));
                Datastore writer = Datastore.mount(wm, HostIdentity.named("writer"), mode)) {
            writer.fs().mkdirs("/.shared");
            writer.create(DISK, EntityKind.FILE, 4L << 20);
            try (ClusteredDisk disk = writer.openClusteredDisk(DISK, "iqn.bench:writer")) {
                int index = disk.file().index();
                long notificationLba = writer.superblock().notificationLba();
                for (int i = 1; i < hosts; i++) { // started together, then awaited: JVMs start slowly on a busy machine
                    workers.add(new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx64m", "-XX:+UseSerialGC",
                            "-Djava.util.logging.config.file=/dev/null", "-cp", System.getProperty("java.class.path"), NotifyWorker.class.getName(),
                            scheme, lun.toString(), "host-" + i, mode.label(), DISK).redirectError(ProcessBuilder.Redirect.DISCARD).start());
                }
                for (int i = 1; i < hosts; i++) {
                    List<long[]> seen = new CopyOnWriteArrayList<>();
                    reports.add(seen);
                    BufferedReader r = new BufferedReader(new InputStreamReader(workers.get(i - 1).getInputStream(), StandardCharsets.UTF_8));
                    String first = r.readLine();
                    if (!"MOUNTED".equals(first)) {
                        throw new IOException("host-" + i + " did not mount: expected MOUNTED, found " + first);
                    }
                    Thread reader = new Thread(() -> {
                        try {
                            for (String line; (line = r.readLine()) != null;) {
                                String[] f = line.split(" ");
                                if (f[0].equals("VGEN")) {
                                    seen.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                                }
                            }
                        } catch (IOException e) {
                            // ended
                        }
                    });
                    reader.setDaemon(true);
                    reader.start();
                }
                Thread.sleep(1500); // everyone up and heartbeating
                long idleMs = 1000;
                long before = commands(wm);
                Thread.sleep(idleMs);
                double writerIdlePerNs = (commands(wm) - before) / (idleMs * 1e6);

                Percentiles lat = new Percentiles();
                Percentiles service = new Percentiles();
                Percentiles indicator = new Percentiles();
                // changes 3 to 4 heartbeats apart, at random within the last: a fixed spacing (a multiple of the heartbeat) would
                // meet the idle hosts' heartbeats at the same phase every time and measure one point of the interval
                long heartbeatMs = 2 * ioTimeoutMs;
                java.util.Random random = new java.util.Random(hosts * 31L + scheme.length());
                long startCommands = commands(wm);
                long start = System.nanoTime();
                for (int c = 0; c < changes; c++) {
                    long t0 = System.nanoTime();
                    disk.registerAndIgnoreExistingKey(c % 2 + 1);
                    service.add(System.nanoTime() - t0);
                    long generation = writer.vdr(index).generation();
                    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                    long last = -1;
                    long cleared = -1;
                    while (last < 0 || cleared < 0) {
                        if (cleared < 0 && NotificationRecord.decode(read(observer, notificationLba), notificationLba).entry(SharedTable.VDR)
                                .pending() == 0) {
                            cleared = System.nanoTime();
                        }
                        if (last < 0) {
                            last = lastReport(reports, generation);
                        }
                        if (last < 0 || cleared < 0) {
                            if (System.nanoTime() > deadline) {
                                throw new IOException(scheme + ": the other hosts did not all see reservation record generation " + generation
                                        + (cleared < 0 ? " and clear their indicator bits" : "") + " within 5 s");
                            }
                            Thread.sleep(1);
                        }
                    }
                    indicator.add(cleared - t0);
                    lat.add(last - t0);
                    long spacingMs = 3 * heartbeatMs + random.nextInt((int) heartbeatMs);
                    Thread.sleep(Math.max(0, spacingMs - (System.nanoTime() - t0) / 1_000_000));
                }
                double writerCommands = (commands(wm) - startCommands - writerIdlePerNs * (System.nanoTime() - start)) / changes;
                if (target != null) {
                    serviceTimes(disk, target);
                }
                return new NotifyResult(service.micros(50) / 1000, lat.micros(50) / 1000, lat.micros(99) / 1000, lat.micros(100) / 1000,
                        indicator.micros(50) / 1000, indicator.micros(100) / 1000, writerCommands);
            }
        } finally {
            for (Process p : workers) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(lun);
        }
    }

    /** One sector, as a host reads it: a unit attention (a reservation changed) is taken and the read retried. */
    private static byte[] read(FileMedium m, long lba) throws IOException {
        for (int attempt = 0;; attempt++) {
            try {
                return m.read(lba, 1);
            } catch (CheckConditionException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /** When the last other host reported {@code generation} (or a later one) of the record; -1 while one has not. */
    private static long lastReport(List<List<long[]>> reports, long generation) {
        long last = -1;
        for (List<long[]> host : reports) {
            long at = -1;
            for (long[] g : host) {
                if (g[0] >= generation) {
                    at = g[1];
                    break;
                }
            }
            if (at < 0) {
                return -1;
            }
            last = Math.max(last, at);
        }
        return last;
    }

    /** The guest's commands as CDBs through the target's SCSI layer on the clustered disk: p50, p99, max ms, n. */
    private void serviceTimes(ClusteredDisk disk, Map<String, double[]> into) throws IOException {
        ScsiTarget t = new ScsiTarget(disk, "LOCKSTEP", "VDISK");
        Map<String, java.util.function.IntFunction<ScsiResponse>> kinds = new LinkedHashMap<>();
        kinds.put("TEST UNIT READY", i -> t.execute(Cdb.testUnitReady(), null));
        kinds.put("PR IN READ KEYS", i -> t.execute(Cdb.persistentReserveIn(Cdb.PR_IN_READ_KEYS, 8192), null));
        kinds.put("PR OUT REGISTER AND IGNORE EXISTING KEY", i -> t.execute(Cdb.persistentReserveOut(Cdb.PR_OUT_REGISTER_AND_IGNORE, null),
                Cdb.prOutParameters(0, i % 2 + 3)));
        for (Map.Entry<String, java.util.function.IntFunction<ScsiResponse>> k : kinds.entrySet()) {
            Percentiles p = new Percentiles();
            for (int i = 0; i < commands; i++) {
                long t0 = System.nanoTime();
                ScsiResponse r = k.getValue().apply(i);
                p.add(System.nanoTime() - t0);
                if (!r.good()) {
                    throw new IOException(k.getKey() + ": expected GOOD, found " + r);
                }
            }
            into.put(k.getKey(), new double[] {p.micros(50) / 1000, p.micros(99) / 1000, p.micros(100) / 1000, p.count()});
        }
    }

    private static long commands(CountingMedium m) {
        CountingMedium.Counts c = m.counts();
        return c.sectorIos() + c.reservations() + c.persistentReservations();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }
}
