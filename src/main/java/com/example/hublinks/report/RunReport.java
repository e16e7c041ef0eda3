package com.example.hublinks.report;

import com.example.hublinks.catalog.SkippedCourse;
import com.example.hublinks.reminder.ReminderSummary;
import com.example.hublinks.roster.ReasonTally;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: the fields scripts and dashboards read (DESIGN §4). Rejects and contact
 * warnings are counted by reason with the first lines of each; every row of them is in
 * {@code rejects.csv} and {@code warnings.csv}, {@code warnings} holds only the first few.
 * {@code reminders} (DESIGN §8) only for a published night of a job with mandatory courses.
 */
record RunReport(String job, String runDate, String status, int exitCode, CatalogInfo catalog, RosterInfo roster,
                        Counts counts,
                        List<StepTiming> steps, List<String> reasons, List<ReasonTally.Reason> rejectsByReason,
                        List<ReasonTally.Reason> warningsByReason, List<String> warnings, Courses courses,
                        Delivery delivery, @JsonInclude(JsonInclude.Include.NON_NULL) ReminderSummary reminders) {

    /** Where tonight's catalog came from; when stale, {@code refreshedAt} is the last good refresh and {@code note} why. */
    public record CatalogInfo(String source, boolean stale, String refreshedAt, String note) {
    }

    /**
     * The roster file the night read: its SHA-256 (null for a roster database) and, when it was the
     * very file the last published night read (so no row was read again), that night's date.
     */
    public record RosterInfo(String sha256, String unchangedSince) {
    }

    /** {@code links.courses} and those of them that got no links (unpublished, deleted, unknown). */
    public record Courses(List<Long> listed, List<SkippedCourse> skipped) {
    }

    public record Counts(long read, long rejected, long warnings, @JsonProperty("new") long newLinks, long changed,
                         long unchanged, long removed, Map<String, Long> exported, long emailsSent) {
    }

    /**
     * Emails of this night ({@code campaign.email.send}): sent, refused for good (never retried),
     * pending (a transient failure; the next run tries again), unconfirmed (the run stopped during
     * the send; never resent), and one line per message not sent.
     */
    public record Delivery(long sent, long failed, long pending, long unconfirmed, List<String> problems) {
    }

    public record StepTiming(String name, String status, double seconds) {
    }
}
