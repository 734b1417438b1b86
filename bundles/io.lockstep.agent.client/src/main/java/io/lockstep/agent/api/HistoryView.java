package io.lockstep.agent.api;

import java.util.List;

/**
 * GET /v1/history/{kind}/{name}: a VM's, host's or FT pair's history over a range at one resolution — {@code points}
 * rows, the first at {@code from} (epoch ms), one every {@code stepSeconds}, the last at {@code to}; each series the
 * average, minimum and maximum over each row's time (null where nothing was recorded). {@code resolutions} lists the
 * steps the file keeps (seconds), finest first.
 */
public record HistoryView(String kind, String name, int stepSeconds, long from, long to, int points, List<Integer> resolutions,
        List<HistorySeriesView> series) {
}
