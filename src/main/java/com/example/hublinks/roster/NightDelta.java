package com.example.hublinks.roster;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import com.example.hublinks.support.SqlValues;
import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A night's delta: the learners new or changed since the last published night, and its leavers,
 * in a table of the night's own, {@code roster_delta_{job instance id}}. importRoster fills it,
 * signLinks (locally or in remote workers) and the exports read it, cleanupStaging drops it:
 * dropping is instant, where deleting a million staged rows took H2 fifteen seconds.
 */
@Repository
public class NightDelta {

    private final JdbcTemplate jdbc;

    public NightDelta(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The table's name: a job instance id is a number, so it is safe in SQL. */
    public static String table(long jobInstanceId) {
        return "roster_delta_" + jobInstanceId;
    }

    /** An empty delta for the instance, replacing what an earlier, interrupted import left. */
    public void create(long jobInstanceId) {
        drop(jobInstanceId);
        jdbc.execute("create table " + table(jobInstanceId) + " ("
                + " external_user_id varchar(255) not null primary key,"
                + " leaver boolean not null,"
                + " line_no bigint not null,"
                + " first_name varchar(255), last_name varchar(255), email varchar(320), phone varchar(32),"
                + " team_ids varchar(255) not null, locale varchar(35),"
                + " fingerprint bigint not null)");
    }

    void drop(long jobInstanceId) {
        jdbc.execute("drop table if exists " + table(jobInstanceId));
    }

    /**
     * Records which job and night an instance's delta is of; false when an earlier execution of
     * the instance recorded it already (a resumed night imports again).
     */
    boolean register(long jobInstanceId, String job, LocalDate runDate) {
        return jdbc.update("insert into roster_import (job_instance_id, job_name, run_date) select ?, ?, ? from"
                + " (values (1)) one where not exists (select 1 from roster_import where job_instance_id = ?)",
                jobInstanceId, job, Date.valueOf(runDate), jobInstanceId) == 1;
    }

    /** The job instances of {@code job} (nights and dry runs) whose delta table may still be there, oldest first. */
    public List<Long> registered(String job) {
        return jdbc.queryForList("select job_instance_id from roster_import where job_name = ? order by job_instance_id",
                Long.class, job);
    }

    /** Drops an instance's delta and its record. */
    public void forget(long jobInstanceId) {
        drop(jobInstanceId);
        jdbc.update("delete from roster_import where job_instance_id = ?", jobInstanceId);
    }

    /**
     * Stages the learners whose id is not staged yet, in order, and returns the others (duplicates).
     * One primary-key probe per row inside the batch: an {@code IN (…)} list is a scan on H2.
     */
    List<StagedLearner> insertNew(long jobInstanceId, List<StagedLearner> learners) {
        if (learners.isEmpty()) {
            return List.of();
        }
        String table = table(jobInstanceId);
        int[][] counts = jdbc.batchUpdate("insert into " + table + " (external_user_id, leaver, line_no, first_name,"
                        + " last_name, email, phone, team_ids, locale, fingerprint) select ?, false, ?, ?, ?, ?, ?, ?, ?, ?"
                        + " from (values (1)) one where not exists (select 1 from " + table
                        + " where external_user_id = ?)", learners, learners.size(),
                (ps, staged) -> {
                    Learner l = staged.learner();
                    ps.setString(1, l.externalUserId());
                    ps.setLong(2, l.lineNo());
                    ps.setString(3, l.firstName());
                    ps.setString(4, l.lastName());
                    ps.setString(5, l.email());
                    ps.setString(6, l.phone());
                    ps.setString(7, teamIds(l.teamIds()));
                    ps.setString(8, l.locale());
                    ps.setLong(9, staged.fingerprint());
                    ps.setString(10, l.externalUserId());
                });
        List<StagedLearner> duplicates = new ArrayList<>();
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

    /** The line a staged id was first read on. */
    long lineOf(long jobInstanceId, String id) {
        return jdbc.queryForObject("select line_no from " + table(jobInstanceId) + " where external_user_id = ?",
                Long.class, id);
    }

    /** Which of these ids are staged (as learners or leavers). */
    List<String> staged(long jobInstanceId, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("select d.external_user_id from " + SqlValues.ids(ids.size()) + " join "
                + table(jobInstanceId) + " d on d.external_user_id = v.id", String.class, ids.toArray());
    }

    void insertLeavers(long jobInstanceId, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into " + table(jobInstanceId) + " (external_user_id, leaver, line_no, team_ids,"
                + " fingerprint) values (?, true, 0, '', 0)", ids, ids.size(), (ps, id) -> ps.setString(1, id));
    }

    /** Up to {@code limit} leavers after {@code afterId} (null: from the first), in id order. */
    public List<String> leavers(long jobInstanceId, String afterId, int limit) {
        return afterId == null
                ? jdbc.queryForList("select external_user_id from " + table(jobInstanceId) + " where leaver"
                + " order by external_user_id fetch first " + limit + " rows only", String.class)
                : jdbc.queryForList("select external_user_id from " + table(jobInstanceId) + " where leaver"
                + " and external_user_id > ? order by external_user_id fetch first " + limit + " rows only",
                String.class, afterId);
    }

    /** Staged learners (leavers aside). */
    public long learnerCount(long jobInstanceId) {
        return jdbc.queryForObject("select count(*) from " + table(jobInstanceId) + " where not leaver", Long.class);
    }

    /**
     * The user ids that cut the staged learners into {@code parts} ranges of about equal size, in
     * the database's sort order (the one the readers read in); fewer when there are few learners.
     */
    public List<String> splitPoints(long jobInstanceId, int parts) {
        long count = learnerCount(jobInstanceId);
        List<String> splits = new ArrayList<>();
        for (int part = 1; part < parts; part++) {
            long offset = count * part / parts;
            if (offset == 0) {
                continue;
            }
            List<String> id = jdbc.queryForList("select external_user_id from " + table(jobInstanceId)
                    + " where not leaver order by external_user_id offset ? rows fetch next 1 rows only", String.class,
                    offset);
            if (!id.isEmpty() && (splits.isEmpty() || !splits.get(splits.size() - 1).equals(id.get(0)))) {
                splits.add(id.get(0));
            }
        }
        return splits;
    }

    /**
     * Tonight's staged learners of one id range (ends null: open), in id order, a page at a time
     * from the last id read (a restart starts after the last id committed). Pages, not one
     * streamed cursor: H2 lost the pages under a lazy cursor that stayed open while the partitions
     * wrote ("Chunk … not found"); and on this table's one-column key a page is one index seek.
     */
    public static JdbcPagingItemReader<StagedLearner> learnerReader(DataSource dataSource, long jobInstanceId,
                                                                    String fromId, String toId, int pageSize)
            throws Exception {
        Map<String, Object> range = new HashMap<>();
        String where = "not leaver";
        if (fromId != null) {
            where += " and external_user_id >= :fromId";
            range.put("fromId", fromId);
        }
        if (toId != null) {
            where += " and external_user_id < :toId";
            range.put("toId", toId);
        }
        JdbcPagingItemReader<StagedLearner> reader = new JdbcPagingItemReaderBuilder<StagedLearner>()
                .name("learnerReader")
                .dataSource(dataSource)
                .selectClause("select external_user_id, line_no, first_name, last_name, email, phone, team_ids, locale,"
                        + " fingerprint")
                .fromClause("from " + table(jobInstanceId))
                .whereClause(where)
                .parameterValues(range)
                .sortKeys(Map.of("external_user_id", Order.ASCENDING))
                .pageSize(pageSize)
                .rowMapper((rs, i) -> new StagedLearner(LearnerRepository.learner(rs), rs.getLong("fingerprint")))
                .build();
        reader.afterPropertiesSet();
        return reader;
    }

    /**
     * These ids in the database's order, each once: split points sampled in Java's order must be
     * put in the order the ranges' {@code >=} and {@code <} compare in (a collation may differ from
     * Java's), or two ranges would overlap.
     */
    public List<String> inDatabaseOrder(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("select distinct v.id from " + SqlValues.ids(ids.size()) + " order by v.id",
                String.class, ids.toArray());
    }

    static String teamIds(List<Long> teamIds) {
        return teamIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
