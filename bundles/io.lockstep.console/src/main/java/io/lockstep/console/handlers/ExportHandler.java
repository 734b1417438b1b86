package io.lockstep.console.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;

import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.model.io.HtmlReport;
import io.lockstep.model.io.ModelIO;

/** File › Export: the live datacenter as JSON, as CSV tables, or as a printable HTML report (inventory, FT status, leases). */
public class ExportHandler extends AbstractHandler {

    /** Writes the export of {@code format} ("json", "csv" or "html") to {@code target}; what was written, for the status line. */
    public static String export(LiveDatacenter live, String format, Path target) throws Exception {
        switch (format) {
            case "json" -> ModelIO.exportJson(live.model(), target);
            case "csv" -> {
                return "Exported " + ModelIO.exportCsv(live.model(), target).size() + " CSV tables to " + target;
            }
            case "html" -> HtmlReport.write(live.model(), target, live.leaseTimeoutMillis());
            default -> throw new IllegalArgumentException("export format: expected json, csv or html, found '" + format + "'");
        }
        return "Exported " + format.toUpperCase() + " to " + target;
    }

    @Override
    public Object execute(ExecutionEvent event) {
        LiveDatacenter live = Handlers.live();
        if (live == null) {
            return null;
        }
        String format = event.getParameter("io.lockstep.console.export.format");
        String where;
        if ("csv".equals(format)) {
            DirectoryDialog d = new DirectoryDialog(Handlers.shell(), SWT.SAVE);
            d.setText("Export CSV tables to");
            where = d.open();
        } else {
            FileDialog d = new FileDialog(Handlers.shell(), SWT.SAVE);
            d.setText("Export " + format.toUpperCase());
            d.setFilterExtensions(new String[] {"*." + format});
            d.setFileName("datacenter." + format);
            d.setOverwrite(true);
            where = d.open();
        }
        if (where == null) {
            return null;
        }
        try {
            Handlers.status(export(live, format, Path.of(where)), false);
        } catch (Exception e) {
            Handlers.error("Export failed (nothing was overwritten): " + e.getMessage());
        }
        return null;
    }
}
