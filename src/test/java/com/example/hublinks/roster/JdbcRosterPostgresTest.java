package com.example.hublinks.roster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
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
}
