package io.lockstep.model.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EventObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.domain.IEditingDomainProvider;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.emf.edit.provider.resource.ResourceItemProviderAdapterFactory;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.eclipse.ui.views.properties.PropertySheetPage;

import io.lockstep.model.Datacenter;
import io.lockstep.model.Host;
import io.lockstep.model.LockstepPackage;
import io.lockstep.model.VirtualMachine;
import io.lockstep.model.io.ModelFileException;
import io.lockstep.model.io.ModelIO;
import io.lockstep.model.provider.LockstepItemProviderAdapterFactory;

/**
 * The editor of {@code .lockstep} files: the datacenter as a tree (EMF.Edit item providers: labels, icons,
 * children), the Properties view for the selection, undo/redo of every change (an EMF command stack), and the
 * validation rules run after every change, their problems listed under the tree and marked red in it. A file that
 * cannot be read is named with why, in the editor; reloading from a damaged file keeps the model being edited;
 * a save that fails keeps the editor dirty and the file on disk whole.
 */
public final class DatacenterEditor extends EditorPart implements IEditingDomainProvider {

    public static final String ID = "io.lockstep.model.editor.DatacenterEditor";

    /**
     * Opens {@code file} in the editor, showing the editor area first (the console's perspective hides it while no
     * model is open, to give the live views the room).
     */
    public static DatacenterEditor open(org.eclipse.ui.IWorkbenchPage page, java.nio.file.Path file) throws org.eclipse.ui.PartInitException {
        page.setEditorAreaVisible(true);
        return (DatacenterEditor) page.openEditor(new ModelEditorInput(file), ID);
    }

    private ComposedAdapterFactory adapterFactory;
    private AdapterFactoryEditingDomain domain;
    private BasicCommandStack commandStack;
    private Path file;
    private Datacenter model;
    private String loadError;
    private String lastError;
    private TreeViewer tree;
    private TableViewer problemsTable;
    private Label banner;
    private ItemProviders.Labels labels;
    private List<Problem> problems = List.of();
    private Action undo;
    private VmDrop drop;
    private Action redo;
    private final CommandStackListener changed = this::commandStackChanged;

