package com.example.hublinks.link;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code learner_link} table: every link issued per job and learner, with its state relative
 * to the night that last changed it. Unchanged links are never rewritten.
 */
@Repository
public class LinkRepository {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public LinkRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * A link's state as of {@code night} in SQL ({@code alias} is the learner_link row; one date
     * parameter): {@code state} is relative to the night in {@code last_changed}, so a link new or
     * changed on an earlier night is unchanged tonight. Read this way rather than rewriting every
     * such row each night: an unchanged night writes nothing.
     */
    public static String stateTonight(String alias) {
        return "case when " + alias + ".state in ('new', 'changed') and " + alias + ".last_changed <> ? then 'unchanged'"
                + " else " + alias + ".state end";
    }

    /**
     * The stored links of the learners whose ids sort from {@code firstId} to {@code lastId} (the
     * database's order, the one the learner reader reads in), keyed by user id, then by
     * {@link IssuedLink#key()}. A range of the primary key, not an {@code IN (…)} list of ids,
     * which H2 answers by scanning every link of the job.
     */
    Map<String, Map<String, StoredLink>> linksBetween(String job, String firstId, String lastId) {
        Map<String, Map<String, StoredLink>> links = new HashMap<>();
        jdbc.query("select external_user_id, kind, target_id, url, state from learner_link"
                        + " where job_name = ? and external_user_id between ? and ?",
                rs -> {
                    StoredLink link = new StoredLink(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5));
                    links.computeIfAbsent(link.externalUserId(), k -> new HashMap<>()).put(link.key(), link);
                }, job, firstId, lastId);
        return links;
    }

    void insert(String job, LocalDate runDate, List<Keyed> rows) {
        Date night = Date.valueOf(runDate);
        jdbc.batchUpdate("insert into learner_link (job_name, external_user_id, kind, target_id, url, state,"
                + " first_issued, last_changed) values (?, ?, ?, ?, ?, 'new', ?, ?)", rows, rows.size(), (ps, row) -> {
                    ps.setString(1, job);
                    ps.setString(2, row.externalUserId());
                    ps.setString(3, row.link().kind().settingName());
                    ps.setString(4, row.link().targetId());
                    ps.setString(5, row.link().url());
                    ps.setDate(6, night);
                    ps.setDate(7, night);
                });
    }

    /** Sets url and state of existing rows: a changed link, or a returning learner's link. */
    void update(String job, LocalDate runDate, List<Changed> rows) {
        Date night = Date.valueOf(runDate);
        jdbc.batchUpdate("update learner_link set url = ?, state = ?, last_changed = ?, removed_on = null"
                + " where job_name = ? and external_user_id = ? and kind = ? and target_id = ?", rows, rows.size(),
                (ps, row) -> {
                    ps.setString(1, row.url());
                    ps.setString(2, row.state());
                    ps.setDate(3, night);
                    ps.setString(4, job);
                    ps.setString(5, row.stored().externalUserId());
                    ps.setString(6, row.stored().kind());
                    ps.setString(7, row.stored().targetId());
                });
    }

    /** Links of a learner that tonight's roster no longer gives them (a course they lost, say). */
    void remove(String job, LocalDate runDate, List<StoredLink> rows) {
        jdbc.batchUpdate("update learner_link set state = 'removed', removed_on = ?"
                + " where job_name = ? and external_user_id = ? and kind = ? and target_id = ?", rows, rows.size(),
                (ps, row) -> {
                    ps.setDate(1, Date.valueOf(runDate));
                    ps.setString(2, job);
                    ps.setString(3, row.externalUserId());
                    ps.setString(4, row.kind());
                    ps.setString(5, row.targetId());
                });
    }

    /** Leavers: every live link of a learner who is not in tonight's roster becomes 'removed'. */
    public int removeLeavers(String job, long jobInstanceId, LocalDate runDate) {
        return jdbc.update("update learner_link set state = 'removed', removed_on = ? where job_name = ?"
                + " and state <> 'removed' and not exists (select 1 from roster_learner r where r.job_instance_id = ?"
                + " and r.external_user_id = learner_link.external_user_id)", Date.valueOf(runDate), job, jobInstanceId);
    }

    /**
     * Learners holding at least one live link: the size of the last published roster. Counted
     * while streaming the ids in primary-key order, not with {@code count(distinct …)}: H2 keeps
     * every distinct id in memory for that, which ran a 10M-learner night out of a 256 MB heap.
     */
    public long activeLearners(String job) {
        long[] learners = {0};
        String[] previous = {null};
        jdbc.query(connection -> {
            PreparedStatement query = connection.prepareStatement("select external_user_id from learner_link"
                    + " where job_name = ? and state <> 'removed' order by job_name, external_user_id");
            query.setString(1, job);
            query.setFetchSize(1000);
            return query;
        }, (ResultSet rs) -> {
            String id = rs.getString(1);
            if (!id.equals(previous[0])) {
                learners[0]++;
                previous[0] = id;
            }
        });
        return learners[0];
    }

    /** Links per state as of this night: new/changed tonight, unchanged, removed tonight. */
    public Map<String, Long> stateCounts(String job, LocalDate runDate) {
        Map<String, Long> counts = new HashMap<>(Map.of("new", 0L, "changed", 0L, "unchanged", 0L, "removed", 0L));
        Date night = Date.valueOf(runDate);
        jdbc.query("select state, tonight, removed_tonight, count(*) from (select state,"
                        + " case when last_changed = ? then true else false end tonight,"
                        + " case when removed_on = ? then true else false end removed_tonight"
                        + " from learner_link where job_name = ?) links group by state, tonight, removed_tonight",
                rs -> {
                    String state = rs.getString(1);
                    boolean changedTonight = rs.getBoolean(2);
                    boolean removedTonight = rs.getBoolean(3);
                    String tonight = switch (state) {
                        case "removed" -> removedTonight ? "removed" : null;
                        case "new", "changed" -> changedTonight ? state : "unchanged";
                        default -> "unchanged";
                    };
                    if (tonight != null) {
                        counts.merge(tonight, rs.getLong(4), Long::sum);
                    }
                }, night, night, job);
        return counts;
    }

    /** A row of learner_link as stored. */
    record StoredLink(String externalUserId, String kind, String targetId, String url, String state) {
        String key() {
            return kind + "/" + targetId;
        }
    }

    record Keyed(String externalUserId, IssuedLink link) {
    }

    record Changed(StoredLink stored, String url, String state) {
    }
}
