package io.lockstep.agent.history;

import java.util.List;

/**
 * What a history file is about, and the series the agent keeps for it (names and units; at most
 * {@link HistoryFile#MAX_METRICS}). The names are written into each file's header, so a file read later says what it
 * holds even when this list grew since.
 */
public enum HistoryKind {

    /** A VM, written by the host that runs it. */
    VM(1, "vms", List.of(new Metric("cpu", "core"), new Metric("cpuShare", "share"), new Metric("memory", "MiB"), new Metric("steps", "1/s"),
            new Metric("netBytes", "B/s"), new Metric("netPackets", "1/s"), new Metric("alarms", "count"))),
    /** A host, written by its own agent. */
    HOST(2, "hosts", List.of(new Metric("vms", "count"), new Metric("backups", "count"), new Metric("alarms", "count"), new Metric("agentCpu", "core"),
            new Metric("heap", "MiB"), new Metric("mediumIo", "sectors/s"), new Metric("load", "load"))),
    /** An FT pair, named by its VM, written by the primary's host. */
    PAIR(3, "pairs", List.of(new Metric("epochRate", "1/s"), new Metric("pauseP50", "ms"), new Metric("pauseP99", "ms"), new Metric("lag", "ms"),
            new Metric("bytesPerEpoch", "B"), new Metric("sentBytes", "B/s"), new Metric("events", "1/s"), new Metric("diskWrites", "1/s"),
            new Metric("cpuShare", "share")));

    /** One series: its name (ASCII, at most 15 bytes) and unit. */
    public record Metric(String name, String unit) {
    }

    private final int code;
    private final String folder;
    private final List<Metric> metrics;

    HistoryKind(int code, String folder, List<Metric> metrics) {
        this.code = code;
        this.folder = folder;
        this.metrics = metrics;
    }

    /** The code in a file's header (byte 10). */
    public int code() {
        return code;
    }

    /** The folder of this kind's files under the datastore's {@code /.history}: {@code vms}, {@code hosts}, {@code pairs}. */
    public String folder() {
        return folder;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public List<String> metricNames() {
        return metrics.stream().map(Metric::name).toList();
    }

    public String unit(String metric) {
        return metrics.stream().filter(m -> m.name().equals(metric)).map(Metric::unit).findFirst().orElse("");
    }

    /** The kind an API path names: {@code vm}, {@code host}, {@code pair} (or their folders' plural). */
    public static HistoryKind parse(String s) {
        for (HistoryKind k : values()) {
            if (k.name().equalsIgnoreCase(s) || k.folder.equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("expected a kind of history: vm, host or pair, found '" + s + "'");
    }

    static HistoryKind ofCode(int code) {
        for (HistoryKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
