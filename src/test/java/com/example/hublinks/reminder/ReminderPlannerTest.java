package com.example.hublinks.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.TestFiles;
import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogSnapshot;
import com.example.hublinks.link.LinkFormat;
import com.example.hublinks.link.LinkSigner;
import com.example.hublinks.link.SigningSecret;
import com.example.hublinks.roster.Learner;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who is reminded of what tonight: the period, the maximum, a completion, a rerun of the night, the due date. */
class ReminderPlannerTest {

    static final LocalDate NIGHT = LocalDate.of(2026, 3, 9);
    static final Catalog CATALOG = new Catalog(new CatalogSnapshot(List.of(new CatalogSnapshot.Group(101, "UK")),
            List.of(new CatalogSnapshot.Team(5, 101, "London"), new CatalogSnapshot.Team(7, 101, "New joiners")),
            List.of(new CatalogSnapshot.Course(123, 101, "road", "Road safety", true),
                    new CatalogSnapshot.Course(124, 101, "food", "Food hygiene", false))), Map.of());
    static final LinkSigner SIGNER = new LinkSigner(new LinkFormat("https://learn.edume.com"),
            new SigningSecret("c4e867ae-bc05-11ec-8422-0242ac120002", "test"));
    static final Learner AMELIA = new Learner("E1001", "Amelia", "Smith", "amelia@example.com", "", List.of(5L, 7L), null, 2);

    static ReminderSettings settings(LocalDate due, Period afterEnrolment) {
        return new ReminderSettings(List.of(123L, 124L), due, afterEnrolment, Period.ofDays(7), 2,
                new ReminderSettings.Email(true, false, "s", null, null), new ReminderSettings.Sms(false, "m"));
    }

    LearnerReminders plan(ReminderSettings settings, Learner learner, LearnerProgress progress,
                          ReminderLedger.Issued... issued) {
        return new ReminderPlanner(settings, CATALOG, SIGNER, NIGHT, ZoneOffset.UTC).process(new ReminderCandidate(learner,
                LocalDate.of(2026, 1, 1), Map.of(123L, progress), issued.length == 0 ? Map.of() : Map.of(123L, List.of(issued))));
    }

    @Test
    void theFirstReminderCarriesTheLearnersSignedCourseLinkForTheirAssignedTeams() {
        LearnerReminders tonight = plan(settings(LocalDate.of(2026, 3, 31), null), AMELIA, LearnerProgress.NONE);

        Reminder reminder = tonight.reminders().get(0);
        assertThat(tonight.reminders()).hasSize(1); // 124 is unpublished: nobody's to do
        assertThat(reminder.number()).isEqualTo(1);
        assertThat(reminder.issuedBefore()).isFalse();
        assertThat(reminder.due()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(reminder.link()).startsWith("https://learn.edume.com/e/c/123?g=5,7&e=E1001&sig=");
        assertThat(TestFiles.signatureHolds(reminder.link(), "c4e867ae-bc05-11ec-8422-0242ac120002")).isTrue();
        assertThat(tonight.standings()).containsExactly(new LearnerReminders.Standing(123, List.of(5L, 7L), false, false));
    }

    @Test
    void onceEveryPeriodAtMostMaxTimesAndTheSameNumberOnARerunOfTheNight() {
        ReminderSettings settings = settings(LocalDate.of(2026, 3, 1), null);

        assertThat(plan(settings, AMELIA, LearnerProgress.NONE, new ReminderLedger.Issued(1, NIGHT.minusDays(6)))
                .reminders()).isEmpty(); // six days ago
        assertThat(plan(settings, AMELIA, LearnerProgress.NONE, new ReminderLedger.Issued(1, NIGHT.minusDays(7)))
                .reminders()).extracting(Reminder::number, Reminder::issuedBefore).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, false));
        assertThat(plan(settings, AMELIA, LearnerProgress.NONE, new ReminderLedger.Issued(1, NIGHT.minusDays(14)),
                new ReminderLedger.Issued(2, NIGHT.minusDays(7))).reminders()).isEmpty(); // max 2
        assertThat(plan(settings, AMELIA, LearnerProgress.NONE, new ReminderLedger.Issued(1, NIGHT.minusDays(14)),
                new ReminderLedger.Issued(2, NIGHT)).reminders()).extracting(Reminder::number, Reminder::issuedBefore)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, true)); // tonight's, again
        assertThat(plan(settings, AMELIA, LearnerProgress.NONE, new ReminderLedger.Issued(1, NIGHT.plusDays(7)))
                .reminders()).isEmpty(); // a later night reminded them: an older night run now adds none
        assertThat(plan(settings, AMELIA, LearnerProgress.NONE).standings().get(0).overdue()).isTrue();
    }

    @Test
    void aCompletedCourseIsNeverRemindedNorOverdueAndSomeoneUnreachableIsNotReminded() {
        LearnerProgress done = new LearnerProgress(null, null, null, Instant.parse("2026-03-01T10:00:00Z"));
        LearnerReminders completed = plan(settings(LocalDate.of(2026, 3, 1), null), AMELIA, done,
                new ReminderLedger.Issued(1, NIGHT));
        assertThat(completed.reminders()).isEmpty();
        assertThat(completed.standings()).containsExactly(new LearnerReminders.Standing(123, List.of(5L, 7L), true, false));

        Learner smsOnly = new Learner("E1004", "George", "Brown", "", "+447958760479", List.of(5L), null, 5);
        LearnerReminders unreachable = plan(settings(LocalDate.of(2026, 3, 31), null), smsOnly, LearnerProgress.NONE);
        assertThat(unreachable.reminders()).isEmpty(); // the SMS channel is off
        assertThat(unreachable.standings()).hasSize(1);

        Learner paris = new Learner("E2001", "Jean", "Dupont", "jean@example.com", "", List.of(21L), null, 6);
        assertThat(plan(settings(LocalDate.of(2026, 3, 31), null), paris, LearnerProgress.NONE).standings()).isEmpty();
    }

    @Test
    void aPeriodAfterEnrolmentIsDueFromLearnerAddedOrElseFromTheirFirstNight() {
        ReminderSettings fortnight = settings(null, Period.ofDays(14));
        LearnerProgress enrolled = new LearnerProgress(Instant.parse("2026-03-02T23:30:00Z"), null, null, null);

        assertThat(plan(fortnight, AMELIA, enrolled).reminders().get(0).due()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(plan(fortnight, AMELIA, LearnerProgress.NONE).reminders().get(0).due())
                .isEqualTo(LocalDate.of(2026, 1, 15)); // first seen 2026-01-01
        assertThat(plan(fortnight, AMELIA, LearnerProgress.NONE).standings().get(0).overdue()).isTrue();
    }
}
