package io.lockstep.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("severity", severity.name().toLowerCase());
            m.put("subject", subject);
            m.put("text", text);
            m.put("raised", raised);
            m.put("cleared", cleared == 0 ? null : cleared);
            m.put("acknowledged", acknowledged);
            m.put("active", cleared == 0);
            return m;
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
        events.publish("alarm", subject, a.json());
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
        events.publish("alarm", a.subject(), a.json());
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
        events.publish("alarm", a.subject(), a.json());
        return a;
    }

    public List<Map<String, Object>> json() {
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (alarms) {
            for (Alarm a : alarms.values()) {
                out.add(a.json());
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
