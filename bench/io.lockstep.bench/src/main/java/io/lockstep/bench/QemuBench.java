package io.lockstep.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lockstep.cli.Table;
import io.lockstep.qemu.Accel;
import io.lockstep.qemu.MemorySnapshot;
import io.lockstep.qemu.QemuMachine;
import io.lockstep.qemu.QemuSpec;
import io.lockstep.qemu.QmpEvent;
import io.lockstep.storage.iscsi.IscsiServer;
import io.lockstep.vdisk.BlockDeviceLu;
import io.lockstep.vdisk.DiskChain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * QEMU guests of the default image, measured side by side in one run (issue 23's figures):
 * <ol>
 * <li>boot to service: QEMU start to the guest's "redis listening" serial marker with user-mode networking, and on a
 * tap device in a network namespace of the bench's own, to the first Redis PING answered from outside the VM;</li>
 * <li>memory checkpoints (MemorySnapshot.save, background-snapshot) at several guest memory sizes, just booted and with
 * most free memory filled: QEMU's downtime figure next to STOP→RESUME from QEMU's own QMP event timestamps, the whole
 * save, and a load into a new QEMU; a size the kernel cannot decompress in is reported with the bzImage's need;</li>
 * <li>disk inside the guest (busybox dd with O_DIRECT on the virtio disks): a VMDK served by our iSCSI target (an
 * {@link IscsiServer} with a {@link BlockDeviceLu} over a {@link DiskChain}, as the agent's QemuDisks does) vs QEMU's
 * vmdk driver opening the same kind of VMDK as a file, through the host page cache like our target, and with O_DIRECT;
 * plus qemu-img bench on both (no guest), labelled as such;</li>
 * <li>redis-benchmark against the guest's address on the tap, next to the same runs against a host redis-server.</li>
 * </ol>
 * Everything it creates (namespace, tap, veth, QEMUs, redis-server, files) is removed in finally blocks. Run as root:
 * {@code ./lockstep bench qemu}.
 */
@Command(name = "qemu", mixinStandardHelpOptions = true,
        description = "QEMU guests: boot to service, checkpoints vs memory, disk in the guest (our iSCSI target vs a file), redis-benchmark.")
public final class QemuBench implements Callable<Integer> {

    static final String MARKER = "lockstep-guest: redis listening on";
    static final String INITIATOR = "iqn.2026-12.io.lockstep:bench-qemu";
    static final String DISK_TARGET = "iqn.2026-12.io.lockstep:bench-qemu-disk";

    /** The guest's network on the tap (inside the namespace) and the veth between the host and the namespace. */
    static final String TAP_NET = "10.231.77";
    static final String VETH_NET = "10.231.78";
    static final String GUEST_IP = TAP_NET + ".2";

    @Option(names = "--dir", defaultValue = "work/bench/qemu")
    Path dir;

    @Option(names = "--image", description = "the image directory (vmlinuz, initrd.img); default ~/.cache/lockstep/qemu-image/image")
    Path image;

    @Option(names = "--runs", defaultValue = "3", description = "boots per boot-to-service row")
    int runs;

    @Option(names = "--memory", split = ",", defaultValue = "64,96,128,256", description = "guest memory sizes (MiB) to checkpoint")
    List<Integer> memories;

    @Option(names = "--random-ops", defaultValue = "1000", description = "4 KiB random operations per in-guest disk figure")
    int randomOps;

    @Option(names = "--seq-mib", defaultValue = "256", description = "MiB per 1 MiB sequential in-guest disk figure (a multiple of 16)")
    int seqMiB;

    @Option(names = "--redis-scale", defaultValue = "1.0", description = "scales redis-benchmark's -n (1.0: 5000 / 20000 / 100000)")
    double redisScale;

    @Option(names = "--skip", split = ",", defaultValue = "", description = "parts to skip: boot, checkpoint, disk, redis, qemu-img")
    List<String> skip;

    @Option(names = "--quick", description = "a short run for the smoke test: 1 boot per row, 64 and 128 MiB, few disk operations, small -n, no qemu-img bench")
    boolean quick;

    private Path kernel;
    private Path initrd;
    private Accel accel;

    @Override
    public Integer call() throws Exception {
        Path img = image != null ? image : Path.of(System.getProperty("user.home"), ".cache/lockstep/qemu-image/image");
        kernel = img.resolve("vmlinuz");
        initrd = img.resolve("initrd.img");
        if (!Files.isRegularFile(kernel) || !Files.isRegularFile(initrd)) {
            System.err.println("bench qemu: expected vmlinuz and initrd.img in " + img + ", found none; build the image with `./lockstep image`");
            return 2;
        }
        for (String tool : List.of("qemu-system-x86_64", "ip", "redis-benchmark", "redis-server", "redis-cli")) {
            if (!onPath(tool)) {
                System.err.println("bench qemu: expected " + tool + " on the PATH, found none (./lockstep packages bench)");
                return 2;
            }
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            System.err.println("bench qemu: expected to run as root (namespaces, taps), found user " + System.getProperty("user.name"));
            return 2;
        }
        if (quick) {
            runs = 1;
            memories = List.of(64, 128);
            randomOps = 20;
            seqMiB = 16;
            redisScale = 0.02;
            skip = concat(skip, List.of("qemu-img"));
        }
        Files.createDirectories(dir);
        accel = Accel.detect();
        System.out.println("accelerator: " + accel + "; image " + img + " (vmlinuz " + Files.size(kernel) + " B, initrd.img "
                + Files.size(initrd) + " B); host: " + Runtime.getRuntime().availableProcessors() + " CPUs shared with other agents' builds");
        long t0 = System.nanoTime();
        try (Net net = new Net("hb-qemu-" + ProcessHandle.current().pid())) {
            if (!skip.contains("boot")) {
                boot(net);
            }
            if (!skip.contains("checkpoint")) {
                checkpoints();
            }
            if (!skip.contains("disk") || !skip.contains("redis")) {
                serviceVm(net);
            }
        }
        if (!skip.contains("qemu-img")) {
            if (onPath("qemu-img")) {
                qemuImgBench();
            } else {
                System.out.println("qemu-img bench: no qemu-img on the PATH (Debian package qemu-utils), skipped");
            }
        }
        System.out.printf(Locale.ROOT, "%nwhole run: %.0f s%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    // --- 1. boot to service ---------------------------------------------------------------------------------------

    private void boot(Net net) throws Exception {
        List<Double> user = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (QemuMachine m = new QemuMachine(userNetSpec("boot" + i, 256))) {
                long t0 = System.nanoTime();
                m.start();
                m.awaitSerial(MARKER, Duration.ofSeconds(120));
                user.add((System.nanoTime() - t0) / 1e6);
            }
        }
        List<Double> tapMarker = new ArrayList<>();
        List<Double> tapPing = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (QemuMachine m = new QemuMachine(tapSpec(net, "tboot" + i, 256))) {
                long t0 = System.nanoTime();
                m.start();
                long[] markerAt = {0};
                m.addSerialListener(line -> {
                    if (line.contains(MARKER) && markerAt[0] == 0) {
                        markerAt[0] = System.nanoTime();
                    }
                });
                long pong = awaitPing(GUEST_IP, 6379, Duration.ofSeconds(120));
                m.awaitSerial(MARKER, Duration.ofSeconds(10));
                tapPing.add((pong - t0) / 1e6);
                tapMarker.add(((markerAt[0] == 0 ? System.nanoTime() : markerAt[0]) - t0) / 1e6);
            }
        }
        System.out.println();
        System.out.println("Boot to service (from QEMU start, 256 MiB, 1 vCPU, " + runs + " boots each)");
        Table b = Table.markdown("network", "service reached", "min ms", "p50 ms", "max ms");
        b.row(stats("user-mode net", "serial marker '" + MARKER + "'", user));
        b.row(stats("tap in a namespace", "serial marker '" + MARKER + "'", tapMarker));
        b.row(stats("tap in a namespace", "PING answered to a client outside the VM (+PONG)", tapPing));
        b.print(System.out);
    }

    /** Polls the guest's Redis from the host (through the veth and the namespace's tap) until it answers +PONG; when. */
    private static long awaitPing(String host, int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no attempt";
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 200);
                s.setSoTimeout(1000);
                OutputStream out = s.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] buf = new byte[16];
                int n = in.read(buf);
                String got = n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII);
                if (got.startsWith("+PONG")) {
                    return System.nanoTime();
                }
                last = "answer '" + got.strip() + "'";
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(10);
        }
        throw new IOException("expected +PONG from " + host + ":" + port + " within " + timeout.toMillis() + " ms, found " + last);
    }

    // --- 2. checkpoints vs memory ---------------------------------------------------------------------------------

    private void checkpoints() throws Exception {
        double needMiB = kernelNeedsMiB(kernel);
        Table c = Table.markdown("guest memory", "guest state", "downtime (QEMU) ms", "STOP→RESUME (QMP events) ms", "save total ms",
                "bytes", "load ms");
        for (int mem : memories) {
            try (QemuMachine m = new QemuMachine(userNetSpec("ckpt" + mem, mem))) {
                m.start();
                try {
                    m.awaitSerial(MARKER, Duration.ofSeconds(120));
                } catch (IOException e) {
                    String why = mem < needMiB
                            ? String.format(Locale.ROOT, "the kernel needs %.1f MiB to decompress", needMiB)
                            : "out of memory unpacking the initrd (see the notes)";
                    c.row(mem + " MiB", "did not boot: " + firstLine(e.getMessage()) + "; " + why, "", "", "", "", "");
                    continue;
                }
                c.row(checkpoint(m, mem, "idle, just booted"));
                // then most of what the guest has free holds random bytes (tmpfs /dev/shm, at most half the RAM):
                // the snapshot has to carry pages that are neither zero nor the image's
                m.writeSerial("a=$(awk '/MemAvailable/ {print int($2 / 1024 * 0.7)}' /proc/meminfo); dd if=/dev/urandom of=/dev/shm/fill bs=1M"
                        + " count=$a 2>/dev/null; echo \"hb\"\"fill $(du -m /dev/shm/fill | cut -f1)\"\n");
                String fill = m.awaitSerial("hbfill ", Duration.ofSeconds(300));
                Matcher f = Pattern.compile("hbfill (\\d+)").matcher(fill);
                c.row(checkpoint(m, mem, (f.find() ? f.group(1) : "?") + " MiB of random data in tmpfs"));
            }
        }
        System.out.println();
        System.out.println("Checkpoint (MemorySnapshot.save to a file, background-snapshot; QEMU's downtime and STOP→RESUME from QMP event"
                + " timestamps) and load (a new QEMU, -incoming defer), user-mode net");
        c.print(System.out);
    }

    /** One save of the running machine to a file and its load into a new QEMU; a table row. */
    private Object[] checkpoint(QemuMachine m, int mem, String state) throws IOException {
        Path file = dir.resolve("snapshot-" + mem + ".bin");
        try {
            MemorySnapshot.Saved saved;
            long before = m.qmp().lastEventSeq();
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                saved = MemorySnapshot.save(m, out, n -> { }, Duration.ofSeconds(120));
            }
            String stopResume = stopResume(m, before);
            long loadMs;
            try (QemuMachine l = new QemuMachine(userNetSpec("load" + mem, mem).withStartPaused(true)
                    .withExtraArgs(concat(userNetArgs(), MemorySnapshot.incomingArgs())))) {
                l.start();
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    long t0 = System.nanoTime();
                    MemorySnapshot.load(l, in, n -> { }, Duration.ofSeconds(120));
                    loadMs = (System.nanoTime() - t0) / 1_000_000;
                }
            }
            return new Object[] {mem + " MiB", state, saved.downtimeMillis(), stopResume, saved.totalMillis(), saved.bytes(), loadMs};
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The STOP→RESUME pairs QEMU sent during the save, in ms from its own event timestamps ("1.05", or "a + b" for two). */
    private static String stopResume(QemuMachine m, long afterSeq) throws IOException {
        // RESUME may arrive just after query-migrate said completed: wait for it briefly
        try {
            m.qmp().awaitEvent("RESUME", afterSeq, Duration.ofSeconds(5));
        } catch (IOException e) {
            return "no RESUME event";
        }
        List<String> pairs = new ArrayList<>();
        long stop = -1;
        for (QmpEvent e : m.qmp().recentEvents()) {
            if (e.seq() <= afterSeq) {
                continue;
            }
            if (e.name().equals("STOP")) {
                stop = e.qemuMicros();
            } else if (e.name().equals("RESUME") && stop >= 0) {
                pairs.add(String.format(Locale.ROOT, "%.2f", (e.qemuMicros() - stop) / 1000.0));
                stop = -1;
            }
        }
        return pairs.isEmpty() ? "no STOP/RESUME pair" : String.join(" + ", pairs);
    }

    /**
     * What the bzImage needs below its end to decompress: its preferred load address plus init_size (boot protocol
     * 2.10+ header fields at 0x258 and 0x260), in MiB; 0 when the header is not one.
     */
    static double kernelNeedsMiB(Path bzImage) throws IOException {
        byte[] h = new byte[0x268];
        try (InputStream in = Files.newInputStream(bzImage)) {
            if (in.readNBytes(h, 0, h.length) < h.length) {
                return 0;
            }
        }
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0x202) != 0x53726448 || (b.getShort(0x206) & 0xffff) < 0x20a) { // "HdrS", protocol 2.10
            return 0;
        }
        return (b.getLong(0x258) + (b.getInt(0x260) & 0xffffffffL)) / (double) (1 << 20);
    }

    // --- 3 and 4. the service VM: disks in the guest, redis-benchmark ----------------------------------------------

    private void serviceVm(Net net) throws Exception {
        long bytes = 256L << 20;
        Path served = dir.resolve("served.vmdk");
        Path cached = dir.resolve("file-pagecache.vmdk");
        Path direct = dir.resolve("file-direct.vmdk");
        List<Path> files = List.of(served, cached, direct);
        try {
            for (Path f : files) {
                Files.deleteIfExists(f);
                DiskChain.create(f, bytes);
            }
            try (DiskChain chain = DiskChain.open(served, true)) {
                BlockDeviceLu lu = new BlockDeviceLu(chain, "vmdk:" + served);
                try (IscsiServer ours = new IscsiServer(new InetSocketAddress(net.hostIp(), 0),
                        new IscsiServer.Masking().lun(DISK_TARGET, 0, lu::open).allow(DISK_TARGET, INITIATOR))) {
                    String[] hp = ours.portal().split(":");
                    List<String> args = new ArrayList<>(List.of("-no-reboot",
                            "-blockdev", "driver=iscsi,node-name=d0,transport=tcp,portal=" + hp[0] + ":" + hp[1] + ",target=" + DISK_TARGET
                                    + ",lun=0,initiator-name=" + INITIATOR,
                            "-device", "virtio-blk-pci,drive=d0,serial=hb-iscsi",
                            "-blockdev", "driver=vmdk,node-name=d1,file.driver=file,file.filename=" + cached.toAbsolutePath()
                                    + ",file.cache.direct=off",
                            "-device", "virtio-blk-pci,drive=d1,serial=hb-pagecache",
                            "-blockdev", "driver=vmdk,node-name=d2,cache.direct=on,file.driver=file,file.filename=" + direct.toAbsolutePath()
                                    + ",file.cache.direct=on,file.aio=threads",
                            "-device", "virtio-blk-pci,drive=d2,serial=hb-direct"));
                    try (QemuMachine m = new QemuMachine(tapSpec(net, "svc", 256).withExtraArgs(args))) {
                        m.start();
                        m.awaitSerial(MARKER, Duration.ofSeconds(180));
                        awaitPing(GUEST_IP, 6379, Duration.ofSeconds(30));
                        if (!skip.contains("disk")) {
                            guestDisks(m);
                        }
                        if (!skip.contains("redis")) {
                            redis(net);
                        }
                    }
                }
            }
        } finally {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static final Pattern RESULT = Pattern.compile("hbres (\\S+) ([0-9.]+) ([0-9.]+)");

    /** Runs one shell line on the guest's serial console; waits for its "hbres NAME T0 T1" line; seconds (guest uptime). */
    private static double guestTimed(QemuMachine m, String name, String command) throws IOException {
        // "hb""res" in the command: the console's echo of the typed line does not match the marker, the output does
        String line = "t0=$(cut -d' ' -f1 /proc/uptime); " + command + "; echo \"hb\"\"res " + name + " $t0 $(cut -d' ' -f1 /proc/uptime)\"\n";
        m.writeSerial(line);
        String got = m.awaitSerial("hbres " + name + " ", Duration.ofSeconds(300));
        Matcher r = RESULT.matcher(got);
        if (!r.find()) {
            throw new IOException("expected 'hbres " + name + " T0 T1' on the guest's console, found: " + got);
        }
        return Double.parseDouble(r.group(3)) - Double.parseDouble(r.group(2));
    }

    private void guestDisks(QemuMachine m) throws IOException {
        // which /dev/vdX is which (by the serial QEMU gives each disk)
        m.writeSerial("for d in /sys/block/vd*; do echo \"hb\"\"dev ${d##*/} $(cat $d/serial)\"; done; echo \"hb\"\"dev end\"\n");
        m.awaitSerial("hbdev end", Duration.ofSeconds(30));
        Map<String, String> dev = new LinkedHashMap<>();
        Matcher dm = Pattern.compile("hbdev (vd[a-z]+) (hb-[a-z]+)").matcher(m.serialTail());
        while (dm.find()) {
            dev.put(dm.group(2), dm.group(1));
        }
        if (dev.size() != 3) {
            throw new IOException("expected the guest to see 3 disks (hb-iscsi, hb-pagecache, hb-direct), found " + dev);
        }
        int blocks = 256 * 256; // 4 KiB blocks on a 256 MiB disk
        // the data written: 16 MiB of random bytes in the guest's RAM (no zero-detection anywhere can shortcut it)
        guestTimed(m, "pattern", "dd if=/dev/urandom of=/tmp/pat bs=1M count=16 2>/dev/null");
        // one function: N operations at pseudo-random 4 KiB blocks (the same LCG sequence on every disk), each its own dd
        m.writeSerial("rnd() { r=1; i=0; while [ $i -lt $1 ]; do r=$(((r*1103515245+12345)%2147483648)); o=$((r%" + blocks
                + ")); eval \"$2\"; i=$((i+1)); done; }; echo \"hb\"\"ok rnd\"\n");
        m.awaitSerial("hbok rnd", Duration.ofSeconds(30));
        int n = randomOps;
        double spawn = guestTimed(m, "spawn", "rnd " + n + " 'dd if=/dev/zero of=/dev/null bs=4096 count=1 skip=$o 2>/dev/null'");
        Table t = Table.markdown("disk in the guest (256 MiB VMDK, virtio-blk)", "host side", "4 KiB random writes", "4 KiB random reads",
                "1 MiB seq writes", "1 MiB seq reads");
        String[][] disks = {
            {"hb-iscsi", "Lockstep iSCSI target over a DiskChain (QEMU's iSCSI driver)", "target's FileChannel: page cache"},
            {"hb-pagecache", "QEMU's vmdk driver on the file", "page cache (cache.direct=off)"},
            {"hb-direct", "QEMU's vmdk driver on the file", "O_DIRECT (cache.direct=on)"},
        };
        int chunks = Math.max(1, seqMiB / 16);
        long seqBytes = chunks * 16L << 20;
        for (String[] d : disks) {
            String v = "/dev/" + dev.get(d[0]);
            double rw = guestTimed(m, "rw-" + d[0], "rnd " + n + " 'dd if=/tmp/pat of=" + v + " bs=4096 count=1 seek=$o oflag=direct conv=notrunc 2>/dev/null'");
            double rr = guestTimed(m, "rr-" + d[0], "rnd " + n + " 'dd if=" + v + " of=/dev/null bs=4096 count=1 skip=$o iflag=direct 2>/dev/null'");
            double sw = guestTimed(m, "sw-" + d[0], "for k in $(seq 0 " + (chunks - 1) + "); do dd if=/tmp/pat of=" + v
                    + " bs=1M count=16 seek=$((k*16)) oflag=direct conv=notrunc 2>/dev/null; done");
            double sr = guestTimed(m, "sr-" + d[0], "dd if=" + v + " of=/dev/null bs=1M count=" + (chunks * 16) + " iflag=direct 2>/dev/null");
            t.row(d[1], d[2], random(n, rw, spawn), random(n, rr, spawn), mbps(seqBytes, sw), mbps(seqBytes, sr));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Disk inside the guest: busybox dd with O_DIRECT in the guest, queue depth 1; 4 KiB random: %d ops, one dd"
                + " each at LCG-chosen blocks (same blocks on every disk, writes first so reads hit written grains), shown as ops/s and as"
                + " ms per op after subtracting the dd start-up cost measured in the same guest (%.2f ms per dd on /dev/zero);"
                + " 1 MiB sequential: %d MiB; guest uptime clock (10 ms resolution)%n", n, spawn * 1000 / n, seqBytes >> 20);
        t.print(System.out);
    }

    private static String random(int n, double seconds, double spawnSeconds) {
        if (seconds <= 0) {
            return "too fast to time";
        }
        double perOp = (seconds - spawnSeconds) * 1000 / n;
        return String.format(Locale.ROOT, "%.0f ops/s (%.2f ms/op net)", n / seconds, perOp);
    }

    private static String mbps(long bytes, double seconds) {
        return seconds <= 0 ? "too fast to time" : String.format(Locale.ROOT, "%.0f MB/s", bytes / 1e6 / seconds);
    }

    private void redis(Net net) throws Exception {
        int hostPort = 6390;
        Process server = new ProcessBuilder("ip", "netns", "exec", net.ns, "redis-server", "--bind", "127.0.0.1", "--port",
                Integer.toString(hostPort), "--save", "", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no",
                "--logfile", "")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitHostRedis(net, hostPort);
            String[][] configs = {
                {"-c 1", String.valueOf(scaled(5000))},
                {"-c 50", String.valueOf(scaled(20000))},
                {"-c 50 -P 16", String.valueOf(scaled(100000))},
            };
            Table t = Table.markdown("redis-benchmark", "-n", "VM SET req/s (p50 ms)", "VM GET req/s (p50 ms)",
                    "host SET req/s (p50 ms)", "host GET req/s (p50 ms)");
            for (String[] c : configs) {
                Map<String, String> vm = redisBenchmark(net, GUEST_IP, 6379, c[0], c[1]);
                Map<String, String> host = redisBenchmark(net, "127.0.0.1", hostPort, c[0], c[1]);
                t.row(c[0], c[1], vm.get("SET"), vm.get("GET"), host.get("SET"), host.get("GET"));
            }
            System.out.println();
            System.out.println("redis-benchmark (-t set,get, 3-byte values) from the namespace: the VM through its tap (" + GUEST_IP
                    + ":6379, Redis 7.0 in a TCG guest, 1 vCPU) vs a host redis-server on the namespace's loopback (same version); the"
                    + " client shares the 2 host CPUs with QEMU");
            t.print(System.out);
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private int scaled(int n) {
        return Math.max(100, (int) Math.round(n * redisScale));
    }

    private static void awaitHostRedis(Net net, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try {
                if (run(List.of("ip", "netns", "exec", net.ns, "redis-cli", "-p", Integer.toString(port), "ping"), 10).contains("PONG")) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(50);
        }
        throw new IOException("expected the host redis-server in " + net.ns + " to answer PING on 127.0.0.1:" + port + " within 20 s, found no answer");
    }

    /** One redis-benchmark run (SET and GET) in the namespace; "TEST" → "rps (p50 ms)". */
    private static Map<String, String> redisBenchmark(Net net, String host, int port, String opts, String n) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", net.ns, "redis-benchmark", "-h", host, "-p", Integer.toString(port),
                "-n", n, "-t", "set,get", "--csv"));
        cmd.addAll(List.of(opts.split(" ")));
        String out = run(cmd, 180);
        Map<String, String> r = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.replace("\"", "").split(",");
            if (f.length >= 5 && (f[0].equals("SET") || f[0].equals("GET"))) {
                r.put(f[0], String.format(Locale.ROOT, "%.0f (%s)", Double.parseDouble(f[1]), f[4]));
            }
        }
        if (r.size() != 2) {
            throw new IOException("expected SET and GET lines from " + String.join(" ", cmd) + ", found: " + out.strip());
        }
        return r;
    }

    // --- qemu-img bench (no guest) ---------------------------------------------------------------------------------

    private void qemuImgBench() throws Exception {
        long bytes = 256L << 20;
        Path served = dir.resolve("served.vmdk");
        Path plain = dir.resolve("plain.vmdk");
        Table t = Table.markdown("qemu-img bench, no guest (256 MiB VMDK)", "4 KiB writes", "4 KiB reads", "1 MiB writes", "1 MiB reads");
        try {
            Files.deleteIfExists(served);
            Files.deleteIfExists(plain);
            DiskChain.create(served, bytes);
            DiskChain.create(plain, bytes);
            try (DiskChain chain = DiskChain.open(served, true)) {
                BlockDeviceLu lu = new BlockDeviceLu(chain, "vmdk:" + served);
                try (IscsiServer ours = new IscsiServer(new InetSocketAddress("127.0.0.1", 0),
                        new IscsiServer.Masking().lun(DISK_TARGET, 0, lu::open).allow(DISK_TARGET, INITIATOR))) {
                    String[] hp = ours.portal().split(":");
                    String iscsi = "driver=iscsi,transport=tcp,portal=" + hp[0] + ":" + hp[1] + ",target=" + DISK_TARGET + ",lun=0,initiator-name=" + INITIATOR;
                    t.row(qemuImgRow("Lockstep iSCSI target (target: page cache)", iscsi));
                }
            }
            t.row(qemuImgRow("QEMU's vmdk driver on the file (-t none: O_DIRECT)", "driver=vmdk,file.driver=file,file.filename=" + plain.toAbsolutePath()));
        } finally {
            Files.deleteIfExists(served);
            Files.deleteIfExists(plain);
        }
        System.out.println();
        System.out.println("qemu-img bench, QEMU's block layer without a guest (queue depth 1, -t none; 4 KiB at 1 MiB + 4 KiB strides, 2000 ops;"
                + " 1 MiB sequential, 256 ops; writes first): -t none is O_DIRECT for the file and nothing for our target, so these two rows"
                + " are not like for like (the in-guest table is)");
        t.print(System.out);
    }

    private static Object[] qemuImgRow(String name, String opts) {
        return new Object[] {name, qemuImg(opts, true, 4096, 2000), qemuImg(opts, false, 4096, 2000), qemuImg(opts, true, 1 << 20, 256),
                qemuImg(opts, false, 1 << 20, 256)};
    }

    private static String qemuImg(String opts, boolean write, int size, int count) {
        long stride = size == 4096 ? (1 << 20) + 4096 : size;
        List<String> cmd = new ArrayList<>(List.of("qemu-img", "bench", "--image-opts", "-s", Integer.toString(size), "-c",
                Integer.toString(count), "-d", "1", "-S", Long.toString(stride), "-t", "none"));
        if (write) {
            cmd.add(2, "-w");
        }
        cmd.add(opts);
        try {
            String out = run(cmd, 60);
            Matcher m = Pattern.compile("Run completed in ([0-9.]+) seconds").matcher(out);
            if (!m.find()) {
                return "? " + out.strip().replace('\n', ' ').replace('|', '/');
            }
            double s = Double.parseDouble(m.group(1));
            return size == 4096 ? String.format(Locale.ROOT, "%.0f IOPS", count / s)
                    : String.format(Locale.ROOT, "%.0f MB/s", count * (double) size / 1e6 / s);
        } catch (Exception e) {
            return "failed: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("").replace('|', '/');
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** Runs a command; its output; throws on a non-zero exit or when it takes longer than {@code seconds}. */
    private static String run(List<String> cmd, int seconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("lockstep-bench-qemu", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IOException(String.join(" ", cmd) + " did not finish in " + seconds + " s");
            }
            String said = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + said.strip().replace('\n', ' '));
            }
            return said;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static List<String> userNetArgs() {
        return List.of("-no-reboot", "-netdev", "user,id=n0", "-device", "virtio-net-pci,netdev=n0");
    }

    private QemuSpec userNetSpec(String name, int mem) {
        String append = "console=ttyS0 panic=-1 quiet lockstep.ip=10.0.2.15/24 lockstep.gw=10.0.2.2 lockstep.name=" + name;
        return QemuSpec.kernel(name, mem, 1, kernel, initrd, append).withAccel(accel).withExtraArgs(userNetArgs());
    }

    private QemuSpec tapSpec(Net net, String name, int mem) {
        String append = "console=ttyS0 panic=-1 quiet lockstep.ip=" + GUEST_IP + "/24 lockstep.gw=" + TAP_NET + ".1 lockstep.name=" + name
                + " lockstep.redis.port=6379";
        return QemuSpec.kernel(name, mem, 1, kernel, initrd, append).withAccel(accel).withNic("tap0", "52:54:00:e7:4d:02")
                .withNetns(net.ns).withExtraArgs(List.of("-no-reboot"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> c = new ArrayList<>(a);
        c.addAll(b);
        return c;
    }

    private static Object[] stats(String network, String what, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        return new Object[] {network, what, fmt(s.get(0)), fmt(s.get(s.size() / 2)), fmt(s.get(s.size() - 1))};
    }

    private static String firstLine(String s) {
        String t = s == null ? "" : s.replace('|', '/');
        int i = t.indexOf("shutdown reason:");
        return i >= 0 ? t.substring(i).lines().findFirst().orElse("") : t.lines().findFirst().orElse("");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bench's network: a namespace holding the guests' tap (tap0, {@value #TAP_NET}.1/24, forwarding on) and one
     * end of a veth pair whose other end stays on the host ({@value #VETH_NET}.1/30), with a host route to the guests'
     * network through it. QEMU runs inside the namespace; the host reaches the guest (PING, our iSCSI target on the
     * veth address) through the veth. Closing deletes the namespace, which takes the tap, the veth pair and the route.
     */
    static final class Net implements AutoCloseable {
        final String ns;
        final String hostIf;
        final String nsIf;

        Net(String ns) throws IOException, InterruptedException {
            this.ns = ns;
            String id = Long.toString(ProcessHandle.current().pid() % 1_000_000);
            this.hostIf = "hbh" + id;
            this.nsIf = "hbn" + id;
            sh("ip", "netns", "add", ns);
            try {
                ip("ip", "link", "set", "lo", "up");
                ip("ip", "tuntap", "add", "dev", "tap0", "mode", "tap");
                ip("ip", "addr", "add", TAP_NET + ".1/24", "dev", "tap0");
                ip("ip", "link", "set", "tap0", "up");
                ip("sysctl", "-qw", "net.ipv4.ip_forward=1");
                sh("ip", "link", "add", hostIf, "type", "veth", "peer", "name", nsIf);
                sh("ip", "link", "set", nsIf, "netns", ns);
                sh("ip", "addr", "add", VETH_NET + ".1/30", "dev", hostIf);
                sh("ip", "link", "set", hostIf, "up");
                ip("ip", "addr", "add", VETH_NET + ".2/30", "dev", nsIf);
                ip("ip", "link", "set", nsIf, "up");
                sh("ip", "route", "add", TAP_NET + ".0/24", "via", VETH_NET + ".2", "dev", hostIf);
            } catch (IOException | InterruptedException | RuntimeException e) {
                close();
                throw e;
            }
        }

        String hostIp() {
            return VETH_NET + ".1";
        }

        private void ip(String... cmd) throws IOException, InterruptedException {
            List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
            c.addAll(List.of(cmd));
            run(c, 30);
        }

        private static void sh(String... cmd) throws IOException, InterruptedException {
            run(List.of(cmd), 30);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            try {
                run(List.of("ip", "netns", "delete", ns), 30);
            } finally {
                // the veth pair goes with the namespace; should the move have failed, its host end is still here
                try {
                    run(List.of("ip", "link", "delete", hostIf), 30);
                } catch (IOException e) {
                    // already gone: the usual case
                }
            }
        }
    }
}
