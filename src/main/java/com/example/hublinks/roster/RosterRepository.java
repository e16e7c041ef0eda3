package com.example.hublinks.roster;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tonight's roster tables: validated learners, rejects and contact warnings, keyed by job instance. */
@Repository
public class RosterRepository {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public RosterRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Clears what an earlier, interrupted read of this instance left, before a read from the top. */
    public void clear(long jobInstanceId) {
        jdbc.update("delete from roster_learner where job_instance_id = ?", jobInstanceId);
        jdbc.update("delete from roster_reject where job_instance_id = ?", jobInstanceId);
        jdbc.update("delete from roster_warning where job_instance_id = ?", jobInstanceId);
    }

    /** Records which job and night staged this instance's rows (once: a restarted import records nothing new). */
    public void recordImport(long jobInstanceId, String job, LocalDate runDate) {
        jdbc.update("insert into roster_import (job_instance_id, job_name, run_date) select ?, ?, ? from (values (1)) one"
                + " where not exists (select 1 from roster_import where job_instance_id = ?)", jobInstanceId, job,
                Date.valueOf(runDate), jobInstanceId);
    }

    /** The job instances of {@code job} (nights and dry runs) whose roster is still staged, oldest first. */
    public List<Long> stagedInstances(String job) {
        return jdbc.queryForList("select job_instance_id from roster_import where job_name = ? order by job_instance_id",
                Long.class, job);
    }

    /**
     * Deletes up to {@code limit} staged learners of an instance, the first in key order, and
     * returns how many it deleted. Bounded so that a caller can commit between calls: H2 takes
     * twice as long to delete a million rows in one statement as in slices.
     */
    public int deleteStagedLearners(long jobInstanceId, int limit) {
        List<String> last = jdbc.queryForList("select external_user_id from roster_learner where job_instance_id = ?"
                + " order by job_instance_id, external_user_id offset ? rows fetch next 1 rows only", String.class,
                jobInstanceId, limit - 1);
        if (last.isEmpty()) {
            return jdbc.update("delete from roster_learner where job_instance_id = ?", jobInstanceId);
        }
        return jdbc.update("delete from roster_learner where job_instance_id = ? and external_user_id <= ?",
                jobInstanceId, last.get(0));
    }

    /** The end of {@link #deleteStagedLearners}: the instance's rejects, warnings and import record. */
    public void forgetImport(long jobInstanceId) {
        clear(jobInstanceId);
        jdbc.update("delete from roster_import where job_instance_id = ?", jobInstanceId);
    }

    /** The line an id was first read on, or null when it is not staged. */
    Long lineOf(long jobInstanceId, String id) {
        List<Long> lines = jdbc.queryForList("select line_no from roster_learner where job_instance_id = ?"
                + " and external_user_id = ?", Long.class, jobInstanceId, id);
        return lines.isEmpty() ? null : lines.get(0);
    }

