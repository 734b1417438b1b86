package io.lockstep.agent.api;

import java.util.List;

/** One series of a {@link HistoryView}: its name and unit, and per row the average, minimum and maximum (null: no sample). */
public record HistorySeriesView(String metric, String unit, List<Double> avg, List<Double> min, List<Double> max) {
}
