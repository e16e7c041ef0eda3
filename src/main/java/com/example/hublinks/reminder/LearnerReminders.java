package com.example.hublinks.reminder;

import com.example.hublinks.roster.Learner;
import java.util.List;

/**
 * What tonight holds for one learner: their reminders, and their standing on each mandatory course
 * assigned to their teams (for the report's numbers).
 */
record LearnerReminders(Learner learner, List<Reminder> reminders, List<Standing> standings) {

    /** A mandatory course assigned to the learner through {@code teams}: done, or overdue (not done, due before tonight). */
    record Standing(long courseId, List<Long> teams, boolean completed, boolean overdue) {
    }
}
