package com.example.hublinks.campaign;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.mail.MailSendException;

/**
 * Whether an SMTP failure is worth another try. A 5xx reply (550 no such mailbox, 553 bad
 * address…) or an address Jakarta Mail cannot parse is permanent: that message will never get
 * through, so it is recorded and not retried. Everything else (4xx replies, a server that is
 * down or times out) is transient.
 */
public final class SmtpFailure {

    private SmtpFailure() {
    }

    public static boolean isPermanent(Throwable failure) {
        for (Throwable t : causes(failure)) {
            int code = replyCode(t);
            if (code >= 500) {
                return true;
            }
            if (t instanceof AddressException) {
                return true;
            }
        }
        return false;
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
