package io.lockstep.console.views;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.prefs.BackingStoreException;

import io.lockstep.console.live.FindQuery;

/**
 * The find box above a live view: what is typed is parsed as a {@link FindQuery} and handed to the view as the operator
 * types (the latest text once the UI thread is free: keystrokes queued behind a slow filter are taken together); a
 * query that does not parse is said in red beside the box and the last good one stays applied. Saved filters are the
 * same for every view and kept in the console's preferences (they survive a restart): Save keeps the text, Forget
 * drops it, the list applies one.
 */
public final class FindBar {

    /** The preference node and key of the saved filters (one a line). */
    static final String NODE = "io.lockstep.console";
    static final String SAVED = "find.saved";

    private final Composite bar;
    private final Text text;
    private final Combo saved;
    private final Button save;
    private final Label error;
    private final Consumer<FindQuery> apply;
    private FindQuery applied = FindQuery.NONE;
    private boolean pending;

    public FindBar(Composite parent, Consumer<FindQuery> apply) {
        this.apply = apply;
        bar = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(4, false);
        gl.marginHeight = 1;
        gl.marginWidth = 2;
        bar.setLayout(gl);
        text = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.SINGLE);
        text.setMessage("Find: name  host:host-1  state:off  role:primary  alarm  -word  \"two words\"");
        text.setToolTipText("""
                Free words match any field (name, host, state, FT role…), case-insensitive.
                host:X  name:X  state:off|on|suspended|halted  role:primary|backup|none  alarm
                key:=X matches exactly; -term or !term negates; "quoted words" keep their spaces.
                All terms must match.""");
        GridData td = new GridData(SWT.FILL, SWT.CENTER, true, false);
        td.minimumWidth = 120;
        text.setLayoutData(td);
        saved = new Combo(bar, SWT.DROP_DOWN | SWT.READ_ONLY);
        saved.setToolTipText("Saved filters: choose one to apply it");
        GridData sd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        sd.widthHint = 120;
        saved.setLayoutData(sd);
        save = new Button(bar, SWT.PUSH);
        save.setText("Save");
        save.setToolTipText("Save this filter (kept across restarts), or forget it when it is saved");
        error = new Label(bar, SWT.NONE);
        error.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        error.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        text.addListener(SWT.Modify, e -> typed());
        text.addListener(SWT.DefaultSelection, e -> flush());
        text.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ESC && !text.getText().isEmpty()) {
                set(""); // Escape empties the box: everything shown again
                e.doit = false;
            }
        });
        saved.addListener(SWT.Selection, e -> {
            int i = saved.getSelectionIndex();
            if (i >= 0) {
                set(saved.getItem(i));
            }
        });
        save.addListener(SWT.Selection, e -> toggleSaved());
        reloadSaved();
    }

    public Composite control() {
        return bar;
    }

    public Text text() {
        return text;
    }

    /** The query now applied to the view. */
    public FindQuery applied() {
        return applied;
    }

    /** Whether text typed is still to be applied (it is once the UI thread is free). */
    public boolean pending() {
        return pending;
    }

    /** What the box says of the text typed (empty: it parsed). */
    public String error() {
        return error.getText();
    }

    /** Types {@code query} into the box and applies it at once. */
    public void set(String query) {
        text.setText(query);
        flush();
    }

    private void typed() {
        updateSaveButton();
        if (!pending) {
            pending = true;
            text.getDisplay().asyncExec(this::flush);
        }
    }

    /** Applies what the box says now (parsing it; an error is shown and the last good query stays). */
    public void flush() {
        pending = false;
        if (text.isDisposed()) {
            return;
        }
        FindQuery q;
        try {
            q = FindQuery.parse(text.getText());
        } catch (IllegalArgumentException e) {
            setError(e.getMessage());
            return;
        }
        setError("");
        if (!q.text().equals(applied.text())) {
            applied = q;
            apply.accept(q);
        }
    }

    private void setError(String message) {
        if (!error.getText().equals(message)) {
            error.setText(message);
            error.setToolTipText(message.isEmpty() ? null : message);
            bar.layout();
        }
    }

    private void toggleSaved() {
        String q = text.getText().strip();
        if (q.isEmpty()) {
            return;
        }
        List<String> all = new ArrayList<>(savedFilters());
        if (!all.remove(q)) {
            try {
                FindQuery.parse(q);
            } catch (IllegalArgumentException e) {
                setError(e.getMessage());
                return;
            }
            all.add(q);
        }
        store(all);
        reloadSaved();
    }

    private void reloadSaved() {
        List<String> all = savedFilters();
        saved.setItems(all.toArray(String[]::new));
        saved.setEnabled(!all.isEmpty());
        // no list while nothing is saved: the box keeps the room (the inventory is narrow)
        saved.setVisible(!all.isEmpty());
        ((GridData) saved.getLayoutData()).exclude = all.isEmpty();
        updateSaveButton();
    }

    private void updateSaveButton() {
        boolean isSaved = savedFilters().contains(text.getText().strip());
        save.setText(isSaved ? "Forget" : "Save");
        save.setEnabled(!text.getText().isBlank());
        bar.layout();
    }

    /** The saved filters, oldest first (the console's preferences). */
    public static List<String> savedFilters() {
        String s = prefs().get(SAVED, "");
        List<String> out = new ArrayList<>();
        for (String line : s.split("\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    static void store(List<String> filters) {
        IEclipsePreferences p = prefs();
        p.put(SAVED, String.join("\n", filters));
        try {
            p.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("the console's preferences could not be written: " + e.getMessage(), e);
        }
    }

    private static IEclipsePreferences prefs() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    /** Every saved filter forgotten (tests start from none). */
    public static void forgetAll() {
        store(List.of());
    }
}
