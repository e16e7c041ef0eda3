package com.example.hublinks.reminder;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code reminder}: each reminder issued, per job, learner, course and number, with the night
 * it was issued on. Written in the remindLearners chunk's transaction, with the files' lines of
 * the same chunk: a rerun, {@code --force} or resume of that night finds its reminders here and
 * issues the same ones again, never a new number, and the period and the maximum count them.
 */
@Repository
class ReminderLedger {

    /** Reminder {@code number} of a course, issued on {@code night}. */
    record Issued(int number, LocalDate night) {
    }

    private final JdbcTemplate jdbc;

    ReminderLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The reminders of the learners with ids from {@code firstId} to {@code lastId}: user → course → issued, by number. */
    Map<String, Map<Long, List<Issued>>> between(String job, String firstId, String lastId) {
        Map<String, Map<Long, List<Issued>>> issued = new HashMap<>();
        jdbc.query("select external_user_id, course_id, reminder_no, run_date from reminder where job_name = ?"
                + " and external_user_id between ? and ? order by external_user_id, course_id, reminder_no", rs -> {
                    issued.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                            .add(new Issued(rs.getInt(3), rs.getDate(4).toLocalDate()));
                }, job, firstId, lastId);
        return issued;
    }

    /** Records tonight's new reminders (those of {@code reminders} not issued already). */
    void record(String job, long jobInstanceId, LocalDate night, List<ReminderRow> reminders) {
        List<ReminderRow> fresh = reminders.stream().filter(r -> !r.reminder().issuedBefore()).toList();
        jdbc.batchUpdate("insert into reminder (job_name, external_user_id, course_id, reminder_no, run_date,"
                + " job_instance_id) values (?, ?, ?, ?, ?, ?)", fresh, fresh.size(), (ps, row) -> {
                    ps.setString(1, job);
                    ps.setString(2, row.learner().externalUserId());
                    ps.setLong(3, row.reminder().courseId());
                    ps.setInt(4, row.reminder().number());
                    ps.setDate(5, Date.valueOf(night));
                    ps.setLong(6, jobInstanceId);
                });
    }
}
