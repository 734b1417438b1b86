package io.lockstep.storage;

import java.util.List;

/** PERSISTENT RESERVE IN / READ KEYS: the PR generation and every registered reservation key. */
public record PrKeys(long generation, List<Long> keys) {
    public PrKeys {
        keys = List.copyOf(keys);
    }
}
