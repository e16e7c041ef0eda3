package com.example.hublinks.reminder;

import java.time.Instant;

/** One learner's progress on one course as eduMe's webhooks told it, each step with eduMe's timestamp (null: not yet). */
record LearnerProgress(Instant enrolledAt, Instant activatedAt, Instant startedAt, Instant completedAt) {

    static final LearnerProgress NONE = new LearnerProgress(null, null, null, null);

    boolean completed() {
        return completedAt != null;
    }
}
