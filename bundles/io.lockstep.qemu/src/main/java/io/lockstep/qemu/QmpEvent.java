package io.lockstep.qemu;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An asynchronous QMP event ("STOP", "RESUME", "SHUTDOWN", …).
 *
 * @param seq         our arrival number on this connection, from 1
 * @param name        QEMU's event name
 * @param data        the event's {@code data} (an empty object when QEMU sent none)
 * @param qemuMicros  QEMU's timestamp of the event, microseconds since the epoch
 */
public record QmpEvent(long seq, String name, JsonNode data, long qemuMicros) {
}
