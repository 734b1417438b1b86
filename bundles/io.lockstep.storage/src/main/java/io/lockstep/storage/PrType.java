package io.lockstep.storage;

/** Persistent reservation types (SPC-4 table 169) and who may read or write under each. */
public enum PrType {
    WRITE_EXCLUSIVE(0x1, false, true, false),
    EXCLUSIVE_ACCESS(0x3, true, true, false),
    WRITE_EXCLUSIVE_REGISTRANTS_ONLY(0x5, false, true, true),
    EXCLUSIVE_ACCESS_REGISTRANTS_ONLY(0x6, true, true, true),
    WRITE_EXCLUSIVE_ALL_REGISTRANTS(0x7, false, true, true),
    EXCLUSIVE_ACCESS_ALL_REGISTRANTS(0x8, true, true, true);

    private final int code;
    private final boolean excludesReads;
    private final boolean excludesWrites;
    private final boolean registrantsMayAccess;

    PrType(int code, boolean excludesReads, boolean excludesWrites, boolean registrantsMayAccess) {
        this.code = code;
        this.excludesReads = excludesReads;
        this.excludesWrites = excludesWrites;
        this.registrantsMayAccess = registrantsMayAccess;
    }

    public int code() {
        return code;
    }

    public static PrType of(int code) {
        for (PrType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException(String.format(
                "persistent reservation type: expected 1, 3, 5, 6, 7 or 8, found 0x%x", code));
    }

    /** All registrants are reservation holders (types 7 and 8). */
    public boolean allRegistrants() {
        return this == WRITE_EXCLUSIVE_ALL_REGISTRANTS || this == EXCLUSIVE_ACCESS_ALL_REGISTRANTS;
    }

    /** Registrants other than the holder may access (types 5–8). */
    public boolean registrantsOnly() {
        return registrantsMayAccess;
    }

    /** May an initiator that is not a holder read (write) under this reservation? */
    public boolean allows(boolean write, boolean holder, boolean registered) {
        if (holder) {
            return true;
        }
        boolean excluded = write ? excludesWrites : excludesReads;
        if (!excluded) {
            return true;
        }
        return registrantsMayAccess && registered;
    }

    @Override
    public String toString() {
        return name().replace('_', ' ').toLowerCase().replace("registrants only", "– registrants only")
                .replace("all registrants", "– all registrants");
    }
}
