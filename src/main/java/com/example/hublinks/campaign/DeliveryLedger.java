package com.example.hublinks.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code delivery} table: which link of which learner was emailed, keyed by job, learner and
 * the SHA-256 of the link (never the link); and which reminder ({@link Key#reminder}: the hash of
 * its course and number, message {@code reminder}). Every change is committed in its own transaction,
 * at once, whatever chunk transaction is open: a claim must be durable <em>before</em> the SMTP
 * call, or a crash after the server accepted a message would roll the claim back and the restart
 * would send it again.
 */
@Repository
public class DeliveryLedger {

    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String PENDING = "pending";
    public static final String FAILED = "failed";
    /** The campaign's emails: one per link. */
    public static final String LINK = "link";
    /** Mandatory-training reminders: one per learner, course and reminder number. */
    public static final String REMINDER = "reminder";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public DeliveryLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Identifies one delivery: the link is hashed here so that it never reaches the table.
     * {@code message} is the kind of email ({@link #LINK}, {@link #REMINDER}).
     */
    public record Key(String job, String externalUserId, String linkHash, String message) {
        public static Key of(String job, String externalUserId, String link) {
            return new Key(job, externalUserId, sha256(link), LINK);
        }

        /** Reminder {@code number} of one course: a message of its own, whatever link it carries. */
        public static Key reminder(String job, String externalUserId, long courseId, int number) {
            return new Key(job, externalUserId, sha256("reminder " + courseId + " #" + number), REMINDER);
        }
    }

    /**
     * Claims a delivery for one attempt: a first claim inserts it as {@code sending}; a delivery
     * left {@code pending} by a transient failure is taken again. Returns false when the link was
     * sent, failed for good, or may have been sent (a {@code sending} row a crash left behind):
     * those are never sent again.
     */
    public boolean claim(Key key, String email, LocalDate runDate, long jobInstanceId) {
        Timestamp now = now();
        // looked up first rather than caught as a duplicate key: on PostgreSQL a failed insert spoils its transaction
        return Boolean.TRUE.equals(ownTransaction.execute(tx -> {
            List<String> status = jdbc.queryForList("select status from delivery where job_name = ? and external_user_id = ?"
                    + " and link_hash = ?", String.class, key.job(), key.externalUserId(), key.linkHash());
            if (status.isEmpty()) {
                jdbc.update("insert into delivery (job_name, external_user_id, link_hash, message, email, run_date,"
                                + " job_instance_id, status, attempts, first_attempt_at, last_attempt_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)", key.job(), key.externalUserId(),
                        key.linkHash(), key.message(), email, Date.valueOf(runDate), jobInstanceId, SENDING, now, now);
                return true;
            }
            return PENDING.equals(status.get(0)) && jdbc.update("update delivery set status = ?, attempts = attempts + 1,"
                            + " email = ?, run_date = ?, job_instance_id = ?, last_attempt_at = ? where job_name = ?"
                            + " and external_user_id = ? and link_hash = ? and status = ?", SENDING, email,
                    Date.valueOf(runDate), jobInstanceId, now, key.job(), key.externalUserId(), key.linkHash(), PENDING) == 1;
        }));
    }

    /** Another attempt of a claimed delivery (an in-run retry after a transient failure). */
    public void retrying(Key key, String error) {
        change(key, "status = ?, attempts = attempts + 1, last_error = ?, last_attempt_at = ?", SENDING, clip(error), now());
    }

    public void sent(Key key) {
        Timestamp now = now();
        change(key, "status = ?, sent_at = ?, last_attempt_at = ?", SENT, now, now);
    }

    /** A transient failure that outlasted this run's retries: the next run tries again. */
    public void pending(Key key, String error) {
        change(key, "status = ?, last_error = ?", PENDING, clip(error));
    }

    /** The session broke when the server may have taken the message: stays {@code sending}, never resent. */
    public void unconfirmed(Key key, String error) {
        change(key, "last_error = ?", clip(error));
    }

    /** A permanent failure: recorded and reported, never retried. */
    public void failed(Key key, String error) {
        change(key, "status = ?, last_error = ?", FAILED, clip(error));
    }

    /** The campaign's deliveries of one job instance (one night, its restarts included) by status. */
    public Map<String, Long> statusCounts(String job, long jobInstanceId) {
        return statusCounts(job, jobInstanceId, LINK);
    }

    /** Deliveries of one kind of message ({@link #LINK}, {@link #REMINDER}) of one job instance by status. */
    public Map<String, Long> statusCounts(String job, long jobInstanceId, String message) {
        Map<String, Long> counts = new TreeMap<>(Map.of(SENT, 0L, PENDING, 0L, FAILED, 0L, SENDING, 0L));
        jdbc.query("select status, count(*) from delivery where job_name = ? and job_instance_id = ? and message = ?"
                + " group by status", rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, job, jobInstanceId, message);
        return counts;
    }

    /** What went wrong for the campaign's deliveries of one job instance that are not sent: for the report. */
    public List<String> problems(String job, long jobInstanceId) {
        return problems(job, jobInstanceId, LINK);
    }

    /** What went wrong for the deliveries of one kind of message of one job instance that are not sent. */
    public List<String> problems(String job, long jobInstanceId, String message) {
        return jdbc.query("select external_user_id, status, attempts, last_error from delivery where job_name = ?"
                        + " and job_instance_id = ? and message = ? and status <> ? order by external_user_id",
                (rs, i) -> rs.getString(1) + ": " + describe(rs.getString(2)) + " after " + rs.getInt(3) + " attempt(s)"
                        + (rs.getString(4) == null ? "" : ": " + rs.getString(4)), job, jobInstanceId, message, SENT);
    }

    private static String describe(String status) {
        return switch (status) {
            case FAILED -> "failed for good";
            case PENDING -> "not sent yet (retried next run)";
            case SENDING -> "unconfirmed (the send was interrupted, the server may have it; check the SMTP log; never resent)";
            default -> status;
        };
    }

    private void change(Key key, String set, Object... values) {
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = key.job();
        args[values.length + 1] = key.externalUserId();
        args[values.length + 2] = key.linkHash();
        ownTransaction.executeWithoutResult(status -> jdbc.update("update delivery set " + set
                + " where job_name = ? and external_user_id = ? and link_hash = ?", args));
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static String clip(String error) {
        String text = error == null ? "" : error.replaceAll("\\s+", " ").strip();
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    static String sha256(String link) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(link.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
