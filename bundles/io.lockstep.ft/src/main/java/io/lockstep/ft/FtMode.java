package io.lockstep.ft;

/** How a primary keeps its backup in step. */
public enum FtMode {
    /** Every epoch: pause, collect the dirty pages, send their differences; the backup holds the state. */
    CHECKPOINT,
    /** The backup runs the same guest and replays the primary's inputs at their positions. */
    REPLAY;

    public static FtMode parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "checkpoint", "checkpointing" -> CHECKPOINT;
            case "replay", "record-replay", "record/replay" -> REPLAY;
            default -> throw new IllegalArgumentException("FT mode: expected checkpoint or replay, found '" + s + "'");
        };
    }
}
