package com.example.hublinks.reminder;

import com.example.hublinks.support.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hublinks.reminders.*} (DESIGN §8): the mandatory courses, when they are due (a fixed
 * date, or a period after the learner's enrolment), how often a learner may be reminded of one
 * and how many times at most, and the two channels. No courses (the default): no reminders, and
 * the night is what it was without them.
 *
 * @param every at most one reminder per learner and course in this period (a day at least)
 * @param max   never more reminders than this for one learner and course
 */
public record ReminderSettings(List<Long> courses, LocalDate due, Period dueAfterEnrolment,
                               @DefaultValue("7d") Period every, @DefaultValue("3") int max,
                               @DefaultValue Email email, @DefaultValue Sms sms) {

    private static final String KEY = "hublinks.reminders.";

    public ReminderSettings {
        courses = courses == null ? List.of() : List.copyOf(courses);
        if (max < 1) {
            throw new SettingsException(KEY + "max", "must be 1 or more, was " + max);
        }
        if (every.isNegative() || every.isZero()) {
            throw new SettingsException(KEY + "every", "must be a day or more (7d, 2w, 1m), was " + every);
        }
        if (due != null && dueAfterEnrolment != null) {
            throw new SettingsException(KEY + "due-after-enrolment", "set either hublinks.reminders.due (a date) or"
                    + " due-after-enrolment (a period), not both");
        }
        if (dueAfterEnrolment != null && dueAfterEnrolment.isNegative()) {
            throw new SettingsException(KEY + "due-after-enrolment", "must not be negative, was " + dueAfterEnrolment);
        }
        if (!courses.isEmpty() && due == null && dueAfterEnrolment == null) {
            throw new SettingsException(KEY + "due", "say when the courses in hublinks.reminders.courses are due: a"
                    + " date (due: 2027-01-31) or a period after enrolment (due-after-enrolment: 14d)");
        }
        if (!courses.isEmpty() && !email.enabled() && !sms.enabled()) {
            throw new SettingsException(KEY + "email.enabled", "hublinks.reminders.email and sms are both disabled:"
                    + " enable one, or list no courses");
        }
    }

    /** Whether the job reminds anyone: some mandatory course is listed. */
    public boolean enabled() {
        return !courses.isEmpty();
    }

    /** The day a course is due for a learner enrolled on {@code enrolled}. */
    public LocalDate dueFor(LocalDate enrolled) {
        return due != null ? due : enrolled.plus(dueAfterEnrolment);
    }

    /**
     * reminders-email.csv and, with {@code send: true}, the reminder emailed over SMTP
     * ({@code spring.mail.*}, with the campaign's from address, rate and retries). The subject takes
     * {@code {course_title}}, {@code {due}}, {@code {first_name}}… like the SMS text, or Mustache.
     */
    public record Email(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean send,
                        @DefaultValue("Please finish {course_title} by {due}") String subject,
                        Path htmlTemplate, Path textTemplate) {
        public Email {
            for (Path template : new Path[] {htmlTemplate, textTemplate}) {
                if (template != null && !Files.isRegularFile(template)) {
                    throw new SettingsException(KEY + "email." + (template == htmlTemplate ? "html-template"
                            : "text-template"), "template file " + template + " does not exist");
                }
            }
        }

        /** Whether the reminders are emailed: the email channel is on and {@code send} asks for it. */
        public boolean sending() {
            return enabled && send;
        }
    }

    /** reminders-sms.csv's text: {@code {first_name}}, {@code {last_name}}, {@code {course_title}}, {@code {due}}, {@code {reminder}}, {@code {link}}. */
    public record Sms(@DefaultValue("true") boolean enabled,
                      @DefaultValue("Hi {first_name}, please finish {course_title} by {due}: {link}") String message) {
    }
}
