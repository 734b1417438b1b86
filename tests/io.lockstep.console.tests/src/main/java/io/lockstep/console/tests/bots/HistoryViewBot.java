package io.lockstep.console.tests.bots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.lockstep.console.views.HistoryView;

/** The History view as an operator uses it: pick what and over what range, read the chart's status, export. */
public final class HistoryViewBot {

    private final WorkbenchBot bot;
    private final HistoryView view;

    public HistoryViewBot(WorkbenchBot bot) {
        this.bot = bot;
        this.view = bot.showView(HistoryView.ID, HistoryView.class);
    }

    public HistoryView view() {
        return view;
    }

    /** Charts {@code kind}/{@code name} over {@code range} and waits until a chart of it is drawn (or an error said). */
    public void chart(String kind, String name, HistoryView.Range range, String series) {
        int before = view.draws();
        view.show(new HistoryView.Subject(kind, name), range, series);
        waitForChart(before);
    }

    public void range(HistoryView.Range range) {
        int before = view.draws();
        view.show(view.subject(), range, null);
        waitForChart(before);
    }

    public void series(String series) {
        int before = view.draws();
        view.showSeries(series);
        waitForChart(before);
    }

    public void waitForChart(int drawsBefore) {
        bot.waitUntil("the history chart is drawn (" + view.status() + ")", () -> view.draws() > drawsBefore || view.error() != null,
                Duration.ofSeconds(30));
    }

    /** How many pixels of the chart shown are of the average's line colour (0: no line drawn; -1: no chart). */
    public int averageLinePixels() {
        org.eclipse.swt.graphics.ImageData d = view.chartImage();
        if (d == null) {
            return -1;
        }
        int n = 0;
        for (int y = 0; y < d.height; y++) {
            for (int x = 0; x < d.width; x++) {
                org.eclipse.swt.graphics.RGB c = d.palette.getRGB(d.getPixel(x, y));
                if (c.red == 0x1f && c.green == 0x5f && c.blue == 0xbf) {
                    n++;
                }
            }
        }
        return n;
    }

    public Path exportCsv(Path file) {
        view.exportCsv(file);
        bot.waitUntil("the CSV is written (" + view.status() + ")", () -> Files.exists(file) && view.status().startsWith("exported"), Duration.ofSeconds(30));
        return file;
    }

    public Path exportPng(Path file) {
        view.exportPng(file);
        bot.waitUntil("the PNG is written (" + view.status() + ")", () -> Files.exists(file) && view.status().startsWith("exported"), Duration.ofSeconds(30));
        return file;
    }
}
