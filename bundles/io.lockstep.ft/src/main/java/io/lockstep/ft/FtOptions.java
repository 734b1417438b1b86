package io.lockstep.ft;

/**
 * How a pair runs. Epochs (checkpointing) from 5 ms; heartbeats both ways, the peer taken for lost after
 * {@code failAfterMillis} of silence (or at once when its connection closes); the replay lag target and whether
 * the controller adjusts the primary's CPU share to keep it; {@code verifyDigests} has the primary compute the
 * state digest at every epoch and the backup check it (a test and benchmark aid: it costs a pass over memory);
 * {@code settleMillis}: how long a backup that took over holds its disk writes before writing the shared disk
 * (the old primary's last flush must have finished); {@code diffCachePages}: how many last-sent page copies the
 * primary keeps to send differences against; {@code authKey}: the pair's secret for this protection, 32 bytes as 64
 * hex digits, the same on both sides (none by default; neither a backup nor a protection starts without one): each
 * side proves it holds it in the handshake and the stream is sealed under keys derived from it (docs/ft.md
 * "Sealing"); {@code cleartextForBenchmark}: the stream in CRC32C frames instead, only so the FT benchmark can measure
 * what sealing costs side by side — both sides must have it, and neither the agent nor ft-node can set it;
 * {@code earlyEpochMicros}: checkpointing ends an epoch this soon after the last one began when the guest has output
 * held (a client waits for it), 0 for epochs at the period only ({@link FtTiming#EARLY_EPOCH_MICROS} by default).
 */
public record FtOptions(FtMode mode, int epochMillis, int heartbeatMillis, int failAfterMillis, int lagTargetMillis, boolean lagControl,
        boolean verifyDigests, int settleMillis, int diffCachePages, String authKey, boolean cleartextForBenchmark,
        int earlyEpochMicros) {

    public FtOptions {
        String epochProblem = FtTiming.epochProblem(epochMillis);
        if (epochProblem != null) {
            throw new IllegalArgumentException(epochProblem);
        }
        if (heartbeatMillis < 1 || failAfterMillis < 2 * heartbeatMillis) {
            throw new IllegalArgumentException("heartbeat " + heartbeatMillis + " ms, fail after " + failAfterMillis
                    + " ms: expected a positive heartbeat and at least two heartbeats before failing");
        }
        if (authKey == null) {
            authKey = "";
        }
        if (!authKey.isEmpty() && Handshake.keyProblem(authKey) != null) {
            throw new IllegalArgumentException(Handshake.keyProblem(authKey));
        }
        if (earlyEpochMicros < 0 || earlyEpochMicros > epochMillis * 1000) {
            throw new IllegalArgumentException("early epochs: expected 0 (off) to the epoch's " + epochMillis * 1000 + " µs, found " + earlyEpochMicros);
        }
        if (lagTargetMillis < 1) {
            throw new IllegalArgumentException("lag target: expected at least 1 ms, found " + lagTargetMillis);
        }
    }

    /** A pair on a medium of {@code medium}'s timing: heartbeat, failure and settle times from {@link FtTiming}. */
    public static FtOptions defaults(FtMode mode, io.lockstep.cluster.Timing medium) {
        FtTiming t = FtTiming.of(medium);
        return new FtOptions(mode, FtTiming.DEFAULT_EPOCH_MILLIS, t.heartbeatMillis(), t.failAfterMillis(), 50, true, false, t.settleMillis(),
                16_384, "", false,
                FtTiming.EARLY_EPOCH_MICROS);
    }

    public FtOptions withEpochMillis(int ms) {
        return new FtOptions(mode, ms, heartbeatMillis, failAfterMillis, lagTargetMillis, lagControl, verifyDigests, settleMillis, diffCachePages, authKey, cleartextForBenchmark, earlyEpochMicros);
    }

    public FtOptions withHeartbeat(int beatMillis, int failMillis) {
        return new FtOptions(mode, epochMillis, beatMillis, failMillis, lagTargetMillis, lagControl, verifyDigests, settleMillis, diffCachePages, authKey, cleartextForBenchmark, earlyEpochMicros);
    }

    public FtOptions withLag(int targetMillis, boolean control) {
        return new FtOptions(mode, epochMillis, heartbeatMillis, failAfterMillis, targetMillis, control, verifyDigests, settleMillis, diffCachePages, authKey, cleartextForBenchmark, earlyEpochMicros);
    }

    public FtOptions withVerifyDigests(boolean verify) {
        return new FtOptions(mode, epochMillis, heartbeatMillis, failAfterMillis, lagTargetMillis, lagControl, verify, settleMillis, diffCachePages, authKey, cleartextForBenchmark, earlyEpochMicros);
    }

    public FtOptions withSettleMillis(int ms) {
        return new FtOptions(mode, epochMillis, heartbeatMillis, failAfterMillis, lagTargetMillis, lagControl, verifyDigests, ms, diffCachePages, authKey, cleartextForBenchmark, earlyEpochMicros);
    }

    public FtOptions withDiffCachePages(int pages) {
        return new FtOptions(mode, epochMillis, heartbeatMillis, failAfterMillis, lagTargetMillis, lagControl, verifyDigests, settleMillis, pages, authKey, cleartextForBenchmark, earlyEpochMicros);
    }

    public FtOptions withAuthKey(String hex) {
        return new FtOptions(mode, epochMillis, heartbeatMillis, failAfterMillis, lagTargetMillis, lagControl, verifyDigests, settleMillis, diffCachePages,
                hex, cleartextForBenchmark, earlyEpochMicros);
    }

    /** Only for the FT benchmark's side-by-side comparison: the stream in CRC32C frames, not sealed (see the class comment). */
    public FtOptions withCleartextForBenchmark() {
        return new FtOptions(mode, epochMillis, heartbeatMillis, failAfterMillis, lagTargetMillis, lagControl, verifyDigests, settleMillis, diffCachePages,
                authKey, true, earlyEpochMicros);
    }

    /**
     * Checkpointing: an epoch ends early when the guest has output held, at least {@code micros} after the last one
     * began (0: only at the epoch's period, as before issue 22). See {@link FtTiming#EARLY_EPOCH_MICROS}.
     */
    public FtOptions withEarlyEpochMicros(int micros) {
        return new FtOptions(mode, epochMillis, heartbeatMillis, failAfterMillis, lagTargetMillis, lagControl, verifyDigests, settleMillis, diffCachePages,
                authKey, cleartextForBenchmark, micros);
    }

    Handshake.Sealing sealing() {
        return cleartextForBenchmark ? Handshake.Sealing.CLEARTEXT_FOR_BENCHMARK : Handshake.Sealing.AES_GCM;
    }
}
