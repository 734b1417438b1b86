package io.lockstep.agent;

import java.util.regex.Pattern;

/**
 * Names that become files or directories (VMs, checkpoints, hosts): lower-case letters, digits, '.', '_' and
 * '-', starting with a letter or digit, at most 63 characters. Nothing else reaches the file system: no '/', no
 * "..", no absolute paths, no control characters.
 */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

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
