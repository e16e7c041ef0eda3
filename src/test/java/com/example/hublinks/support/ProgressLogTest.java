package com.example.hublinks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the progress line tells ops: done, rate, and how long is left. */
class ProgressLogTest {

    static final Instant START = Instant.parse("2026-02-02T02:15:00Z");

    @Test
    void aStepWithAKnownTotalShowsShareRateAndEta() {
        var state = new ProgressLog.State("signLinks", 1_000_000, 0, START, 250_000, START);
        assertThat(ProgressLog.line(state, START.plusSeconds(5)))
                .isEqualTo("signLinks: 250,000 of 1,000,000 items done (25%), 50,000 items/s, ETA 15s");
    }

    @Test
    void aResumedStepCountsWhatTheEarlierRunDidButNotInItsRate() {
        var state = new ProgressLog.State("exportCampaign", 10_000, 6_000, START, 1_000, START);
        assertThat(ProgressLog.line(state, START.plusSeconds(10)))
                .isEqualTo("exportCampaign: 7,000 of 10,000 items done (70%), 100 items/s, ETA 30s");
    }

    @Test
    void aStepWithoutATotalShowsItsRate() {
        var state = new ProgressLog.State("importRoster", ProgressLog.UNKNOWN, 0, START, 12_000, START);
        assertThat(ProgressLog.line(state, START.plusSeconds(4))).isEqualTo("importRoster: 12,000 items done, 3,000 items/s");
    }

    @Test
    void longEtasReadAsMinutesAndHours() {
        assertThat(ProgressLog.formatDuration(Duration.ofSeconds(95))).isEqualTo("1m35s");
        assertThat(ProgressLog.formatDuration(Duration.ofMinutes(135))).isEqualTo("2h15m");
    }
}
