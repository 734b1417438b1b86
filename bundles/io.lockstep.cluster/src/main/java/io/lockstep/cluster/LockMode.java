package io.lockstep.cluster;

/** How a lock is held. Exclusive excludes everyone; shared-read shares with readers; multi-writer with multi-writers. */
public enum LockMode {
    FREE, EXCLUSIVE, SHARED_READ, MULTI_WRITER;

    /** May a holder in {@code wanted} mode join owners that hold the lock in this mode? */
    public boolean admits(LockMode wanted) {
        return switch (this) {
            case FREE -> true;
            case EXCLUSIVE -> false;
            case SHARED_READ -> wanted == SHARED_READ;
            case MULTI_WRITER -> wanted == MULTI_WRITER;
        };
    }

    public static LockMode parse(String text) {
        String t = text.trim().toUpperCase().replace('-', '_');
        for (LockMode m : values()) {
            if (m != FREE && (m.name().equals(t) || m.name().startsWith(t))) {
                return m;
            }
        }
        throw new IllegalArgumentException("lock mode: expected exclusive, shared-read or multi-writer, found '" + text + "'");
    }

    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
