package com.example.hublinks.reminder;

import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogSnapshot;
import com.example.hublinks.link.LinkKind;
import com.example.hublinks.link.LinkSigner;
import com.example.hublinks.link.LinkTarget;
import com.example.hublinks.roster.Learner;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Step {@code remindLearners}' processor: for each mandatory course assigned to the learner's
 * teams (the catalog's {@link Catalog#assignedTeams}), their standing, and tonight's reminder when
 * they have not completed it, can be reached on a channel tonight, were last reminded of it at
 * least {@code every} ago and fewer than {@code max} times. A reminder this night already issued
 * (a rerun, {@code --force}, a resume) is issued again as it was, never under a new number. Pure:
 * the same candidate, catalog, settings and secret give the same reminders.
 */
class ReminderPlanner implements ItemProcessor<ReminderCandidate, LearnerReminders> {

    private final ReminderSettings settings;
    private final Catalog catalog;
    private final LinkSigner signer;
    private final LocalDate night;
    private final ZoneId zone;

    ReminderPlanner(ReminderSettings settings, Catalog catalog, LinkSigner signer, LocalDate night, ZoneId zone) {
        this.settings = settings;
        this.catalog = catalog;
        this.signer = signer;
        this.night = night;
        this.zone = zone;
    }

    @Override
    public LearnerReminders process(ReminderCandidate candidate) {
        Learner learner = candidate.learner();
        List<Reminder> reminders = new ArrayList<>();
        List<LearnerReminders.Standing> standings = new ArrayList<>();
        for (long courseId : settings.courses()) {
            CatalogSnapshot.Course course = catalog.course(courseId);
            List<Long> teams = course == null || !course.published() ? List.of()
                    : catalog.assignedTeams(learner.teamIds(), course);
            if (teams.isEmpty()) {
                continue; // not theirs to do (or nobody's: the report says why)
            }
            LearnerProgress progress = candidate.progress().getOrDefault(courseId, LearnerProgress.NONE);
            LocalDate enrolled = progress.enrolledAt() != null ? LocalDate.ofInstant(progress.enrolledAt(), zone)
                    : candidate.firstSeen(); // ASSUMED: with no learner.added, the night they joined the roster
            LocalDate due = settings.dueFor(enrolled);
            standings.add(new LearnerReminders.Standing(courseId, teams, progress.completed(),
                    !progress.completed() && due.isBefore(night)));
            if (progress.completed() || !reachable(learner)) {
                continue;
            }
            List<ReminderLedger.Issued> issued = candidate.issued().getOrDefault(courseId, List.of());
            Number tonight = tonightsNumber(issued);
            if (tonight != null) {
                String link = signer.link(new LinkTarget(LinkKind.COURSE, String.valueOf(courseId), teams),
                        learner.externalUserId());
                reminders.add(new Reminder(courseId, course.title(), due, tonight.number(), link, tonight.issuedBefore()));
            }
        }
        return new LearnerReminders(learner, reminders, standings);
    }

    /** Which reminder of a course tonight's is, and whether an earlier attempt of this night issued it. */
    private record Number(int number, boolean issuedBefore) {
    }

    /**
     * The reminder of a course this night issues: the one it issued already, the next number when
     * the last one is {@code every} old and fewer than {@code max} were issued, or null.
     */
    private Number tonightsNumber(List<ReminderLedger.Issued> issued) {
        int last = 0;
        LocalDate lastNight = null;
        for (ReminderLedger.Issued reminder : issued) {
            if (reminder.night().equals(night)) {
                return new Number(reminder.number(), true);
            }
            if (reminder.night().isAfter(night)) {
                return null; // a later night reminded them: an earlier night run now adds nothing
            }
            last = Math.max(last, reminder.number());
            lastNight = lastNight == null || reminder.night().isAfter(lastNight) ? reminder.night() : lastNight;
        }
        if (issued.size() >= settings.max() || lastNight != null && lastNight.plus(settings.every()).isAfter(night)) {
            return null;
        }
        return new Number(last + 1, false);
    }

    private boolean reachable(Learner learner) {
        return settings.email().enabled() && learner.hasEmail() || settings.sms().enabled() && learner.hasPhone();
    }
}
