package com.example.hublinks.reminder;

import com.example.hublinks.campaign.DeliveryLedger;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * report.json's {@code "reminders"} (DESIGN §8): per mandatory course, how many live learners it is
 * assigned to, how many completed it, how many were reminded tonight and how many are overdue
 * (not completed, due before tonight), with the same per team; and the learner-level events
 * tonight read and could not use. Only a night that reminds has one.
 *
 * @param emailsSent    reminder emails sent by this night, its restarts included
 * @param emailProblems one line per reminder email of this night not sent (refused, pending, unconfirmed)
 */
public record ReminderSummary(List<Course> courses, long unusableEvents, Map<String, Long> unusableByReason,
                              long eventsRead, long emailsSent, List<String> emailProblems) {

    /** One mandatory course; {@code note} says why nobody is reminded of it (not in the catalog, unpublished), else null. */
    public record Course(long courseId, String title, long assigned, long completed, long remindedTonight, long overdue,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String note, List<Team> teams) {
    }

    /** A team the course is assigned to: its learners on tonight's roster and those of them who completed it. */
    public record Team(long teamId, String name, long assigned, long completed) {
    }

    /** Tonight's numbers that step remindLearners left in the job's context (no emails), or null when it reminded of no course. */
    public static ReminderSummary of(ExecutionContext night, JsonMapper json) {
        if (!night.containsKey(ReminderTally.KEY)) {
            return null;
        }
        List<Course> courses = ReminderTally.read(night.getString(ReminderTally.KEY), json);
        EventTally events = night.containsKey(EventTally.KEY)
                ? json.readValue(night.getString(EventTally.KEY), EventTally.class) : new EventTally(0, Map.of());
        return new ReminderSummary(courses, events.unusableCount(), events.unusable(), events.read(), 0, List.of());
    }

    /** {@link #of(ExecutionContext, JsonMapper)} with the reminder emails the delivery ledger holds for the night. */
    public static ReminderSummary of(ExecutionContext night, JsonMapper json, DeliveryLedger deliveries, String job,
                                     long jobInstanceId) {
        ReminderSummary numbers = of(night, json);
        return numbers == null ? null : new ReminderSummary(numbers.courses(), numbers.unusableEvents(),
                numbers.unusableByReason(), numbers.eventsRead(),
                deliveries.statusCounts(job, jobInstanceId, DeliveryLedger.REMINDER).get(DeliveryLedger.SENT),
                deliveries.problems(job, jobInstanceId, DeliveryLedger.REMINDER));
    }
}
