package io.lockstep.console.tests.bots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.lockstep.agent.history.HistoryAnswers;
import io.lockstep.agent.history.HistoryFile;
import io.lockstep.agent.history.HistoryKind;

/**
 * History files as the agents keep them ({@link HistoryFile}, the standard layout: 10 s for a day, 5 min for a month),
 * filled with a month of made-up samples, and served by a {@link ConsolePeer} as the agent serves them
 * ({@code GET /v1/history/{kind}/{name}[/csv]?from=&to=}, the agent's own {@link HistoryAnswers}).
 */
public final class HistoryFiles {

    private final Path dir;
    private final Map<String, Path> files = new HashMap<>();

    public HistoryFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * A file for {@code kind}/{@code name} holding a sample every 10 s over the {@code days} up to now: a daily wave (so a
     * month shows days), a faster ripple, and a gap of two hours from 8 to 6 hours ago (no samples: the chart shows it blank).
     */
    public Path month(HistoryKind kind, String name, int days) throws IOException {
        Path f = dir.resolve(kind.folder() + "-" + name + ".lshist");
        long now = System.currentTimeMillis() / 1000;
        long start = now - days * 86_400L;
        try (HistoryFile h = HistoryFile.openOrCreate(f, kind, name, HistoryFile.Layout.standard(), System.currentTimeMillis())) {
            double[] v = new double[kind.metrics().size()];
            for (long t = start; t <= now; t += 10) {
                boolean gap = t > now - 8 * 3600 && t < now - 6 * 3600;
                for (int m = 0; m < v.length; m++) {
                    double day = Math.sin(2 * Math.PI * (t % 86_400) / 86_400.0);
                    double ripple = Math.sin(2 * Math.PI * (t % 600) / 600.0);
                    v[m] = gap ? Double.NaN : (m + 1) * (10 + 5 * day + ripple);
                }
                h.update(t, v);
            }
        }
        files.put(kind.name().toLowerCase() + "/" + name, f);
        return f;
    }

    /** Serves these files on {@code peer} as the agent's history routes. */
    public void serve(ConsolePeer peer) {
        peer.route("/v1/history/", this::answer);
    }

    private Object answer(String target) {
        int q = target.indexOf('?');
        String[] p = (q < 0 ? target : target.substring(0, q)).split("/"); // "", v1, history, kind, name, [csv]
        Map<String, String> query = new HashMap<>();
        if (q >= 0) {
            for (String kv : target.substring(q + 1).split("&")) {
                int e = kv.indexOf('=');
                query.put(kv.substring(0, e), URLDecoder.decode(kv.substring(e + 1), StandardCharsets.UTF_8));
            }
        }
        String name = URLDecoder.decode(p[4], StandardCharsets.UTF_8);
        Path f = files.get(p[3] + "/" + name);
        if (f == null) {
            return null;
        }
        long to = Long.parseLong(query.getOrDefault("to", Long.toString(System.currentTimeMillis())));
        long from = Long.parseLong(query.getOrDefault("from", Long.toString(to - 3_600_000L)));
        try {
            HistoryFile.Series s = HistoryFile.read(f, from / 1000, to / 1000, 0);
            HistoryKind kind = HistoryKind.parse(p[3]);
            if (p.length == 6 && p[5].equals("csv")) {
                return new ConsolePeer.Text("text/csv; charset=utf-8", HistoryAnswers.csv(s, kind.metricNames()));
            }
            return HistoryAnswers.view(s, kind.metricNames(), HistoryFile.describe(f).resolutions());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
