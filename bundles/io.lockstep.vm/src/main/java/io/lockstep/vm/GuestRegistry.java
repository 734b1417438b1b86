package io.lockstep.vm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.lockstep.vm.guest.ChurnGuest;
import io.lockstep.vm.guest.DiskGuest;
import io.lockstep.vm.guest.KvGuest;

/**
 * Guests by name. A spec is a name with optional parameters: {@code kv}, {@code churn:workingSetPages=4096,dirtyPagesPerStep=2}.
 */
public final class GuestRegistry {

    private static final Map<String, Function<Map<String, String>, GuestProgram>> GUESTS = new LinkedHashMap<>();

    static {
        register("kv", KvGuest::new);
        register("churn", ChurnGuest::new);
        register("disk", DiskGuest::new);
    }

    private GuestRegistry() {
    }

    public static synchronized void register(String name, Function<Map<String, String>, GuestProgram> factory) {
        GUESTS.put(name, factory);
    }

    public static synchronized java.util.Set<String> names() {
        return java.util.Set.copyOf(GUESTS.keySet());
    }

    /** Makes the guest a spec names; an unknown name or a malformed parameter is refused with what is known. */
    public static synchronized GuestProgram create(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("guest: expected a name (one of " + String.join(", ", GUESTS.keySet()) + "), found nothing");
        }
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec.trim() : spec.substring(0, colon).trim();
        Function<Map<String, String>, GuestProgram> factory = GUESTS.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown guest '" + name + "': expected one of " + String.join(", ", GUESTS.keySet()));
        }
        Map<String, String> params = new TreeMap<>();
        if (colon >= 0 && colon < spec.length() - 1) {
            for (String kv : spec.substring(colon + 1).split(",")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("guest " + name + ": expected parameters as key=value, found '" + kv + "'");
                }
                params.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
        }
        return factory.apply(params);
    }

    /** A whole-number parameter with a default and bounds; a bad one is refused with its name. */
    public static long parameter(Map<String, String> params, String guest, String key, long fallback, long min, long max) {
        String v = params.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("guest " + guest + ": " + key + " must be a whole number from " + min + " to " + max
                    + ", found '" + v + "'");
        }
    }

    /** Refuses parameters the guest does not know (a typo should not silently mean "default"). */
    public static void onlyKnown(Map<String, String> params, String guest, String... known) {
        for (String k : params.keySet()) {
            if (!java.util.Arrays.asList(known).contains(k)) {
                throw new IllegalArgumentException("guest " + guest + ": unknown parameter '" + k + "' (expected "
                        + (known.length == 0 ? "none" : String.join(", ", known)) + ")");
            }
        }
    }
}
