package io.lockstep.ft;

/**
 * The states a side of an FT pair reports (ARCHITECTURE "FT pairs"). A primary: {@link #SYNCING} → {@link #PROTECTED},
 * then {@link #UNPROTECTED} (it lost the backup and won the go-live record) or {@link #HALTED} (it lost it). A backup:
 * {@link #SYNCING} → {@link #IN_SYNC}, then {@link #TAKING_OVER} (it won the record and is fencing the old primary at
 * the storage and taking the VM's address: it says what it waits for, again every few seconds), {@link #LIVE} (it lost the primary and won the record; its VM is now a
 * primary that will report {@link #WRITING_DISK} once the old primary's last write has settled), {@link #HALTED},
 * {@link #WAITING} (the primary ended protection or was lost before the first sync) or {@link #REFUSED} (a primary it
 * would not serve).
 */
public enum FtState {
    SYNCING("SYNCING", " "),
    PROTECTED("PROTECTED", " "),
    UNPROTECTED("UNPROTECTED", ": "),
    HALTED("HALTED", ": "),
    IN_SYNC("IN SYNC", " "),
    WAITING("WAITING", ": "),
    REFUSED("REFUSED", ": "),
    TAKING_OVER("TAKING OVER", ": "),
    LIVE("LIVE", ": "),
    WRITING_DISK("DISK", ": ");

    private final String label;
    private final String separator;

    FtState(String label, String separator) {
        this.label = label;
        this.separator = separator;
    }

    /** How a status line names the state ({@code IN SYNC}, {@code DISK} …). */
    public String label() {
        return label;
    }

    /** The state as the agent's API spells it: {@code in-sync}, {@code writing-disk} … */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    String line(String reason) {
        return reason.isEmpty() ? label : label + separator + reason;
    }
}
