package io.lockstep.console.views;

import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;

import io.lockstep.model.Alarm;
import io.lockstep.model.Severity;

/** Alarms raised by the agents (heartbeats stopped, FT lost, a DoS attack …), newest first; acknowledge from here. */
public class AlarmsView extends LiveView {

    public static final String ID = "io.lockstep.console.views.alarms";

    private TableViewer viewer;
    private Color critical;
    private Color warning;

    @Override
    protected void create(Composite parent) {
        parent.setLayout(new FillLayout());
        viewer = table(parent);
        critical = new Color(255, 205, 200);
        warning = new Color(255, 240, 200);
        column(viewer, "Severity", 80, Alarm.class, a -> a.getSeverity().getLiteral(), this::color);
        column(viewer, "Subject", 110, Alarm.class, Alarm::getSubject, this::color);
        column(viewer, "Alarm", 520, Alarm.class, Alarm::getText, this::color);
        column(viewer, "State", 150, Alarm.class, a -> (a.isActive() ? "active" : "cleared") + (a.isAcknowledged() ? ", acknowledged" : ""), this::color);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        getSite().setSelectionProvider(viewer);
        Action ack = new Action("Acknowledge") {
            @Override
            public void run() {
                for (Object o : viewer.getStructuredSelection().toList()) {
                    Alarm a = (Alarm) o;
                    live.run("acknowledge " + a.getId(), () -> live.client(null).post("/v1/alarms/" + a.getId() + "/acknowledge", null),
                            msg -> getViewSite().getActionBars().getStatusLineManager().setErrorMessage(msg));
                }
            }
        };
        getViewSite().getActionBars().getToolBarManager().add(ack);
        viewer.getTable().addDisposeListener(e -> {
            critical.dispose();
            warning.dispose();
        });
    }

    private Color color(Alarm a) {
        if (!a.isActive() || a.isAcknowledged()) {
            return null;
        }
        return a.getSeverity() == Severity.CRITICAL ? critical : a.getSeverity() == Severity.WARNING ? warning : null;
    }

    public TableViewer viewer() {
        return viewer;
    }

    @Override
    protected void refresh() {
        List<Alarm> alarms = live == null ? List.of() : List.copyOf(live.model().getAlarms());
        if (!alarms.equals(viewer.getInput())) {
            viewer.setInput(alarms);
        } else {
            viewer.refresh(true);
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
