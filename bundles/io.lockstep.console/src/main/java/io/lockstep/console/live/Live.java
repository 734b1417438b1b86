package io.lockstep.console.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The console's one live datacenter (or none): views watch it and attach to each new one (UI thread). */
public final class Live {

    private static LiveDatacenter current;
    private static final List<Consumer<LiveDatacenter>> WATCHERS = new CopyOnWriteArrayList<>();

    private Live() {
    }

    public static LiveDatacenter current() {
        return current;
    }

    /** Makes {@code next} the live datacenter (closing the previous one) and tells every view. */
    public static void set(LiveDatacenter next) {
        LiveDatacenter old = current;
        current = next;
        if (old != null && old != next) {
            old.close();
        }
        WATCHERS.forEach(w -> w.accept(next));
    }

    /** Calls {@code watcher} now with the current datacenter (if any) and with every later one. */
    public static void watch(Consumer<LiveDatacenter> watcher) {
        WATCHERS.add(watcher);
        if (current != null) {
            watcher.accept(current);
        }
    }

    public static void unwatch(Consumer<LiveDatacenter> watcher) {
        WATCHERS.remove(watcher);
    }
}
