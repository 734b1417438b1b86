package io.lockstep.agent;

import java.util.regex.Pattern;

/**
 * Names that become files or directories (VMs, checkpoints, hosts): lower-case letters, digits, '.', '_' and
 * '-', starting with a letter or digit, at most 63 characters. Nothing else reaches the file system: no '/', no
 * "..", no absolute paths, no control characters.
 */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    /**
     * Names the datastore and the agent keep for their own folders and files (the LUNs' folder beside the datastore,
     * host cards, address and WWN claims, journals): no VM, LUN, checkpoint or host may take one.
     */
    static final java.util.Set<String> RESERVED = java.util.Set.of("luns", "hosts", "addresses", "wwns", "journal", "lost.found", "tmp",
            "agent", "datastore", "lun.img", "tls", "token", "secret", "events", "tasks", "ran.json", "host.id", "agent.json");

    private Names() {
    }

    /** {@code value} if it is a valid name, else a 400 naming {@code field}. */
    public static String check(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest(field, field + ": expected a name ([a-z0-9][a-z0-9._-]{0,62}), found nothing");
        }
        if (!NAME.matcher(value).matches() || value.contains("..")) {
            throw ApiException.badRequest(field, field + ": expected a name of lower-case letters, digits, '.', '_' or '-' (at most 63, "
                    + "starting with a letter or digit, no '..'), found '" + printable(value) + "'");
        }
        if (RESERVED.contains(value)) {
            throw ApiException.badRequest(field, field + ": '" + value + "' is a name the datastore or the agent keeps for itself; expected any "
                    + "other name (reserved: " + new java.util.TreeSet<>(RESERVED) + ")");
        }
        return value;
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.substring(0, Math.min(s.length(), 80)).toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return s.length() > 80 ? b + "…" : b.toString();
    }
}
