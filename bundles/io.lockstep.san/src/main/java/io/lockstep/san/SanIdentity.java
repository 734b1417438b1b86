package io.lockstep.san;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A VM's own SAN identity, distinct from any host adapter's: an NPIV port name and node name (NAA 5 under
 * Lockstep's company id) and an iSCSI name. Generated once, from the VM's name and a seed (its UUID), and kept
 * with the VM (its {@code vm.json} on the shared datastore), so it moves with the VM to any host and survives
 * failover. The port and node names differ in their last bit.
 */
public record SanIdentity(Wwn wwpn, Wwn wwnn, String iqn) {

    /**
     * The company id in the WWNs: 0xCAF00D has the IEEE "locally assigned" bit set (a CID, not an OUI); a vendor
     * shipping Lockstep puts its own OUI here.
     */
    public static final int COMPANY_ID = 0xCAF00D;
    public static final String IQN_PREFIX = "iqn.2026-11.io.lockstep:vm.";

    public SanIdentity {
        if (wwpn == null || wwnn == null) {
            throw new IllegalArgumentException("SAN identity: expected a WWPN and a WWNN");
        }
        if (wwpn.equals(wwnn)) {
            throw new IllegalArgumentException("SAN identity: the WWPN and the WWNN are both " + wwpn + "; a port and its node need distinct names");
        }
        if (iqn == null || !iqn.matches("iqn\\.\\d{4}-\\d{2}\\.[a-z0-9.-]+(:[^\\s]+)?") || iqn.length() > 223) {
            throw new IllegalArgumentException("SAN identity: expected an iSCSI name iqn.YYYY-MM.reversed.domain:unique (at most 223 bytes), found '"
                    + iqn + "'");
        }
    }

    /**
     * A fresh identity for VM {@code vmName}, derived from {@code seed} (stable: the same seed gives the same
     * names) and different from every WWN in {@code taken} (a collision moves to the next candidate).
     */
    public static SanIdentity generate(String vmName, String seed, Collection<Wwn> taken) {
        Set<Long> used = new HashSet<>();
        for (Wwn w : taken) {
            used.add(w.value() & ~1L);
        }
        for (int attempt = 0; attempt < 1 << 16; attempt++) {
            long vendor = hash(vmName + "\u0000" + seed + "\u0000" + attempt) & 0xFFFFFFFFEL; // 36 bits, the last one the port/node bit
            long base = (5L << 60) | ((long) COMPANY_ID << 36) | vendor;
            if (used.add(base)) {
                Wwn port = new Wwn(base);
                Wwn node = new Wwn(base | 1);
                return new SanIdentity(port, node, IQN_PREFIX + vmName.toLowerCase().replaceAll("[^a-z0-9.-]", "-") + "." + Wwn.hex(base).substring(7, 15));
            }
        }
        throw new IllegalStateException("no free WWN for " + vmName + " after 65536 attempts");
    }

    /** Refuses an identity whose WWPN, WWNN or IQN another VM already has. */
    public static void requireUnique(SanIdentity candidate, String vm, Collection<? extends Owned> others) {
        for (Owned o : others) {
            SanIdentity s = o.identity();
            if (o.vm().equals(vm) || s == null) {
                continue;
            }
            for (Wwn mine : new Wwn[] {candidate.wwpn(), candidate.wwnn()}) {
                if (mine.equals(s.wwpn()) || mine.equals(s.wwnn())) {
                    throw new IllegalArgumentException("SAN identity: " + mine + " is already VM '" + o.vm() + "''s; every VM needs its own");
                }
            }
            if (candidate.iqn().equals(s.iqn())) {
                throw new IllegalArgumentException("SAN identity: " + candidate.iqn() + " is already VM '" + o.vm() + "''s; every VM needs its own");
            }
        }
    }

    /** A VM and its identity (for uniqueness checks). */
    public record Owned(String vm, SanIdentity identity) {
    }

    private static long hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xFF);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
