package com.example.hublinks.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The catalog tables: what the last refresh stored, and where it came from. */
@Repository
public class CatalogRepository {

    private final JdbcTemplate jdbc;

    public CatalogRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a fresh snapshot: upserts what eduMe returned, marks the rest inactive. */
    @Transactional
    public void store(CatalogSnapshot snapshot, String source, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("update catalog_group set active = false");
        jdbc.update("update catalog_team set active = false");
        jdbc.update("update catalog_course set active = false");
        for (CatalogSnapshot.Group g : snapshot.groups()) {
            upsert("update catalog_group set name = ?, active = true, refreshed_at = ? where group_id = ?",
                    "insert into catalog_group (name, active, refreshed_at, group_id) values (?, true, ?, ?)",
                    g.name(), at, g.groupId());
        }
        for (CatalogSnapshot.Team t : snapshot.teams()) {
            upsert("update catalog_team set group_id = ?, name = ?, active = true, refreshed_at = ? where team_id = ?",
                    "insert into catalog_team (group_id, name, active, refreshed_at, team_id) values (?, ?, true, ?, ?)",
                    t.groupId(), t.name(), at, t.teamId());
        }
        for (CatalogSnapshot.Course c : snapshot.courses()) {
            upsert("update catalog_course set group_id = ?, course_key = ?, title = ?, published = ?, active = true,"
                            + " refreshed_at = ? where course_id = ?",
                    "insert into catalog_course (group_id, course_key, title, published, active, refreshed_at, course_id)"
                            + " values (?, ?, ?, ?, true, ?, ?)",
                    c.groupId(), c.courseKey(), c.title(), c.published(), at, c.courseId());
        }
        recordRefresh(source, now, false, null);
    }

    public void recordRefresh(String source, Instant at, boolean stale, String note) {
        jdbc.update("insert into catalog_refresh (source, refreshed_at, stale, note) values (?, ?, ?, ?)",
                source, Timestamp.from(at), stale, note);
    }

