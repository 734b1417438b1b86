package io.lockstep.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.lockstep.cli.Table;
import io.lockstep.vdisk.DiskChain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The virtual disk benchmark, side by side in one run: sequential and random 4 KiB writes and reads through a
 * 1-deep and a 4-deep chain, and committing a delta — Lockstep's VMDK code, a raw file doing the same I/O,
 * and qemu doing the same job on the same kind of files (qemu-io fed the same operations, qemu-img convert
 * for a sequential write, qemu-img commit on an identical copy of the chain). Every figure includes the
 * final flush. Run: {@code ./lockstep bench vdisk}.
 */
@Command(name = "vdisk", mixinStandardHelpOptions = true, description = "VMDK throughput vs a raw file and qemu.")
public final class VdiskBench implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "work/bench/vdisk")
    Path dir;

    @Option(names = "--size-mib", defaultValue = "1024", description = "virtual disk size")
    int sizeMib;

    @Option(names = "--sequential-mib", defaultValue = "256", description = "how much a sequential pass moves")
    int seqMib;

    @Option(names = "--random-ops", defaultValue = "20000", description = "4 KiB operations per random pass")
    int randomOps;

    @Option(names = "--quick", description = "a smoke run: 64 MiB disk, 16 MiB passes, 500 operations")
    boolean quick;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new VdiskBench()).execute(args));
    }

    /**
     * When the data must be on the disk: once at the end of a pass (the guest's own flush), or after every write
     * (a guest that flushes each write, or writes with FUA). qemu is given the same: its cache mode writeback and a
     * flush at the end, or writethrough (qemu-io's default), which flushes after every write request.
     */
    enum Flushes {
        AT_END("one, at the end", "writeback"),
        /** qemu without the flush its VMDK driver issues for every newly allocated grain, which writeback keeps. */
        AT_END_UNORDERED("one, at the end; qemu -t unsafe + sync --data", "unsafe"),
        EVERY_WRITE("one per write", "writethrough");

        final String label;
        final String qemuCache;

        Flushes(String label, String qemuCache) {
            this.label = label;
            this.qemuCache = qemuCache;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (quick) {
            sizeMib = 64;
            seqMib = 16;
            randomOps = 500;
        }
        Files.createDirectories(dir);
        out.printf("Lockstep virtual disk benchmark — %d MiB disk, sequential passes of %d MiB in 1 MiB I/Os, %d random 4 KiB I/Os, %s%n%n",
                sizeMib, seqMib, randomOps, Files.getFileStore(dir).type());
        Table t = Table.markdown("operation", "flushes", "raw file MB/s", "Lockstep VMDK MB/s", "qemu-io MB/s", "qemu-img bench MB/s",
                "Lockstep / qemu-io", "Lockstep / qemu-img bench", "Lockstep / raw");
        long bytes = (long) sizeMib << 20;
        byte[] seqData = random(1, seqMib << 20);
        long[] seqLbas = new long[seqData.length >> 20];
        for (int i = 0; i < seqLbas.length; i++) {
            seqLbas[i] = ((long) i << 20) / 512;
        }

        // sequential write, 1-deep, from a fresh disk: ours vs raw vs qemu-io and qemu-img bench (one request at a time)
        Path rawSeq = dir.resolve("seq.raw");
        Path ours = dir.resolve("seq.vmdk");
        Path qSeq = dir.resolve("seq-qemu.vmdk");
        for (Flushes fl : Flushes.values()) {
            boolean each = fl == Flushes.EVERY_WRITE;
            double raw = best(seqData.length, () -> rawWrite(rawSeq, bytes, seqData, each));
            double lockstep = best(seqData.length, () -> {
                fresh(ours, bytes);
                try (DiskChain d = DiskChain.open(ours, true)) {
                    for (int off = 0; off < seqData.length; off += 1 << 20) {
                        d.write(off / 512, java.util.Arrays.copyOfRange(seqData, off, off + (1 << 20)));
                        if (each) {
                            d.flush();
                        }
                    }
                    d.flush();
                }
            });
            double qio = best(seqData.length, () -> {
                fresh(qSeq, bytes);
                qemuIo(qSeq, fl, seqLbas, "write -P 0x5a", "1M", true);
            });
            double qbench = best(seqData.length, () -> {
                fresh(qSeq, bytes);
                qemuImgBench(qSeq, fl, true, seqLbas.length);
            });
            t.row("sequential write (1 MiB), 1-deep", fl.label, f(raw), f(lockstep), f(qio), f(qbench), ratio(lockstep, qio),
                    ratio(lockstep, qbench), ratio(lockstep, raw));
        }
        // ... and read back (the data just written, 1 MiB at a time, in order)
        double rawSeqR = best(seqData.length, () -> rawRead(rawSeq, seqLbas, 1 << 20));
        double oursSeqR = best(seqData.length, () -> {
            try (DiskChain d = DiskChain.open(ours, false)) {
                for (long lba : seqLbas) {
                    d.read(lba, 2048);
                }
            }
        });
        double qioSeqR = best(seqData.length, () -> qemuIo(qSeq, Flushes.AT_END, seqLbas, "read", "1M", false));
        double qbenchSeqR = best(seqData.length, () -> qemuImgBench(qSeq, Flushes.AT_END, false, seqLbas.length));
        t.row("sequential read (1 MiB), 1-deep", "—", f(rawSeqR), f(oursSeqR), f(qioSeqR), f(qbenchSeqR), ratio(oursSeqR, qioSeqR),
                ratio(oursSeqR, qbenchSeqR), ratio(oursSeqR, rawSeqR));

        // random 4 KiB writes and reads through a 1-deep and a 4-deep chain; each write pass on a chain of its own
        byte[] block = random(2, 4096);
        for (int depth : new int[] {1, 4}) {
            long[] lbas = randomLbas(bytes, randomOps, depth);
            for (Flushes fl : Flushes.values()) {
                if (fl == Flushes.AT_END_UNORDERED && depth > 1) {
                    continue; // the 1-deep row says what qemu's ordering costs
                }
                boolean each = fl == Flushes.EVERY_WRITE;
                double rawW = 0;
                double oursW = 0;
                double qW = 0;
                for (int pass = 0; pass < 2; pass++) { // the better of two, each on a fresh chain: the first pass warms the JIT
                    Chain built = chain("w" + fl.ordinal() + "d" + depth, bytes, depth);
                    Path top = built.top();
                    Path qtop = copyChain(top, "q" + fl.ordinal() + "d" + depth);
                    rawW = Math.max(rawW, timedMBps(randomOps * 4096L, () -> rawRandom(dir.resolve("rnd.raw"), bytes, lbas, block, true, each)));
                    oursW = Math.max(oursW, timedMBps(randomOps * 4096L, () -> {
                        try (DiskChain d = DiskChain.open(top, true)) {
                            for (long lba : lbas) {
                                d.write(lba, block);
                                if (each) {
                                    d.flush();
                                }
                            }
                            d.flush();
                        }
                    }));
                    qW = Math.max(qW, timedMBps(randomOps * 4096L, () -> qemuIo(qtop, fl, lbas, "write -P 0x5a", "4k", true)));
                    deleteChain(top);
                    deleteChain(qtop);
                    Files.deleteIfExists(built.raw());
                }
                t.row("random 4 KiB write, " + depth + "-deep", fl.label, f(rawW), f(oursW), f(qW), "—", ratio(oursW, qW), "—",
                        ratio(oursW, rawW));
            }
            Chain built = chain("rnd" + depth, bytes, depth);
            Path top = built.top();
            Path qtop = copyChain(top, "r" + depth);
            long[] readLbas = inChunks(built.chunkLbas(), randomOps, depth + 100); // allocated data, in every layer
            double rawR = best(randomOps * 4096L, () -> rawRandom(built.raw(), bytes, readLbas, block, false, false));
            double oursR = best(randomOps * 4096L, () -> {
                try (DiskChain d = DiskChain.open(top, false)) {
                    for (long lba : readLbas) {
                        d.read(lba, 8);
                    }
                }
            });
            double qR = best(randomOps * 4096L, () -> qemuIo(qtop, Flushes.AT_END, readLbas, "read", "4k", false));
            t.row("random 4 KiB read, " + depth + "-deep", "—", f(rawR), f(oursR), f(qR), "—", ratio(oursR, qR), "—", ratio(oursR, rawR));
        }

        // 1 MiB reads of the data through the 4-deep chain, in order (the chunks are not contiguous: no qemu-img bench)
        Chain seqChain = chain("seq4", bytes, 4);
        Path seq4 = seqChain.top();
        Path qseq4 = copyChain(seq4, "qs4");
        long[] chunks = seqChain.chunkLbas();
        long chunkBytes = (long) chunks.length << 20;
        double oursSR = best(chunkBytes, () -> {
            try (DiskChain d = DiskChain.open(seq4, false)) {
                for (long lba : chunks) {
                    d.read(lba, 2048);
                }
            }
        });
        double rawSR = best(chunkBytes, () -> rawRead(seqChain.raw(), chunks, 1 << 20));
        double qSR = best(chunkBytes, () -> qemuIo(qseq4, Flushes.AT_END, chunks, "read", "1M", false));
        t.row("1 MiB reads of the data, in order, 4-deep", "—", f(rawSR), f(oursSR), f(qSR), "—", ratio(oursSR, qSR), "—", ratio(oursSR, rawSR));

        // commit a delta holding seqMib of data into its parent, ours vs qemu-img commit on an identical copy
        Path cbase = dir.resolve("cbase.vmdk");
        Path cdelta = dir.resolve("cdelta.vmdk");
        fresh(cbase, bytes);
        Files.deleteIfExists(cdelta);
        DiskChain.createDelta(cbase, cdelta);
        try (DiskChain d = DiskChain.open(cdelta, true)) {
            for (int off = 0; off < seqData.length; off += 1 << 20) {
                d.write((off * 3L % bytes) / 512 / 128 * 128, java.util.Arrays.copyOfRange(seqData, off, off + (1 << 20)));
            }
            d.flush();
        }
        Path qbase = dir.resolve("qcbase.vmdk");
        Path qdelta = dir.resolve("qcdelta.vmdk");
        Files.copy(cbase, qbase, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(cdelta, qdelta, StandardCopyOption.REPLACE_EXISTING);
        relink(qdelta, "cbase.vmdk", "qcbase.vmdk");
        double oursC = timedMBps(seqData.length, () -> {
            try (DiskChain d = DiskChain.open(cdelta, true)) {
                d.commit();
            }
        });
        double qC = timedMBps(seqData.length, () -> run("qemu-img", "commit", "-q", "-t", "writeback", qdelta.toString()));
        t.row("commit a delta of " + seqMib + " MiB", "one, at the end", "—", f(oursC), f(qC) + " (qemu-img commit -t writeback)",
                "—", ratio(oursC, qC), "—", "—");
        t.print(out);
        out.println();
        long startMillis = qemuStartMillis(qSeq);
        out.println("MB/s = 10^6 bytes per second of data moved, including the flushes; the better of two passes (a sync before each; the commit once).");
        out.println("Every side does one request at a time.");
        out.println("qemu-io: the same operations fed on stdin to one process, `-t writeback` and a `flush` command at the end, or");
        out.println("`-t writethrough` (its default: a flush after every write); qemu-img bench: `-d 1 -s 1M`, the same cache modes.");
        out.println("`-t unsafe` ignores every flush, so that row forces the image once afterwards with `sync --data`, as ours");
        out.println("forces once. qemu's times include its start-up: opening the image and quitting took " + startMillis + " ms here.");
        return 0;
    }

    // --- helpers --------------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Job {
        void run() throws Exception;
    }

    private static double timedMBps(long bytes, Job job) throws Exception {
        // Every pass starts with nothing dirty: otherwise the kernel's write-back of the previous pass (up to a GiB of
        // grains) lands in this one's flush, and whichever side runs second pays for the first.
        run("sync");
        long start = System.nanoTime();
        job.run();
        return bytes / ((System.nanoTime() - start) / 1e9) / 1e6;
    }

    /** The better of two passes (the first pays for a cold cache). */
    private static double best(long bytes, Job job) throws Exception {
        return Math.max(timedMBps(bytes, job), timedMBps(bytes, job));
    }

    /** Random 4 KiB blocks inside the given 1 MiB chunks. */
    private static long[] inChunks(long[] chunks, int n, int seed) {
        Random r = new Random(seed);
        long[] lbas = new long[n];
        for (int i = 0; i < n; i++) {
            lbas[i] = chunks[r.nextInt(chunks.length)] + r.nextInt(256) * 8L;
        }
        return lbas;
    }

    private static byte[] random(int seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    private void fresh(Path vmdk, long bytes) throws IOException {
        Files.deleteIfExists(vmdk);
        DiskChain.create(vmdk, bytes);
    }

    /** A chain's top and where its 1 MiB chunks of data lie (in whichever layer wrote them). */
    private record Chain(Path top, long[] chunkLbas, Path raw) {
    }

    /** A chain of {@code depth} layers, each holding its share of seqMib spread over the disk. */
    private Chain chain(String name, long bytes, int depth) throws IOException {
        for (int i = depth - 1; i >= 0; i--) {
            Files.deleteIfExists(dir.resolve(name + "-" + i + ".vmdk"));
        }
        Path base = dir.resolve(name + "-0.vmdk");
        DiskChain.create(base, bytes);
        byte[] chunk = random(3, 1 << 20);
        java.util.TreeSet<Long> chunks = new java.util.TreeSet<>();
        Path raw = dir.resolve(name + ".raw"); // the same data at the same places: the fair baseline for reads
        Files.deleteIfExists(raw);
        try (DiskChain d = DiskChain.open(base, true);
                java.nio.channels.FileChannel mirror = java.nio.channels.FileChannel.open(raw, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE)) {
            mirror.write(java.nio.ByteBuffer.allocate(1), bytes - 1);
            for (int layer = 0; layer < depth; layer++) {
                if (layer > 0) {
                    d.snapshot(dir.resolve(name + "-" + layer + ".vmdk"));
                }
                for (int c = 0; c < Math.max(1, seqMib / depth); c++) {
                    long lba = (((long) c * depth + layer) * (1L << 20) * 7 % bytes) / 512 / 128 * 128;
                    d.write(lba, chunk);
                    mirror.write(java.nio.ByteBuffer.wrap(chunk), lba * 512);
                    chunks.add(lba);
                }
            }
            d.flush();
            mirror.force(false);
            return new Chain(d.top(), chunks.stream().mapToLong(Long::longValue).toArray(), raw);
        }
    }

    /** Copies a chain under new names (for qemu to work on its own copy), rewriting the parent names. */
    private Path copyChain(Path top, String prefix) throws IOException {
        String base = top.getFileName().toString().replaceAll("-\\d+\\.vmdk$", "");
        int depth = Integer.parseInt(top.getFileName().toString().replaceAll(".*-(\\d+)\\.vmdk$", "$1")) + 1;
        for (int i = 0; i < depth; i++) {
            Path src = dir.resolve(base + "-" + i + ".vmdk");
            Path dst = dir.resolve(prefix + "-" + i + ".vmdk");
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
            if (i > 0) {
                relink(dst, base + "-" + (i - 1) + ".vmdk", prefix + "-" + (i - 1) + ".vmdk");
            }
        }
        return dir.resolve(prefix + "-" + (depth - 1) + ".vmdk");
    }

    /** Deletes a chain made by {@link #chain} or {@link #copyChain}, given its top (name-N.vmdk). */
    private static void deleteChain(Path top) throws IOException {
        String name = top.getFileName().toString();
        String base = name.replaceAll("-\\d+\\.vmdk$", "");
        int depth = Integer.parseInt(name.replaceAll(".*-(\\d+)\\.vmdk$", "$1")) + 1;
        for (int i = 0; i < depth; i++) {
            Files.deleteIfExists(top.resolveSibling(base + "-" + i + ".vmdk"));
        }
    }

    /** Rewrites a delta's parentFileNameHint in place (same length names only change the descriptor text). */
    private static void relink(Path delta, String from, String to) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(delta.toFile(), "rw")) {
            byte[] desc = new byte[20 * 512];
            f.seek(512);
            f.readFully(desc);
            String text = new String(desc, StandardCharsets.ISO_8859_1);
            String changed = text.replace("parentFileNameHint=\"" + from + "\"", "parentFileNameHint=\"" + to + "\"")
                    .replace("\"" + from + "\"\n", "\"" + to + "\"\n");
            byte[] bytes = changed.getBytes(StandardCharsets.ISO_8859_1);
            f.seek(512);
            f.write(java.util.Arrays.copyOf(bytes, desc.length));
        }
    }

    private static long[] randomLbas(long bytes, int n, int seed) {
        Random r = new Random(seed);
        long blocks = bytes / 4096;
        long[] lbas = new long[n];
        for (int i = 0; i < n; i++) {
            lbas[i] = r.nextLong(blocks) * 8;
        }
        return lbas;
    }

    // The raw baselines do the same positional FileChannel I/O as the VMDK code, so the difference is the format.

    private static void rawWrite(Path raw, long size, byte[] data, boolean forceEach) throws IOException {
        Files.deleteIfExists(raw);
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(raw, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            c.truncate(size);
            c.write(java.nio.ByteBuffer.allocate(1), size - 1);
            for (int off = 0; off < data.length; off += 1 << 20) {
                c.write(java.nio.ByteBuffer.wrap(data, off, 1 << 20), off);
                if (forceEach) {
                    c.force(false);
                }
            }
            c.force(false);
        }
    }

    private static void rawRead(Path raw, long[] lbas, int length) throws IOException {
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(raw)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(length);
            for (long lba : lbas) {
                b.clear();
                c.read(b, lba * 512);
            }
        }
    }

    private static void rawRandom(Path raw, long size, long[] lbas, byte[] block, boolean write, boolean forceEach) throws IOException {
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(raw, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            if (c.size() < size) {
                c.write(java.nio.ByteBuffer.allocate(1), size - 1);
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4096);
            for (long lba : lbas) {
                if (write) {
                    c.write(java.nio.ByteBuffer.wrap(block), lba * 512);
                    if (forceEach) {
                        c.force(false);
                    }
                } else {
                    b.clear();
                    c.read(b, lba * 512);
                }
            }
            if (write) {
                c.force(false);
            }
        }
    }

    /** Feeds qemu-io one command per operation on stdin in the cache mode of {@code flushes}, then a flush. */
    private static void qemuIo(Path image, Flushes flushes, long[] lbas, String op, String length, boolean flush) throws Exception {
        Process p = new ProcessBuilder("qemu-io", "-f", "vmdk", "-t", flushes.qemuCache, image.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            StringBuilder script = new StringBuilder();
            for (long lba : lbas) {
                script.append(op).append(' ').append(lba * 512).append(' ').append(length).append('\n');
            }
            if (flush) {
                script.append("flush\n");
            }
            script.append("quit\n");
            in.write(script.toString().getBytes(StandardCharsets.US_ASCII));
        }
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("qemu-io failed on " + image);
        }
        if (flush && flushes == Flushes.AT_END_UNORDERED) {
            run("sync", "--data", image.toString());
        }
    }

    /** {@code qemu-img bench}: {@code count} sequential 1 MiB requests from offset 0, one at a time. */
    private static void qemuImgBench(Path image, Flushes flushes, boolean write, int count) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("qemu-img", "bench", "-q", "-f", "vmdk", "-d", "1", "-s", "1M", "-c",
                Integer.toString(count), "-t", flushes.qemuCache));
        if (write) {
            cmd.addAll(List.of("-w", "--pattern=90"));
        }
        cmd.add(image.toString());
        run(cmd.toArray(String[]::new));
        if (write && flushes == Flushes.AT_END_UNORDERED) {
            run("sync", "--data", image.toString());
        }
    }

    /** What qemu-io's start-up costs every qemu figure: open the image, quit (best of three, ms). */
    private static long qemuStartMillis(Path image) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            run("qemu-io", "-f", "vmdk", "-c", "quit", image.toString());
            best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
        }
        return best;
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + text);
        }
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }

    private static String ratio(double a, double b) {
        return String.format(Locale.ROOT, "%.2fx", a / b);
    }
}
