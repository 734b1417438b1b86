package io.lockstep.console.views;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.lockstep.console.live.LiveDatacenter.FtSample;

/**
 * An FT pair's lag and CPU allocation over time: a JFreeChart drawn into an image (at most once per change of the
 * samples, skipped while one is pending) that the canvas shows.
 */
final class FtChart {

    private final Canvas canvas;
    private final AtomicBoolean drawing = new AtomicBoolean();
    private Image image;
    private volatile String title = "";
    private volatile int points;

    FtChart(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.addPaintListener(e -> {
            if (image != null && !image.isDisposed()) {
                e.gc.drawImage(image, 0, 0);
            } else {
                e.gc.drawText("Select an FT pair to chart its lag and CPU allocation", 10, 10);
            }
        });
        canvas.addDisposeListener(e -> {
            if (image != null) {
                image.dispose();
            }
        });
    }

    Canvas control() {
        return canvas;
    }

    int points() {
        return points;
    }

    /** Draws {@code samples} of {@code vm} in the background and shows the result (skipped while a drawing is under way). */
    void show(String vm, List<FtSample> samples) {
        Point size = canvas.getSize();
        if (size.x < 50 || size.y < 50 || !drawing.compareAndSet(false, true)) {
            return;
        }
        // drawn on the chart thread (JFreeChart into a BufferedImage, then into ImageData: pure Java), shown on the UI
        // thread: a chart costs the UI thread only the copy of its pixels into an Image
        CHART_THREAD.execute(() -> {
            ImageData data;
            try {
                data = draw(vm, samples, size.x, size.y);
            } catch (RuntimeException e) {
                drawing.set(false);
                return;
            }
            if (canvas.isDisposed()) {
                drawing.set(false);
                return;
            }
            canvas.getDisplay().asyncExec(() -> {
                try {
                    if (canvas.isDisposed()) {
                        return;
                    }
                    if (image != null) {
                        image.dispose();
                    }
                    image = new Image(canvas.getDisplay(), data);
                    title = vm;
                    points = samples.size();
                    canvas.redraw();
                } finally {
                    drawing.set(false);
                }
            });
        });
    }

    private static final java.util.concurrent.ExecutorService CHART_THREAD = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lockstep-ft-chart");
        t.setDaemon(true);
        return t;
    });

    String title() {
        return title;
    }

    static ImageData draw(String vm, List<FtSample> samples, int w, int h) {
        XYSeries lag = new XYSeries("lag (ms)");
        XYSeries cpu = new XYSeries("backup CPU share (%)");
        XYSeries rate = new XYSeries("epochs/s");
        long t0 = samples.isEmpty() ? 0 : samples.get(0).timeMillis();
        for (FtSample s : samples) {
            double t = (s.timeMillis() - t0) / 1000.0;
            lag.add(t, s.lagMillis());
            cpu.add(t, s.cpuShare() * 100);
            rate.add(t, s.epochRate());
        }
        XYSeriesCollection left = new XYSeriesCollection(lag);
        left.addSeries(rate);
        JFreeChart chart = ChartFactory.createXYLineChart("FT " + vm + ": lag, epoch rate and CPU allocation", "seconds", "lag (ms) / epochs per s", left,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        NumberAxis share = new NumberAxis("CPU share (%)");
        share.setRange(0, 105);
        plot.setRangeAxis(1, share);
        plot.setDataset(1, new XYSeriesCollection(cpu));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer r1 = new XYLineAndShapeRenderer(true, false);
        r1.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(1, r1);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(13f));
        BufferedImage img = chart.createBufferedImage(w, h, BufferedImage.TYPE_INT_RGB, null);
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
}
