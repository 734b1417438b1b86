package io.lockstep.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lockstep.agent.api.FtStatsView;
import io.lockstep.agent.api.FtView;
import io.lockstep.agent.api.VmView;
import io.lockstep.agent.client.AgentClient;
import io.lockstep.cli.LocalDatacenter;
import io.lockstep.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * FT of QEMU guests (issue 25), side by side in one run on one datacenter of three hosts in namespaces: redis-benchmark
 * through the VM's address unprotected and protected (one client, closed loop: each request waits for its epoch; and
 * 20 clients), per guest memory; and the pair's own figures while idle, under redis-benchmark and under a guest that
 * dirties memory (a dd loop typed on its console): epochs/s, pause p50/p99, bytes per epoch, pages per epoch.
 */
@Command(name = "qemu-ft", mixinStandardHelpOptions = true, description = "QEMU guests as FT pairs: redis-benchmark protected vs unprotected, "
        + "epochs/s, pause p50/p99 and bytes per epoch vs guest memory and dirty rate (as root: hosts in network namespaces).")
final class QemuFtBench implements Callable<Integer> {

    @Option(names = "--memory", split = ",", defaultValue = "128,256", description = "guest memory sizes in MiB (default 128,256)")
    List<Integer> memory;

    @Option(names = "--requests", defaultValue = "3000", description = "redis-benchmark -n with 20 clients (default 3000; one client: a tenth)")
    int requests;

    @Option(names = "--seconds", defaultValue = "8", description = "how long each of the pair's phases (idle, dirtying) is watched (default 8)")
    int seconds;

    @Option(names = "--dir", defaultValue = "work/bench-qemu-ft", description = "work directory (default work/bench-qemu-ft)")
    Path dir;

    private static final Pattern RESULT = Pattern.compile("^(SET|GET): ([0-9.]+) requests per second, p50=([0-9.]+) msec", Pattern.MULTILINE);

