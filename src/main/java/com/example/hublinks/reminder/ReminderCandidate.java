package com.example.hublinks.reminder;

import com.example.hublinks.roster.Learner;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A live learner of tonight's roster with what the night knows of them for the reminders: the
 * night they first appeared, their progress per mandatory course, the reminders issued per course.
 */
record ReminderCandidate(Learner learner, LocalDate firstSeen, Map<Long, LearnerProgress> progress,
                         Map<Long, List<ReminderLedger.Issued>> issued) {
}
