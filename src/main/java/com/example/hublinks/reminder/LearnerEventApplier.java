package com.example.hublinks.reminder;

import com.example.hublinks.catalog.LearnerEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the learner-level events the receiver stored and this job has not applied yet onto its
 * {@code learner_progress}, in the order they happened at eduMe (their {@code timestamp}), a
 * thousand per transaction with their marks in {@code learner_event_applied}, so an interrupted
 * night goes on where it stopped and no event is counted twice. An event that cannot be used — a
 * learner the job never had on its roster, a missing ASSUMED field — is marked with why and
 * counted, never a failure; a learner's progress is kept even when they are not on the roster
 * yet, so a completion that came first still counts when they join it.
 */
@Component
class LearnerEventApplier {

    static final String NOT_ON_ROSTER = "learner not on the job's roster";
    private static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(LearnerEventApplier.class);

    private final LearnerEventLog events;
    private final ProgressRepository progress;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    LearnerEventApplier(LearnerEventLog events, ProgressRepository progress, PlatformTransactionManager transactionManager,
                        JsonMapper json, Clock clock) {
        this.events = events;
        this.progress = progress;
        this.transaction = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
    }

    /** Applies every pending event; returns what the job read on {@code night}, earlier attempts of it included. */
    EventTally applyPending(String job, LocalDate night) {
        int read = 0;
        for (List<LearnerEventLog.Stored> batch; !(batch = events.unapplied(job, BATCH)).isEmpty(); ) {
            List<LearnerEventLog.Stored> page = batch;
            transaction.executeWithoutResult(status -> apply(job, night, page));
            read += batch.size();
        }
        transaction.executeWithoutResult(status -> events.advanceCursor(job, clock.instant()));
        EventTally tally = events.tally(job, night);
        log.info("{} learner event(s) applied to the course progress ({} unusable tonight{})", read, tally.unusableCount(),
                tally.unusable().isEmpty() ? "" : ": " + tally.unusable());
        return tally;
    }

    private void apply(String job, LocalDate night, List<LearnerEventLog.Stored> batch) {
        Map<Long, LearnerEvent> parsed = new LinkedHashMap<>();
        Map<Long, String> problems = new LinkedHashMap<>();
        for (LearnerEventLog.Stored stored : batch) {
            try {
                parsed.put(stored.eventId(), LearnerEvent.parse(json, stored.body()));
            } catch (IllegalArgumentException e) {
                problems.put(stored.eventId(), clip(e.getMessage())); // stored by an earlier release's rules, say
            }
        }
        Set<String> ids = new HashSet<>();
        parsed.values().forEach(e -> {
            if (e.externalUserId() != null) {
                ids.add(e.externalUserId());
            }
        });
        Set<String> known = events.known(job, ids);
        parsed.forEach((eventId, event) -> {
            ProgressFact fact = ProgressFact.of(event);
            if (fact.usable()) {
                progress.record(job, fact, event.timestamp());
            }
            String problem = fact.problem() == null && fact.usable() && !known.contains(fact.externalUserId())
                    ? NOT_ON_ROSTER : fact.problem();
            problems.put(eventId, problem);
        });
        events.applied(job, night, problems);
    }

    private static String clip(String problem) {
        return problem.length() <= 200 ? problem : problem.substring(0, 197) + "...";
    }
}
