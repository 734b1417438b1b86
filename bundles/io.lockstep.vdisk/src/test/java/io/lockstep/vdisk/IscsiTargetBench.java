package io.lockstep.vdisk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lockstep.storage.file.FileMedium;
import io.lockstep.storage.iscsi.IscsiServer;
import io.lockstep.storage.iscsi.TgtTarget;

/**
 * Not a test: Lockstep's iSCSI target against Debian's tgt, side by side, measured with initiators nobody here wrote —
 * libiscsi's {@code iscsi-perf} (reads) and {@code qemu-img bench} (writes, through QEMU's iscsi driver). Three
 * logical units of the same size on the same disk: a LUN file and a VMDK chain behind {@link IscsiServer}, a plain
 * file behind a private tgtd (one I/O thread, as {@link TgtTarget} starts it). Prints one table.
 *
 * <pre>
 * java -cp bundles/io.lockstep.storage/target/classes:bundles/io.lockstep.cluster/target/classes:\
 *   bundles/io.lockstep.vdisk/target/classes:bundles/io.lockstep.vdisk/target/test-classes \
 *   io.lockstep.vdisk.IscsiTargetBench [dir] [seconds]
 * </pre>
 * (as root: tgtd needs it).
 */
public final class IscsiTargetBench {

    static final String INITIATOR = "iqn.2026-12.io.lockstep:bench";
    static final long BYTES = 256L << 20;

    /** A logical unit to measure ({@code lun}: tgt's disks start at LUN 1, LUN 0 being its controller). */
    record Lun(String name, String portal, String target, int lun) {
        String url() {
            return "iscsi://" + portal + "/" + target + "/" + lun;
        }

        String opts() {
            return "driver=iscsi,transport=tcp,portal=" + portal + ",target=" + target + ",lun=" + lun + ",initiator-name=" + INITIATOR;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/lockstep-iscsi-bench");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Files.createDirectories(dir);
        Path lunFile = dir.resolve("bench.lun");
        Files.deleteIfExists(lunFile);
        FileMedium.create(lunFile, 512, BYTES / 512);
        Path base = dir.resolve("bench-base.vmdk");
        Path top = dir.resolve("bench-top.vmdk");
        Files.deleteIfExists(base);
        Files.deleteIfExists(top);
        DiskChain.create(base, BYTES);
        DiskChain.createDelta(base, top);
        List<String[]> rows = new ArrayList<>();
        try (DiskChain chain = DiskChain.open(top, true)) {
            BlockDeviceLu vmdk = new BlockDeviceLu(chain, "vmdk:" + top);
            String t1 = "iqn.2026-12.io.lockstep:bench-lunfile";
            String t2 = "iqn.2026-12.io.lockstep:bench-vmdk";
            try (IscsiServer ours = new IscsiServer(new InetSocketAddress("127.0.0.1", 0), new IscsiServer.Masking()
                    .lun(t1, 0, i -> FileMedium.open(lunFile, i)).allow(t1, INITIATOR).lun(t2, 0, vmdk::open).allow(t2, INITIATOR));
                    TgtTarget tgt = TgtTarget.start(dir.resolve("tgt"))) {
                TgtTarget.Lun t = tgt.lun("bench", BYTES, List.of(INITIATOR));
                List<Lun> luns = List.of(new Lun("Lockstep target, LUN file", ours.portal(), t1, 0),
                        new Lun("Lockstep target, VMDK chain", ours.portal(), t2, 0),
                        new Lun("tgt 1.0.85 (-t 1), plain file", "127.0.0.1:" + tgt.port(), t.target(), 1));
                for (Lun lun : luns) {
                    fill(lun); // every block written once: the VMDK grains exist, reads are not of holes
                    rows.add(new String[] {lun.name(),
                            perf(lun, seconds, 8, 1, true), perf(lun, seconds, 8, 8, true), perf(lun, seconds, 2048, 1, false),
                            bench(lun, 4096, 20000, 1, 1 << 20), bench(lun, 4096, 40000, 8, 1 << 20), bench(lun, 1 << 20, 400, 1, 1 << 20)});
                }
            }
        }
        String[] head = {"target", "4K rand read QD1", "4K rand read QD8", "1M seq read QD1", "4K write QD1", "4K write QD8", "1M seq write QD1"};
        System.out.println(String.join(" | ", head));
        for (String[] r : rows) {
            System.out.println(String.join(" | ", r));
        }
    }

    private static void fill(Lun lun) throws Exception {
        run("qemu-img", "bench", "-w", "--image-opts", "-s", "1M", "-c", Long.toString(BYTES >> 20), "-d", "4", "--pattern=0x5a",
                lun.opts());
    }

    /** iscsi-perf: reads only; {@code random} or sequential; its own average over {@code seconds}. */
    private static String perf(Lun lun, int seconds, int blocks, int depth, boolean random) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("iscsi-perf", "-i", INITIATOR, "-m", Integer.toString(depth), "-b", Integer.toString(blocks), "-t",
                Integer.toString(seconds)));
        if (random) {
            cmd.add("-r");
        }
        cmd.add(lun.url());
        String out = run(cmd.toArray(String[]::new));
        String last = null;
        Matcher all = Pattern.compile("iops average (\\d+) \\((\\d+) MB/s\\)").matcher(out);
        while (all.find()) {
            last = blocks == 8 ? all.group(1) + " IOPS" : all.group(2) + " MB/s";
        }
        return last == null ? "? (" + out.strip().replace('\n', ' ') + ")" : last;
    }

    /** qemu-img bench writes of {@code size} bytes, {@code step} apart (wrapping inside the LUN), {@code depth} in flight. */
    private static String bench(Lun lun, int size, int count, int depth, long step) throws Exception {
        long stride = size == 4096 ? step + 4096 : size; // 4 KiB writes scattered 1 MiB + 4 KiB apart; 1 MiB ones sequential
        int n = count; // qemu-img bench wraps the offset inside the image
        String out = run("qemu-img", "bench", "-w", "--image-opts", "-s", Integer.toString(size), "-c", Integer.toString(n), "-d",
                Integer.toString(depth), "-S", Long.toString(stride), lun.opts());
        Matcher m = Pattern.compile("Run completed in ([0-9.]+) seconds").matcher(out);
        if (!m.find()) {
            return "? (" + out.strip().replace('\n', ' ') + ")";
        }
        double s = Double.parseDouble(m.group(1));
        return size == 4096 ? String.format(Locale.ROOT, "%.0f IOPS", n / s) : String.format(Locale.ROOT, "%.0f MB/s", n * (double) size / 1e6 / s);
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("lockstep-bench", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IOException(String.join(" ", cmd) + " did not finish in 300 s");
            }
            String said = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + said);
            }
            return said;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