    /** One validation problem: the message and the object it is about. */
    public record Problem(String message, EObject object) {
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof IPathEditorInput p)) {
            throw new PartInitException("the datacenter editor opens .lockstep files, found " + input.getClass().getSimpleName());
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        file = p.getPath().toPath();
        adapterFactory = new ComposedAdapterFactory();
        adapterFactory.addAdapterFactory(new ResourceItemProviderAdapterFactory());
        adapterFactory.addAdapterFactory(new LockstepItemProviderAdapterFactory());
        adapterFactory.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
        commandStack = new BasicCommandStack();
        domain = new AdapterFactoryEditingDomain(adapterFactory, commandStack);
        ModelIO.configure(domain.getResourceSet());
        try {
            model = ModelIO.load(domain.getResourceSet(), file);
        } catch (ModelFileException e) {
            loadError = e.getMessage();
        }
        commandStack.addCommandStackListener(changed);
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        root.setLayout(layout);
        banner = new Label(root, SWT.WRAP);
        banner.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        banner.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tree = new TreeViewer(sash, SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        tree.setContentProvider(new ItemProviders.Content(adapterFactory));
        labels = new ItemProviders.Labels(adapterFactory);
        tree.setLabelProvider(labels);
        problemsTable = new TableViewer(sash, SWT.FULL_SELECTION | SWT.BORDER);
        problemsTable.getTable().setHeaderVisible(true);
        TableViewerColumn message = new TableViewerColumn(problemsTable, SWT.NONE);
        message.getColumn().setText("Problem");
        message.getColumn().setWidth(700);
        message.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Problem) element).message();
            }
        });
        problemsTable.setContentProvider(ArrayContentProvider.getInstance());
        problemsTable.addDoubleClickListener(e -> {
            Object p = problemsTable.getStructuredSelection().getFirstElement();
            if (p instanceof Problem pr && pr.object() != null) {
                tree.setSelection(new StructuredSelection(pr.object()), true);
            }
        });
        sash.setWeights(75, 25);
        getSite().setSelectionProvider(tree);
        createContextMenu();
        drop = VmDrop.install(tree, new VmDrop.Target() {
            @Override
            public void protect(List<VirtualMachine> vms, Host backup) {
                org.eclipse.emf.common.command.CompoundCommand c = new org.eclipse.emf.common.command.CompoundCommand("Protect on " + backup.getName());
                for (VirtualMachine vm : vms) {
                    c.append(AddCommand.create(domain, model, LockstepPackage.Literals.DATACENTER__FT_PAIRS, VmDrop.candidate(vm, backup)));
                }
                commandStack.execute(c);
                tree.setSelection(new StructuredSelection(model.getFtPairs().get(model.getFtPairs().size() - 1)), true);
            }

            @Override
            public void move(List<VirtualMachine> vms, Host to) {
                org.eclipse.emf.common.command.CompoundCommand c = new org.eclipse.emf.common.command.CompoundCommand("Move to " + to.getName());
                for (VirtualMachine vm : vms) {
                    c.append(SetCommand.create(domain, vm, LockstepPackage.Literals.VIRTUAL_MACHINE__CURRENT_HOST, to));
                }
                commandStack.execute(c);
            }

            @Override
            public void refused(String message) {
                lastError = "Drop refused: " + message;
                showBanner();
                getEditorSite().getActionBars().getStatusLineManager().setErrorMessage(lastError);
            }
        });
        undo = new Action("Undo") {
            @Override
            public void run() {
                commandStack.undo();
            }
        };
        redo = new Action("Redo") {
            @Override
            public void run() {
                commandStack.redo();
            }
        };
        IActionBars bars = getEditorSite().getActionBars();
        bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        bars.setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
        bars.updateActionBars();
        if (model != null) {
            tree.setInput(model.eResource());
            tree.expandToLevel(2);
            validate();
        }
        showBanner();
        updateActions();
    }

    /** The tree's context menu: New Child (what EMF.Edit's item providers offer for the selection) and Delete. */
    private void createContextMenu() {
        org.eclipse.jface.action.MenuManager menu = new org.eclipse.jface.action.MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(m -> {
            Object first = tree.getStructuredSelection().getFirstElement();
            org.eclipse.jface.action.MenuManager children = new org.eclipse.jface.action.MenuManager("New Child");
            if (first instanceof EObject owner) {
                for (Object descriptor : newChildDescriptors(owner)) {
                    org.eclipse.emf.common.command.Command c = createChildCommand(owner, descriptor);
                    Action a = new Action(c.getLabel()) {
                        @Override
                        public void run() {
                            commandStack.execute(c);
                        }
                    };
                    a.setEnabled(c.canExecute());
                    children.add(a);
                }
            }
            m.add(children);
            Action delete = new Action("Delete") {
                @Override
                public void run() {
                    delete(tree.getStructuredSelection().toList());
                }
            };
            delete.setEnabled(!tree.getStructuredSelection().isEmpty() && tree.getStructuredSelection().getFirstElement() != model);
            m.add(delete);
        });
        tree.getControl().setMenu(menu.createContextMenu(tree.getControl()));
        getSite().registerContextMenu(menu, tree);
    }

    /** What can be created under {@code owner} (EMF.Edit's new-child descriptors: a host under a datacenter, a NIC under a VM …). */
    public java.util.Collection<?> newChildDescriptors(EObject owner) {
        return domain.getNewChildDescriptors(owner, null);
    }

    /** The command that creates the child a descriptor names under {@code owner} (undoable). */
    public org.eclipse.emf.common.command.Command createChildCommand(EObject owner, Object descriptor) {
        return org.eclipse.emf.edit.command.CreateChildCommand.create(domain, owner, descriptor, java.util.List.of(owner));
    }

    /** Deletes the objects and every reference to them, as one undoable command; returns whether it could. */
    public boolean delete(java.util.List<?> objects) {
        List<Object> doomed = new ArrayList<>(objects);
        doomed.remove(model);
        if (doomed.isEmpty()) {
            return false;
        }
        org.eclipse.emf.common.command.Command c = org.eclipse.emf.edit.command.DeleteCommand.create(domain, doomed);
        if (!c.canExecute()) {
            return false;
        }
        commandStack.execute(c);
        return true;
    }

    private void showBanner() {
        String text = loadError != null ? "This file cannot be opened: " + loadError
                : lastError != null ? lastError : "";
        banner.setText(text);
        ((GridData) banner.getLayoutData()).exclude = text.isEmpty();
        banner.setVisible(!text.isEmpty());
        banner.getParent().layout(true, true);
    }

    private void commandStackChanged(EventObject e) {
        if (tree == null || tree.getControl().isDisposed()) {
            return;
        }
        tree.getControl().getDisplay().asyncExec(() -> {
            if (tree.getControl().isDisposed()) {
                return;
            }
            tree.refresh();
            validate();
            updateActions();
            firePropertyChange(PROP_DIRTY);
        });
    }

    private void updateActions() {
        undo.setEnabled(commandStack.canUndo());
        undo.setText(commandStack.canUndo() ? "Undo " + commandStack.getUndoCommand().getLabel() : "Undo");
        redo.setEnabled(commandStack.canRedo());
        redo.setText(commandStack.canRedo() ? "Redo " + commandStack.getRedoCommand().getLabel() : "Redo");
    }

    /** Runs every validation rule; the problems go to the list and mark their objects in the tree. */
    public List<Problem> validate() {
        if (model == null) {
            return List.of();
        }
        Diagnostic d = Diagnostician.INSTANCE.validate(model);
        List<Problem> list = new ArrayList<>();
        Map<EObject, String> byObject = new LinkedHashMap<>();
        collect(d, list, byObject);
        problems = List.copyOf(list);
        labels.problems(byObject);
        problemsTable.setInput(problems);
        tree.refresh(true);
        return problems;
    }

    private static void collect(Diagnostic d, List<Problem> out, Map<EObject, String> byObject) {
        for (Diagnostic c : d.getChildren()) {
            if (c.getSeverity() >= Diagnostic.WARNING) {
                EObject first = null;
                for (Object o : c.getData()) {
                    if (o instanceof EObject e) {
                        if (first == null) {
                            first = e;
                        }
                        byObject.putIfAbsent(e, c.getMessage());
                    }
                }
                out.add(new Problem(c.getMessage(), first));
            }
            collect(c, out, byObject);
        }
    }

    /**
     * Reads the file again. A file that cannot be read leaves the model being edited (and its unsaved changes)
     * as it is, and says why; returns whether the file was read.
     */
    public boolean reload() {
        ResourceSet fresh = ModelIO.resourceSet();
        Datacenter loaded;
        try {
            loaded = ModelIO.load(fresh, file);
        } catch (ModelFileException e) {
            lastError = "Reloading failed, the model being edited is kept: " + e.getMessage();
            showBanner();
            return false;
        }
        Resource r = model == null ? domain.getResourceSet().createResource(org.eclipse.emf.common.util.URI.createFileURI(file.toString()))
                : model.eResource();
        r.getContents().clear();
        r.getContents().add(loaded);
        model = loaded;
        loadError = null;
        lastError = null;
        commandStack.flush();
        tree.setInput(r);
        tree.expandToLevel(2);
        validate();
        showBanner();
        updateActions();
        firePropertyChange(PROP_DIRTY);
        return true;
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (model == null) {
            return;
        }
        try {
            ModelIO.save(model, file);
            commandStack.saveIsDone();
            lastError = null;
        } catch (IOException | RuntimeException e) {
            lastError = "Saving failed; the file on disk is unchanged and the editor keeps the changes: " + e.getMessage();
            if (monitor != null) {
                monitor.setCanceled(true);
            }
        }
        showBanner();
        firePropertyChange(PROP_DIRTY);
    }

    @Override
    public void doSaveAs() {
        // one file per editor: save it, or export from the console
    }

    @Override
    public boolean isDirty() {
        return commandStack != null && commandStack.isSaveNeeded();
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void setFocus() {
        tree.getControl().setFocus();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IPropertySheetPage.class) {
            PropertySheetPage page = new PropertySheetPage();
            page.setPropertySourceProvider(new ItemProviders.Properties(adapterFactory));
            return adapter.cast(page);
        }
        return super.getAdapter(adapter);
    }

    @Override
    public EditingDomain getEditingDomain() {
        return domain;
    }

    public Datacenter model() {
        return model;
    }

    public String loadError() {
        return loadError;
    }

    public String lastError() {
        return lastError;
    }

    public String bannerText() {
        return banner.getText();
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The tree's drag and drop of VMs onto hosts (also callable as a gesture: {@link VmDrop#drop}). */
    public VmDrop vmDrop() {
        return drop;
    }

    public TreeViewer tree() {
        return tree;
    }

    public Action undoAction() {
        return undo;
    }

    public Action redoAction() {
        return redo;
    }

    /** The Properties view's source for {@code object} (what the view shows and edits). */
    public org.eclipse.ui.views.properties.IPropertySource propertySource(Object object) {
        return new ItemProviders.Properties(adapterFactory).getPropertySource(object);
    }

    @Override
    public void dispose() {
        if (commandStack != null) {
            commandStack.removeCommandStackListener(changed);
        }
        if (labels != null) {
            labels.dispose();
        }
        if (adapterFactory != null) {
            adapterFactory.dispose();
        }
        super.dispose();
    }
}
