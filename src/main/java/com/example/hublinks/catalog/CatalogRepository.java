package com.example.hublinks.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private void upsert(String update, String insert, Object... args) {
        if (jdbc.update(update, args) == 0) {
            jdbc.update(insert, args);
        }
    }

    public record CatalogRefresh(String source, Instant refreshedAt, boolean stale, String note) {
    }
}
