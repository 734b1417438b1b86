package io.lockstep.model.editor;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.emf.edit.provider.ITreeItemContentProvider;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.viewers.IColorProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.views.properties.ComboBoxPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.IPropertySourceProvider;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.eclipse.ui.views.properties.TextPropertyDescriptor;

/**
 * JFace over EMF.Edit's item providers (org.eclipse.emf.edit.ui is not on Maven Central, so these small adapters
 * stand in for its AdapterFactoryContentProvider/LabelProvider): tree content, labels and icons with problems
 * shown in red, and property sources whose edits run as commands on the editing domain (so they undo).
 */
public final class ItemProviders {

    private ItemProviders() {
    }

    public static final class Content implements ITreeContentProvider {
        private final AdapterFactory factory;

        public Content(AdapterFactory factory) {
            this.factory = factory;
        }

        @Override
        public Object[] getElements(Object input) {
            if (input instanceof Resource r) {
                return r.getContents().toArray();
            }
            return getChildren(input);
        }

        @Override
        public Object[] getChildren(Object parent) {
            ITreeItemContentProvider p = (ITreeItemContentProvider) factory.adapt(parent, ITreeItemContentProvider.class);
            return p == null ? new Object[0] : p.getChildren(parent).toArray();
        }

        @Override
        public Object getParent(Object element) {
            ITreeItemContentProvider p = (ITreeItemContentProvider) factory.adapt(element, ITreeItemContentProvider.class);
            return p == null ? null : p.getParent(element);
        }

        @Override
        public boolean hasChildren(Object element) {
            ITreeItemContentProvider p = (ITreeItemContentProvider) factory.adapt(element, ITreeItemContentProvider.class);
            return p != null && p.hasChildren(element);
        }
    }

    public static class Labels extends LabelProvider implements IColorProvider {
        private final AdapterFactory factory;
        private final Map<URL, Image> images = new HashMap<>();
        private volatile Map<EObject, String> problems = Map.of();

        public Labels(AdapterFactory factory) {
            this.factory = factory;
        }

        public void problems(Map<EObject, String> byObject) {
            this.problems = byObject;
        }

        @Override
        public String getText(Object element) {
            IItemLabelProvider p = (IItemLabelProvider) factory.adapt(element, IItemLabelProvider.class);
            String text = p == null ? String.valueOf(element) : p.getText(element);
            String problem = element instanceof EObject e ? problems.get(e) : null;
            return problem == null ? text : text + "  ✖ " + problem;
        }

        @Override
        public Image getImage(Object element) {
            IItemLabelProvider p = (IItemLabelProvider) factory.adapt(element, IItemLabelProvider.class);
            Object image = p == null ? null : p.getImage(element);
            if (image instanceof URL url) {
                return images.computeIfAbsent(url, u -> ImageDescriptor.createFromURL(u).createImage(false));
            }
            return null;
        }

        @Override
        public Color getForeground(Object element) {
            return element instanceof EObject e && problems.containsKey(e) ? Display.getCurrent().getSystemColor(SWT.COLOR_RED) : null;
        }

        @Override
        public Color getBackground(Object element) {
            return null;
        }

        @Override
        public void dispose() {
            images.values().forEach(i -> {
                if (i != null) {
                    i.dispose();
                }
            });
            images.clear();
            super.dispose();
        }
    }

    /** Property sources for the Properties view; a change goes through the item property descriptor (a command). */
    public static final class Properties implements IPropertySourceProvider {
        private final AdapterFactory factory;

        public Properties(AdapterFactory factory) {
            this.factory = factory;
        }

        @Override
        public IPropertySource getPropertySource(Object object) {
            IItemPropertySource ips = (IItemPropertySource) factory.adapt(object, IItemPropertySource.class);
            return ips == null ? null : new Source(object, ips);
        }
    }

    static final class Source implements IPropertySource {
        private final Object object;
        private final IItemPropertySource source;

