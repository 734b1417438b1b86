package io.lockstep.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.client.AgentClient;
import io.lockstep.cli.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The agent under load, side by side in one run: a local datacenter of two agent processes (started with
 * {@code lockstep up}) with an FT pair running and a KV client writing to it; first the pair alone, then the same
 * while N API clients (each with its own TLS connection) call the primary's agent as fast as they can (or with a
 * think time) for the given time. Prints request latency p50/p99/max, requests per second and errors, and the FT
 * pair's epoch rate in both phases; draws the epoch rate and the API's p99 per second as a chart.
 * Run: {@code ./lockstep bench agent}.
 */
@Command(name = "agent", mixinStandardHelpOptions = true, description = "The agent API under concurrent clients while an FT pair runs.")
public final class AgentBench implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "work/bench/agent")
    Path dir;

    @Option(names = "--clients", defaultValue = "50", description = "concurrent API clients (default 50)")
    int clients;

    @Option(names = "--seconds", defaultValue = "60", description = "how long the loaded phase lasts (default 60)")
    int seconds;

    @Option(names = "--baseline-seconds", defaultValue = "15", description = "how long the pair runs alone first (default 15)")
    int baselineSeconds;

    @Option(names = "--think", defaultValue = "0", description = "each client's pause between requests in ms (default 0: closed loop)")
    int thinkMillis;

    @Option(names = "--chart", defaultValue = "work/bench/agent/agent-load.png", description = "the chart (PNG)")
    Path chart;

    @Option(names = "--quick", description = "a smoke run: 5 clients, 3 s, 3 s baseline")
    boolean quick;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AgentBench()).execute(args));
    }

    record Sample(double second, long epochs, double p99Millis) {
    }

    @Override
    public Integer call() throws Exception {
        if (quick) {
            clients = 5;
            seconds = 3;
            baselineSeconds = 3;
        }
        if (clients < 1 || clients > 500 || seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("expected 1..500 clients and 1..600 s, found " + clients + " clients and " + seconds + " s");
        }
        Path dc = dir.toAbsolutePath().resolve("dc");
        if (Files.exists(dc.resolve("datacenter.json"))) {
            io.lockstep.cli.Main.run("down", "--dc", dc.toString(), "--purge");
        }
        int code = io.lockstep.cli.Main.run("up", "--hosts", "2", "--loopback", "--dc", dc.toString()); // API load, not the network: every host on loopback as before
        if (code != 0) {
            throw new IOException("lockstep up failed (exit " + code + ")");
        }
        try {
            return measure(dc);
        } finally {
            io.lockstep.cli.Main.run("down", "--dc", dc.toString(), "--purge");
        }
    }

    private static AgentClient client(Path dc, String host) throws IOException {
        JsonNode a = AgentClient.mapper().readTree(dc.resolve(host).resolve("agent.json").toFile());
        return AgentClient.operator(a.path("url").asText(), a.path("fingerprint").asText(),
                Files.readString(dc.resolve(host).resolve("token")).trim());
    }

    private int measure(Path dc) throws Exception {
        AgentClient primary = client(dc, "host-1");
        int port = primary.post("/v1/vms", Map.of("name", "bench", "memoryMiB", 64)).path("port").asInt();
        primary.post("/v1/vms/bench/power-on", null);
        JsonNode task = primary.post("/v1/vms/bench/ft", Map.of("backup", "host-2"));
        String id = task.path("id").asText();
        long until = System.currentTimeMillis() + 60_000;
        while (primary.get("/v1/tasks/" + id).path("state").asText().equals("running") && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        JsonNode ft = primary.get("/v1/vms/bench/ft");
        if (!ft.path("state").asText().equals("protected")) {
            throw new IOException("the pair did not get protected: " + ft);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong kvOps = new AtomicLong();
        Thread writer = new Thread(() -> kvWriter(port, stop, kvOps), "kv-writer");
        writer.setDaemon(true);
        writer.start();
        List<Sample> samples = new ArrayList<>();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>(); // {endNanos, latencyNanos}
        long t0 = System.nanoTime();

        out.printf(Locale.ROOT, "FT pair 'bench' protected (checkpoint, 25 ms epochs), a KV client writing; %d s alone, then %d s with %d API clients%s%n",
                baselineSeconds, seconds, clients, thinkMillis > 0 ? " (think " + thinkMillis + " ms)" : " (closed loop)");
        long e0 = epochs(primary);
        long b0 = System.nanoTime();
        sampleFor(primary, baselineSeconds, t0, latencies, samples);
        long e1 = epochs(primary);
        double baseRate = (e1 - e0) / ((System.nanoTime() - b0) / 1e9);
        long kvBase = kvOps.get();

        AtomicLong errors = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        List<String> errorSamples = new ArrayList<>();
        AtomicBoolean loadStop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        String[] paths = {"/v1/vms", "/v1/vms/bench/ft", "/v1/datastores/ds1/locks", "/v1/hosts", "/v1/tasks", "/v1/vms/bench", "/v1/alarms"};
        for (int c = 0; c < clients; c++) {
            int seed = c;
            AgentClient own = client(dc, "host-1"); // its own HttpClient: its own connection
            Thread t = new Thread(() -> {
                int i = seed;
                while (!loadStop.get()) {
                    String path = paths[i++ % paths.length];
                    long s = System.nanoTime();
                    try {
                        own.get(path);
                        long e = System.nanoTime();
                        latencies.add(new long[] {e, e - s});
                        requests.incrementAndGet();
                    } catch (IOException ex) {
                        errors.incrementAndGet();
                        synchronized (errorSamples) {
                            if (errorSamples.size() < 5) {
                                errorSamples.add(path + ": " + ex.getMessage());
                            }
                        }
                    }
                    if (thinkMillis > 0) {
                        try {
                            Thread.sleep(thinkMillis);
                        } catch (InterruptedException ex) {
                            return;
                        }
                    }
                }
            }, "api-client-" + c);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY); // the load stands for clients on other machines: it should not outrank the pair
            threads.add(t);
        }
        long loadStart = System.nanoTime();
        threads.forEach(Thread::start);
        long e2 = epochs(primary);
        long l0 = System.nanoTime();
        sampleFor(primary, seconds, t0, latencies, samples);
        long e3 = epochs(primary);
        double loadRate = (e3 - e2) / ((System.nanoTime() - l0) / 1e9);
        loadStop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long kvLoad = kvOps.get() - kvBase;
        stop.set(true);
        writer.join(5000);

        long[] lat = latencies.stream().filter(l -> l[0] >= loadStart).mapToLong(l -> l[1]).sorted().toArray();
        Table t = Table.markdown("API clients", "requests", "req/s", "p50", "p99", "max", "errors");
        t.row(clients, requests.get(), String.format(Locale.ROOT, "%.0f", requests.get() / loadSeconds), ms(pct(lat, 50)), ms(pct(lat, 99)),
                ms(lat.length == 0 ? 0 : lat[lat.length - 1]), errors.get());
        t.print(out);
        out.println();
        Table f = Table.markdown("FT pair", "epochs/s", "KV SETs/s", "vs alone");
        f.row("alone (" + baselineSeconds + " s)", String.format(Locale.ROOT, "%.1f", baseRate), String.format(Locale.ROOT, "%.0f", kvBase / (double) baselineSeconds),
                "");
        double drop = baseRate == 0 ? 0 : (baseRate - loadRate) / baseRate * 100;
        f.row("with " + clients + " API clients (" + seconds + " s)", String.format(Locale.ROOT, "%.1f", loadRate),
                String.format(Locale.ROOT, "%.0f", kvLoad / (double) seconds), String.format(Locale.ROOT, "%+.1f%% epochs", -drop));
        f.print(out);
        if (!errorSamples.isEmpty()) {
            out.println("first errors: " + errorSamples);
        }
        out.printf(Locale.ROOT, "epoch rate change under load: %.1f%% (target: a drop of at most 10%%)%n", -drop);

        List<double[]> rate = new ArrayList<>();
        List<double[]> p99 = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            rate.add(new double[] {b.second(), (b.epochs() - a.epochs()) / (b.second() - a.second())});
            p99.add(new double[] {b.second(), b.p99Millis()});
        }
        Files.createDirectories(chart.toAbsolutePath().getParent());
        Charts.png(chart, "FT epoch rate while " + clients + " clients call the agent (from " + baselineSeconds + " s on)", "seconds", "epochs per second",
                List.of(new Charts.Line("epochs/s (FT pair)", rate)), "API p99 (ms)", List.of(new Charts.Line("API request p99 per second", p99)));
        out.println("chart: " + chart);
        return 0;
    }

    /** Samples the epoch counter and the last second's API p99 once a second for {@code secs} seconds. */
    private static void sampleFor(AgentClient c, int secs, long t0, ConcurrentLinkedQueue<long[]> latencies, List<Sample> samples) throws Exception {
        long end = System.nanoTime() + secs * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            long[] last = latencies.stream().filter(l -> l[0] > now - 1_000_000_000L).mapToLong(l -> l[1]).sorted().toArray();
            samples.add(new Sample((now - t0) / 1e9, epochs(c), pct(last, 99) / 1e6));
            Thread.sleep(Math.max(0, Math.min(1000, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    private static long epochs(AgentClient c) throws IOException {
        return c.get("/v1/vms/bench/ft").path("stats").path("epochs").asLong();
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p / 100 * (sorted.length - 1)))];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /** One KV client writing about 500 SETs a second (each waits for its answer: output commit holds it to an epoch). */
    private static void kvWriter(int port, AtomicBoolean stop, AtomicLong ops) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream o = s.getOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64];
            for (long i = 0; !stop.get(); i++) {
                String k = "k" + (i % 5000);
                String cmd = "*3\r\n$3\r\nSET\r\n$" + k.length() + "\r\n" + k + "\r\n$8\r\nvalue-" + String.format("%02d", i % 100) + "\r\n";
                o.write(cmd.getBytes(StandardCharsets.US_ASCII));
                o.flush();
                int n = in.read(buf);
                if (n <= 0) {
                    return;
                }
                ops.incrementAndGet();
                if (i % 10 == 9) {
                    Thread.sleep(20);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the pair went away: the bench reports what it measured until then
        }
    }
}
