package io.lockstep.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.lockstep.cli.Table;
import io.lockstep.storage.iscsi.IscsiServer;
import io.lockstep.vdisk.BlockDeviceLu;
import io.lockstep.vdisk.DiskChain;
import io.lockstep.qemu.Accel;
import io.lockstep.qemu.MemorySnapshot;
import io.lockstep.qemu.QemuMachine;
import io.lockstep.qemu.QemuSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * QEMU guests of the default image, measured: boot to service (QEMU start to the guest's "redis listening" marker on
 * the serial console, user-mode networking), and memory checkpoints (MemorySnapshot.save to a file, then load into a
 * new QEMU started with -incoming defer) at several memory sizes. Run as root: {@code ./lockstep bench qemu}.
 */
@Command(name = "qemu", mixinStandardHelpOptions = true, description = "QEMU guests: boot to service, checkpoint and load.")
public final class QemuBench implements Callable<Integer> {

    static final String MARKER = "lockstep-guest: redis listening on";

    @Option(names = "--dir", defaultValue = "work/bench/qemu")
    Path dir;

    @Option(names = "--image", description = "the image directory (vmlinuz, initrd.img); default ~/.cache/lockstep/qemu-image/image")
    Path image;

    @Option(names = "--runs", defaultValue = "3")
    int runs;

    @Option(names = "--memory", split = ",", defaultValue = "64,128,256", description = "guest memory sizes (MiB) to checkpoint")
    List<Integer> memories;

    @Override
    public Integer call() throws Exception {
        Path img = image != null ? image : Path.of(System.getProperty("user.home"), ".cache/lockstep/qemu-image/image");
        Path kernel = img.resolve("vmlinuz");
        Path initrd = img.resolve("initrd.img");
        if (!Files.isRegularFile(kernel) || !Files.isRegularFile(initrd)) {
            System.err.println("bench qemu: expected vmlinuz and initrd.img in " + img + ", found none; build the image with `./lockstep image`");
            return 2;
        }
        if (!onPath("qemu-system-x86_64")) {
            System.err.println("bench qemu: expected qemu-system-x86_64 on the PATH, found none (Debian package qemu-system-x86)");
            return 2;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            System.err.println("bench qemu: expected to run as root, found user " + System.getProperty("user.name"));
            return 2;
        }
        Files.createDirectories(dir);
        Accel accel = Accel.detect();
        System.out.println("accelerator: " + accel);

        // 1. Boot to service.
        List<Double> boots = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (QemuMachine m = new QemuMachine(spec("boot" + i, 256, kernel, initrd, accel, false))) {
                long t0 = System.nanoTime();
                m.start();
                m.awaitSerial(MARKER, Duration.ofSeconds(120));
                boots.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Collections.sort(boots);
        System.out.println();
        System.out.println("Boot to service (QEMU start → serial marker '" + MARKER + "', user-mode net, " + runs + " runs)");
        Table b = Table.markdown("accel", "runs", "min ms", "p50 ms", "max ms");
        b.row(accel, boots.size(), ms(boots.get(0)), ms(boots.get(boots.size() / 2)), ms(boots.get(boots.size() - 1)));
        b.print(System.out);

        // 2. Checkpoint and load.
        Table c = Table.markdown("guest memory", "downtime (QEMU) ms", "save total ms", "bytes", "load ms");
        for (int mem : memories) {
            Path file = dir.resolve("snapshot-" + mem + ".bin");
            MemorySnapshot.Saved saved;
            try (QemuMachine m = new QemuMachine(spec("ckpt" + mem, mem, kernel, initrd, accel, false))) {
                m.start();
                try {
                    m.awaitSerial(MARKER, Duration.ofSeconds(120));
                } catch (IOException e) {
                    // The image's initrd is unpacked into RAM: too small a guest resets before its service starts.
                    c.row(mem + " MiB", "did not boot: " + firstLine(e.getMessage()), "", "", "");
                    continue;
                }
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    saved = MemorySnapshot.save(m, out, n -> { }, Duration.ofSeconds(120));
                }
            }
            long loadMs;
            List<String> incoming = MemorySnapshot.incomingArgs();
            try (QemuMachine m = new QemuMachine(spec("load" + mem, mem, kernel, initrd, accel, true, incoming))) {
                m.start();
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    long t0 = System.nanoTime();
                    MemorySnapshot.load(m, in, n -> { }, Duration.ofSeconds(120));
                    loadMs = (System.nanoTime() - t0) / 1_000_000;
                }
            } finally {
                Files.deleteIfExists(file);
            }
            c.row(mem + " MiB", saved.downtimeMillis(), saved.totalMillis(), saved.bytes(), loadMs);
        }
        System.out.println();
        System.out.println("Checkpoint (MemorySnapshot.save to a file) and load (new QEMU, -incoming defer)");
        c.print(System.out);

