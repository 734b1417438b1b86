package io.lockstep.console.views;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.lockstep.agent.api.HistorySeriesView;

/**
 * A series of a VM's, host's or FT pair's history as a chart: the average over each row as a line, the minimum and
 * maximum as thin lines around it, gaps (rows never recorded) left blank, time on a date axis. Pure Java (JFreeChart
 * into a BufferedImage, then into SWT {@link ImageData}): drawn off the UI thread, which only copies the pixels into an
 * Image.
 */
public final class HistoryChart {

    private HistoryChart() {
    }

    /** Draws {@code series} of {@code title}'s history ({@code from} epoch ms, a row every {@code stepSeconds}). */
    public static ImageData draw(String title, HistorySeriesView series, long from, int stepSeconds, int w, int h) {
        BufferedImage img = chart(title, series, from, stepSeconds).createBufferedImage(w, h, BufferedImage.TYPE_INT_RGB, null);
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                row[x] &= 0xFFFFFF;
            }
            data.setPixels(0, y, w, row, 0);
        }
        return data;
    }

    static JFreeChart chart(String title, HistorySeriesView series, long from, int stepSeconds) {
        XYSeries avg = new XYSeries(series.metric() + " (avg)", false, true);
        XYSeries min = new XYSeries("min", false, true);
        XYSeries max = new XYSeries("max", false, true);
        add(avg, series.avg(), from, stepSeconds);
        add(min, series.min(), from, stepSeconds);
        add(max, series.max(), from, stepSeconds);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(avg);
        data.addSeries(min);
        data.addSeries(max);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "UTC", series.metric() + (series.unit() == null || series.unit().isEmpty() ? ""
                : " (" + series.unit() + ")"), data, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(false); // a segment per pair of rows: a gap (NaN) breaks the line
        r.setSeriesPaint(0, new Color(0x1f, 0x5f, 0xbf));
        r.setSeriesStroke(0, new BasicStroke(1.6f));
        r.setSeriesPaint(1, new Color(0x9f, 0xbf, 0xe8));
        r.setSeriesPaint(2, new Color(0x9f, 0xbf, 0xe8));
        r.setSeriesStroke(1, new BasicStroke(0.8f));
        r.setSeriesStroke(2, new BasicStroke(0.8f));
        plot.setRenderer(r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        ((DateAxis) plot.getDomainAxis()).setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(13f));
        return chart;
    }

    private static void add(XYSeries s, List<Double> values, long from, int stepSeconds) {
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            s.add(from + i * stepSeconds * 1000L, v == null ? Double.NaN : v, false);
        }
    }
}
