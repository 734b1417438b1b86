package io.lockstep.cluster;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

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

    @Override
    public String toString() {
        return name;
    }
}
