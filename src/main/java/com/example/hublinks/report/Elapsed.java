package com.example.hublinks.report;

import java.time.Duration;
import java.time.LocalDateTime;

/** How long a job or step execution took, as the report, the run summary log and the run history show it. */
final class Elapsed {

    private Elapsed() {
    }

    /** Seconds from {@code start} to {@code end} (to now while still running), to the millisecond; 0 when not started. */
    static double seconds(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return 0;
        }
        return Duration.between(start, end == null ? LocalDateTime.now() : end).toMillis() / 1000.0;
    }
}
