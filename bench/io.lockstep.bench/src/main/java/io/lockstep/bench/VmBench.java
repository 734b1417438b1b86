package io.lockstep.bench;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lockstep.cli.Table;
import io.lockstep.vdisk.DiskChain;
import io.lockstep.vm.Checkpoints;
import io.lockstep.vm.GuestMemory;
import io.lockstep.vm.GuestRegistry;
import io.lockstep.vm.GuestTimer;
import io.lockstep.vm.NetForwarder;
import io.lockstep.vm.Vm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The guest runtime benchmark, side by side in one run:
 * <ol>
 * <li>checkpoint stop time (stun) for 64 MiB, 256 MiB and 1 GiB guests whose memory is full, dirtying 1% and
 * 10% of it per second — next to the stop a checkpoint without copy-on-write would need (write every page with
 * the guest stopped), with the background write's time, rate and old copies taken;</li>
 * <li>what dirty tracking costs the memory-churn guest (steps per second with and without, alternating);</li>
 * <li>the KV guest under {@code redis-benchmark} next to a real {@code redis-server} on the same machine.</li>
 * </ol>
 * Run: {@code ./lockstep bench vm}.
 */
@Command(name = "vm", mixinStandardHelpOptions = true, description = "Checkpoint stun, dirty-tracking cost, KV guest vs redis-server.")
public final class VmBench implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "work/bench/vm")
    Path dir;

    @Option(names = "--memory-mib", split = ",", defaultValue = "64,256,1024", description = "guest sizes")
    int[] memoryMib;

    @Option(names = "--dirty-percent", split = ",", defaultValue = "1,10", description = "share of memory written per second")
    int[] dirtyPercent;

    @Option(names = "--checkpoints", defaultValue = "5", description = "checkpoints per configuration")
    int checkpoints;

    @Option(names = "--requests", defaultValue = "100000", description = "redis-benchmark -n")
    int requests;

    @Option(names = "--quick", description = "a smoke run: a 16 MiB guest, 2 checkpoints, 2000 requests")
    boolean quick;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new VmBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (quick) {
            memoryMib = new int[] {16};
            dirtyPercent = new int[] {10};
            checkpoints = 2;
            requests = 2000;
        }
        Files.createDirectories(dir);
        out.printf("Lockstep guest runtime benchmark — %s, %d cores, max heap %d MiB%n%n", Files.getFileStore(dir).type(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        stun();
        tracking();
        kv();
        return 0;
    }

    // --- 1. checkpoint stun ---------------------------------------------------------------------------------------

    private void stun() throws Exception {
        Table t = Table.markdown("guest", "dirty rate (measured)", "stun p50", "stun max", "stop-and-copy stun", "stop-and-copy / COW",
                "background write", "write MB/s", "old copies kept", "guest ticks during write");
        for (int mib : memoryMib) {
            for (int percent : dirtyPercent) {
                out.printf("checkpoints of a %d MiB guest dirtying %d%%/s ...%n", mib, percent);
                t.row(stunRow(mib, percent));
            }
        }
        out.println();
        out.println("Checkpoint stop time (stun): the vCPU stopped, from pause to resume; memory is full (every page written at boot).");
        t.print(out);
        out.println();
    }

    private Object[] stunRow(int mib, int percent) throws Exception {
        Path vmDir = dir.resolve("stun-" + mib + "-" + percent);
        clean(vmDir);
        Files.createDirectories(vmDir);
        long bytes = (long) mib << 20;
        int pages = (int) (bytes / GuestMemory.PAGE);
        int ticksPerSecond = 100;
        int perTick = Math.max(1, (int) Math.round(pages * percent / 100.0 / ticksPerSecond));
        String spec = "churn:workingSetPages=" + (pages - 1) + ",dirtyPagesPerStep=" + perTick + ",workPerStep=0,paced=1,prefill=1";
        Path disk = vmDir.resolve("vm.vmdk");
        DiskChain.create(disk, 64L << 20);
        Vm vm = new Vm("stun", GuestRegistry.create(spec), bytes, DiskChain.open(disk, true), 1.0);
        List<Long> stuns = new ArrayList<>();
        long writeNanos = 0;
        long written = 0;
        long copies = 0;
        long ticksDuringWrite = 0;
        long ticksExpected = 0;
        double measuredRate;
        long stopAndCopy;
        try (Checkpoints cps = new Checkpoints(vmDir, vm); GuestTimer timer = new GuestTimer(vm, 1000 / ticksPerSecond)) {
            vm.start(true);
            Thread.sleep(500);
            vm.memory().takeDirty();
            long p0 = vm.position();
            long t0 = System.nanoTime();
            Thread.sleep(1000);
            long dirtied = Arrays.stream(vm.memory().takeDirty()).map(Long::bitCount).sum();
            measuredRate = dirtied * 100.0 / pages / ((System.nanoTime() - t0) / 1e9);
            for (int i = 0; i < checkpoints; i++) {
                long copiesBefore = vm.memory().copyOnWriteCopies();
                Checkpoints.Capture task = cps.create("bench " + (i + 1));
                long before = vm.position();
                cps.awaitWritten();
                stuns.add(task.stunNanos());
                writeNanos += task.writeNanos();
                written += task.bytesWritten();
                copies += vm.memory().copyOnWriteCopies() - copiesBefore;
                ticksDuringWrite += task.positionWhenWritten() - before;
                ticksExpected += task.writeNanos() * ticksPerSecond / 1_000_000_000L;
                cps.delete(task.id()); // keep the folder small: the running delta commits into the checkpoint's layer
                out.printf("  checkpoint %d/%d: stun %s, %d MiB written in %.2f s%n", i + 1, checkpoints, micros(task.stunNanos()),
                        task.bytesWritten() >> 20, task.writeNanos() / 1e9);
            }
            stopAndCopy = stopAndCopy(vm, vmDir.resolve("stop-and-copy.bin"));
            vm.stop();
        } finally {
            vm.disk().close();
        }
        clean(vmDir);
        stuns.sort(null);
        long p50 = stuns.get(stuns.size() / 2);
        long max = stuns.get(stuns.size() - 1);
        return new Object[] {mib + " MiB", percent + "% (" + f(measuredRate) + "%)", micros(p50), micros(max), millis(stopAndCopy),
                String.format(Locale.ROOT, "%.0fx", (double) stopAndCopy / p50), String.format(Locale.ROOT, "%.2f s", writeNanos / 1e9 / checkpoints),
                f(written / (writeNanos / 1e9) / 1e6), copies / checkpoints,
                String.format(Locale.ROOT, "%d of %d", ticksDuringWrite / checkpoints, ticksExpected / checkpoints)};
    }

    /** What a checkpoint without copy-on-write stops the guest for: every page written (and synced) while paused. */
    private static long stopAndCopy(Vm vm, Path file) throws Exception {
        long t0 = System.nanoTime();
        vm.pause();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16))) {
            o.write(vm.deviceStateBytes());
            GuestMemory m = vm.memory();
            for (int i = 0; i < m.pageCount(); i++) {
                byte[] p = m.pageCopy(i);
                if (p != null) {
                    o.writeInt(i);
                    o.write(p);
                }
            }
            o.flush();
            ch.force(true);
        } finally {
            vm.resume();
        }
        long t = System.nanoTime() - t0;
        Files.deleteIfExists(file);
        return t;
    }

    // --- 2. dirty tracking --------------------------------------------------------------------------------------

    private void tracking() throws Exception {
        Table t = Table.markdown("churn guest", "steps/s tracked", "steps/s untracked", "tracked / untracked", "range tracked / untracked");
        for (String spec : new String[] {"churn:workingSetPages=16000,dirtyPagesPerStep=16,workPerStep=0",
                "churn:workingSetPages=16000,dirtyPagesPerStep=1,workPerStep=200"}) {
            out.printf("dirty tracking on %s ...%n", spec);
            Vm vm = new Vm("track", GuestRegistry.create(spec), 64L << 20, null, 1.0);
            vm.start(true);
            Thread.sleep(300);
            int slices = quick ? 3 : 7;
            double[] on = new double[slices];
            double[] off = new double[slices];
            long slice = quick ? 200 : 1000;
            for (int i = 0; i < slices; i++) {
                vm.memory().setTrackDirty(true);
                on[i] = rate(vm, slice);
                vm.memory().setTrackDirty(false);
                off[i] = rate(vm, slice);
            }
            vm.stop();
            Arrays.sort(on);
            Arrays.sort(off);
            double a = on[slices / 2];
            double b = off[slices / 2];
            t.row(spec.substring(6), f(a), f(b), String.format(Locale.ROOT, "%.3f", a / b),
                    String.format(Locale.ROOT, "%.0f-%.0f / %.0f-%.0f", on[0], on[slices - 1], off[0], off[slices - 1]));
        }
        out.println();
        out.println("Dirty tracking: medians of alternating 1 s slices (7 each); one bit set per written page.");
        t.print(out);
        out.println();
    }

    private static double rate(Vm vm, long millis) throws InterruptedException {
        long s0 = vm.steps();
        long t0 = System.nanoTime();
        Thread.sleep(millis);
        return (vm.steps() - s0) / ((System.nanoTime() - t0) / 1e9);
    }

    // --- 3. KV guest vs redis-server ------------------------------------------------------------------------------

    private void kv() throws Exception {
        Table t = Table.markdown("test", "Lockstep KV guest req/s", "redis-server req/s", "guest / redis-server");
        Path vmDir = dir.resolve("kv");
        clean(vmDir);
        Files.createDirectories(vmDir);
        Path disk = vmDir.resolve("kv.vmdk");
        DiskChain.create(disk, 256L << 20);
        double[] guest;
        out.printf("redis-benchmark -t set,get -n %d against the KV guest ...%n", requests);
        Vm vm = new Vm("kv", GuestRegistry.create("kv"), 256L << 20, DiskChain.open(disk, true), 1.0);
        try (NetForwarder nic = new NetForwarder(vm, 0); GuestTimer timer = new GuestTimer(vm, 100)) {
            vm.start(true);
            guest = redisBenchmark(nic.port());
            vm.stop();
        } finally {
            vm.disk().close();
        }
        double[] real = null;
        Process server = null;
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try {
            server = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(vmDir.resolve("redis-server.log").toFile()).start();
            waitForPort(port);
            out.printf("redis-benchmark -t set,get -n %d against redis-server ...%n", requests);
            real = redisBenchmark(port);
        } catch (IOException e) {
            out.println("redis-server is not installed here (apt-get install redis-server): the comparison column stays empty");
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        }
        String[] names = {"SET", "GET"};
        for (int i = 0; i < 2; i++) {
            t.row(names[i], f(guest[i]), real == null ? "-" : f(real[i]), real == null ? "-" : String.format(Locale.ROOT, "%.2f", guest[i] / real[i]));
        }
        out.println();
        out.printf("KV guest (256 MiB, append log on its VMDK, 100%% of a core) vs redis-server, redis-benchmark -t set,get -n %d (50 clients)%n",
                requests);
        t.print(out);
        clean(vmDir);
    }

    private double[] redisBenchmark(int port) throws Exception {
        Process p = new ProcessBuilder("redis-benchmark", "-h", "127.0.0.1", "-p", Integer.toString(port), "-t", "set,get", "-n",
                Integer.toString(requests), "-q").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("redis-benchmark failed: " + text);
        }
        double[] r = new double[2];
        String[] names = {"SET", "GET"};
        for (int i = 0; i < 2; i++) {
            Matcher m = Pattern.compile(names[i] + ": ([0-9.]+) requests per second").matcher(text.replace('\r', '\n'));
            if (!m.find()) {
                throw new IOException("redis-benchmark printed no " + names[i] + " rate: " + text);
            }
            r[i] = Double.parseDouble(m.group(1));
        }
        return r;
    }

    private static void waitForPort(int port) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (System.nanoTime() > end) {
                    throw new IOException("redis-server did not listen on " + port + " within 10 s");
                }
                Thread.sleep(50);
            }
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static void clean(Path d) throws IOException {
        if (Files.exists(d)) {
            try (var s = Files.walk(d)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }
}
