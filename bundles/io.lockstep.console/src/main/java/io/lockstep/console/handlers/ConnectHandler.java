package io.lockstep.console.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.lockstep.console.live.Connector;
import io.lockstep.console.live.LiveDatacenter;

/**
 * File › Connect to Agent…: an agent's address, the SHA-256 fingerprint of its certificate (pinned: a different
 * certificate is refused at the handshake) and the operator token. Input is checked before anything is sent.
 */
public class ConnectHandler extends AbstractHandler {

    static final class ConnectDialog extends Dialog {
        private Text url;
        private Text fingerprint;
        private Text token;
        private Label error;
        LiveDatacenter.Endpoint result;

        ConnectDialog(Shell shell) {
            super(shell);
        }

        @Override
        protected void configureShell(Shell s) {
            super.configureShell(s);
            s.setText("Connect to Agent");
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite c = (Composite) super.createDialogArea(parent);
            c.setLayout(new GridLayout(2, false));
            url = field(c, "Address", "https://127.0.0.1:7443");
            fingerprint = field(c, "Certificate SHA-256", "AB:CD:… (as `lockstep host ls` prints it)");
            token = field(c, "Token", "");
            token.setEchoChar('•');
            error = new Label(c, SWT.WRAP);
            error.setForeground(c.getDisplay().getSystemColor(SWT.COLOR_RED));
            error.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
            return c;
        }

        private static Text field(Composite c, String label, String hint) {
            new Label(c, SWT.NONE).setText(label);
            Text t = new Text(c, SWT.BORDER);
            t.setMessage(hint);
            GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
            gd.widthHint = 460;
            t.setLayoutData(gd);
            return t;
        }

        @Override
        protected void buttonPressed(int id) {
            if (id == IDialogConstants.OK_ID) {
                try {
                    result = new LiveDatacenter.Endpoint("agent", url.getText().trim(), fingerprint.getText().trim(), token.getText().trim());
                } catch (IllegalArgumentException e) {
                    error.setText(e.getMessage());
                    error.getParent().layout();
                    return;
                }
            }
            super.buttonPressed(id);
        }
    }

    @Override
    public Object execute(ExecutionEvent event) {
        ConnectDialog d = new ConnectDialog(Handlers.shell());
        if (d.open() == Dialog.OK && d.result != null) {
            Connector.endpoints(Display.getCurrent(), List.of(d.result), Handlers::error);
        }
        return null;
    }
}
