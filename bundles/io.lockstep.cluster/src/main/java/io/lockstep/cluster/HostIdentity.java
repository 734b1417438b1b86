package io.lockstep.cluster;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import io.lockstep.cluster.records.HeartbeatRecord;
import io.lockstep.cluster.records.SectorCodec;

/**
 * Who a host is on the medium: a name for people and a UUID the protocol keys on. A host that restarts with
 * the same identity finds and reclaims its own heartbeat slot.
 */
public record HostIdentity(String name, UUID uuid) {

    public HostIdentity {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("host name: expected a non-empty name, found " + (name == null ? "none" : "'" + name + "'"));
        }
        if (SectorCodec.utf8Length(name) > HeartbeatRecord.NAME_BYTES) {
            throw new IllegalArgumentException("host name: at most " + HeartbeatRecord.NAME_BYTES + " bytes, found '" + name + "'");
        }
    }

    /** The identity of the host called {@code name}: the same name always gives the same UUID. */
    public static HostIdentity named(String name) {
        return new HostIdentity(name, UUID.nameUUIDFromBytes(("lockstep-host:" + name).getBytes(StandardCharsets.UTF_8)));
    }

    /** Key prefix "LS": keys are "LS" | 48 bits of the host's UUID (a host must register before it may write its slot). */
    private static final long KEY_PREFIX = 0x4C53L << 48;

    /** The persistent-reservation key this host registers with on the medium (ARCHITECTURE "Notification through the medium"). */
    public long registrationKey() {
        return registrationKey(uuid);
    }

    public static long registrationKey(UUID owner) {
        return KEY_PREFIX | (owner.getLeastSignificantBits() & 0xFFFF_FFFF_FFFFL);
    }

    /** Is {@code key} one that some Lockstep host registers with (another tool's key is left alone)? */
    public static boolean isRegistrationKey(long key) {
        return (key & 0xFFFF_0000_0000_0000L) == KEY_PREFIX;
    }

    @Override
    public String toString() {
        return name;
    }
}
