package io.lockstep.console.views;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISelectionListener;

import io.lockstep.agent.api.HistorySeriesView;
import io.lockstep.agent.client.AgentClient;
import io.lockstep.model.FtPair;
import io.lockstep.model.Host;
import io.lockstep.model.VirtualMachine;

/**
 * History (issue 26): any series of the selected VM, host or FT pair over the last hour, day, week or month, read from
 * the agents' round-robin files on the datastore ({@code GET /v1/history/{kind}/{name}}, from any agent) and charted
 * (average, minimum, maximum per row). The subject follows the selection in the inventory and the FT pairs view, or is
 * typed. Fetching and drawing run on the view's own thread; the UI thread only copies the chart's pixels into an Image.
 * Exports: CSV (the agent's own CSV of the range) and PNG (the chart as shown).
 */
public class HistoryView extends LiveView {

    public static final String ID = "io.lockstep.console.views.history";

    /** The ranges offered: the agent picks the finest resolution that reaches back that far (10 s, or 5 min). */
    public enum Range {
        HOUR("Last hour", 3_600_000L), DAY("Last day", 86_400_000L), WEEK("Last week", 7 * 86_400_000L), MONTH("Last month", 30 * 86_400_000L);

        public final String label;
        public final long millis;

        Range(String label, long millis) {
            this.label = label;
            this.millis = millis;
        }
    }

    /** What is charted: a kind (vm, host, pair), a name, a range, a series. */
    public record Subject(String kind, String name) {
    }

    private static final String[] KINDS = {"vm", "host", "pair"};
    private static final String[] KIND_LABELS = {"VM", "Host", "FT pair"};
    /** The chart follows the agents: fetched again at most this often while the view is shown. */
    static final long REFRESH_MILLIS = 10_000;

    private Combo kind;
    private Text name;
    private Combo range;
    private Combo metric;
    private Canvas canvas;
    private Label status;
    private Image image;
    private ISelectionListener selections;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lockstep-history");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong(); // the latest request: older answers are dropped
    private volatile io.lockstep.agent.api.HistoryView answer;
    private volatile String metricShown;
    private volatile long lastFetch;
    private volatile boolean fetching;
    private volatile long drawMillis;
    private volatile int draws;
    private volatile String lastError;
    private volatile Source source = this::anyAgent;
    private final java.util.concurrent.ConcurrentLinkedDeque<Long> drawTimes = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /** Where the history is read: a client of any agent of the live datacenter (the datastore is shared), unless told. */
    @FunctionalInterface
    public interface Source {
        AgentClient client() throws IOException;
    }

    private AgentClient anyAgent() throws IOException {
        io.lockstep.console.live.LiveDatacenter l = live;
        if (l == null) {
            throw new IOException("not connected to any agent: use File › Connect to Agent… first");
        }
        return l.client(null);
    }

    /** Reads the history through {@code s} instead of the live datacenter's agents (a benchmark's peer). */
    public void source(Source s) {
        this.source = s;
    }

