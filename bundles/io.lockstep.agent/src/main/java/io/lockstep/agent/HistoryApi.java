package io.lockstep.agent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.lockstep.agent.api.HistoryView;
import io.lockstep.agent.history.HistoryAnswers;
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
        return HistoryAnswers.view(s, a.metrics(), HistoryFile.describe(history.file(a.kind(), a.name())).resolutions());
    }

    static byte[] csv(HistoryRecorder history, Api.Call c) throws IOException {
        Ask a = ask(c);
        return HistoryAnswers.csv(series(history, a), a.metrics());
    }
}
