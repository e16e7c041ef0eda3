package com.example.hublinks.reminder;

import com.example.hublinks.campaign.DeliveryLedger;
import com.example.hublinks.campaign.EmailTemplates;
import com.example.hublinks.campaign.OnceOnlyMail;
import com.example.hublinks.roster.Learner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminder emails ({@code reminders.email.send}): each reminder at most once, ever, through the
 * campaign's own exactly-once path ({@link OnceOnlyMail}), keyed in the delivery ledger by learner,
 * course and reminder number. Templates are Mustache ({@code templates/reminder.*.mustache} unless
 * set); the subject may also use the SMS text's single braces, {@code {course_title}}.
 */
class ReminderEmails {

    static final String PLACEHOLDERS = "first_name, last_name, email, external_user_id, link, course_id, course_title,"
            + " due, reminder";
    private static final Pattern SINGLE_BRACES = Pattern.compile("(?<!\\{)\\{([a-z_]+)}(?!})");
    private static final Logger log = LoggerFactory.getLogger(ReminderEmails.class);

    private final EmailTemplates templates;
    private final OnceOnlyMail mail;
    private final String job;

    /**
     * Checked when the night starts, not when it gets to the reminders: an SMTP server when they
     * are emailed ({@code spring.mail.host}), and templates that render.
     */
    static void checkAtStart(ReminderSettings.Email email, ObjectProvider<JavaMailSender> mailSender) {
        if (email.sending()) {
            OnceOnlyMail.requireServer(mailSender.getIfAvailable(), "hublinks.reminders.email.send");
        }
        templates(email);
    }

    /** The step's chunk: the job's, and no more than {@link OnceOnlyMail#CHUNK_SIZE} when emailing. */
    static int chunkSize(ReminderSettings.Email email, int jobChunkSize) {
        return email.sending() ? Math.min(OnceOnlyMail.CHUNK_SIZE, jobChunkSize) : jobChunkSize;
    }

    /** Tried at once on a sample: a template with an unknown placeholder stops the start (exit 2, the key's name). */
    static EmailTemplates templates(ReminderSettings.Email email) {
        String subject = SINGLE_BRACES.matcher(email.subject()).replaceAll("{{$1}}");
        Learner sample = new Learner("sample", "Sam", "Sample", "sam@example.com", null, List.of(1L), null, 2);
        return new EmailTemplates("hublinks.reminders.email.", subject, email.textTemplate(), email.htmlTemplate(),
                "templates/reminder", model(new ReminderRow(sample, new Reminder(123, "Road safety basics",
                        LocalDate.of(2027, 1, 31), 1, "https://learn.edume.com/e/c/123?g=1&e=sample&sig=0", false))),
                PLACEHOLDERS);
    }

    /** @param mail null when the reminders are not emailed */
    ReminderEmails(EmailTemplates templates, OnceOnlyMail mail, String job) {
        this.templates = templates;
        this.mail = mail;
        this.job = job;
    }

    void send(List<ReminderRow> rows) throws InterruptedException {
        if (mail == null) {
            return;
        }
        int sent = 0;
        int handled = 0;
        for (ReminderRow row : rows) {
            if (!row.learner().hasEmail()) {
                continue;
            }
            Reminder r = row.reminder();
            DeliveryLedger.Key key = DeliveryLedger.Key.reminder(job, row.learner().externalUserId(), r.courseId(), r.number());
            switch (mail.send(key, row.learner().email(), () -> templates.render(row.learner().email(), model(row)))) {
                case SENT -> sent++;
                case ALREADY_HANDLED -> handled++;
                case NOT_SENT -> { }
            }
        }
        log.info("remindLearners: {} reminder email(s) sent, {} already handled on an earlier run", sent, handled);
    }

    /** The SMS text's placeholders, and the learner's email and id. */
    static Map<String, Object> model(ReminderRow row) {
        Map<String, Object> model = new HashMap<>();
        var text = ReminderFiles.placeholders(row);
        for (String name : List.of("first_name", "last_name", "link", "course_id", "course_title", "due", "reminder")) {
            model.put(name, text.apply(name));
        }
        model.put("email", row.learner().hasEmail() ? row.learner().email() : "");
        model.put("external_user_id", row.learner().externalUserId());
        return model;
    }
}
