package io.lockstep.agent.api;

import java.util.Arrays;

/**
 * The kinds of event an agent publishes on its stream ({@link EventView#type()} is the wire name), with the record its
 * {@code data} reads as where a client reads it (null: a small map, documented in docs/agent.md).
 */
public enum EventType {
    HOST_UP("host.up", null),
    DATASTORE_HEARTBEATS("datastore.heartbeats", null),
    DATASTORE_LOCKS("datastore.locks", null),
    TASK("task", TaskView.class),
    ALARM("alarm", AlarmView.class),
    VM_CREATED("vm.created", null),
    VM_DELETED("vm.deleted", null),
    VM_POWER("vm.power", PowerEvent.class),
    VM_LOCK("vm.lock", null),
    VM_CHECKPOINT("vm.checkpoint", null),
    VM_CHECKPOINT_DELETED("vm.checkpoint.deleted", null),
    VM_REVERT("vm.revert", null),
    FT_PROTECT("ft.protect", null),
    FT_UNPROTECT("ft.unprotect", null),
    FT_STATUS("ft.status", FtStatusEvent.class),
    FT_STATS("ft.stats", FtStatsView.class),
    FT_BACKUP("ft.backup", null),
    FT_BACKUP_STOPPED("ft.backup.stopped", null),
    GUARD_ATTACK("guard.attack", GuardAttackEvent.class),
    GUARD_OVER("guard.over", null);

    private final String wireName;
    private final Class<?> data;

    EventType(String wireName, Class<?> data) {
        this.wireName = wireName;
        this.data = data;
    }

    /** How the event stream spells the type: {@code vm.power}, {@code ft.stats} … */
    public String wireName() {
        return wireName;
    }

    /** The record the event's data reads as, or null. */
    public Class<?> data() {
        return data;
    }

    /** The type spelled {@code wireName}, or null for a type this client does not know (a newer agent's). */
    public static EventType of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst().orElse(null);
    }
}