    @Override
    protected void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(8, false));
        kind = new Combo(bar, SWT.READ_ONLY);
        kind.setItems(KIND_LABELS);
        kind.select(0);
        kind.setToolTipText("What the history is of: a VM, a host, or an FT pair (named by its VM)");
        name = new Text(bar, SWT.BORDER | SWT.SINGLE);
        name.setLayoutData(new GridData(120, SWT.DEFAULT));
        name.setMessage("name");
        name.setToolTipText("The VM, host or FT pair; follows the selection in the inventory and the FT pairs view. Enter charts it.");
        range = new Combo(bar, SWT.READ_ONLY);
        for (Range r : Range.values()) {
            range.add(r.label);
        }
        range.select(0);
        metric = new Combo(bar, SWT.READ_ONLY);
        metric.setLayoutData(new GridData(130, SWT.DEFAULT));
        metric.setToolTipText("The series charted");
        Button refresh = new Button(bar, SWT.PUSH);
        refresh.setText("Refresh");
        Button csv = new Button(bar, SWT.PUSH);
        csv.setText("Export CSV…");
        Button png = new Button(bar, SWT.PUSH);
        png.setText("Export PNG…");
        status = new Label(parent, SWT.NONE); // its own line: never cut by the bar at 1280 px
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.addPaintListener(e -> {
            if (image != null && !image.isDisposed()) {
                e.gc.drawImage(image, 0, 0);
            } else {
                e.gc.drawText("Select a VM, host or FT pair (or type its name) to chart its history", 10, 10);
            }
        });
        canvas.addListener(SWT.Resize, e -> redraw());
        kind.addListener(SWT.Selection, e -> fetch());
        range.addListener(SWT.Selection, e -> fetch());
        name.addListener(SWT.DefaultSelection, e -> fetch());
        refresh.addListener(SWT.Selection, e -> fetch());
        metric.addListener(SWT.Selection, e -> {
            metricShown = metric.getText();
            redraw();
        });
        csv.addListener(SWT.Selection, e -> ask("csv", this::exportCsv));
        png.addListener(SWT.Selection, e -> ask("png", this::exportPng));
        selections = (part, sel) -> {
            if (part != this && sel instanceof IStructuredSelection s && !s.isEmpty()) {
                follow(s.getFirstElement());
            }
        };
        getSite().getPage().addPostSelectionListener(selections);
    }

    /** The selection elsewhere names a VM, host or FT pair: chart it. */
    private void follow(Object o) {
        if (o instanceof VirtualMachine vm) {
            show(new Subject("vm", vm.getName()), null, null);
        } else if (o instanceof Host h) {
            show(new Subject("host", h.getName()), null, null);
        } else if (o instanceof FtPair p && p.getPrimary() != null) {
            show(new Subject("pair", p.getPrimary().getName()), null, null);
        }
    }

    private void ask(String ext, java.util.function.Consumer<Path> export) {
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] {"*." + ext});
        d.setFileName(subject().kind() + "-" + subject().name() + "-" + Range.values()[range.getSelectionIndex()].name().toLowerCase() + "." + ext);
        d.setOverwrite(true);
        String f = d.open();
        if (f != null) {
            export.accept(Path.of(f));
        }
    }

    // --- what an operator (or a bot) does ---------------------------------------------------------------------------

    /** Charts {@code subject} over {@code r} (null: as now), series {@code series} (null: as now, or the first). */
    public void show(Subject subject, Range r, String series) {
        kind.select(List.of(KINDS).indexOf(subject.kind()));
        name.setText(subject.name());
        if (r != null) {
            range.select(r.ordinal());
        }
        if (series != null) {
            metricShown = series;
        }
        fetch();
    }

    /** Another series of what is shown (no new fetch). */
    public void showSeries(String series) {
        metricShown = series;
        if (metric.indexOf(series) >= 0) {
            metric.select(metric.indexOf(series));
        }
        redraw();
    }

    public Subject subject() {
        return new Subject(KINDS[Math.max(0, kind.getSelectionIndex())], name.getText().trim());
    }

    public Range range() {
        return Range.values()[range.getSelectionIndex()];
    }

    /** Fetches the subject's history over the range from an agent, then draws it (both off the UI thread). */
    public void fetch() {
        Subject s = subject();
        if (s.name().isEmpty()) {
            return;
        }
        Range r = range();
        long g = generation.incrementAndGet();
        lastFetch = System.currentTimeMillis();
        fetching = true;
        status.setText("reading " + s.kind() + " " + s.name() + " …");
        Point size = canvas.getSize();
        String series = metricShown;
        worker.execute(() -> {
            try {
                long to = System.currentTimeMillis();
                String path = path(s, to - r.millis, to, false);
                AgentClient c = source.client();
                io.lockstep.agent.api.HistoryView v = AgentClient.read(c.get(path), io.lockstep.agent.api.HistoryView.class, path);
                if (g != generation.get()) {
                    return;
                }
                answer = v;
                lastError = null;
                draw(v, series, size, g);
            } catch (IOException | RuntimeException e) {
                if (g == generation.get()) {
                    lastError = s.kind() + " " + s.name() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
                    answer = null;
                    ui(() -> {
                        status.setText(lastError);
                        if (image != null) {
                            image.dispose();
                            image = null;
                        }
                        canvas.redraw();
                    });
                }
            } finally {
                fetching = false;
            }
        });
    }

    static String path(Subject s, long from, long to, boolean csv) {
        return "/v1/history/" + s.kind() + "/" + URLEncoder.encode(s.name(), StandardCharsets.UTF_8) + (csv ? "/csv" : "") + "?from=" + from + "&to=" + to;
    }

    /** Draws the answer at hand again (a new size or series). */
    private void redraw() {
        io.lockstep.agent.api.HistoryView v = answer;
        if (v == null) {
            return;
        }
        Point size = canvas.getSize();
        String series = metricShown;
        long g = generation.get();
        worker.execute(() -> draw(v, series, size, g));
    }

    /** On the view's thread: the chart into pixels, then (UI thread) into the canvas's Image. */
    private void draw(io.lockstep.agent.api.HistoryView v, String series, Point size, long g) {
        if (size.x < 50 || size.y < 50 || v.series().isEmpty()) {
            ui(() -> fillSeries(v));
            return;
        }
        HistorySeriesView s = v.series().stream().filter(x -> x.metric().equals(series)).findFirst().orElse(v.series().get(0));
        long t0 = System.nanoTime();
        ImageData data = HistoryChart.draw(title(v), s, v.from(), v.stepSeconds(), size.x, size.y);
        long took = (System.nanoTime() - t0) / 1_000_000;
        ui(() -> {
            if (g != generation.get() || canvas.isDisposed()) {
                return;
            }
            Runnable apply = () -> {
                if (image != null) {
                    image.dispose();
                }
                image = new Image(canvas.getDisplay(), data);
                metricShown = s.metric();
                fillSeries(v);
                drawMillis = took;
                drawTimes.add(took);
                while (drawTimes.size() > 1000) {
                    drawTimes.poll();
                }
                draws++;
                long filled = s.avg().stream().filter(x -> x != null).count();
                status.setText(String.format("%s · %s · %d points of %d s, %d recorded · drawn in %d ms", v.name(), s.metric(), v.points(), v.stepSeconds(),
                        filled, took));
                canvas.redraw();
            };
            if (live != null) {
                live.uiTimes().time("history image", apply);
            } else {
                apply.run();
            }
        });
    }

    private static String title(io.lockstep.agent.api.HistoryView v) {
        String what = switch (v.kind()) {
            case "host" -> "Host ";
            case "pair" -> "FT pair ";
            default -> "VM ";
        };
        return what + v.name();
    }

    private void fillSeries(io.lockstep.agent.api.HistoryView v) {
        String[] names = v.series().stream().map(HistorySeriesView::metric).toArray(String[]::new);
        if (!java.util.Arrays.equals(names, metric.getItems())) {
            metric.setItems(names);
        }
        int i = metric.indexOf(metricShown == null ? "" : metricShown);
        metric.select(Math.max(0, i));
    }

    private void ui(Runnable r) {
        if (!canvas.isDisposed()) {
            canvas.getDisplay().asyncExec(() -> {
                if (!canvas.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    /** Writes the range's history as CSV (the agent's) to {@code file}, off the UI thread; the status line says how it went. */
    public void exportCsv(Path file) {
        Subject s = subject();
        Range r = range();
        worker.execute(() -> {
            try {
                long to = System.currentTimeMillis();
                String text = source.client().text(path(s, to - r.millis, to, true));
                writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
                long rows = text.lines().count() - 1;
                ui(() -> status.setText("exported " + rows + " rows of " + s.kind() + " " + s.name() + " to " + file));
            } catch (IOException | RuntimeException e) {
                ui(() -> status.setText("CSV export of " + s.name() + " failed: " + e.getMessage()));
            }
        });
    }

    /** Writes the chart as shown (same size, same series) to {@code file} as PNG, off the UI thread. */
    public void exportPng(Path file) {
        io.lockstep.agent.api.HistoryView v = answer;
        Point size = canvas.getSize();
        String series = metricShown;
        worker.execute(() -> {
            try {
                if (v == null || v.series().isEmpty()) {
                    throw new IOException("nothing is charted yet");
                }
                HistorySeriesView s = v.series().stream().filter(x -> x.metric().equals(series)).findFirst().orElse(v.series().get(0));
                ImageData data = HistoryChart.draw(title(v), s, v.from(), v.stepSeconds(), Math.max(400, size.x), Math.max(250, size.y));
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] {data};
                loader.save(tmp.toString(), SWT.IMAGE_PNG);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                ui(() -> status.setText("exported the chart of " + v.name() + " · " + s.metric() + " to " + file));
            } catch (IOException | RuntimeException e) {
                ui(() -> status.setText("PNG export failed: " + e.getMessage()));
            }
        });
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    // --- what a bot reads ------------------------------------------------------------------------------------------

    /** The answer charted last (null: none, or an error: {@link #error()}). */
    public io.lockstep.agent.api.HistoryView answer() {
        return answer;
    }

    public String error() {
        return lastError;
    }

    public String status() {
        return status.getText();
    }

    public String seriesShown() {
        return metricShown;
    }

    public List<String> seriesOffered() {
        return List.of(metric.getItems());
    }

    /** Charts drawn and shown so far, and how long the last one took to draw (off the UI thread). */
    public int draws() {
        return draws;
    }

    public long drawMillis() {
        return drawMillis;
    }

    /** How long the last (up to 1,000) charts took to draw, off the UI thread, in ms. */
    public List<Long> drawTimes() {
        return List.copyOf(drawTimes);
    }

    public boolean busy() {
        return fetching;
    }

    /** The chart as the canvas shows it (UI thread; null: none). */
    public ImageData chartImage() {
        return image == null || image.isDisposed() ? null : image.getImageData();
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void refresh() {
        // the live model changed: follow the agents' files, at most every REFRESH_MILLIS
        if (!fetching && !name.getText().isBlank() && System.currentTimeMillis() - lastFetch > REFRESH_MILLIS) {
            fetch();
        }
    }

    @Override
    public void setFocus() {
        name.setFocus();
    }

    @Override
    public void dispose() {
        if (selections != null) {
            getSite().getPage().removePostSelectionListener(selections);
        }
        worker.shutdownNow();
        if (image != null) {
            image.dispose();
        }
        super.dispose();
    }
}
