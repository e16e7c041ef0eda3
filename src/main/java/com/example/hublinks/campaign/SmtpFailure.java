package com.example.hublinks.campaign;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * What an SMTP failure means for the message, so that a learner is never emailed twice:
 * <ul>
 * <li>{@link Kind#PERMANENT}: a 5xx reply (550 no such mailbox, 553 bad address…) or an address
 * Jakarta Mail cannot parse. The message will never get through: recorded, not retried.</li>
 * <li>{@link Kind#NOT_SENT}: the server certainly did not take it — a 4xx reply, or no SMTP
 * session at all (connection refused, unknown host, login refused). Safe to try again.</li>
 * <li>{@link Kind#UNKNOWN}: the session broke half-way (a dropped connection, a missing reply
 * after the message data). The server may have accepted the message, so it is not sent again:
 * recorded as unconfirmed for a person to check.</li>
 * </ul>
 */
final class SmtpFailure {

    public enum Kind { PERMANENT, NOT_SENT, UNKNOWN }

    /** How Spring's JavaMailSenderImpl reports a failure to open the session, before any message data. */
    private static final String CONNECT_FAILED = "Mail server connection failed";

    private SmtpFailure() {
    }

    public static Kind classify(Throwable failure) {
        List<Throwable> causes = causes(failure);
        for (Throwable t : causes) {
            int code = replyCode(t);
            if (code >= 500 || t instanceof AddressException) {
                return Kind.PERMANENT;
            }
        }
        for (Throwable t : causes) {
            int code = replyCode(t);
            if (code >= 400 || t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof AuthenticationFailedException || t instanceof MailAuthenticationException
                    || (t instanceof MailSendException && String.valueOf(t.getMessage()).startsWith(CONNECT_FAILED))) {
                return Kind.NOT_SENT;
            }
        }
        return Kind.UNKNOWN;
    }

    /** One line for the ledger and the report: the innermost message, which carries the server's reply. */
    public static String describe(Throwable failure) {
        String message = null;
        for (Throwable t : causes(failure)) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    /**
     * The SMTP reply code of Angus Mail's SMTP exceptions ({@code SMTPAddressFailedException},
     * {@code SMTPSendFailedException}…), or -1. Angus is the runtime implementation of the Jakarta
     * Mail API, not a compile dependency, so its {@code getReturnCode()} is looked up by name.
     */
    static int replyCode(Throwable t) {
        if (!(t instanceof MessagingException) || !t.getClass().getName().startsWith("org.eclipse.angus.mail.smtp.")) {
            return -1;
        }
        try {
            return (int) t.getClass().getMethod("getReturnCode").invoke(t);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return -1;
        }
    }

    /** The failure and everything it wraps: causes, Jakarta Mail's next exceptions, Spring's per-message ones. */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        Set<Throwable> seen = new HashSet<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
                todo.add(messaging.getNextException());
            }
            if (t instanceof MailSendException send) {
                todo.addAll(List.of(send.getMessageExceptions()));
            }
        }
        return all;
    }
}
