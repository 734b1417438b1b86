package io.lockstep.console.views;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.viewers.CellLabelProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.widgets.TableColumn;

import io.lockstep.console.live.FindQuery;
import io.lockstep.console.live.FindQuery.Key;

/**
 * A {@link FindQuery} over a live table: a row's fields are the texts of its columns, each key reading the columns
 * whose titles name it — name: VM, Name, Entity, Subject, Task, Checkpoint, Scope; host: Host, Owner, Primary, Backup,
 * Held by, Initiator, Subject; state: State, Power, Severity; role: Role, Mode; alarm: a row of the Alarms view that is
 * active, or any cell that says "alarm". Free words look at every column.
 */
final class TableFilter extends ViewerFilter {

    private static final Map<Key, List<String>> TITLES = Map.of(
            Key.NAME, List.of("vm", "name", "entity", "subject", "task", "checkpoint", "scope"),
            Key.HOST, List.of("host", "owner", "primary", "backup", "held by", "initiator", "subject"),
            Key.STATE, List.of("state", "power", "severity"),
            Key.ROLE, List.of("role", "mode"));

    private final TableViewer viewer;
    private FindQuery query = FindQuery.NONE;
    /** Column indexes per key, from the titles (the columns do not change once built). */
    private Map<Key, int[]> columns;
    private ColumnLabelProvider[] labels;
    private int alarmColumn = -1;
    private int stateColumn = -1;

    TableFilter(TableViewer viewer) {
        this.viewer = viewer;
    }

    FindQuery query() {
        return query;
    }

    /** Applies {@code q} (the table refreshes: only rows that match stay). */
    void set(FindQuery q) {
        boolean was = !query.isEmpty();
        query = q;
        if (q.isEmpty()) {
            if (was) {
                viewer.removeFilter(this);
            }
            return;
        }
        if (!was) {
            viewer.addFilter(this);
        } else {
            viewer.refresh();
        }
    }

    private void index() {
        TableColumn[] cs = viewer.getTable().getColumns();
        labels = new ColumnLabelProvider[cs.length];
        columns = new EnumMap<>(Key.class);
        Map<Key, List<Integer>> by = new EnumMap<>(Key.class);
        for (int c = 0; c < cs.length; c++) {
            CellLabelProvider p = viewer.getLabelProvider(c);
            labels[c] = p instanceof ColumnLabelProvider cl ? cl : null;
            String title = cs[c].getText().toLowerCase(Locale.ROOT);
            for (var e : TITLES.entrySet()) {
                if (e.getValue().stream().anyMatch(title::startsWith)) {
                    by.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(c);
                }
            }
            if (title.equals("alarm")) {
                alarmColumn = c;
            }
            if (title.equals("state")) {
                stateColumn = c;
            }
        }
        for (var e : by.entrySet()) {
            columns.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Override
    public boolean select(Viewer v, Object parent, Object element) {
        if (query.isEmpty()) {
            return true;
        }
        if (columns == null) {
            index();
        }
        String[] texts = new String[labels.length];
        for (int c = 0; c < labels.length; c++) {
            String t = labels[c] == null ? null : text(labels[c], element);
            texts[c] = t == null ? "" : t;
        }
        return query.matches(key -> field(key, texts));
    }

    /** A cell's text; a label that fails (a view's column over a row missing what it shows) is empty here. */
    static String text(ColumnLabelProvider labels, Object element) {
        try {
            return labels.getText(element);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private List<String> field(Key key, String[] texts) {
        if (key == Key.TEXT) {
            return List.of(texts);
        }
        if (key == Key.ALARM) {
            if (alarmColumn >= 0) {
                return stateColumn >= 0 && texts[stateColumn].startsWith("active") ? List.of(texts[alarmColumn]) : List.of();
            }
            for (String t : texts) {
                if (t.toLowerCase(Locale.ROOT).contains("alarm")) {
                    return List.of(t);
                }
            }
            return List.of();
        }
        int[] cs = columns.get(key);
        if (cs == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(cs.length);
        for (int c : cs) {
            out.add(texts[c]);
        }
        return out;
    }
}
