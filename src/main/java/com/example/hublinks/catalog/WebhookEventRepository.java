package com.example.hublinks.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code webhook_event}: every signed delivery, course- or learner-level, once (keyed by the
 * SHA-256 of its body), and whether the catalog has applied it (course-level events only).
 */
@Repository
public class WebhookEventRepository {

    private final JdbcTemplate jdbc;

    public WebhookEventRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a delivery; false when the same body is already held (a replay: nothing changes). */
    public boolean store(byte[] body, WebhookDelivery event, Instant receivedAt) {
        String hash = sha256(body);
        Integer held = jdbc.queryForObject("select count(*) from webhook_event where body_sha256 = ?", Integer.class, hash);
        if (held != null && held > 0) {
            return false;
        }
        try {
            jdbc.update("insert into webhook_event (body_sha256, event_type, update_type, event_time, received_at, body)"
                            + " values (?, ?, ?, ?, ?, ?)", hash, event.type(), event.updateType(),
                    Timestamp.from(event.timestamp()), Timestamp.from(receivedAt), new String(body, StandardCharsets.UTF_8));
            return true;
        } catch (DuplicateKeyException raced) {
            return false; // the same delivery on two connections at once: one of them stored it
        }
    }

    /** Course-level events not applied to the catalog yet, in the order they happened at eduMe (learner-level ones are not the catalog's). */
    public List<Pending> pending() {
        return jdbc.query("select event_id, body from webhook_event where applied_at is null and event_type not like '"
                        + LearnerEvent.TYPE_PREFIX + "%' order by event_time, event_id",
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2).getBytes(StandardCharsets.UTF_8)));
    }

    public void markApplied(long eventId, Instant at) {
        jdbc.update("update webhook_event set applied_at = ? where event_id = ?", Timestamp.from(at), eventId);
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from webhook_event", Long.class);
        return count == null ? 0 : count;
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Pending(long eventId, byte[] body) {
    }
}
