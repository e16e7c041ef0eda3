package com.example.hublinks.campaign;

import com.example.hublinks.HublinksProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Step {@code deliverEmail}'s writer: emails each learner of tonight's audience their link, at
 * most once per link, ever. Per message: claim it in the ledger (committed), send, record the
 * outcome (committed). So a rerun, a {@code --force} or a restart after a crash skips every link
 * already sent; the one message in flight when a process dies stays {@code sending}
 * ("unconfirmed") and is not sent again, nor is one whose SMTP session broke after the data
 * went out ({@link SmtpFailure.Kind#UNKNOWN}): a learner may miss that email, never get it twice.
 * Transient SMTP failures are retried a few times with a growing pause; if the server is still
 * failing the step fails (restartable: the rerun carries on from there). Permanent failures are
 * recorded and the campaign carries on.
 */
public class EmailDelivery implements ItemWriter<CampaignRow> {

    private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

    private final JavaMailSender mail;
    private final EmailTemplates templates;
    private final DeliveryLedger ledger;
    private final HublinksProperties.Email settings;
    private final SendRate rate;
    private final String job;
    private final LocalDate runDate;
    private final long jobInstanceId;

    public EmailDelivery(JavaMailSender mail, EmailTemplates templates, DeliveryLedger ledger,
                         HublinksProperties.Email settings, String job, LocalDate runDate, long jobInstanceId) {
        this.mail = mail;
        this.templates = templates;
        this.ledger = ledger;
        this.settings = settings;
        this.rate = new SendRate(settings.ratePerSecond());
        this.job = job;
        this.runDate = runDate;
        this.jobInstanceId = jobInstanceId;
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
            if (!ledger.claim(key, row.learner().email(), runDate, jobInstanceId)) {
                skipped++;
                continue;
            }
            if (deliver(key, templates.render(row))) {
                sent++;
            }
        }
        log.info("deliverEmail: {} email(s) sent, {} link(s) already handled on an earlier run", sent, skipped);
    }

    /** Sends one claimed message; true when the server took it, false when it refused it or may have taken it. */
    private boolean deliver(DeliveryLedger.Key key, RenderedEmail email) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                rate.acquire();
            } catch (InterruptedException e) {
                ledger.pending(key, "stopped before sending"); // certainly not sent: the next run may send it
                throw e;
            }
            try {
                send(email);
                ledger.sent(key);
                return true;
            } catch (MailException | MessagingException e) {
                if (acceptedBeforeTheFailure(e)) {
                    ledger.sent(key);
                    return true;
                }
                String error = SmtpFailure.describe(e);
                SmtpFailure.Kind kind = SmtpFailure.classify(e);
                if (kind == SmtpFailure.Kind.PERMANENT) {
                    log.warn("deliverEmail: {} refused for good: {}", key.externalUserId(), error);
                    ledger.failed(key, error);
                    return false;
                }
                if (kind == SmtpFailure.Kind.UNKNOWN) {
                    log.warn("deliverEmail: {} unconfirmed, the session broke after the message may have been taken;"
                            + " it will not be sent again: {}", key.externalUserId(), error);
                    ledger.unconfirmed(key, error);
                    return false;
                }
                if (attempt >= settings.maxAttempts()) {
                    ledger.pending(key, error);
                    throw new SmtpUnavailableException("the SMTP server still fails after " + attempt
                            + " attempt(s) (" + error + "); emails already sent are recorded and will not be sent again");
                }
                log.warn("deliverEmail: attempt {} for {} failed, retrying: {}", attempt, key.externalUserId(), error);
                pauseBeforeRetry(key, attempt, error);
                ledger.retrying(key, error);
            }
        }
    }

    private void pauseBeforeRetry(DeliveryLedger.Key key, int attempt, String error) throws InterruptedException {
        try {
            Thread.sleep(settings.retryBackoff().multipliedBy(attempt).toMillis());
        } catch (InterruptedException e) {
            ledger.pending(key, error); // certainly not sent: the next run may send it
            throw e;
        }
    }

    private void send(RenderedEmail email) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(email.to());
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        mail.send(message);
    }

    /** Spring reports a failed QUIT after a message the server accepted as a failure with no failed message. */
    private static boolean acceptedBeforeTheFailure(Exception e) {
        return e instanceof MailSendException send && send.getFailedMessages().isEmpty()
                && send.getMessageExceptions().length == 0 && String.valueOf(send.getMessage()).contains("after message sending");
    }

    /** The SMTP server is down or keeps answering 4xx: the step fails and the rerun resumes. */
    public static class SmtpUnavailableException extends RuntimeException {
        SmtpUnavailableException(String message) {
            super(message); // the SMTP error is in the message: it is the line ops read, not a cause to dig for
        }
    }
}
