package io.lockstep.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Line charts written as PNG (JFreeChart), for figures in the docs. */
final class Charts {

    /** One line: a name and its points (x, y). */
    record Line(String name, List<double[]> points) {
    }

    private Charts() {
    }

    static void png(Path file, String title, String xLabel, String yLabel, List<Line> lines, String y2Label, List<Line> lines2)
            throws IOException {
        XYSeriesCollection left = new XYSeriesCollection();
        for (Line l : lines) {
            XYSeries s = new XYSeries(l.name(), false, true);
            l.points().forEach(p -> s.add(p[0], p[1]));
            left.addSeries(s);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(left, new NumberAxis(xLabel), new NumberAxis(yLabel), r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < lines.size(); i++) {
            r.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        if (lines2 != null && !lines2.isEmpty()) {
            XYSeriesCollection right = new XYSeriesCollection();
            for (Line l : lines2) {
                XYSeries s = new XYSeries(l.name(), false, true);
                l.points().forEach(p -> s.add(p[0], p[1]));
                right.addSeries(s);
            }
            NumberAxis axis2 = new NumberAxis(y2Label);
            plot.setRangeAxis(1, axis2);
            plot.setDataset(1, right);
            plot.mapDatasetToRangeAxis(1, 1);
            XYLineAndShapeRenderer r2 = new XYLineAndShapeRenderer(true, false);
            for (int i = 0; i < lines2.size(); i++) {
                r2.setSeriesStroke(i, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f));
            }
            plot.setRenderer(1, r2);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 500);
    }
}
