package com.example.hublinks.reminder;

import java.util.Map;

/**
 * The learner-level events a night read ({@code read}: used, ignored or unusable) and, by problem,
 * those it could not use: an unknown learner, a missing ASSUMED field. Kept in the
 * remindLearners step's context as JSON, for the report.
 */
record EventTally(long read, Map<String, Long> unusable) {

    static final String KEY = "reminders.events";

    public EventTally {
        unusable = Map.copyOf(unusable);
    }

    public long unusableCount() {
        return unusable.values().stream().mapToLong(Long::longValue).sum();
    }
}
