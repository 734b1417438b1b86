package io.lockstep.cluster;

/** What a lock protects, as VMFS distinguishes them: the file system, a directory, a file. */
public enum EntityKind {
    UNUSED, FILESYSTEM, DIRECTORY, FILE;

    public static EntityKind parse(String text) {
        for (EntityKind k : values()) {
            if (k != UNUSED && k.name().equalsIgnoreCase(text.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("entity kind: expected filesystem, directory or file, found '" + text + "'");
    }

    public String label() {
        return name().toLowerCase();
    }
}
