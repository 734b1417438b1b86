package io.lockstep.model.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.emf.common.util.ECollections;
import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

import io.lockstep.model.Alarm;
import io.lockstep.model.Event;
import io.lockstep.model.FtPair;
import io.lockstep.model.Lease;
import io.lockstep.model.Named;
import io.lockstep.model.Registration;
import io.lockstep.model.Task;

/**
 * Brings a model up to date with a newer picture of the same datacenter <em>in place</em>: objects are matched by
 * their identity within their container (a name; a lease by entity and owner; a registration by key and initiator;
 * an FT pair by its primary; a task, event or alarm by id), matched objects keep their Java identity and only the
 * values that differ are set, new objects are added and vanished ones removed. Viewers listening to the model so
 * see one notification per real change, selections and expanded tree paths survive, and a merge of an unchanged
 * picture changes nothing. A {@link Recorder} given to the merge hears every change it makes, in order, so the same
 * changes can be replayed on a twin of the target elsewhere ({@link ModelTwin}).
 */
public final class ModelMerge {

    /** What one merge changed. */
    public record Result(int added, int removed, int changed) {
        public boolean any() {
            return added + removed + changed > 0;
        }
    }

    /** Hears every change a merge makes to its target, in the order it makes them. */
    public interface Recorder {
        /** {@code o} was made (empty) to become part of the target; its contents and values follow. */
        void created(EObject o);

        /** {@code f} of {@code o} was set to {@code value}: an attribute's value, or an object of the target. */
        void set(EObject o, EStructuralFeature f, Object value);

        void unset(EObject o, EStructuralFeature f);

        /** The many-valued {@code f} of {@code o} now holds exactly {@code values}. */
        void list(EObject o, EStructuralFeature f, List<?> values);
    }

    private static final Recorder NONE = new Recorder() {
        @Override
        public void created(EObject o) {
        }

        @Override
        public void set(EObject o, EStructuralFeature f, Object value) {
        }

        @Override
        public void unset(EObject o, EStructuralFeature f) {
        }

        @Override
        public void list(EObject o, EStructuralFeature f, List<?> values) {
        }
    };

    private final Set<EStructuralFeature> keep;
    private final Recorder recorder;
    private final Map<EObject, EObject> map = new IdentityHashMap<>();
    private final Set<EObject> created = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private int added;
    private int removed;
    private int changed;

    private ModelMerge(Set<EStructuralFeature> keep, Recorder recorder) {
        this.keep = keep;
        this.recorder = recorder;
    }

    /**
     * Merges {@code source} into {@code target} (two objects of the same class, usually two datacenters).
     * Containment features in {@code keep} are left as they are in the target (for example the task and event
     * lists a console fills from event streams rather than from snapshots).
     */
    public static Result merge(EObject target, EObject source, Set<EStructuralFeature> keep) {
        return merge(target, source, keep, NONE);
    }

    /** As {@link #merge(EObject, EObject, Set)}, telling {@code recorder} every change made to {@code target}. */
    public static Result merge(EObject target, EObject source, Set<EStructuralFeature> keep, Recorder recorder) {
        if (target.eClass() != source.eClass()) {
            throw new IllegalArgumentException("merge: expected two " + target.eClass().getName() + "s, found a " + source.eClass().getName());
        }
        ModelMerge m = new ModelMerge(keep, recorder);
        m.structure(target, source);
        for (Map.Entry<EObject, EObject> e : new ArrayList<>(m.map.entrySet())) {
            m.values(e.getValue(), e.getKey());
        }
        return new Result(m.added, m.removed, m.changed);
    }

    /** The identity of an object among its siblings (null: matched by position). */
    public static String key(EObject o) {
        if (o instanceof Lease l) {
            return l.getEntity() + "@" + (l.getOwner() == null ? "" : l.getOwner().getName());
        }
        if (o instanceof Registration r) {
            return r.getKey() + "@" + r.getInitiator();
        }
        if (o instanceof FtPair p) {
            return p.getPrimary() == null ? null : p.getPrimary().getName();
        }
        if (o instanceof Task t) {
            return t.getId();
        }
        if (o instanceof Event e) {
            return Long.toString(e.getId());
        }
        if (o instanceof Alarm a) {
            return a.getId();
        }
        if (o instanceof Named n) {
            return n.getName();
        }
        return null;
    }