    /** The active catalog as stored. */
    public CatalogSnapshot load() {
        List<CatalogSnapshot.Group> groups = jdbc.query(
                "select group_id, name from catalog_group where active order by group_id",
                (rs, i) -> new CatalogSnapshot.Group(rs.getLong(1), rs.getString(2)));
        List<CatalogSnapshot.Team> teams = jdbc.query(
                "select team_id, group_id, name from catalog_team where active order by team_id",
                (rs, i) -> new CatalogSnapshot.Team(rs.getLong(1), rs.getLong(2), rs.getString(3)));
        List<CatalogSnapshot.Course> courses = jdbc.query(
                "select course_id, group_id, course_key, title, published from catalog_course where active order by course_id",
                (rs, i) -> new CatalogSnapshot.Course(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)));
        return new CatalogSnapshot(groups, teams, courses);
    }

    /** The newest refresh: where the catalog the night uses came from, when, and whether it is stale. */
    public Optional<CatalogRefresh> lastRefresh() {
        return jdbc.query("select source, refreshed_at, stale, note from catalog_refresh order by refresh_id desc fetch first 1 rows only",
                        (rs, i) -> new CatalogRefresh(rs.getString(1), rs.getTimestamp(2).toInstant(),
                                rs.getBoolean(3), rs.getString(4)))
                .stream().findFirst();
    }

    /** The newest refresh that actually fetched a catalog: what a stale night falls back on, and since when. */
    public Optional<CatalogRefresh> lastGoodRefresh() {
        return jdbc.query("select source, refreshed_at, stale, note from catalog_refresh where not stale"
                                + " order by refresh_id desc fetch first 1 rows only",
                        (rs, i) -> new CatalogRefresh(rs.getString(1), rs.getTimestamp(2).toInstant(),
                                rs.getBoolean(3), rs.getString(4)))
                .stream().findFirst();
    }

    /** Whether any refresh ever stored a catalog with teams: without one there is nothing to fall back on. */
    public boolean hasCatalog() {
        Long teams = jdbc.queryForObject("select count(*) from catalog_team where active", Long.class);
        return teams != null && teams > 0;
    }

    // --- changes from webhooks -------------------------------------------------------------

    /**
     * Creates or updates one course from a webhook: only the values the event carries change
     * (null keeps what is stored). A course the catalog has never seen needs its group.
     * @return false when the course is unknown and the event does not say its group
     */
    public boolean upsertCourse(long courseId, Long groupId, String courseKey, String title, Boolean published,
                                Boolean active, Instant at) {
        Timestamp ts = Timestamp.from(at);
        int updated = jdbc.update("update catalog_course set group_id = coalesce(cast(? as bigint), group_id),"
                        + " course_key = coalesce(cast(? as varchar(500)), course_key),"
                        + " title = coalesce(cast(? as varchar(1000)), title),"
                        + " published = coalesce(cast(? as boolean), published),"
                        + " active = coalesce(cast(? as boolean), active), refreshed_at = ? where course_id = ?",
                groupId, courseKey, title, published, active, ts, courseId);
        if (updated > 0) {
            return true;
        }
        if (groupId == null) {
            return false;
        }
        jdbc.update("insert into catalog_course (course_id, group_id, course_key, title, published, active, refreshed_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", courseId, groupId, courseKey,
                title != null ? title : courseKey != null ? courseKey : "course " + courseId,
                published != null && published, active == null || active, ts);
        return true;
    }

    /** Records that a course is (or is no longer) assigned to some teams: from then on its teams are explicit. */
    public void assignTeams(long courseId, List<Long> teamIds, boolean assigned, Instant at) {
        Timestamp ts = Timestamp.from(at);
        for (Long teamId : teamIds) {
            upsert("update catalog_course_team set assigned = ?, changed_at = ? where course_id = ? and team_id = ?",
                    "insert into catalog_course_team (assigned, changed_at, course_id, team_id) values (?, ?, ?, ?)",
                    assigned, ts, courseId, teamId);
        }
    }

    /** Whether webhooks ever assigned the course to teams explicitly. */
    public boolean hasExplicitTeams(long courseId) {
        Long rows = jdbc.queryForObject("select count(*) from catalog_course_team where course_id = ?", Long.class, courseId);
        return rows != null && rows > 0;
    }

    /** The active teams of the course's group: the teams a course without explicit assignments is assigned to. */
    public List<Long> groupTeamsOf(long courseId) {
        return jdbc.queryForList("select t.team_id from catalog_team t join catalog_course c on c.group_id = t.group_id"
                + " where c.course_id = ? and t.active order by t.team_id", Long.class, courseId);
    }

    /** Forgets a course's explicit assignments (a course added afresh names its teams anew). */
    public void clearTeams(long courseId) {
        jdbc.update("delete from catalog_course_team where course_id = ?", courseId);
    }

    /** Courses with explicit team assignments → the teams they are assigned to (possibly none). */
    public Map<Long, Set<Long>> explicitCourseTeams() {
        Map<Long, Set<Long>> teams = new HashMap<>();
        jdbc.query("select course_id, team_id, assigned from catalog_course_team", rs -> {
            Set<Long> assigned = teams.computeIfAbsent(rs.getLong(1), k -> new HashSet<>());
            if (rs.getBoolean(3)) {
                assigned.add(rs.getLong(2));
            }
        });
        return teams;
    }

    /** Any course ever stored, active or not, by id: what the report says about a listed course that gets no links. */
    public Optional<StoredCourse> storedCourse(long courseId) {
        return jdbc.query("select course_id, title, published, active from catalog_course where course_id = ?",
                (rs, i) -> new StoredCourse(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)),
                courseId).stream().findFirst();
    }

    private void upsert(String update, String insert, Object... args) {
        if (jdbc.update(update, args) == 0) {
            jdbc.update(insert, args);
        }
    }

    public record CatalogRefresh(String source, Instant refreshedAt, boolean stale, String note) {
    }

    public record StoredCourse(long courseId, String title, boolean published, boolean active) {
    }
}
