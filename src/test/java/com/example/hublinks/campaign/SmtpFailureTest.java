package com.example.hublinks.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** Which SMTP failures are retried, recorded for good, or left unconfirmed — with Jakarta Mail's own exceptions. */
class SmtpFailureTest {

    @Test
    void aRejectedMailboxIsPermanent() throws Exception {
        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(new InternetAddress("gone@example.com"),
                "RCPT TO:<gone@example.com>", 550, "550 5.1.1 <gone@example.com>: Recipient address rejected");
        SendFailedException sendFailed = new SendFailedException("Invalid Addresses", rcpt);
        assertThat(SmtpFailure.classify(new MailSendException("Failed messages", sendFailed)))
                .isEqualTo(SmtpFailure.Kind.PERMANENT);
        assertThat(SmtpFailure.describe(sendFailed)).contains("550 5.1.1");
    }

    @Test
    void anUnparsableAddressIsPermanent() {
        assertThat(SmtpFailure.classify(new MessagingException("bad", new AddressException("Missing final '@domain'"))))
                .isEqualTo(SmtpFailure.Kind.PERMANENT);
    }

    @Test
    void aTemporaryReplyOrNoSessionAtAllIsRetried() throws Exception {
        SMTPAddressFailedException greylisted = new SMTPAddressFailedException(new InternetAddress("a@example.com"),
                "RCPT TO:<a@example.com>", 451, "451 4.7.1 Greylisted, try again later");
        assertThat(SmtpFailure.classify(new SendFailedException("Invalid Addresses", greylisted)))
                .isEqualTo(SmtpFailure.Kind.NOT_SENT);
        assertThat(SmtpFailure.classify(new MailSendException("Mail server connection failed",
                new MessagingException("Could not connect", new ConnectException("Connection refused")))))
                .isEqualTo(SmtpFailure.Kind.NOT_SENT);
    }

    @Test
    void aSessionThatBrokeAfterTheDataIsUnknown() {
        assertThat(SmtpFailure.classify(new MailSendException("Failed messages",
                new SMTPSendFailedException(".", -1, "[EOF]", new SocketException("Broken pipe"), null, null, null))))
                .isEqualTo(SmtpFailure.Kind.UNKNOWN);
    }
}
