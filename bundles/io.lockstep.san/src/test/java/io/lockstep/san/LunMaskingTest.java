package io.lockstep.san;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.Sense;
import io.lockstep.storage.file.FileMedium;

/**
 * LUN masking by VM identity on the file target: a LUN presented to one VM's WWPN is seen by that VM from any
 * host (the identity moves with it), and refused to a second VM on the same host and to the host's own adapter
 * with the error a target gives (ILLEGAL REQUEST, LOGICAL UNIT NOT SUPPORTED). The mask is in the LUN file's
 * target state, so it holds for every process that opens the file.
 */
class LunMaskingTest {

    @TempDir
    Path dir;

    static byte[] sector(int v) {
        byte[] b = new byte[512];
        Arrays.fill(b, (byte) v);
        return b;
    }

    @Test
    void aLunMaskedToAVmsWwpnFollowsTheVmAndShutsOthersOut() throws Exception {
        Path lun = dir.resolve("vm1-data.lun");
        FileMedium.create(lun, 512, 2048);
        SanIdentity vm1 = SanIdentity.generate("vm1", "uuid-1", List.of());
        SanIdentity vm2 = SanIdentity.generate("vm2", "uuid-2", List.of(vm1.wwpn()));
        FileMedium.mask(lun, List.of(vm1.wwpn().initiatorName()));
        assertEquals(Set.of(vm1.wwpn().initiatorName()), FileMedium.presentedTo(lun));

        // vm1 on host-1 writes its LUN
        try (FileMedium m = FileMedium.open(lun, vm1.wwpn().initiatorName())) {
            clearUnitAttention(m);
            m.write(7, sector(1), true);
        }
        // vm1 moved to host-2: the same identity, the same LUN, its data
        try (FileMedium m = FileMedium.open(lun, vm1.wwpn().initiatorName())) {
            clearUnitAttention(m);
            assertArrayEquals(sector(1), m.read(7, 1));
        }
        // vm2, on the same host as vm1, and the host's own adapter: not presented
        for (String other : List.of(vm2.wwpn().initiatorName(), "iqn.2026-11.io.lockstep:host-1", vm1.wwnn().initiatorName())) {
            CheckConditionException e = assertThrows(CheckConditionException.class, () -> FileMedium.open(lun, other), other);
            assertEquals(Sense.LOGICAL_UNIT_NOT_SUPPORTED, e.sense(), other);
            assertTrue(e.getMessage().contains("this LUN is not presented to initiator " + other), e.getMessage());
        }
        // unmasked again, everyone sees it
        FileMedium.mask(lun, List.of());
        try (FileMedium m = FileMedium.open(lun, vm2.wwpn().initiatorName())) {
            clearUnitAttention(m);
            assertArrayEquals(sector(1), m.read(7, 1));
        }
    }

    @Test
    void aMaskOfAMalformedInitiatorIsRefusedAndChangesNothing() throws Exception {
        Path lun = dir.resolve("l.lun");
        FileMedium.create(lun, 512, 2048);
        assertThrows(IllegalArgumentException.class, () -> FileMedium.mask(lun, List.of("naa.5001438012345678", " ")));
        assertEquals(Set.of(), FileMedium.presentedTo(lun));
    }

    /** The first command after login reports the power-on unit attention, as a real target does. */
    static void clearUnitAttention(FileMedium m) throws Exception {
        try {
            m.read(0, 1);
        } catch (CheckConditionException e) {
            assertEquals(Sense.POWER_ON_RESET, e.sense());
        }
    }
}
