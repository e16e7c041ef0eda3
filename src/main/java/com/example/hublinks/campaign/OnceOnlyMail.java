package com.example.hublinks.campaign;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import com.example.hublinks.support.SettingsException;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends one message at most once, ever, whichever run asks: claim it in the {@link DeliveryLedger}
 * (committed), send, record the outcome (committed). A message the ledger holds as sent, failed
 * for good or unconfirmed is never sent again; the one in flight when a process dies stays
 * {@code sending} ("unconfirmed") and is not sent again either, nor is one whose SMTP session broke
 * after the data went out ({@link SmtpFailure.Kind#UNKNOWN}). Transient failures are retried a few
 * times with a growing pause, then the message is left {@code pending} for the next run and
 * {@link EmailDelivery.SmtpUnavailableException} fails the step. What {@code deliverEmail} and the
 * mandatory-training reminders send goes through here.
 */
public class OnceOnlyMail {

    /**
     * The most messages a chunk of a step that emails holds: a chunk of emails takes seconds at a
     * polite send rate, and the ledger, not the chunk, guards against resends.
     */
    public static final int CHUNK_SIZE = 50;

    private static final Logger log = LoggerFactory.getLogger(OnceOnlyMail.class);

    /** What became of one message. */
    public enum Outcome { SENT, NOT_SENT, ALREADY_HANDLED }

    private final JavaMailSender mail;
    private final DeliveryLedger ledger;
    private final CampaignSettings.Email settings;
    private final SendRate rate;
    private final LocalDate runDate;
    private final long jobInstanceId;
    private final String step;

    /**
     * @param settings the campaign's email settings: the from address, send rate and retries
     * @param step     the step that sends, for the log
     */
    public OnceOnlyMail(JavaMailSender mail, DeliveryLedger ledger, CampaignSettings.Email settings, LocalDate runDate,
                        long jobInstanceId, String step) {
        this.step = step;
        this.mail = mail;
        this.ledger = ledger;
        this.settings = settings;
        this.rate = new SendRate(settings.ratePerSecond());
        this.runDate = runDate;
        this.jobInstanceId = jobInstanceId;
    }

    /** Checked at start, before any work: a step that sends needs an SMTP server ({@code mailSender} null: none). */
    public static void requireServer(JavaMailSender mailSender, String sendSetting) {
        if (mailSender == null) {
            throw new SettingsException("spring.mail.host", "is required when " + sendSetting + " is true");
        }
    }

    /** Sends the message {@code key} names to {@code to}, unless an earlier run already handled it; rendered only if sent. */
    public Outcome send(DeliveryLedger.Key key, String to, Supplier<RenderedEmail> email) throws InterruptedException {
        if (!ledger.claim(key, to, runDate, jobInstanceId)) {
            return Outcome.ALREADY_HANDLED;
        }
        return deliver(key, email.get()) ? Outcome.SENT : Outcome.NOT_SENT;
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
                    log.warn("{}: {} refused for good: {}", step, key.externalUserId(), error);
                    ledger.failed(key, error);
                    return false;
                }
                if (kind == SmtpFailure.Kind.UNKNOWN) {
                    log.warn("{}: {} unconfirmed, the session broke after the message may have been taken;"
                            + " it will not be sent again: {}", step, key.externalUserId(), error);
                    ledger.unconfirmed(key, error);
                    return false;
                }
                if (attempt >= settings.maxAttempts()) {
                    ledger.pending(key, error);
                    throw new EmailDelivery.SmtpUnavailableException("the SMTP server still fails after " + attempt
                            + " attempt(s) (" + error + "); emails already sent are recorded and will not be sent again");
                }
                log.warn("{}: attempt {} for {} failed, retrying: {}", step, attempt, key.externalUserId(), error);
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
}
