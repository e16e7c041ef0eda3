package com.example.hublinks.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code learner_progress}: per job, learner and course, when eduMe said the learner was
 * enrolled, activated, started and completed. A step keeps its earliest timestamp and is never
 * cleared, so whatever order eduMe's deliveries arrive in, a completed course stays completed.
 */
@Repository
class ProgressRepository {

    private final JdbcTemplate jdbc;

    ProgressRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one step of one learner on one course at eduMe's {@code at}, unless an earlier one is held. */
    void record(String job, ProgressFact fact, Instant at) {
        String column = fact.step().column;
        Timestamp time = Timestamp.from(at);
        int updated = jdbc.update("update learner_progress set " + column + " = ? where job_name = ? and external_user_id = ?"
                + " and course_id = ? and (" + column + " is null or " + column + " > ?)", time, job,
                fact.externalUserId(), fact.courseId(), time);
        if (updated == 0 && !held(job, fact)) {
            jdbc.update("insert into learner_progress (job_name, external_user_id, course_id, " + column + ")"
                    + " values (?, ?, ?, ?)", job, fact.externalUserId(), fact.courseId(), time);
        }
    }

    private boolean held(String job, ProgressFact fact) {
        return !jdbc.queryForList("select 1 from learner_progress where job_name = ? and external_user_id = ? and course_id = ?",
                Integer.class, job, fact.externalUserId(), fact.courseId()).isEmpty();
    }

    /** The progress on {@code courses} of the learners with ids from {@code firstId} to {@code lastId}: user → course → progress. */
    Map<String, Map<Long, LearnerProgress>> between(String job, String firstId, String lastId, Set<Long> courses) {
        Map<String, Map<Long, LearnerProgress>> progress = new HashMap<>();
        jdbc.query("select external_user_id, course_id, enrolled_at, activated_at, started_at, completed_at"
                + " from learner_progress where job_name = ? and external_user_id between ? and ?", rs -> {
                    if (courses.contains(rs.getLong(2))) {
                        progress.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getLong(2),
                                new LearnerProgress(instant(rs, 3), instant(rs, 4), instant(rs, 5), instant(rs, 6)));
                    }
                }, job, firstId, lastId);
        return progress;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
