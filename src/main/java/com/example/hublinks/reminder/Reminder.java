package com.example.hublinks.reminder;

import java.time.LocalDate;

/**
 * One reminder of one learner tonight: the course, when it is due, which reminder it is for that
 * course (1, 2…) and the learner's signed link to it.
 *
 * @param issuedBefore an earlier attempt of this night issued it already (in the ledger): the
 *                     same reminder again, not a new one
 */
record Reminder(long courseId, String courseTitle, LocalDate due, int number, String link, boolean issuedBefore) {
}
