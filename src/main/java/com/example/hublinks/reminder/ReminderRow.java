package com.example.hublinks.reminder;

import com.example.hublinks.roster.Learner;

/** One line of tonight's reminder files: a learner and one reminder. */
record ReminderRow(Learner learner, Reminder reminder) {
}
