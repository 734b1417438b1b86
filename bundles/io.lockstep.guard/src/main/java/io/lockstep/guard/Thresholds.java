package io.lockstep.guard;

/**
 * When traffic to one VM counts as an attack, judged over the last {@code windowMillis}. Defaults in the spirit
 * of flow-based DDoS detectors (FastNetMon's per-host thresholds: packets/s, flows/s), scaled to one loopback
 * VM: a connection flood is many new connections a second, from many sources, most of them dropped at once
 * (the user-space view of a SYN flood: the kernel completes the handshake, the client sends little or nothing
 * and goes); a request flood is a packet rate far above the VM's learned baseline. Any one rule suffices.
 *
 * @param newConnectionsPerSecond new connections a second above which the window is an attack (default 200)
 * @param packetsPerSecond         received segments a second above which the window is a request flood (default 150,000)
 * @param baselineFactor           the ceiling rises to this many times the VM's learned normal rate when that is higher (default 20)
 * @param minPacketsPerSecond      (reserved: a floor for baseline learning; default 20,000)
 * @param distinctSources          distinct source addresses in the window above which it is an attack (default 32)
 * @param emptyCloseRatio          share of connections closed having sent nothing (with at least 50 a second) (default 0.5)
 * @param windowMillis             the sliding window (default 500 ms; the check runs every 100 ms)
 * @param holdDownMillis           quiet time after which an attack counts as over (default 3,000 ms)
 */
public record Thresholds(double newConnectionsPerSecond, double packetsPerSecond, double baselineFactor, double minPacketsPerSecond,
        int distinctSources, double emptyCloseRatio, int windowMillis, int holdDownMillis) {

    public static Thresholds defaults() {
        return new Thresholds(200, 150_000, 20, 20_000, 32, 0.5, 500, 3000);
    }

    public Thresholds withHoldDown(int millis) {
        return new Thresholds(newConnectionsPerSecond, packetsPerSecond, baselineFactor, minPacketsPerSecond, distinctSources, emptyCloseRatio,
                windowMillis, millis);
    }
}
