package io.lockstep.console.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an operator typed into a view's find box: free words and {@code key:value} terms, all of which a row must
 * match. {@code host:host-1 state:off role:primary alarm web} — VMs on host-1 (and host-10 …: values are contained,
 * case-insensitive; {@code host:=host-1} for exactly host-1), powered off, FT primaries, with an active alarm, whose
 * name, host, state or anything else shown contains "web". A leading {@code -} negates a term ({@code -alarm},
 * {@code -state:on}); a value with spaces is quoted ({@code "backup of demo"}). Pure: the views give each row's fields.
 */
public final class FindQuery {

    /** What a term looks at. {@link #TEXT}: any field (free words). */
    public enum Key {
        NAME, HOST, STATE, ROLE, ALARM, TEXT;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One term: {@code value} lower case ({@code null} for the {@code alarm} flag); {@code exact}: {@code key:=value}. */
    public record Term(Key key, String value, boolean exact, boolean negated) {
    }

    /** A row as a term sees it: one field's texts (empty: the row has no such field); ALARM: non-empty when it has one. */
    public interface Row {
        List<String> field(Key key);
    }

    /** Operators' words for power states, as the model spells them. */
    private static final Map<String, String> STATE_WORDS = Map.of("off", "poweredoff", "on", "poweredon", "running", "poweredon", "stopped",
            "poweredoff");

    public static final FindQuery NONE = new FindQuery("", List.of());

    private final String text;
    private final List<Term> terms;

    private FindQuery(String text, List<Term> terms) {
        this.text = text;
        this.terms = terms;
    }

    public String text() {
        return text;
    }

    public List<Term> terms() {
        return terms;
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Whether a term of this query looks at {@code key}. */
    public boolean uses(Key key) {
        return terms.stream().anyMatch(t -> t.key() == key);
    }

    /**
     * Parses what was typed; refuses an unknown key, an empty value or an unclosed quote, saying what was expected and
     * what was found.
     */
    public static FindQuery parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Term> terms = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            boolean negated = false;
            if (text.charAt(i) == '-' || text.charAt(i) == '!') {
                negated = true;
                i++;
            }
            String key = null;
            int k = i;
            while (k < n && Character.isLetter(text.charAt(k))) {
                k++;
            }
            if (k < n && k > i && text.charAt(k) == ':') {
                key = text.substring(i, k).toLowerCase(Locale.ROOT);
                i = k + 1;
            }
            boolean exact = false;
            if (key != null && i < n && text.charAt(i) == '=') {
                exact = true;
                i++;
            }
            String value;
            if (i < n && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("find: expected a closing \" after " + text.substring(start) + ", found the end of the text");
                }
                value = text.substring(i + 1, close);
                i = close + 1;
            } else {
                int e = i;
                while (e < n && !Character.isWhitespace(text.charAt(e))) {
                    e++;
                }
                value = text.substring(i, e);
                i = e;
            }
            value = value.toLowerCase(Locale.ROOT);
            if (key == null) {
                if (value.isEmpty()) {
                    continue; // a lone "-"
                }
                if (value.equals("alarm") || value.equals("alarms")) {
                    terms.add(new Term(Key.ALARM, null, false, negated));
                } else {
                    terms.add(new Term(Key.TEXT, value, false, negated));
                }
                continue;
            }
            Key kk = switch (key) {
                case "name", "vm" -> Key.NAME;
                case "host" -> Key.HOST;
                case "state", "power" -> Key.STATE;
                case "role", "ft" -> Key.ROLE;
                case "alarm", "alarms" -> Key.ALARM;
                default -> throw new IllegalArgumentException("find: expected one of name:, host:, state:, role:, alarm or free words, found '"
                        + text.substring(start, i).strip() + "'");
            };
            if (kk == Key.ALARM) {
                if (!value.isEmpty() && !value.equals("yes") && !value.equals("no")) {
                    throw new IllegalArgumentException("find: alarm takes no value (or alarm:yes, alarm:no), found 'alarm:" + value + "'");
                }
                terms.add(new Term(Key.ALARM, null, false, negated ^ value.equals("no")));
                continue;
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException("find: expected a value after '" + key + ":', found nothing");
            }
            if (kk == Key.STATE) {
                value = STATE_WORDS.getOrDefault(value, value);
            }
            terms.add(new Term(kk, value, exact, negated));
        }
        return new FindQuery(text.strip(), List.copyOf(terms));
    }

    /** Whether {@code row} matches every term. */
    public boolean matches(Row row) {
        for (Term t : terms) {
            if (matches(t, row) == t.negated()) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Term t, Row row) {
        if (t.key() == Key.ALARM) {
            return !row.field(Key.ALARM).isEmpty();
        }
        if (t.key() == Key.TEXT) {
            for (Key k : Key.values()) {
                if (k != Key.ALARM && contains(row.field(k), t.value(), false)) {
                    return true;
                }
            }
            return false;
        }
        return contains(row.field(t.key()), t.value(), t.exact());
    }

    private static boolean contains(List<String> texts, String value, boolean exact) {
        for (String s : texts) {
            if (s != null && (exact ? s.equalsIgnoreCase(value) : s.toLowerCase(Locale.ROOT).contains(value))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
