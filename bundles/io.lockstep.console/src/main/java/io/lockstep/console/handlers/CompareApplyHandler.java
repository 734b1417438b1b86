package io.lockstep.console.handlers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import io.lockstep.console.live.ApplyPlan;
import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.model.Datacenter;
import io.lockstep.model.io.ModelIO;

/**
 * File › Compare Offline Model with Live…: the operations that would make the live datacenter match a
 * {@code .lockstep} file, previewed (each can be unticked; what no operation can change is listed too) and applied
 * in order by the agents.
 */
public class CompareApplyHandler extends AbstractHandler {

    /** The preview: operations with check boxes, notes below. */
    public static final class PreviewDialog extends Dialog {
        private final ApplyPlan plan;
        private final String source;
        private CheckboxTableViewer table;
        private List<ApplyPlan.Operation> chosen = List.of();

        public PreviewDialog(Shell shell, ApplyPlan plan, String source) {
            super(shell);
            this.plan = plan;
            this.source = source;
        }

        @Override
        protected boolean isResizable() {
            return true;
        }

        @Override
        protected void configureShell(Shell s) {
            super.configureShell(s);
            s.setText("Apply " + source + " to the live datacenter");
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite c = (Composite) super.createDialogArea(parent);
            new Label(c, SWT.WRAP).setText(plan.operations().isEmpty() ? "The live datacenter already matches the model: nothing to do."
                    : plan.operations().size() + " operations, run in this order by the agents:");
            table = CheckboxTableViewer.newCheckList(c, SWT.BORDER | SWT.FULL_SELECTION);
            GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
            gd.widthHint = 640;
            gd.heightHint = 220;
            table.getControl().setLayoutData(gd);
            table.setContentProvider(ArrayContentProvider.getInstance());
            table.setInput(plan.operations());
            table.setAllChecked(true);
            if (!plan.notes().isEmpty()) {
                Label notes = new Label(c, SWT.WRAP);
                notes.setText("Not changed:\n  " + String.join("\n  ", plan.notes()));
                notes.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            }
            return c;
        }

        @Override
        protected void buttonPressed(int id) {
            if (id == IDialogConstants.OK_ID) {
                List<ApplyPlan.Operation> out = new ArrayList<>();
                for (ApplyPlan.Operation op : plan.operations()) {
                    if (table.getChecked(op)) {
                        out.add(op);
                    }
                }
                chosen = out;
            }
            super.buttonPressed(id);
        }

        public List<ApplyPlan.Operation> chosen() {
            return chosen;
        }

        public CheckboxTableViewer table() {
            return table;
        }
    }

    @Override
    public Object execute(ExecutionEvent event) {
        LiveDatacenter live = Handlers.live();
        if (live == null) {
            return null;
        }
        FileDialog f = new FileDialog(Handlers.shell(), SWT.OPEN);
        f.setText("Compare which offline model with the live datacenter?");
        f.setFilterExtensions(new String[] {"*." + ModelIO.EXTENSION});
        String file = f.open();
        if (file == null) {
            return null;
        }
        Datacenter offline;
        try {
            offline = ModelIO.load(Path.of(file));
        } catch (Exception e) {
            Handlers.error(e.getMessage());
            return null;
        }
        PreviewDialog d = new PreviewDialog(Handlers.shell(), ApplyPlan.between(offline, live.model()), Path.of(file).getFileName().toString());
        if (d.open() == Dialog.OK && !d.chosen().isEmpty()) {
            List<ApplyPlan.Operation> ops = d.chosen();
            live.run("apply " + file, () -> ApplyPlan.apply(live, ops), Handlers::error);
            Handlers.status("Applying " + ops.size() + " operations; follow them in Tasks and Events", false);
        }
        return null;
    }
}
