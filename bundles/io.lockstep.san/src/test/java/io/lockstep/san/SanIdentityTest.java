package io.lockstep.san;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** WWNs read in every written form and refused when malformed; identities NAA 5, stable, unique, distinct port and node. */
class SanIdentityTest {

    @Test
    void wwnsReadInTheirWrittenFormsAndRefuseMalformedOnes() {
        Wwn w = Wwn.parse("50:01:43:80:12:34:56:78");
        assertEquals(w, Wwn.parse("5001438012345678"));
        assertEquals(w, Wwn.parse("naa.5001438012345678"));
        assertEquals(w, Wwn.parse("50:01:43:80:12:34:56:78".toUpperCase()));
        assertEquals("50:01:43:80:12:34:56:78", w.toString());
        assertEquals("naa.5001438012345678", w.initiatorName());
        assertEquals(5, w.naa());
        assertEquals(6, Wwn.parse("6001438012345678").naa());
        assertEquals("WWN: expected NAA 5 or 6 (the first hex digit), found NAA 1 in 10000000c9123456",
                assertThrows(IllegalArgumentException.class, () -> Wwn.parse("10:00:00:00:c9:12:34:56")).getMessage());
        assertEquals("WWN: expected 16 hex digits, found '5001438' (7 characters)",
                assertThrows(IllegalArgumentException.class, () -> Wwn.parse("5001438")).getMessage());
        assertEquals("WWN: expected 8 colon-separated bytes (5c:af:00:d0:00:00:12:34), found '50:0:143:80:12:34:56:78'",
                assertThrows(IllegalArgumentException.class, () -> Wwn.parse("50:0:143:80:12:34:56:78")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Wwn.parse("500143801234567g"));
        assertThrows(IllegalArgumentException.class, () -> Wwn.parse(null));
    }

    @Test
    void identitiesAreNaa5StableUniqueAndTheirOwn() {
        SanIdentity a = SanIdentity.generate("vm1", "0f0e-uuid", List.of());
        assertEquals(a, SanIdentity.generate("vm1", "0f0e-uuid", List.of()), "the same VM and seed give the same names");
        assertEquals(5, a.wwpn().naa());
        assertEquals(SanIdentity.COMPANY_ID, a.wwpn().companyId());
        assertNotEquals(a.wwpn(), a.wwnn());
        assertEquals(a.wwpn().value() | 1, a.wwnn().value(), "port and node differ in the last bit");
        assertTrue(a.iqn().startsWith("iqn.2026-11.io.lockstep:vm.vm1."), a.iqn());
        SanIdentity b = SanIdentity.generate("vm1", "0f0e-uuid", List.of(a.wwpn()));
        assertNotEquals(a.wwpn(), b.wwpn(), "a taken name is skipped");
        Set<Wwn> seen = new HashSet<>();
        List<Wwn> taken = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            SanIdentity s = SanIdentity.generate("vm" + i, "seed", taken);
            assertTrue(seen.add(s.wwpn()) && seen.add(s.wwnn()), "unique at " + i);
            taken.add(s.wwpn());
        }
    }

    @Test
    void duplicateAndMalformedIdentitiesAreRefused() {
        SanIdentity a = SanIdentity.generate("vm1", "s", List.of());
        SanIdentity b = SanIdentity.generate("vm2", "s", List.of());
        List<SanIdentity.Owned> owned = List.of(new SanIdentity.Owned("vm1", a), new SanIdentity.Owned("vm2", b));
        SanIdentity.requireUnique(a, "vm1", owned); // its own
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> SanIdentity.requireUnique(new SanIdentity(a.wwpn(), new Wwn(a.wwpn().value() ^ 2),
                        "iqn.2026-11.io.lockstep:vm.vm3.x"), "vm3", owned));
        assertEquals("SAN identity: " + a.wwpn() + " is already VM 'vm1''s; every VM needs its own", dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SanIdentity(a.wwpn(), a.wwpn(), a.iqn()), "port = node");
        assertThrows(IllegalArgumentException.class, () -> new SanIdentity(a.wwpn(), a.wwnn(), "not an iqn"));
    }
}
