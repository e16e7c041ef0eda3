package com.example.hublinks.link;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.example.hublinks.support.SqlValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The {@code learner_link} table: every link issued per job and learner, with its state relative
 * to the night that last changed it. Unchanged links are never rewritten.
 */
@Repository
public class LinkRepository {

    private final JdbcTemplate jdbc;

    public LinkRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
     * The stored links of these learners (ids in the database's order, the one the readers read
     * in), keyed by user id, then by {@link IssuedLink#key()}. {@code dense}: one range of the
     * primary key from the first id to the last (when the chunk's learners are most of the range);
     * else one index probe per id ({@link SqlValues}): tonight's few changed learners, spread over
     * a million stored ones. Never an {@code IN (…)} list, which H2 answers with a scan.
     */
    public Map<String, Map<String, StoredLink>> linksOf(String job, List<String> sortedIds, boolean dense) {
        Map<String, Map<String, StoredLink>> links = new HashMap<>();
        if (sortedIds.isEmpty()) {
            return links;
        }
        RowCallbackHandler collect = rs -> {
            StoredLink link = new StoredLink(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getDate(6).toLocalDate());
            links.computeIfAbsent(link.externalUserId(), k -> new HashMap<>()).put(link.key(), link);
        };
        if (dense) {
            jdbc.query("select external_user_id, kind, target_id, url, state, last_changed from learner_link"
                    + " where job_name = ? and external_user_id between ? and ?", collect, job, sortedIds.get(0),
                    sortedIds.get(sortedIds.size() - 1));
        } else {
            List<Object> arguments = new ArrayList<>(sortedIds);
            arguments.add(job);
            jdbc.query("select l.external_user_id, l.kind, l.target_id, l.url, l.state, l.last_changed from "
                    + SqlValues.ids(sortedIds.size()) + " join learner_link l on l.job_name = ?"
                    + " and l.external_user_id = v.id", collect, arguments.toArray());
        }
        return links;
    }

    /** Whether the job has any link stored: on its first night there is nothing to compare with. */
    public boolean anyStored(String job) {
        return !jdbc.queryForList("select 1 from learner_link where job_name = ? fetch first 1 rows only", Integer.class,
                job).isEmpty();
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

    /** Leavers: every live link of these learners becomes removed. Returns how many did. */
    public int removeAllOf(String job, LocalDate runDate, List<String> ids) {
        int removed = 0;
        for (int[] batch : jdbc.batchUpdate("update learner_link set state = 'removed', removed_on = ? where job_name = ?"
                + " and external_user_id = ? and state <> 'removed'", ids, ids.size(), (ps, id) -> {
                    ps.setDate(1, Date.valueOf(runDate));
                    ps.setString(2, job);
                    ps.setString(3, id);
                })) {
            for (int count : batch) {
                removed += Math.max(0, count);
            }
        }
        return removed;
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
    public record StoredLink(String externalUserId, String kind, String targetId, String url, String state,
                             LocalDate lastChanged) {
        String key() {
            return kind + "/" + targetId;
        }
    }

    record Keyed(String externalUserId, IssuedLink link) {
    }

    record Changed(StoredLink stored, String url, String state) {
    }
}
