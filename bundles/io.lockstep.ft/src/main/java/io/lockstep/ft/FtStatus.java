package io.lockstep.ft;

/**
 * One change of an FT side's state, as it reports it to whoever runs it (the agent, {@link FtNode}): the state it
 * entered, why or what (for people: "the backup went live (connection reset)"), and the VM's position then (-1 when
 * the change is not at a known position). {@link #line()} is the status line {@code FtNode} prints.
 */
public record FtStatus(FtState state, String reason, long position) {

    public FtStatus {
        if (state == null) {
            throw new IllegalArgumentException("an FT status needs a state");
        }
        reason = reason == null ? "" : reason;
    }

    static FtStatus of(FtState state, String reason) {
        return new FtStatus(state, reason, -1);
    }

    /** {@code PROTECTED checkpoint with the backup at …}, {@code IN SYNC at position …}, {@code HALTED: why} … */
    public String line() {
        return state.line(reason);
    }

    @Override
    public String toString() {
        return line();
    }
}