        Source(Object object, IItemPropertySource source) {
            this.object = object;
            this.source = source;
        }

        private IItemPropertyDescriptor find(Object id) {
            for (IItemPropertyDescriptor d : source.getPropertyDescriptors(object)) {
                if (d.getId(object).equals(id)) {
                    return d;
                }
            }
            return null;
        }

        @Override
        public Object getEditableValue() {
            return object;
        }

        @Override
        public IPropertyDescriptor[] getPropertyDescriptors() {
            List<IPropertyDescriptor> out = new ArrayList<>();
            for (IItemPropertyDescriptor d : source.getPropertyDescriptors(object)) {
                String id = d.getId(object);
                String name = d.getDisplayName(object);
                PropertyDescriptor pd;
                Collection<?> choices = d.getChoiceOfValues(object);
                if (!d.canSetProperty(object)) {
                    pd = new PropertyDescriptor(id, name);
                } else if (choices != null && !d.isMany(object)) {
                    pd = new ComboBoxPropertyDescriptor(id, name, choices.stream().map(c -> label(d, c)).toArray(String[]::new));
                } else if (d.getFeature(object) instanceof EAttribute && !d.isMany(object)) {
                    pd = new TextPropertyDescriptor(id, name);
                } else {
                    pd = new PropertyDescriptor(id, name);
                }
                pd.setCategory(d.getCategory(object));
                pd.setDescription(d.getDescription(object));
                pd.setLabelProvider(new LabelProvider() {
                    @Override
                    public String getText(Object element) {
                        return element instanceof Integer i && choices != null && i >= 0 && i < choices.size()
                                ? label(d, new ArrayList<>(choices).get(i)) : label(d, element);
                    }
                });
                out.add(pd);
            }
            return out.toArray(IPropertyDescriptor[]::new);
        }

        private String label(IItemPropertyDescriptor d, Object value) {
            return value == null ? "" : d.getLabelProvider(object).getText(value);
        }

        @Override
        public Object getPropertyValue(Object id) {
            IItemPropertyDescriptor d = find(id);
            if (d == null) {
                return null;
            }
            Object v = d.getPropertyValue(object);
            if (v instanceof IItemPropertySource wrapper) {
                v = wrapper.getEditableValue(object);
            }
            Collection<?> choices = d.getChoiceOfValues(object);
            if (choices != null && !d.isMany(object) && d.canSetProperty(object)) {
                return new ArrayList<>(choices).indexOf(v);
            }
            if (d.getFeature(object) instanceof EAttribute a && !d.isMany(object) && d.canSetProperty(object)) {
                return v == null ? "" : EcoreUtil.convertToString(a.getEAttributeType(), v);
            }
            return v;
        }

        @Override
        public boolean isPropertySet(Object id) {
            IItemPropertyDescriptor d = find(id);
            return d != null && d.isPropertySet(object);
        }

        @Override
        public void resetPropertyValue(Object id) {
            IItemPropertyDescriptor d = find(id);
            if (d != null) {
                d.resetPropertyValue(object);
            }
        }

        /** Text for attributes (converted with the attribute's type; a value that does not convert is refused), an index for choices. */
        @Override
        public void setPropertyValue(Object id, Object value) {
            IItemPropertyDescriptor d = find(id);
            if (d == null) {
                return;
            }
            Object feature = d.getFeature(object);
            Collection<?> choices = d.getChoiceOfValues(object);
            Object v = value;
            if (choices != null && value instanceof Integer i) {
                v = i < 0 ? null : new ArrayList<>(choices).get(i);
            } else if (feature instanceof EAttribute a && value instanceof String s) {
                try {
                    v = EcoreUtil.createFromString(a.getEAttributeType(), s);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(((EStructuralFeature) feature).getName() + ": expected a " + a.getEAttributeType().getName()
                            + ", found '" + s + "'", e);
                }
            }
            d.setPropertyValue(object, v);
        }
    }
}
