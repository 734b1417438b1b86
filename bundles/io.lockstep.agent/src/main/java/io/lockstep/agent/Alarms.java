package io.lockstep.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lockstep.agent.api.AlarmView;
import io.lockstep.agent.api.EventType;

/**
 * Conditions an operator must see: a host that stopped heartbeating, an FT pair that lost its backup, a fenced
 * host, a VM halted after losing the go-live record. Raised once per key (raising again updates the text),
 * cleared when the condition ends, acknowledged by an operator. Each change is an {@code alarm} event.
 */
public final class Alarms {

    public enum Severity {
        INFO, WARNING, CRITICAL
    }

    public record Alarm(String id, Severity severity, String subject, String text, long raised, long cleared, boolean acknowledged) {
        AlarmView view() {
            return new AlarmView(id, severity.name().toLowerCase(), subject, text, raised, cleared == 0 ? null : cleared, acknowledged, cleared == 0);
        }
    }

    private final Events events;
    private final Map<String, Alarm> alarms = new LinkedHashMap<>();

    public Alarms(Events events) {
        this.events = events;
    }

    public void raise(String id, Severity severity, String subject, String text) {
        Alarm a;
        synchronized (alarms) {
            Alarm old = alarms.get(id);
            if (old != null && old.cleared() == 0 && old.text().equals(text) && old.severity() == severity) {
                return;
            }
            a = new Alarm(id, severity, subject, text, old != null && old.cleared() == 0 ? old.raised() : System.currentTimeMillis(), 0, false);
            alarms.put(id, a);
            trim();
        }
        events.publish(EventType.ALARM, subject, a.view());
    }

    public void clear(String id) {
        Alarm a;
        synchronized (alarms) {
            Alarm old = alarms.get(id);
            if (old == null || old.cleared() != 0) {
                return;
            }
            a = new Alarm(old.id(), old.severity(), old.subject(), old.text(), old.raised(), System.currentTimeMillis(), old.acknowledged());
            alarms.put(id, a);
        }
        events.publish(EventType.ALARM, a.subject(), a.view());
    }

    public Alarm acknowledge(String id) {
        Alarm a;
        synchronized (alarms) {
            Alarm old = alarms.get(id);
            if (old == null) {
                throw ApiException.notFound("no alarm '" + Names.printable(id) + "' on this host");
            }
            a = new Alarm(old.id(), old.severity(), old.subject(), old.text(), old.raised(), old.cleared(), true);
            alarms.put(id, a);
        }
        events.publish(EventType.ALARM, a.subject(), a.view());
        return a;
    }

    public List<AlarmView> views() {
        List<AlarmView> out = new ArrayList<>();
        synchronized (alarms) {
            for (Alarm a : alarms.values()) {
                out.add(a.view());
            }
        }
        return out;
    }

    public boolean active(String id) {
        synchronized (alarms) {
            Alarm a = alarms.get(id);
            return a != null && a.cleared() == 0;
        }
    }

    private void trim() {
        if (alarms.size() > 1000) {
            alarms.entrySet().removeIf(e -> e.getValue().cleared() != 0 && alarms.size() > 1000);
        }
    }
}
