package io.lockstep.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lockstep.console.live.FindQuery.Key;

/** The find box's little language, on rows as the inventory gives them (name, host, state, role, alarm). */
class FindQueryTest {

    private static FindQuery.Row vm(String name, String host, String state, String role, boolean alarm) {
        Map<Key, List<String>> f = Map.of(Key.NAME, List.of(name), Key.HOST, host == null ? List.of() : List.of(host), Key.STATE, List.of(state),
                Key.ROLE, List.of(role), Key.ALARM, alarm ? List.of("1 alarm") : List.of(), Key.TEXT, List.of());
        return k -> f.getOrDefault(k, List.of());
    }

    private static final FindQuery.Row WEB1 = vm("web1", "host-1", "poweredOn", "primary", false);
    private static final FindQuery.Row WEB2 = vm("web2", "host-10", "poweredOff", "none", true);
    private static final FindQuery.Row DB = vm("db", null, "poweredOff", "none", false);

    private static boolean match(String q, FindQuery.Row r) {
        return FindQuery.parse(q).matches(r);
    }

    @Test
    void freeWordsMatchAnyFieldCaseInsensitive() {
        assertTrue(match("WEB", WEB1));
        assertTrue(match("host-1", WEB1));
        assertTrue(match("host-1", WEB2)); // host-10 contains host-1
        assertFalse(match("web", DB));
        assertTrue(match("", DB));
        assertTrue(FindQuery.parse("   ").isEmpty());
    }

    @Test
    void keyedTermsLookAtTheirFieldOnly() {
        assertTrue(match("host:host-1", WEB2));
        assertFalse(match("host:=host-1", WEB2));
        assertTrue(match("host:=HOST-1", WEB1));
        assertFalse(match("name:host", WEB1));
        assertTrue(match("role:primary", WEB1));
        assertFalse(match("role:primary", WEB2));
        assertFalse(match("host:host", DB)); // no host: not running
    }

    @Test
    void operatorsWordsForPowerStates() {
        assertTrue(match("state:off", WEB2));
        assertTrue(match("state:off", DB));
        assertFalse(match("state:off", WEB1));
        assertTrue(match("state:on", WEB1));
        assertTrue(match("state:running", WEB1));
        assertFalse(match("state:on", WEB2));
    }

    @Test
    void alarmFlagNegationAndAllTermsTogether() {
        assertTrue(match("alarm", WEB2));
        assertFalse(match("alarm", WEB1));
        assertTrue(match("-alarm", WEB1));
        assertTrue(match("alarm:no", WEB1));
        assertTrue(match("host:host-1 state:off alarm web", WEB2));
        assertFalse(match("host:host-1 state:off alarm web", WEB1));
        assertTrue(match("-state:on web", WEB2));
        assertTrue(match("!web", DB));
    }

    @Test
    void quotedValues() {
        FindQuery q = FindQuery.parse("name:\"web 1\" \"backup of\"");
        assertEquals(2, q.terms().size());
        assertEquals(new FindQuery.Term(Key.NAME, "web 1", false, false), q.terms().get(0));
        assertEquals(new FindQuery.Term(Key.TEXT, "backup of", false, false), q.terms().get(1));
        assertTrue(q.uses(Key.NAME));
        assertFalse(q.uses(Key.HOST));
    }

    @Test
    void badInputIsRefusedSayingWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FindQuery.parse("colour:red"));
        assertEquals("find: expected one of name:, host:, state:, role:, alarm or free words, found 'colour:red'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FindQuery.parse("host:"));
        assertEquals("find: expected a value after 'host:', found nothing", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FindQuery.parse("name:\"web"));
        assertEquals("find: expected a closing \" after name:\"web, found the end of the text", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FindQuery.parse("alarm:red"));
        assertEquals("find: alarm takes no value (or alarm:yes, alarm:no), found 'alarm:red'", e.getMessage());
    }
}