    /**
     * Stages the learners whose id is not staged yet, in order, and returns the others (duplicates).
     * One primary-key probe per row inside the batch: an {@code IN (…)} list of a chunk's ids is a
     * scan of the whole staged roster on H2, quadratic over a night of a million learners.
     */
    List<Learner> insertNewLearners(long jobInstanceId, List<Learner> learners) {
        int[][] counts = jdbc.batchUpdate("insert into roster_learner (job_instance_id, external_user_id, line_no,"
                        + " first_name, last_name, email, phone, team_ids, locale) select ?, ?, ?, ?, ?, ?, ?, ?, ?"
                        + " from (values (1)) one where not exists (select 1 from roster_learner"
                        + " where job_instance_id = ? and external_user_id = ?)", learners, learners.size(),
                (ps, l) -> {
                    ps.setLong(1, jobInstanceId);
                    ps.setString(2, l.externalUserId());
                    ps.setLong(3, l.lineNo());
                    ps.setString(4, l.firstName());
                    ps.setString(5, l.lastName());
                    ps.setString(6, l.email());
                    ps.setString(7, l.phone());
                    ps.setString(8, l.teamIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
                    ps.setString(9, l.locale());
                    ps.setLong(10, jobInstanceId);
                    ps.setString(11, l.externalUserId());
                });
        List<Learner> duplicates = new ArrayList<>();
        int i = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                if (count == 0) {
                    duplicates.add(learners.get(i));
                }
                i++;
            }
        }
        return duplicates;
    }

    void insertRejects(long jobInstanceId, List<RejectedRow> rejects) {
        jdbc.batchUpdate("insert into roster_reject (job_instance_id, line_no, column_name, reason) values (?, ?, ?, ?)",
                rejects, rejects.size(), (ps, r) -> {
                    ps.setLong(1, jobInstanceId);
                    ps.setLong(2, r.lineNo());
                    ps.setString(3, r.column());
                    ps.setString(4, r.reason());
                });
    }

    void insertWarnings(long jobInstanceId, List<ContactWarning> warnings) {
        jdbc.batchUpdate("insert into roster_warning (job_instance_id, line_no, external_user_id, column_name, reason)"
                + " values (?, ?, ?, ?, ?)", warnings, warnings.size(), (ps, w) -> {
                    ps.setLong(1, jobInstanceId);
                    ps.setLong(2, w.lineNo());
                    ps.setString(3, w.externalUserId());
                    ps.setString(4, w.column());
                    ps.setString(5, w.reason());
                });
    }

    public long learnerCount(long jobInstanceId) {
        return jdbc.queryForObject("select count(*) from roster_learner where job_instance_id = ?", Long.class, jobInstanceId);
    }

    /**
     * The user ids that cut tonight's learners into {@code parts} ranges of about equal size, in
     * the database's sort order (the one paging readers read in); fewer when there are few learners.
     */
    public List<String> splitPoints(long jobInstanceId, int parts) {
        long count = learnerCount(jobInstanceId);
        List<String> splits = new ArrayList<>();
        for (int part = 1; part < parts; part++) {
            long offset = count * part / parts;
            if (offset == 0) {
                continue;
            }
            List<String> id = jdbc.queryForList("select external_user_id from roster_learner where job_instance_id = ?"
                    + " order by external_user_id offset ? rows fetch next 1 rows only", String.class, jobInstanceId, offset);
            if (!id.isEmpty() && (splits.isEmpty() || !splits.get(splits.size() - 1).equals(id.get(0)))) {
                splits.add(id.get(0));
            }
        }
        return splits;
    }

    public long rejectCount(long jobInstanceId) {
        return jdbc.queryForObject("select count(*) from roster_reject where job_instance_id = ?", Long.class, jobInstanceId);
    }

    public List<RejectedRow> rejects(long jobInstanceId) {
        return jdbc.query("select line_no, column_name, reason from roster_reject where job_instance_id = ? order by line_no",
                (rs, i) -> new RejectedRow(rs.getLong(1), rs.getString(2), rs.getString(3)), jobInstanceId);
    }

    /** Learners per team id (a learner in several teams counts in each). */
    public Map<Long, Long> learnersPerTeam(long jobInstanceId) {
        Map<Long, Long> teams = new java.util.TreeMap<>();
        jdbc.query("select team_ids, count(*) from roster_learner where job_instance_id = ? group by team_ids", rs -> {
            for (String team : rs.getString(1).split(",")) {
                if (!team.isEmpty()) {
                    teams.merge(Long.valueOf(team), rs.getLong(2), Long::sum);
                }
            }
        }, jobInstanceId);
        return teams;
    }

    public List<ContactWarning> warnings(long jobInstanceId) {
        return jdbc.query("select line_no, external_user_id, column_name, reason from roster_warning"
                        + " where job_instance_id = ? order by line_no, column_name",
                (rs, i) -> new ContactWarning(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                jobInstanceId);
    }

    /** Maps a staging row back to a learner (team ids are stored comma-separated). */
    public static Learner learner(java.sql.ResultSet rs) throws java.sql.SQLException {
        String teams = rs.getString("team_ids");
        List<Long> teamIds = teams == null || teams.isEmpty() ? List.of()
                : Arrays.stream(teams.split(",")).map(Long::valueOf).toList();
        return new Learner(rs.getString("external_user_id"), rs.getString("first_name"), rs.getString("last_name"),
                nullToEmpty(rs.getString("email")), nullToEmpty(rs.getString("phone")), teamIds, rs.getString("locale"),
                rs.getLong("line_no"));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
