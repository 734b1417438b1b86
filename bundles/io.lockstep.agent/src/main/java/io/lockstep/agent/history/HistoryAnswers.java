package io.lockstep.agent.history;

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

/** Rows read from a history file as the API answers them: the {@link HistoryView} record, or CSV. */
public final class HistoryAnswers {

    private HistoryAnswers() {
    }

    /** The series {@code metrics} (those the file has, in that order) of {@code s} as the API's record. */
    public static HistoryView view(HistoryFile.Series s, List<String> metrics, List<Integer> resolutions) {
        List<HistorySeriesView> out = new ArrayList<>();
        for (String m : metrics) {
            int i = s.metric(m);
            if (i < 0) {
                continue; // a file older than this series
            }
            out.add(new HistorySeriesView(m, s.kind().unit(m), list(s.avg()[i]), list(s.min()[i]), list(s.max()[i])));
        }
        return new HistoryView(s.kind().name().toLowerCase(), s.entity(), s.stepSeconds(), s.fromSeconds() * 1000, s.time(s.points() - 1) * 1000,
                s.points(), resolutions, out);
    }

    private static List<Double> list(float[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (float v : values) {
            out.add(Float.isNaN(v) ? null : (double) v);
        }
        return out;
    }

    /** CSV (Commons CSV, RFC 4180): {@code time} (ISO-8601 UTC), then {@code <series>_avg, _min, _max}; empty where nothing was recorded. */
    public static byte[] csv(HistoryFile.Series s, List<String> metrics) throws IOException {
        List<String> header = new ArrayList<>();
        header.add("time");
        List<Integer> columns = new ArrayList<>();
        for (String m : metrics) {
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
