package com.example.hublinks.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The jdbc roster source against a real PostgreSQL, started by the test. */
class JdbcRosterPostgresTest extends JdbcRosterContract {

    static final EmbeddedPostgres POSTGRES = start();

    static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.start();
            createHrTable(postgres.getPostgresDatabase());
            return postgres;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL", e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        POSTGRES.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        properties(registry, "jdbc-roster-postgres-test", POSTGRES.getJdbcUrl("postgres", "postgres"), "postgres");
    }

    @Override
    DataSource hrDatabase() {
        return POSTGRES.getPostgresDatabase();
    }

    @Test
    void theDeltaInsertOfNewIdsOnlyWorksOnPostgres() {
        NightDelta delta = new NightDelta(new JdbcTemplate(POSTGRES.getPostgresDatabase()));
        delta.create(7);

        List<StagedLearner> first = delta.insertNew(7, List.of(learner("E1", 2), learner("E2", 3)));
        List<StagedLearner> second = delta.insertNew(7, List.of(learner("E1", 9), learner("E3", 10)));

        assertThat(first).isEmpty(); // the duplicates it skipped
        assertThat(second).extracting(s -> s.learner().lineNo()).containsExactly(9L);
        assertThat(delta.lineOf(7, "E1")).isEqualTo(2);
        assertThat(delta.learnerCount(7)).isEqualTo(3);
        delta.drop(7);
    }

    private static StagedLearner learner(String id, long line) {
        return new StagedLearner(new Learner(id, "A", "B", id + "@example.com", "", List.of(5L, 6L), "", line), 0);
    }
}