    @Override
    public Integer call() throws Exception {
        Path dc = dir.toAbsolutePath().resolve("dc");
        if (Files.exists(dc.resolve("datacenter.json"))) {
            Main.run("down", "--dc", dc.toString(), "--purge");
        }
        if (Main.run("up", "--hosts", "3", "--namespaces", "--dc", dc.toString()) != 0) {
            throw new IllegalStateException("lockstep up --namespaces failed (it needs root, tgt, iptables and arping)");
        }
        List<String> rows = new ArrayList<>();
        List<String> pair = new ArrayList<>();
        try {
            for (int mib : memory) {
                String vm = "ftb" + mib;
                run(dc, "vm", "create", vm, "--guest", "qemu", "--memory", Integer.toString(mib));
                run(dc, "vm", "start", vm, "--host", "host-1");
                LocalDatacenter d = LocalDatacenter.load(dc);
                AgentClient h1 = d.pick("host-1").client();
                VmView v = h1.get("/v1/vms/" + vm, VmView.class);
                String address = v.address();
                awaitPong(address);
                Map<String, String> plain1 = bench(address, 1, requests / 10);
                Map<String, String> plain20 = bench(address, 20, requests);
                run(dc, "ft", "protect", vm, "--backup", "host-2");
                awaitEpochs(h1, vm, 10);
                FtStatsView a = stats(h1, vm);
                Thread.sleep(seconds * 1000L);
                FtStatsView b = stats(h1, vm);
                pair.add(pairRow(mib + " MiB, idle", a, b));
                Map<String, String> prot1 = bench(address, 1, requests / 10);
                FtStatsView c = stats(h1, vm);
                Map<String, String> prot20 = bench(address, 20, requests);
                FtStatsView e = stats(h1, vm);
                pair.add(pairRow(mib + " MiB, redis-benchmark 20 clients", c, e));
                run(dc, "vm", "console", vm, "--type", "while :; do dd if=/dev/urandom of=/run/x bs=1M count=8 2>/dev/null; done &");
                Thread.sleep(2000);
                FtStatsView f = stats(h1, vm);
                Thread.sleep(seconds * 1000L);
                FtStatsView g = stats(h1, vm);
                pair.add(pairRow(mib + " MiB, dd loop (8 MiB rewritten at random)", f, g));
                rows.add(String.format(Locale.ROOT, "| %d MiB | %s | %s | %s | %s | %s | %s | %s | %s |", mib, plain1.get("SET"), prot1.get("SET"),
                        plain1.get("GET"), prot1.get("GET"), plain20.get("SET"), prot20.get("SET"), plain20.get("GET"), prot20.get("GET")));
                run(dc, "ft", "unprotect", vm);
                run(dc, "vm", "stop", vm);
                run(dc, "vm", "rm", vm);
            }
        } finally {
            Main.run("down", "--dc", dc.toString());
        }
        System.out.println();
        System.out.println("redis-benchmark -t set,get through the VM's address from outside the hosts, req/s (p50 ms): unprotected vs protected");
        System.out.println();
        System.out.println("| guest | SET 1 client, unprotected | SET 1 client, protected | GET 1 client, unprotected | GET 1 client, protected | SET 20 clients, "
                + "unprotected | SET 20 clients, protected | GET 20 clients, unprotected | GET 20 clients, protected |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("the pair (primary on host-1, backup on host-2), over each phase: from the primary's FT statistics");
        System.out.println();
        System.out.println("| guest, load | epochs/s | pause p50 / p99 ms (last 256 epochs) | KiB sent per epoch | pages per epoch |");
        System.out.println("|---|---|---|---|---|");
        pair.forEach(System.out::println);
        return 0;
    }

    private static String pairRow(String what, FtStatsView a, FtStatsView b) {
        long epochs = Math.max(1, b.epochs() - a.epochs());
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f / %.1f | %.1f | %.0f |", what, b.epochRate(), b.pauseP50Micros() / 1000.0,
                b.pauseP99Micros() / 1000.0, (b.pageBytes() - a.pageBytes()) / 1024.0 / epochs, (double) (b.pagesSent() - a.pagesSent()) / epochs);
    }

    private static FtStatsView stats(AgentClient c, String vm) throws IOException {
        FtView v = c.get("/v1/vms/" + vm + "/ft", FtView.class);
        if (v.stats() == null) {
            throw new IOException(vm + " has no FT statistics: " + v);
        }
        return v.stats();
    }

    private static void awaitEpochs(AgentClient c, String vm, long n) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            FtView v = c.get("/v1/vms/" + vm + "/ft", FtView.class);
            if (v.stats() != null && v.stats().epochs() >= n) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IOException(vm + " did not run " + n + " epochs within 120 s");
    }

    private static void run(Path dc, String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--dc", dc.toString()));
        if (Main.run(a.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("lockstep " + String.join(" ", args) + " failed");
        }
    }

    private static void awaitPong(String address) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            if (exec(10, "redis-cli", "-h", address, "PING").contains("PONG")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IOException("the guest at " + address + " did not answer PING within 120 s");
    }

    /** redis-benchmark -t set,get: "TEST" → "req/s (p50 ms)". */
    private static Map<String, String> bench(String address, int clients, int n) throws Exception {
        String out = exec(600, "redis-benchmark", "-h", address, "-p", "6379", "-t", "set,get", "-n", Integer.toString(n), "-c",
                Integer.toString(clients), "-q");
        Map<String, String> r = new LinkedHashMap<>();
        Matcher m = RESULT.matcher(out.replace('\r', '\n'));
        while (m.find()) {
            r.put(m.group(1), String.format(Locale.ROOT, "%,.0f (%s)", Double.parseDouble(m.group(2)), m.group(3)));
        }
        if (r.size() != 2) {
            throw new IOException("redis-benchmark printed no SET and GET results: " + out);
        }
        return r;
    }

    private static String exec(int seconds, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish in " + seconds + " s");
        }
        return out;
    }
}
