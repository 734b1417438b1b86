package io.lockstep.agent;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.lockstep.agent.api.HistorySeriesView;
import io.lockstep.agent.api.HistoryView;
import io.lockstep.agent.history.HistoryFile;
import io.lockstep.agent.history.HistoryKind;

/**
 * The history routes: {@code GET /v1/history/{kind}/{name}} (JSON) and {@code …/csv}, over
 * {@code ?from=&to=} (epoch ms; default the last hour), {@code ?step=} (seconds; default the finest resolution that
 * reaches back to {@code from}) and {@code ?metrics=a,b} (default all).
 */
final class HistoryApi {

    private HistoryApi() {
    }

    /** What a request asks for, checked. */
    record Ask(HistoryKind kind, String name, long fromMillis, long toMillis, int step, List<String> metrics) {
    }

    static Ask ask(Api.Call c) {
        HistoryKind kind;
        try {
            kind = HistoryKind.parse(c.param("kind"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind", "kind: expected vm, host or pair, found '" + Names.printable(c.param("kind")) + "'");
        }
        String name = kind == HistoryKind.HOST ? Names.check("host", c.param("name")) : Names.check("vm", c.param("name"));
        long now = System.currentTimeMillis();
        long to = c.query().containsKey("to") ? Api.parseLong(c.query().get("to"), "to") : now;
        long from = c.query().containsKey("from") ? Api.parseLong(c.query().get("from"), "from") : to - 3_600_000L;
        if (from > to) {
            throw ApiException.badRequest("from", "from: expected a time (epoch ms) no later than to (" + to + "), found " + from);
        }
        if (to - from > 400L * 86_400_000L) {
            throw ApiException.badRequest("from", "from: expected a range of at most 400 days, found " + (to - from) / 86_400_000L + " days");
        }
        int step = 0;
        if (c.query().containsKey("step")) {
            long s = Api.parseLong(c.query().get("step"), "step");
            if (s < 1 || s > 86_400) {
                throw ApiException.badRequest("step", "step: expected seconds from 1 to 86400, found " + s);
            }
            step = (int) s;
        }
        List<String> metrics = kind.metricNames();
        String m = c.query().get("metrics");
        if (m != null && !m.isBlank()) {
            metrics = new ArrayList<>();
            for (String one : m.split(",")) {
                String t = one.trim();
                if (!kind.metricNames().contains(t)) {
                    throw ApiException.badRequest("metrics", "metrics: expected some of " + kind.metricNames() + ", found '" + Names.printable(t) + "'");
                }
                metrics.add(t);
            }
        }
        return new Ask(kind, name, from, to, step, metrics);
    }

    static HistoryFile.Series series(HistoryRecorder history, Ask a) throws IOException {
        try {
            return history.read(a.kind(), a.name(), Math.floorDiv(a.fromMillis(), 1000), Math.floorDiv(a.toMillis(), 1000), a.step());
        } catch (HistoryFile.BadHistoryFile e) {
            throw new ApiException(422, e.getMessage(), null);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("step", e.getMessage());
        }
    }

    static HistoryView view(HistoryRecorder history, Api.Call c) throws IOException {
        Ask a = ask(c);
        HistoryFile.Series s = series(history, a);
        List<HistorySeriesView> out = new ArrayList<>();
        for (String m : a.metrics()) {
            int i = s.metric(m);
            if (i < 0) {
                continue; // a file older than this series
            }
            out.add(new HistorySeriesView(m, a.kind().unit(m), list(s.avg()[i]), list(s.min()[i]), list(s.max()[i])));
        }
        List<Integer> resolutions = HistoryFile.describe(history.file(a.kind(), a.name())).resolutions();
        return new HistoryView(a.kind().name().toLowerCase(), a.name(), s.stepSeconds(), s.fromSeconds() * 1000, s.time(s.points() - 1) * 1000, s.points(),
                resolutions, out);
    }

    private static List<Double> list(float[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (float v : values) {
            out.add(Float.isNaN(v) ? null : (double) v);
        }
        return out;
    }

    /** The history as CSV (Commons CSV, RFC 4180): time, then avg/min/max of each series; empty cells where nothing was recorded. */
    static byte[] csv(HistoryRecorder history, Api.Call c) throws IOException {
        Ask a = ask(c);
        HistoryFile.Series s = series(history, a);
        List<String> header = new ArrayList<>();
        header.add("time");
        List<Integer> columns = new ArrayList<>();
        for (String m : a.metrics()) {
            int i = s.metric(m);
            if (i >= 0) {
                columns.add(i);
                header.add(m + "_avg");
                header.add(m + "_min");
                header.add(m + "_max");
            }
        }
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            List<Object> row = new ArrayList<>();
            for (int r = 0; r < s.points(); r++) {
                row.clear();
                row.add(Instant.ofEpochSecond(s.time(r)).toString());
                for (int i : columns) {
                    row.add(cell(s.avg()[i][r]));
                    row.add(cell(s.min()[i][r]));
                    row.add(cell(s.max()[i][r]));
                }
                p.printRecord(row);
            }
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(float v) {
        return Float.isNaN(v) ? "" : Float.toString(v);
    }
}