    private void structure(EObject target, EObject source) {
        map.put(source, target);
        for (EReference ref : source.eClass().getEAllContainments()) {
            if (keep.contains(ref) || ref.isDerived() || !ref.isChangeable()) {
                continue;
            }
            if (!ref.isMany()) {
                EObject s = (EObject) source.eGet(ref);
                EObject t = (EObject) target.eGet(ref);
                if (s == null) {
                    if (t != null) {
                        set(target, ref, null);
                        removed++;
                    }
                } else if (t == null || t.eClass() != s.eClass()) {
                    set(target, ref, copy(s));
                    added++;
                } else {
                    structure(t, s);
                }
                continue;
            }
            @SuppressWarnings("unchecked")
            EList<EObject> ts = (EList<EObject>) target.eGet(ref);
            @SuppressWarnings("unchecked")
            EList<EObject> ss = (EList<EObject>) source.eGet(ref);
            Map<String, EObject> byKey = new HashMap<>();
            for (int i = 0; i < ts.size(); i++) {
                EObject t = ts.get(i);
                String k = key(t);
                byKey.putIfAbsent(k == null ? "#" + i : k, t);
            }
            List<EObject> wanted = new ArrayList<>(ss.size());
            for (int i = 0; i < ss.size(); i++) {
                EObject s = ss.get(i);
                String k = key(s);
                EObject t = byKey.remove(k == null ? "#" + i : k);
                if (t != null && t.eClass() == s.eClass()) {
                    structure(t, s);
                    wanted.add(t);
                } else {
                    wanted.add(copy(s));
                    added++;
                }
            }
            removed += byKey.size();
            if (!ts.equals(wanted)) {
                setList(ts, target, ref, wanted);
            }
        }
    }

    /** A copy of a new subtree (its references are set afterwards, from the map, like those of matched objects). */
    private EObject copy(EObject s) {
        EObject t = EcoreUtil.create(s.eClass());
        recorder.created(t);
        int a = added;
        int r = removed;
        structure(t, s);
        added = a;
        removed = r;
        created.add(t);
        return t;
    }

    @SuppressWarnings("unchecked")
    private void values(EObject target, EObject source) {
        boolean any = false;
        for (EAttribute a : source.eClass().getEAllAttributes()) {
            if (a.isDerived() || !a.isChangeable() || a.isTransient() && a.isVolatile()) {
                continue;
            }
            Object s = source.eGet(a);
            if (a.isMany()) {
                EList<Object> tl = (EList<Object>) target.eGet(a);
                if (!tl.equals(s)) {
                    setList(tl, target, a, new ArrayList<>((List<Object>) s));
                    any = true;
                }
            } else if (!Objects.equals(target.eGet(a), s) || target.eIsSet(a) != source.eIsSet(a)) {
                if (source.eIsSet(a)) {
                    set(target, a, s);
                } else {
                    target.eUnset(a);
                    recorder.unset(target, a);
                }
                any = true;
            }
        }
        for (EReference r : source.eClass().getEAllReferences()) {
            if (r.isContainment() || r.isContainer() || r.isDerived() || !r.isChangeable()) {
                continue;
            }
            if (r.isMany()) {
                List<EObject> want = new ArrayList<>();
                for (EObject o : (EList<EObject>) source.eGet(r)) {
                    EObject m = map.get(o);
                    if (m != null) {
                        want.add(m);
                    }
                }
                EList<EObject> tl = (EList<EObject>) target.eGet(r);
                if (!tl.equals(want)) {
                    setList(tl, target, r, want);
                    any = true;
                }
            } else {
                EObject o = (EObject) source.eGet(r);
                EObject want = o == null ? null : map.get(o);
                if (target.eGet(r) != want) {
                    set(target, r, want);
                    any = true;
                }
            }
        }
        if (any && !created.contains(target)) {
            changed++;
        }
    }

    private void set(EObject target, EStructuralFeature f, Object value) {
        target.eSet(f, value);
        recorder.set(target, f, value);
    }

    private <T> void setList(EList<T> list, EObject target, EStructuralFeature f, List<T> values) {
        ECollections.setEList(list, values);
        recorder.list(target, f, values);
    }
}
