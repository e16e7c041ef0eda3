package com.example.hublinks.campaign;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Step {@code deliverEmail}'s writer: emails each learner of tonight's audience their link, at
 * most once per link, ever ({@link OnceOnlyMail}). So a rerun, a {@code --force} or a restart after
 * a crash skips every link already sent; a learner may miss an email whose sending was
 * interrupted, never get it twice. If the SMTP server is still failing after the retries the step
 * fails (restartable: the rerun carries on from there). Permanent failures are recorded and the
 * campaign carries on.
 */
public class EmailDelivery implements ItemWriter<CampaignRow> {

    private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

    private final EmailTemplates templates;
    private final OnceOnlyMail mail;
    private final String job;

    public EmailDelivery(JavaMailSender mail, EmailTemplates templates, DeliveryLedger ledger,
                         CampaignSettings.Email settings, String job, LocalDate runDate, long jobInstanceId) {
        this.templates = templates;
        this.mail = new OnceOnlyMail(mail, ledger, settings, runDate, jobInstanceId, "deliverEmail");
        this.job = job;
    }

    /**
     * Checked when the night starts ({@code campaign.email.send: true}), not when it gets to
     * sending: an SMTP server is configured ({@code spring.mail.host}), and the templates render (a
     * bad one stops the start).
     */
    public static void checkAtStart(CampaignSettings.Email settings, ObjectProvider<JavaMailSender> mailSender) {
        OnceOnlyMail.requireServer(mailSender.getIfAvailable(), "hublinks.campaign.email.send");
        new EmailTemplates(settings);
    }

    @Override
    public void write(Chunk<? extends CampaignRow> chunk) throws Exception {
        int sent = 0;
        int skipped = 0;
        for (CampaignRow row : chunk) {
            if (!row.learner().hasEmail()) {
                continue;
            }
            DeliveryLedger.Key key = DeliveryLedger.Key.of(job, row.learner().externalUserId(), row.link().url());
            switch (mail.send(key, row.learner().email(), () -> templates.render(row))) {
                case SENT -> sent++;
                case ALREADY_HANDLED -> skipped++;
                case NOT_SENT -> { }
            }
        }
        log.info("deliverEmail: {} email(s) sent, {} link(s) already handled on an earlier run", sent, skipped);
    }

    /** The SMTP server is down or keeps answering 4xx: the step fails and the rerun resumes. */
    public static class SmtpUnavailableException extends RuntimeException {
        SmtpUnavailableException(String message) {
            super(message); // the SMTP error is in the message: it is the line ops read, not a cause to dig for
        }
    }
}
