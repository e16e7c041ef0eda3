package com.example.hublinks.roster;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.BiConsumer;
import com.example.hublinks.support.SqlValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code learner} table: each learner's last published values and fingerprint, per job.
 * Written only for tonight's delta (signLinks) and leavers (removeLeavers); read whole only by
 * an export of {@code audience: all}.
 */
@Repository
public class LearnerRepository {

    private static final String COLUMNS = "external_user_id, line_no, first_name, last_name, email, phone, team_ids, locale";

    private static final int PAGE = 10_000;

    private final JdbcTemplate jdbc;

    public LearnerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Streams (user id, fingerprint or null) of the job's live learners, from the index alone (H2
     * reads no row for it): what importRoster compares tonight's rows with. In pages of the index
     * order, one query each, never one long-lived cursor: H2 lost the pages under a lazy cursor
     * that stayed open while the night wrote ("Chunk … not found").
     */
    void forEachLive(String job, BiConsumer<String, Long> action) {
        String after = "";
        while (true) {
            List<String> page = new ArrayList<>(PAGE);
            String[] last = {null};
            jdbc.query("select external_user_id, fingerprint from learner where job_name = ? and removed_on is null"
                    + " and external_user_id > ? order by job_name, removed_on, external_user_id"
                    + " fetch first " + PAGE + " rows only", (ResultSet rs) -> {
                        long fingerprint = rs.getLong(2);
                        last[0] = rs.getString(1);
                        page.add(last[0]);
                        action.accept(last[0], rs.wasNull() ? null : fingerprint);
                    }, job, after);
            if (page.size() < PAGE) {
                return;
            }
            after = last[0];
        }
    }

    /** The live learners an earlier attempt of this night stored: a rerun stages them again. */
    void forEachChangedOn(String job, LocalDate night, Consumer<String> action) {
        jdbc.query("select external_user_id from learner where job_name = ? and removed_on is null and last_changed = ?",
                (ResultSet rs) -> {
                    action.accept(rs.getString(1));
                }, job, Date.valueOf(night));
    }

    /** Whether the job has stored any learner, live or not: on its first night there is nothing to compare with. */
    public boolean anyStored(String job) {
        return !jdbc.queryForList("select 1 from learner where job_name = ? fetch first 1 rows only", Integer.class,
                job).isEmpty();
    }

    /** Live learners without a fingerprint whose id tonight's delta does not have: leavers. */
    List<String> unfingerprintedMissingFrom(String job, String deltaTable) {
        return jdbc.queryForList("select l.external_user_id from learner l where l.job_name = ? and l.removed_on is null"
                + " and l.fingerprint is null and not exists (select 1 from " + deltaTable
                + " d where d.external_user_id = l.external_user_id)", String.class, job);
    }

    /** Which of these ids (sorted) the job has stored, live or not: one key range when dense, else a lookup each. */
    Set<String> storedAmong(String job, List<String> sortedIds, boolean dense) {
        if (sortedIds.isEmpty()) {
            return Set.of();
        }
        if (dense) {
            return new HashSet<>(jdbc.queryForList("select external_user_id from learner where job_name = ?"
                    + " and external_user_id between ? and ?", String.class, job, sortedIds.get(0),
                    sortedIds.get(sortedIds.size() - 1)));
        }
        List<Object> arguments = new ArrayList<>(sortedIds);
        arguments.add(job);
        return new HashSet<>(jdbc.queryForList("select l.external_user_id from " + SqlValues.ids(sortedIds.size())
                + " join learner l on l.job_name = ? and l.external_user_id = v.id", String.class, arguments.toArray()));
    }

    void insert(String job, LocalDate night, List<StagedLearner> learners) {
        Date date = Date.valueOf(night);
        jdbc.batchUpdate("insert into learner (job_name, external_user_id, line_no, first_name, last_name, email, phone,"
                + " team_ids, locale, fingerprint, first_seen, last_changed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                learners, learners.size(), (ps, staged) -> {
                    ps.setString(1, job);
                    ps.setString(2, staged.learner().externalUserId());
                    setValues(ps, 3, staged);
                    ps.setDate(11, date);
                    ps.setDate(12, date);
                });
    }

    /** Tonight's values for learners already stored: changed, returning, or migrated from an earlier release. */
    void update(String job, LocalDate night, List<StagedLearner> learners) {
        Date date = Date.valueOf(night);
        jdbc.batchUpdate("update learner set line_no = ?, first_name = ?, last_name = ?, email = ?, phone = ?,"
                + " team_ids = ?, locale = ?, fingerprint = ?, last_changed = ?, removed_on = null"
                + " where job_name = ? and external_user_id = ?", learners, learners.size(), (ps, staged) -> {
                    setValues(ps, 1, staged);
                    ps.setDate(9, date);
                    ps.setString(10, job);
                    ps.setString(11, staged.learner().externalUserId());
                });
    }

    /**
     * A learner's stored values, from parameter {@code first} on, in the order both statements name
     * them: line_no, first_name, last_name, email, phone, team_ids, locale, fingerprint.
     */
    private static void setValues(PreparedStatement ps, int first, StagedLearner staged) throws SQLException {
        Learner l = staged.learner();
        ps.setLong(first, l.lineNo());
        ps.setString(first + 1, l.firstName());
        ps.setString(first + 2, l.lastName());
        ps.setString(first + 3, l.email());
        ps.setString(first + 4, l.phone());
        ps.setString(first + 5, NightDelta.teamIds(l.teamIds()));
        ps.setString(first + 6, l.locale());
        ps.setLong(first + 7, staged.fingerprint());
    }

    /** Leavers: kept, never deleted. */
    public void markRemoved(String job, LocalDate night, List<String> ids) {
        jdbc.batchUpdate("update learner set removed_on = ? where job_name = ? and external_user_id = ?"
                + " and removed_on is null", ids, ids.size(), (ps, id) -> {
                    ps.setDate(1, Date.valueOf(night));
                    ps.setString(2, job);
                    ps.setString(3, id);
                });
    }

    /** A live learner's stored values, for {@code preview}. */
    public Optional<Learner> live(String job, String id) {
        return jdbc.query("select " + COLUMNS + " from learner where job_name = ? and external_user_id = ?"
                + " and removed_on is null", (rs, i) -> learner(rs), job, id).stream().findFirst();
    }

    /** Live learners of a job. */
    public long liveCount(String job) {
        return jdbc.queryForObject("select count(*) from learner where job_name = ? and removed_on is null", Long.class, job);
    }

    /** Maps a row of {@code learner} or of a night's delta back to a learner (team ids are stored comma-separated). */
    public static Learner learner(ResultSet rs) throws SQLException {
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
