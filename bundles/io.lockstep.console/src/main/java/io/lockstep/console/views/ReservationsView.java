package io.lockstep.console.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.lockstep.model.Datastore;
import io.lockstep.model.Registration;
import io.lockstep.model.Reservation;
import io.lockstep.model.VirtualDisk;

/**
 * SCSI-3 registrations and reservations: each initiator's key on every datastore (the notification protocol
 * preempts them) and on virtual disks (clustered guests), the reservation holder and type, and the datastore's
 * notification counters.
 */
public class ReservationsView extends LiveView {

    public static final String ID = "io.lockstep.console.views.reservations";

    /** One row: where, and the registration or reservation. */
    public record Row(String scope, String initiator, String key, String host, String reservation) {
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
        column(viewer, "Scope", 160, Row.class, Row::scope, null);
        column(viewer, "Initiator", 150, Row.class, Row::initiator, null);
        column(viewer, "Key", 170, Row.class, Row::key, null);
        column(viewer, "Host", 90, Row.class, Row::host, null);
        column(viewer, "Reservation", 280, Row.class, Row::reservation, null);
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
        StringBuilder text = new StringBuilder();
        if (live != null) {
            for (Datastore ds : live.model().getDatastores()) {
                String res = reservation(ds.getReservation(), "Write Exclusive – All Registrants (every registered host)");
                for (Registration r : ds.getRegistrations()) {
                    rows.add(new Row("datastore " + ds.getName(), r.getInitiator(), r.getKey(), r.getHost() == null ? "" : r.getHost().getName(), res));
                }
                for (VirtualDisk d : ds.getDisks()) {
                    for (Registration r : d.getRegistrations()) {
                        rows.add(new Row("disk " + d.getName(), r.getInitiator(), r.getKey(), r.getHost() == null ? "" : r.getHost().getName(),
                                reservation(d.getReservation(), "none")));
                    }
                }
                text.append(ds.getName()).append(": ").append(ds.getRegistrations().size()).append(" registered initiators; ");
            }
            text.append(live.notifications());
        }
        if (!summary.getText().equals(text.toString())) {
            summary.setText(text.toString());
            summary.getParent().layout();
        }
        if (!rows.equals(viewer.getInput())) {
            viewer.setInput(rows);
        }
    }

    private static String reservation(Reservation r, String otherwise) {
        return r == null ? otherwise : typeName(r.getType().getName()) + " held by " + r.getHolder();
    }

    /** WRITE_EXCLUSIVE_REGISTRANTS_ONLY → "Write Exclusive – Registrants Only", as SPC names the types. */
    static String typeName(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : name.toLowerCase(java.util.Locale.ROOT).split("_")) {
            if (w.equals("registrants")) {
                b.append(" –");
            }
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return b.toString();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