        // 3. Disk: the same kind of VMDK (DiskChain.create, 256 MiB) through our iSCSI target vs QEMU's own vmdk driver,
        // measured with qemu-img bench (QEMU's block layer, no guest).
        if (onPath("qemu-img")) {
            disk();
        } else {
            System.out.println("disk: no qemu-img on the PATH (Debian package qemu-utils), skipped");
        }
        return 0;
    }

    static final String INITIATOR = "iqn.2026-12.io.lockstep:bench-qemu";

    private void disk() throws Exception {
        long bytes = 256L << 20;
        Path served = dir.resolve("served.vmdk");
        Path plain = dir.resolve("plain.vmdk");
        Files.deleteIfExists(served);
        Files.deleteIfExists(plain);
        DiskChain.create(served, bytes);
        DiskChain.create(plain, bytes);
        Table t = Table.markdown("disk (256 MiB VMDK)", "4 KiB writes", "4 KiB reads", "1 MiB writes", "1 MiB reads");
        try (DiskChain chain = DiskChain.open(served, true)) {
            BlockDeviceLu lu = new BlockDeviceLu(chain, "vmdk:" + served);
            String target = "iqn.2026-12.io.lockstep:bench-qemu-disk";
            try (IscsiServer ours = new IscsiServer(new InetSocketAddress("127.0.0.1", 0),
                    new IscsiServer.Masking().lun(target, 0, lu::open).allow(target, INITIATOR))) {
                String[] hp = ours.portal().split(":");
                String iscsi = "driver=iscsi,transport=tcp,portal=" + hp[0] + ":" + hp[1] + ",target=" + target + ",lun=0,initiator-name=" + INITIATOR;
                t.row(row("Lockstep iSCSI target over a DiskChain", iscsi));
            }
        }
        t.row(row("QEMU's vmdk driver on the file", "driver=vmdk,file.driver=file,file.filename=" + plain.toAbsolutePath()));
        Files.deleteIfExists(served);
        Files.deleteIfExists(plain);
        System.out.println();
        System.out.println("Disk: qemu-img bench (queue depth 1; 4 KiB at 1 MiB + 4 KiB strides, 2000 ops; 1 MiB sequential, 256 ops); writes first so reads hit allocated grains");
        t.print(System.out);
    }

    private static Object[] row(String name, String opts) {
        return new Object[] {name, bench(opts, true, 4096, 2000), bench(opts, false, 4096, 2000), bench(opts, true, 1 << 20, 256),
                bench(opts, false, 1 << 20, 256)};
    }

    private static String bench(String opts, boolean write, int size, int count) {
        long stride = size == 4096 ? (1 << 20) + 4096 : size;
        List<String> cmd = new ArrayList<>(List.of("qemu-img", "bench", "--image-opts", "-s", Integer.toString(size), "-c",
                Integer.toString(count), "-d", "1", "-S", Long.toString(stride), "-t", "none"));
        if (write) {
            cmd.add(2, "-w");
        }
        cmd.add(opts);
        try {
            String out = run(cmd);
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

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("lockstep-bench-qemu", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IOException(String.join(" ", cmd) + " did not finish in 60 s");
            }
            String said = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException("qemu-img bench exited " + p.exitValue() + ": " + said.strip().replace('\n', ' '));
            }
            return said;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static QemuSpec spec(String name, int mem, Path kernel, Path initrd, Accel accel, boolean paused) {
        return spec(name, mem, kernel, initrd, accel, paused, List.of());
    }

    private static QemuSpec spec(String name, int mem, Path kernel, Path initrd, Accel accel, boolean paused, List<String> more) {
        List<String> extra = new ArrayList<>(List.of("-no-reboot", "-netdev", "user,id=n0", "-device", "virtio-net-pci,netdev=n0"));
        extra.addAll(more);
        String append = "console=ttyS0 panic=-1 quiet lockstep.ip=10.0.2.15/24 lockstep.gw=10.0.2.2 lockstep.name=" + name;
        return QemuSpec.kernel(name, mem, 1, kernel, initrd, append).withAccel(accel).withStartPaused(paused).withExtraArgs(extra);
    }

    private static String firstLine(String s) {
        String t = s == null ? "" : s.replace('|', '/');
        int i = t.indexOf("shutdown reason:");
        return i >= 0 ? t.substring(i) : t.lines().findFirst().orElse("");
    }

    private static String ms(double v) {
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
}
