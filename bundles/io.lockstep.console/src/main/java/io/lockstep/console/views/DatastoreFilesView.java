package io.lockstep.console.views;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.lockstep.agent.api.MediumFile;

/**
 * The datastore's file system, on the LUN: every file and directory (VM folders, VMDK chains, checkpoints, host cards,
 * go-live records) with its size as last made durable, blocks, extents, when it last changed, and who holds its owner
 * field — what {@code lockstep datastore ls -l} prints, live.
 */
public class DatastoreFilesView extends LiveView {

    public static final String ID = "io.lockstep.console.views.files";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** One row: a file as the view shows it. */
    public record Row(String name, String kind, String size, long blocks, int extents, String modified, String heldBy, String reservation) {
    }

    private TableViewer viewer;
    private Label summary;

    @Override
    protected void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        summary = new Label(parent, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        viewer = table(parent);
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        column(viewer, "Name", 260, Row.class, Row::name, null);
        column(viewer, "Kind", 70, Row.class, Row::kind, null);
        column(viewer, "Size", 80, Row.class, Row::size, null);
        column(viewer, "Blocks", 60, Row.class, Row::blocks, null);
        column(viewer, "Extents", 60, Row.class, Row::extents, null);
        column(viewer, "Modified", 80, Row.class, Row::modified, null);
        column(viewer, "Held by", 170, Row.class, Row::heldBy, null);
        column(viewer, "Reservation", 200, Row.class, Row::reservation, null);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
    }

    public List<Row> rows() {
        @SuppressWarnings("unchecked")
        List<Row> r = (List<Row>) viewer.getInput();
        return r == null ? List.of() : r;
    }

    @Override
    protected void refresh() {
        List<Row> rows = new ArrayList<>();
        long bytes = 0;
        int files = 0;
        if (live != null) {
            for (MediumFile f : live.files()) {
                boolean dir = "directory".equals(f.kind());
                rows.add(new Row(f.name() + (dir ? "/" : ""), f.kind(), dir ? "" : human(f.sizeBytes()), f.blocks(), f.extents(),
                        f.modifiedMillis() == 0 ? "" : WHEN.format(Instant.ofEpochMilli(f.modifiedMillis())),
                        f.heldBy() == null ? "" : String.join(", ", f.heldBy()), f.reservation() == null ? "" : f.reservation()));
                if (!dir) {
                    files++;
                    bytes += f.sizeBytes();
                }
            }
        }
        String text = live == null ? "" : files + " files, " + human(bytes) + " on the LUN (seen from one agent; sizes as last forced)";
        if (!summary.getText().equals(text)) {
            summary.setText(text);
            summary.getParent().layout();
        }
        if (!rows.equals(viewer.getInput())) {
            viewer.setInput(rows);
        }
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
