package io.lockstep.agent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An FT primary's statistics (in its FT view, and once a second as an {@code ft.stats} event, which adds its {@code
 * state} and {@code backup}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FtStatsView(long epochs, double epochRate, long pauseP50Micros, long pauseP99Micros, long pagesSent, long diffPages,
        long pageBytes, long pageBytesIfWhole, long eventsSent, long diskWritesSent, double lagMillis, double cpuShare, long position,
        String state, String backup) {
}
