package io.lockstep.model.io;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.ECollections;
import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * A model shown in a UI (the <em>live</em> model, touched only by the UI thread) and its <em>mirror</em>, a copy owned
 * by one background thread. A new picture is {@link #merge merged} into the mirror off the UI thread — the costly
 * part: matching tens of thousands of objects — and yields the list of {@link Changes} it made; the UI thread then
 * {@link #apply applies} just those changes to the live model, in slices that fit a time budget, so the UI thread
 * never spends long on a large datacenter. Objects of the two models are twins: the changes name mirror objects and
 * are translated to their live twins as they are applied (new objects get new twins, removed ones lose theirs).
 *
 * <p>The live model may also change by itself (streamed events): such changes stand until a later picture changes
 * the same value, because only what changed between pictures is applied.
 */
public final class ModelTwin {

    private final Set<EStructuralFeature> keep;
    private final EObject mirror;
    private final Map<EObject, EObject> toLive = new IdentityHashMap<>();
    private final Map<EObject, EObject> toMirror = new IdentityHashMap<>();

    /**
     * Twins {@code live} (on the thread that owns it, before it is shared). Containment features in {@code keep} are
     * the live model's own: not mirrored, never merged.
     */
    public ModelTwin(EObject live, Set<EStructuralFeature> keep) {
        this.keep = Set.copyOf(keep);
        EcoreUtil.Copier copier = new EcoreUtil.Copier(true, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void copyContainment(EReference ref, EObject from, EObject to) {
                if (!ModelTwin.this.keep.contains(ref)) {
                    super.copyContainment(ref, from, to);
                }
            }
        };
        mirror = copier.copy(live);
        copier.copyReferences();
        for (Map.Entry<EObject, EObject> e : copier.entrySet()) {
            toLive.put(e.getValue(), e.getKey());
            toMirror.put(e.getKey(), e.getValue());
        }
    }

    /** One change the merge made to the mirror. */
    private record Op(int kind, EObject target, EStructuralFeature feature, Object value) {
        static final int CREATED = 0;
        static final int SET = 1;
        static final int UNSET = 2;
        static final int LIST = 3;
    }

    /** The changes one picture made to the mirror, to be applied to the live model (possibly in several slices). */
    public static final class Changes implements ModelMerge.Recorder {
        private final List<Op> ops = new ArrayList<>();
        private ModelMerge.Result result;
        private int next;

        @Override
        public void created(EObject o) {
            ops.add(new Op(Op.CREATED, o, null, null));
        }

        @Override
        public void set(EObject o, EStructuralFeature f, Object value) {
            ops.add(new Op(Op.SET, o, f, value));
        }

        @Override
        public void unset(EObject o, EStructuralFeature f) {
            ops.add(new Op(Op.UNSET, o, f, null));
        }

        @Override
        public void list(EObject o, EStructuralFeature f, List<?> values) {
            ops.add(new Op(Op.LIST, o, f, List.copyOf(values)));
        }

        /** What the merge found: objects added, removed, changed. */
        public ModelMerge.Result result() {
            return result;
        }

        public int size() {
            return ops.size();
        }

        /** Whether every change has been applied. */
        public boolean done() {
            return next >= ops.size();
        }
    }

    /** Merges {@code picture} into the mirror (on the mirror's thread only) and returns the changes it made. */
    public Changes merge(EObject picture) {
        Changes c = new Changes();
        c.result = ModelMerge.merge(mirror, picture, keep, c);
        return c;
    }

    /**
     * Applies the changes not yet applied to the live model (on the live model's thread), until they are all applied
     * or {@code budgetNanos} has passed (checked every 64 changes). Returns whether all are applied now.
     */
    public boolean apply(Changes c, long budgetNanos) {
        long start = System.nanoTime();
        while (c.next < c.ops.size()) {
            apply(c.ops.get(c.next++));
            if ((c.next & 63) == 0 && System.nanoTime() - start > budgetNanos) {
                break;
            }
        }
        return c.done();
    }

    @SuppressWarnings("unchecked")
    private void apply(Op op) {
        if (op.kind() == Op.CREATED) {
            link(op.target(), EcoreUtil.create(op.target().eClass()));
            return;
        }
        EObject live = toLive.get(op.target());
        if (live == null) {
            throw new IllegalStateException("no live twin of a " + op.target().eClass().getName() + " changed by the merge (changes applied out of order?)");
        }
        EStructuralFeature f = op.feature();
        boolean containment = f instanceof EReference r && r.isContainment();
        switch (op.kind()) {
            case Op.UNSET -> live.eUnset(f);
            case Op.SET -> {
                Object old = containment ? live.eGet(f) : null;
                live.eSet(f, translate(op.value()));
                if (old instanceof EObject o && o != live.eGet(f)) {
                    forget(o);
                }
            }
            default -> {
                List<Object> values = new ArrayList<>();
                for (Object v : (List<?>) op.value()) {
                    values.add(translate(v));
                }
                EList<Object> list = (EList<Object>) live.eGet(f);
                if (containment) {
                    Set<Object> kept = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                    kept.addAll(values);
                    for (Object o : list) {
                        if (!kept.contains(o)) {
                            forget((EObject) o);
                        }
                    }
                }
                ECollections.setEList(list, values);
            }
        }
    }

    private Object translate(Object v) {
        if (!(v instanceof EObject m)) {
            return v;
        }
        EObject live = toLive.get(m);
        if (live == null) {
            throw new IllegalStateException("no live twin of a " + m.eClass().getName() + " the merge refers to");
        }
        return live;
    }

    private void link(EObject mirrorObject, EObject liveObject) {
        toLive.put(mirrorObject, liveObject);
        toMirror.put(liveObject, mirrorObject);
    }

    /** A live object left the model: it and its contents lose their twins. */
    private void forget(EObject live) {
        unlink(live);
        for (TreeIterator<EObject> it = live.eAllContents(); it.hasNext();) {
            unlink(it.next());
        }
    }

    private void unlink(EObject live) {
        EObject m = toMirror.remove(live);
        if (m != null) {
            toLive.remove(m);
        }
    }

    /** Objects with a twin (for tests: removed objects must not linger). */
    public int twins() {
        return toLive.size();
    }

    /** The mirror (for tests; owned by the merging thread). */
    public EObject mirror() {
        return mirror;
    }
}
