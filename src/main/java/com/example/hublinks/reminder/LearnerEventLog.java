package com.example.hublinks.reminder;

import com.example.hublinks.catalog.LearnerEvent;
import com.example.hublinks.support.SqlValues;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which of the learner-level events in {@code webhook_event} (one store for every job of the
 * database) a job has applied: {@code learner_event_applied}, once each, with the night and why
 * one was unusable; and {@code learner_event_cursor}, below which every event is applied.
 */
@Repository
class LearnerEventLog {

    /** How long after its arrival an event may still be found below a newer one's id (a slow insert's commit). */
    static final Duration STRAGGLERS = Duration.ofHours(1);

    private final JdbcTemplate jdbc;

    LearnerEventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored learner-level delivery. */
    record Stored(long eventId, byte[] body) {
    }

    /** Up to {@code limit} learner events the job has not applied, in the order they happened at eduMe. */
    List<Stored> unapplied(String job, int limit) {
        return jdbc.query("select e.event_id, e.body from webhook_event e where e.event_id > ? and e.event_type like '"
                        + LearnerEvent.TYPE_PREFIX + "%' and not exists (select 1 from learner_event_applied a"
                        + " where a.job_name = ? and a.event_id = e.event_id) order by e.event_time, e.event_id"
                        + " fetch first " + limit + " rows only",
                (rs, i) -> new Stored(rs.getLong(1), rs.getString(2).getBytes(StandardCharsets.UTF_8)),
                cursor(job), job);
    }

    /** Marks events applied on {@code night}, each with its problem (null: it was used). */
    void applied(String job, LocalDate night, Map<Long, String> problems) {
        List<Map.Entry<Long, String>> rows = new ArrayList<>(problems.entrySet());
        jdbc.batchUpdate("insert into learner_event_applied (job_name, event_id, run_date, problem) values (?, ?, ?, ?)",
                rows, rows.size(), (ps, row) -> {
                    ps.setString(1, job);
                    ps.setLong(2, row.getKey());
                    ps.setDate(3, Date.valueOf(night));
                    ps.setString(4, row.getValue());
                });
    }

    /**
     * Moves the job's cursor up to the newest event that arrived before {@code now} less
     * {@link #STRAGGLERS}: every learner event at or below it is applied, once all those found
     * were. Later ones are still looked up one by one.
     */
    void advanceCursor(String job, Instant now) {
        long from = cursor(job);
        Long through = jdbc.queryForObject("select max(event_id) from webhook_event where event_id > ? and received_at < ?",
                Long.class, from, Timestamp.from(now.minus(STRAGGLERS)));
        if (through == null) {
            return;
        }
        if (jdbc.update("update learner_event_cursor set applied_through = ? where job_name = ?", through, job) == 0) {
            jdbc.update("insert into learner_event_cursor (job_name, applied_through) values (?, ?)", job, through);
        }
    }

    private long cursor(String job) {
        List<Long> through = jdbc.queryForList("select applied_through from learner_event_cursor where job_name = ?",
                Long.class, job);
        return through.isEmpty() ? 0 : through.get(0);
    }

    /** Which of these ids the job has ever had on its roster (leavers included). */
    Set<String> known(String job, Set<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Object> arguments = new ArrayList<>(ids);
        arguments.add(job);
        return new HashSet<>(jdbc.queryForList("select l.external_user_id from " + SqlValues.ids(ids.size())
                + " join learner l on l.job_name = ? and l.external_user_id = v.id", String.class, arguments.toArray()));
    }

    /** The events the job read on {@code night}: how many, and the unusable ones by problem. */
    EventTally tally(String job, LocalDate night) {
        long[] read = {0};
        Map<String, Long> unusable = new LinkedHashMap<>();
        jdbc.query("select problem, count(*) from learner_event_applied where job_name = ? and run_date = ?"
                + " group by problem order by count(*) desc, problem", rs -> {
                    read[0] += rs.getLong(2);
                    if (rs.getString(1) != null) {
                        unusable.put(rs.getString(1), rs.getLong(2));
                    }
                }, job, Date.valueOf(night));
        return new EventTally(read[0], unusable);
    }
}
